// The journal with 1,000 entries: how long until the list's first page is on screen, and how long search
// takes. (Until issue 14 the list rendered every entry, and this measured until all 1,000 were in the DOM;
// it now shows PAGE entries and loads older ones as the person scrolls.)
//
// Method (timing in the page; DevTools-protocol latency is not included):
//  1. Load the app once at #/journal, so it opens (and if needed upgrades) the `groundwork` database.
//  2. Seed ENTRIES realistic entries with raw IndexedDB from the page, in one transaction, opening the
//     database at its current version (no version argument). Every record satisfies EntrySchema in
//     src/storage/schema.ts: free entries and five-senses session entries (with before/after ratings and
//     module answers), a few unfinished, spread over ~200 days — ENTRIES of them visible, plus DELETED
//     soft-deleted ones in the same store (which the list must leave out). A marker word appears in a
//     known number of entries, for search.
//  3. List load (page load): page.reload() at #/journal (a fresh document), RUNS times. An init script (runs
//     before the app, not subject to the CSP) watches the DOM and records performance.now() — ms since
//     navigation start — when the list holds every expected item, and again at the next animation frame
//     (the frame that paints it).
//  4. List load (in-app): from #/today, set location.hash = '#/journal' and time until the full list is
//     in the DOM, RUNS times. This is the cost a person pays tapping "Journal" in a running app.
//  5. Search: with the full list shown, set the search box's value to the marker word and dispatch an
//     `input` event (what a keystroke does); time until the role=status count shows the filtered count
//     and the list holds exactly that many items; then clear it and wait for the full list again. RUNS times.

import { MARKS_TAG, reloadForMarks } from './lib/page-marks.mjs';
import { seedInPage } from './lib/seed-journal.mjs';

export const ENTRIES = 1000;
/** Entries on the journal's first page (JournalList.svelte `PAGE`). */
const PAGE = 30;
const DELETED = 20;
const RUNS = 5;
const MARKER = 'lighthouse';

/**
 * Init script: record when the journal list holds window.__gwListExpect items. Self-contained; logs the marks
 * with `tag` once painted (lib/page-marks.mjs), so Node waits without running anything in the page.
 */
function listTimer(tag) {
  const state = (window.__gwList = { expect: Number(sessionStorage.getItem('gwListExpect') || 0), inDom: null, painted: null });
  const count = () => document.querySelectorAll('ul.entries > li').length;
  const mo = new MutationObserver(() => {
    if (state.inDom == null && state.expect > 0 && count() >= state.expect) {
      state.inDom = performance.now();
      requestAnimationFrame(() => {
        state.painted = performance.now();
        console.debug(tag + JSON.stringify(state));
      });
    }
  });
  mo.observe(document, { childList: true, subtree: true });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r1 = (n) => Math.round(n * 10) / 10;

/** @param {{ page: import('playwright-core').Page, baseURL: string }} ctx */
export default async function journal1000({ page, baseURL }) {
  await page.addInitScript(listTimer, MARKS_TAG);
  // 1. First visit: the app opens its database.
  await page.goto(`${baseURL}/#/journal`);
  await page.getByRole('heading', { name: 'Journal' }).waitFor();
  await page.getByText('Nothing here yet', { exact: false }).waitFor();

  // 2. Seed.
  const seeded = await page.evaluate(seedInPage, { count: ENTRIES, deleted: DELETED, seed: 20261125, marker: MARKER, now: Date.now() });
  const N = seeded.expectedVisible;
  const FIRST = Math.min(N, PAGE);
  await page.evaluate((n) => sessionStorage.setItem('gwListExpect', String(n)), FIRST);

  // 3. Page load at #/journal → every item in the DOM.
  const load = [];
  const loadPaint = [];
  for (let i = 0; i < RUNS; i++) {
    const t = await reloadForMarks(page, (m) => m.painted != null, 30_000); // a fresh document at #/journal
    load.push(t.inDom);
    loadPaint.push(t.painted);
  }
  const shown = await page.locator('ul.entries > li').count();
  if (shown !== FIRST) throw new Error(`journal-1000: ${shown} items shown, expected ${FIRST}`);

  // 4. In-app navigation from Today.
  const nav = [];
  for (let i = 0; i < RUNS; i++) {
    await page.evaluate(() => (location.hash = '#/today'));
    await page.getByRole('heading', { name: 'Today', exact: true }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('ul.entries > li').length === 0);
    const ms = await page.evaluate(
      (n) =>
        new Promise((resolve, reject) => {
          const start = performance.now();
          const count = () => document.querySelectorAll('ul.entries > li').length;
          const mo = new MutationObserver(() => {
            if (count() >= n) {
              mo.disconnect();
              resolve(performance.now() - start);
            }
          });
          mo.observe(document, { childList: true, subtree: true });
          setTimeout(() => (mo.disconnect(), reject(new Error('in-app navigation: list never complete'))), 30_000);
          location.hash = '#/journal';
        }),
      FIRST,
    );
    nav.push(ms);
  }

  // 5. Search for the marker word, then clear.
  const search = [];
  const clear = [];
  const status = page.getByRole('status').filter({ hasText: /entries|entry|No entries/ });
  await page.getByLabel('Search your journal').focus(); // as a person would: the worker reads the journal meanwhile
  await status.first().waitFor();
  for (let i = 0; i < RUNS; i++) {
    const r = await page.evaluate(
      ({ word, first }) =>
        new Promise((resolve, reject) => {
          const input = document.getElementById('journal-search');
          const statusEl = [...document.querySelectorAll('main [role=status]')].at(-1);
          const items = () => document.querySelectorAll('ul.entries > li').length;
          const time = (value, done) =>
            new Promise((res) => {
              const start = performance.now();
              const mo = new MutationObserver(() => {
                if (done()) {
                  mo.disconnect();
                  const inDom = performance.now() - start;
                  requestAnimationFrame(() => res({ inDom, painted: performance.now() - start }));
                }
              });
              mo.observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true });
              input.value = value;
              input.dispatchEvent(new Event('input', { bubbles: true }));
            });
          setTimeout(() => reject(new Error('search: status never updated')), 30_000);
          let filteredCount = null;
          time(word, () => {
            const m = /^(\d+) entr/.exec(statusEl.textContent.trim());
            if (!m) return false;
            filteredCount = Number(m[1]);
            return items() === Math.min(filteredCount, first);
          })
            .then((filter) =>
              time('', () => !/^\d+ entr/.test(statusEl.textContent.trim()) && items() === first).then((cleared) =>
                resolve({ filter, cleared, filteredCount }),
              ),
            )
            .catch(reject);
        }),
      { word: MARKER, first: FIRST },
    );
    if (r.filteredCount !== seeded.markerVisible) throw new Error(`journal-1000: search showed ${r.filteredCount}, expected ${seeded.markerVisible}`);
    search.push(r.filter.inDom);
    clear.push(r.cleared.inDom);
  }

  const common = `${seeded.written} entries seeded in one raw IndexedDB transaction (${r1(seeded.writeMs)} ms): ${N} visible, ${seeded.written - N} soft-deleted; Chromium headless, in-page timing, median of ${RUNS}.`;
  return [
    {
      name: `journal: page load at #/journal until the first ${FIRST} of ${N} items are in the DOM`,
      value: median(load),
      unit: 'ms',
      detail: `${common} page.reload() at #/journal; ms from navigation start to the MutationObserver seeing the last list item (includes app start, the JournalList chunk, opening IndexedDB, reading and validating the first page, rendering it); next frame median ${r1(median(loadPaint))} ms; runs ${load.map(r1).join(', ')}.`,
    },
    {
      name: `journal: in-app navigation Today → Journal until the first ${FIRST} of ${N} items are in the DOM`,
      value: median(nav),
      unit: 'ms',
      detail: `${common} location.hash set from #/today (screen chunk already cached) → the first page's last item inserted; runs ${nav.map(r1).join(', ')}.`,
    },
    {
      name: `journal: search "${MARKER}" filters ${N} → ${seeded.markerVisible} entries`,
      value: median(search),
      unit: 'ms',
      detail: `${common} input event with the whole word (search field focused first, so the worker has read the journal) → the role=status count shows ${seeded.markerVisible} and the list holds min(that, ${FIRST}) items; runs ${search.map(r1).join(', ')}. Clearing the search back to the first page: median ${r1(median(clear))} ms.`,
    },
  ];
}

// Issue 14: the journal scales with what is on screen, not with how much was ever written.
//
// Method (timing in the page with performance.now(); DevTools-protocol latency is not included):
//  1. Load the app once at #/journal so it creates the `groundwork` database; seed SMALL entries with the
//     generator of journal-1000.bench.mjs (raw IndexedDB, one transaction, schema-valid, 40 % sessions).
//  2. First entry at SMALL: page.reload() at #/journal, RUNS times. An init script (before any app code)
//     records performance.now() — ms since navigation start — when the first saved-entry list item is in
//     the DOM (MutationObserver), and when IndexedDB's `groundwork` open succeeded (wrapping
//     IDBFactory.open), so "after the database opens" can be reported too.
//  3. Clear the store, seed LARGE entries, and measure the same, in the same browser and run.
//  4. Search over LARGE: set the search box's value and dispatch `input` (what a keystroke does); time
//     until the role=status count shows the answer and the list holds min(count, 30) items. Queries hit
//     different fields: a body/answer marker word, a title word, a five-senses answer word, a body word.
//     The first search after opening the journal builds the worker's index (reported apart, "cold");
//     then SEARCH_RUNS searches cycling through the queries (clearing between), median and p95.
//  5. Today with LARGE entries and DOSES doses (the newest a day ago, so the phase card shows): reload at
//     #/today, RUNS times; ms from the database open's success to (a) the phase card's heading and
//     (b) the grounding list re-ranked by the person's ratings (the "helped you most" badge) in the DOM.
// Reloads are awaited through console messages (lib/page-marks.mjs), not page.waitForFunction, whose
// injected script would add ~9 ms of the harness's own main-thread work to the start-up being timed.
import { seedInPage } from './journal-1000.bench.mjs';
import { MARKS_TAG, reloadForMarks } from './lib/page-marks.mjs';

const SMALL = 100;
const LARGE = 10_000;
const DOSES = 200;
const RUNS = 7;
const SEARCH_RUNS = 20;
const MARKER = 'lighthouse';
const QUERIES = [MARKER, 'letter', 'curtains', 'whitby'];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
};
const r1 = (n) => (n == null ? null : Math.round(n * 10) / 10);

/**
 * Init script: when the database opened, the first entry, the phase card and the ranked list appeared. Each
 * new mark is logged with `tag` (lib/page-marks.mjs), so Node waits without running anything in the page.
 */
function timers(tag) {
  const state = (window.__gw = { dbOpen: null, firstEntry: null, phase: null, ranked: null });
  const announce = () => console.debug(tag + JSON.stringify(state));
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (name, ...rest) {
    const req = open.call(this, name, ...rest);
    if (name === 'groundwork') req.addEventListener('success', () => (state.dbOpen ??= performance.now()));
    return req;
  };
  const mo = new MutationObserver(() => {
    const now = performance.now();
    const before = JSON.stringify(state);
    if (state.firstEntry == null && document.querySelector('main ul.entries:not(.waiting) > li')) state.firstEntry = now;
    if (state.phase == null && document.querySelector('main .card.phase h2')) state.phase = now;
    if (state.ranked == null && [...document.querySelectorAll('main .badge')].some((b) => /helped you most/.test(b.textContent))) state.ranked = now;
    if (JSON.stringify(state) !== before) announce();
  });
  mo.observe(document, { childList: true, subtree: true, characterData: true });
}

function clearStores(stores) {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('groundwork');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(stores, 'readwrite');
      for (const s of stores) tx.objectStore(s).clear();
      tx.oncomplete = () => (db.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Runs in the page: `count` schema-valid doses, one a day going back from a day ago. */
function seedDoses({ count, now }) {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('groundwork');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction('doses', 'readwrite');
      for (let i = 0; i < count; i++) {
        const taken = now - (1 + i * 3) * 86_400_000 - 3 * 3_600_000;
        tx.objectStore('doses').put({
          id: `bench-dose-${i}`,
          takenAt: new Date(taken).toISOString(),
          zone: 'UTC',
          offsetMinutes: 0,
          setting: i % 2 ? 'clinic' : 'home',
          effectsPassedAt: new Date(taken + 3 * 3_600_000).toISOString(),
          createdAt: taken,
          updatedAt: taken,
        });
      }
      tx.oncomplete = () => (db.close(), resolve(count));
      tx.onerror = () => reject(tx.error);
    };
  });
}

async function reloadUntil(page, key, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) out.push(await reloadForMarks(page, (m) => m[key] != null));
  return out;
}

/** Runs in the page: one search, input event → status answered and the list shows it. */
function searchOnce({ word }) {
  return new Promise((resolve, reject) => {
    const input = document.getElementById('journal-search');
    const statusEl = () => [...document.querySelectorAll('main [role=status]')].at(-1);
    const items = () => document.querySelectorAll('main ul.entries:not(.waiting) > li').length;
    const done = () => {
      const text = statusEl()?.textContent.trim() ?? '';
      const m = /^(\d+) entr/.exec(text);
      if (m) return items() === Math.min(Number(m[1]), 30) ? Number(m[1]) : null;
      return text.startsWith('No entries match') && items() === 0 ? 0 : null;
    };
    const start = performance.now();
    const mo = new MutationObserver(() => {
      const n = done();
      if (n != null) {
        mo.disconnect();
        resolve({ ms: performance.now() - start, count: n });
      }
    });
    mo.observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true });
    setTimeout(() => (mo.disconnect(), reject(new Error(`search "${word}" never answered`))), 60_000);
    input.value = word;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function clearSearch(page) {
  await page.evaluate(() => {
    const input = document.getElementById('journal-search');
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction(() => /most recent entries|^\d+ entr/.test([...document.querySelectorAll('main [role=status]')].at(-1)?.textContent.trim() ?? ''));
}

/** @param {{ page: import('playwright-core').Page, baseURL: string }} ctx */
export default async function journal10k({ page, baseURL }) {
  await page.addInitScript(timers, MARKS_TAG);
  await page.goto(`${baseURL}/#/journal`);
  await page.getByText('Nothing here yet', { exact: false }).waitFor();

  // 1–2. SMALL entries.
  const small = await page.evaluate(seedInPage, { count: SMALL, deleted: 0, seed: 14_100, marker: MARKER, now: Date.now() });
  const atSmall = await reloadUntil(page, 'firstEntry', RUNS);

  // 3. LARGE entries (same browser, same run).
  await page.evaluate(clearStores, ['entries']);
  const large = await page.evaluate(seedInPage, { count: LARGE, deleted: 0, seed: 14_10_000, marker: MARKER, now: Date.now() });
  const atLarge = await reloadUntil(page, 'firstEntry', RUNS);
  const firstSmall = median(atSmall.map((t) => t.firstEntry));
  const firstLarge = median(atLarge.map((t) => t.firstEntry));
  const afterOpen = (ts) => median(ts.map((t) => t.firstEntry - t.dbOpen));

  // 4. Search over LARGE.
  await page.reload();
  await page.waitForFunction(() => window.__gw?.firstEntry != null);
  const cold = await page.evaluate(searchOnce, { word: QUERIES[0] });
  if (cold.count !== large.markerVisible) throw new Error(`journal-10k: search found ${cold.count}, expected ${large.markerVisible}`);
  await clearSearch(page);
  const warm = [];
  const counts = {};
  for (let i = 0; i < SEARCH_RUNS; i++) {
    const word = QUERIES[i % QUERIES.length];
    const r = await page.evaluate(searchOnce, { word });
    counts[word] = r.count;
    warm.push(r.ms);
    await clearSearch(page);
  }
  if (counts[MARKER] !== large.markerVisible) throw new Error(`journal-10k: search found ${counts[MARKER]}, expected ${large.markerVisible}`);

  // 5. Today with LARGE entries and DOSES doses.
  await page.evaluate(seedDoses, { count: DOSES, now: Date.now() });
  await page.evaluate(() => (location.hash = '#/today'));
  await page.getByRole('heading', { name: 'Today', exact: true }).waitFor();
  const today = [];
  for (let i = 0; i < RUNS; i++) today.push(await reloadForMarks(page, (m) => m.phase != null && m.ranked != null));
  const phaseAfterOpen = today.map((t) => t.phase - t.dbOpen);
  const rankedAfterOpen = today.map((t) => t.ranked - t.dbOpen);
  const todayAfterOpen = today.map((t) => Math.max(t.phase, t.ranked) - t.dbOpen);

  const where = `Chromium headless, ${RUNS} reloads each, median; entries seeded with raw IndexedDB (schema-valid, 40 % five-senses sessions)`;
  return [
    {
      name: `journal: first entry on screen, ${SMALL} entries`,
      value: firstSmall,
      unit: 'ms',
      detail: `${where}. Navigation start → first saved-entry <li> in the DOM (includes app start, the JournalList chunk, opening IndexedDB, reading the first page); after the database opened: ${r1(afterOpen(atSmall))} ms; runs ${atSmall.map((t) => r1(t.firstEntry)).join(', ')}. ${small.written} seeded.`,
    },
    {
      name: `journal: first entry on screen, ${LARGE} entries`,
      value: firstLarge,
      unit: 'ms',
      detail: `${where}. Same as at ${SMALL}, same run: ${r1(firstLarge / firstSmall)}× the time with ${SMALL} (goal ≤ 1.5×); after the database opened: ${r1(afterOpen(atLarge))} ms (at ${SMALL}: ${r1(afterOpen(atSmall))} ms); runs ${atLarge.map((t) => r1(t.firstEntry)).join(', ')}.`,
    },
    {
      name: `journal: search over ${LARGE} entries, median`,
      value: median(warm),
      unit: 'ms',
      detail: `Input event → role=status count and the list showing min(count, 30) items; ${SEARCH_RUNS} searches cycling ${QUERIES.map((q) => `"${q}" (${counts[q]})`).join(', ')} — body, title and five-senses answers — cleared between; p95 ${r1(p95(warm))} ms (target ≤ 100 ms); runs ${warm.map(r1).join(', ')}. The first search after opening the journal builds the worker's index: ${r1(cold.ms)} ms.`,
    },
    { name: `journal: search over ${LARGE} entries, p95`, value: p95(warm), unit: 'ms', detail: 'See the median row.' },
    {
      name: `today: first render with ${LARGE} entries and ${DOSES} doses, after the database opens`,
      value: median(todayAfterOpen),
      unit: 'ms',
      detail: `page.reload() at #/today; IndexedDB open success → both the phase card's heading and the grounding list re-ranked by the person's ratings ("helped you most") in the DOM (target ≤ 50 ms). Phase card alone: median ${r1(median(phaseAfterOpen))} ms; ranking alone: ${r1(median(rankedAfterOpen))} ms; database open at ${r1(median(today.map((t) => t.dbOpen)))} ms after navigation start; runs ${todayAfterOpen.map(r1).join(', ')}.`,
    },
  ];
}

// Issue 17: encryption at rest at 10,000 entries — journal first paint and search with it off and on, the
// per-keystroke save cost with it on (p95 main-thread time ≤ 16 ms), and how long turning it on takes.
//
// Method (timing in the page with performance.now() or CDP metrics; DevTools-protocol latency not included):
//  1. Load #/journal once (it creates the `groundwork` database); seed N entries with lib/seed-journal.mjs's generator
//     (raw IndexedDB, schema-valid, 40 % five-senses sessions).
//  2. OFF, first paint: page.reload() at #/journal, RUNS times; an init script (before any app code) records
//     performance.now() when the first saved-entry <li> is in the DOM, and when IndexedDB's open succeeded.
//  3. OFF, search: journal-10k.bench.mjs's searchOnce (input event → the role=status count and the list agree);
//     the first search builds the worker's index ("cold"), then SEARCH_RUNS searches, median and p95.
//  4. OFF, keystroke: #/journal/new, KEYS characters typed one at a time; for each, CDP Performance.getMetrics
//     TaskDuration (all renderer main-thread task time) from before the key press until the draft's next
//     IndexedDB transaction has committed (put wrapped by the init script) and a frame has passed — so every
//     keystroke is followed by its own save, the most a keystroke can cost. p50/p95/max.
//  5. Turn the lock on through Settings (600,000-iteration PBKDF2, then every record sealed in the background):
//     ms from the click to "Everything stored is encrypted." — the re-encryption of N entries.
//  6. ON, first paint: reload at #/journal (locked), type the passphrase, click Unlock; ms from the click
//     (capture listener) to the first entry <li>; and from the lock screen's h1 leaving the DOM (key derived,
//     data key unwrapped) to the first entry — the cost of opening a sealed first page.
//  7. ON, search: as in 3. With the lock on, the worker (which has no key) refuses sealed entries and the
//     search runs on the main thread, opening every entry in memory.
//  8. ON, keystroke: as in 4 (the draft is sealed before it is written).
import { readStore } from './lib/idb.mjs';
import { timeSearches } from './lib/journal-search.mjs';
import { bareTextareaFloor, mainThreadClock, timeKeystrokes } from './lib/keystrokes.mjs';
import { MARKS_TAG, marksAfter, reloadForMarks } from './lib/page-marks.mjs';
import { seedEmptyJournal } from './lib/seed-journal.mjs';
import { median, quantile, r1 } from './lib/stats.mjs';

const N = 10_000;
const RUNS = 5;
const SEARCH_RUNS = 8;
const KEYS = 100;
const GAP_MS = 60;
const MARKER = 'lighthouse';
const QUERIES = [MARKER, 'letter', 'curtains', 'whitby'];
const PASS = 'river stone quiet lamp';
const TYPED = 'the kettle clicked off and I stayed with it, '.repeat(3).slice(0, KEYS);
const LONG = 5_000;

/**
 * Init script: database open, first entry, the Unlock click, the lock screen gone; draft commits. Each new
 * first-paint mark is logged with `tag` (lib/page-marks.mjs), so Node waits without running anything in the page.
 */
function timers(tag) {
  const state = (window.__gw = { dbOpen: null, firstEntry: null, unlockClick: null, lockGone: null, draftCommits: 0 });
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (name, ...rest) {
    const req = open.call(this, name, ...rest);
    if (name === 'groundwork') req.addEventListener('success', () => (state.dbOpen ??= performance.now()));
    return req;
  };
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (value, key) {
    const request = put.call(this, value, key);
    if (this.name === 'drafts' && value && value.id === 'journal:new') this.transaction.addEventListener('complete', () => state.draftCommits++);
    return request;
  };
  document.addEventListener(
    'click',
    (e) => {
      if (e.target?.closest?.('button')?.textContent.trim() === 'Unlock') state.unlockClick = performance.now();
    },
    true,
  );
  const mo = new MutationObserver(() => {
    const now = performance.now();
    const had = state.firstEntry;
    if (state.firstEntry == null && document.querySelector('main ul.entries:not(.waiting) > li')) state.firstEntry = now;
    if (state.unlockClick != null && state.lockGone == null && ![...document.querySelectorAll('h1')].some((h) => h.textContent.trim() === 'Groundwork is locked'))
      state.lockGone = now;
    if (had !== state.firstEntry) console.debug(tag + JSON.stringify(state));
  });
  mo.observe(document, { childList: true, subtree: true, characterData: true });
}

/** journal-10k's search timing (lib/journal-search.mjs): cold, then SEARCH_RUNS warm. */
const searches = (page, expected) => timeSearches(page, { queries: QUERIES, runs: SEARCH_RUNS, expected, label: 'at-rest', timeoutMs: 120_000 });

/** Main-thread time per keystroke in the journal editor, each keystroke followed by its own draft save. */
async function keystrokes(page, baseURL) {
  await page.goto(`${baseURL}/#/journal/new`);
  const box = page.getByLabel('Your entry');
  await box.waitFor({ state: 'visible' });
  await page.waitForFunction(() => !document.querySelector('#entry-body')?.disabled);
  // A long entry already open (what makes a save cost more: the whole draft is sealed per write).
  await box.fill('I remember the rain on the window. '.repeat(Math.ceil(LONG / 35)).slice(0, LONG));
  await page.waitForFunction(() => window.__gw.draftCommits > 0, null, { timeout: 10_000 });
  await box.focus();
  await page.keyboard.press('Control+End');
  await page.waitForTimeout(1200);
  const clock = await mainThreadClock(page);
  const out = await timeKeystrokes(page, clock, {
    typed: TYPED,
    gapMs: GAP_MS,
    mark: () => page.evaluate(() => window.__gw.draftCommits),
    saved: (i, commits) => page.waitForFunction((n) => window.__gw.draftCommits > n, commits, { timeout: 5000 }),
  });
  // The browser's own share: a bare textarea with the same text added to the same page (no app code
  // listening), typed into and measured the same way (wet-typing.bench.mjs's floor).
  const floor = await bareTextareaFloor(page, clock, {
    value: await box.inputValue(),
    css: 'width:100%;min-height:40vh;font-size:1.1rem;line-height:1.6',
    settleMs: 300,
    typed: TYPED,
    gapMs: GAP_MS,
  });
  await clock.detach();
  return { app: out, floor };
}

async function firstPaintOff(page, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) out.push(await reloadForMarks(page, (m) => m.firstEntry != null));
  return out;
}

async function firstPaintOn(page, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Groundwork is locked', exact: true }).waitFor({ timeout: 60_000 });
    await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
    const unlock = page.getByRole('button', { name: 'Unlock', exact: true });
    out.push(await marksAfter(page, (m) => m.firstEntry != null, () => unlock.click()));
  }
  return out;
}

/** @param {{ page: import('playwright-core').Page, baseURL: string }} ctx */
export default async function atRestBench({ page, baseURL }) {
  await page.addInitScript(timers, MARKS_TAG);
  const seeded = await seedEmptyJournal(page, baseURL, { count: N, seed: 17_10_000, marker: MARKER });

  // OFF
  const offPaint = await firstPaintOff(page, RUNS);
  const offSearch = await searches(page, seeded.markerVisible);
  const { app: offKeys, floor: offFloor } = await keystrokes(page, baseURL);

  // Turn it on (Settings), and wait for every record to be sealed.
  await page.goto(`${baseURL}/#/settings`);
  const lock = page.getByRole('region', { name: 'App lock' });
  await lock.getByLabel('New passphrase', { exact: true }).fill(PASS);
  await lock.getByLabel('The same passphrase again', { exact: true }).fill(PASS);
  await lock.getByRole('checkbox', { name: 'I understand a forgotten passphrase cannot be recovered.' }).check();
  const t0 = Date.now();
  await lock.getByRole('button', { name: 'Turn the lock on' }).click();
  await lock.getByText('Everything listed above is encrypted.').waitFor({ timeout: 300_000 });
  const sealMs = Date.now() - t0;
  const rawCheck = (await page.evaluate(readStore, { store: 'entries', count: 50 })).every((x) => 'sealed' in x && !('body' in x));
  if (!rawCheck) throw new Error('at-rest: entries are not sealed after turning the lock on');

  // ON
  await page.goto(`${baseURL}/#/journal`);
  const onPaint = await firstPaintOn(page, RUNS);
  const onSearch = await searches(page, seeded.markerVisible);
  const { app: onKeys, floor: onFloor } = await keystrokes(page, baseURL);

  const clickToEntry = onPaint.map((t) => t.firstEntry - t.unlockClick);
  const unlockedToEntry = onPaint.map((t) => t.firstEntry - t.lockGone);
  const where = `Chromium headless, ${N.toLocaleString('en')} entries (journal-1000's generator), ${RUNS} reloads, median`;
  const keyDetail = (xs) => `p50 ${r1(median(xs))} ms, p95 ${r1(quantile(xs, 0.95))} ms, max ${r1(Math.max(...xs))} ms`;
  return [
    {
      name: `at rest off: journal first entry on screen, ${N} entries`,
      value: median(offPaint.map((t) => t.firstEntry)),
      unit: 'ms',
      detail: `${where}. Navigation start → first entry <li>; after the database opened: ${r1(median(offPaint.map((t) => t.firstEntry - t.dbOpen)))} ms.`,
    },
    {
      name: `at rest on: journal first entry after Unlock, ${N} entries`,
      value: median(clickToEntry),
      unit: 'ms',
      detail: `${where}. Click on Unlock → first entry <li> (includes deriving the key: PBKDF2-SHA-256, 600,000 iterations, and unwrapping the data key); from the lock screen leaving the DOM → first entry (opening the sealed first page): ${r1(median(unlockedToEntry))} ms; runs ${clickToEntry.map(r1).join(', ')}.`,
    },
    {
      name: `at rest off: search over ${N} entries, median`,
      value: median(offSearch.warm),
      unit: 'ms',
      detail: `In the worker. p95 ${r1(quantile(offSearch.warm, 0.95))} ms; first search (builds the index) ${r1(offSearch.cold)} ms; ${SEARCH_RUNS} searches cycling ${QUERIES.map((q) => `"${q}" (${offSearch.counts[q]})`).join(', ')}.`,
    },
    {
      name: `at rest on: search over ${N} entries, median`,
      value: median(onSearch.warm),
      unit: 'ms',
      detail: `On the main thread (the worker has no key), every entry opened in memory per search, in batches. p95 ${r1(quantile(onSearch.warm, 0.95))} ms; first search ${r1(onSearch.cold)} ms.`,
    },
    {
      name: 'at rest off: main-thread time per keystroke + its draft save, p95',
      value: quantile(offKeys, 0.95),
      unit: 'ms',
      detail: `#/journal/new with ${LONG.toLocaleString('en')} characters open; ${KEYS} keystrokes, each followed by its own draft write (TaskDuration from before the key press to the commit plus a frame). ${keyDetail(offKeys)}. The browser's own share, a bare textarea with the same text in the same page: ${keyDetail(offFloor)}.`,
    },
    {
      name: 'at rest on: main-thread time per keystroke + its sealed draft save, p95',
      value: quantile(onKeys, 0.95),
      unit: 'ms',
      detail: `As the off row, the draft sealed (AES-GCM-256) before each write. ${keyDetail(onKeys)}; target ≤ 16 ms. The browser's own share (bare textarea, same text): ${keyDetail(onFloor)}.`,
    },
    {
      name: `at rest: turning it on, ${N} entries sealed`,
      value: sealMs,
      unit: 'ms',
      detail: 'Click on "Turn the lock on" (PBKDF2 600,000 iterations, a new data key) → "Everything listed above is encrypted." (every record sealed in the background, in batches of 200, with progress).',
    },
  ];
}

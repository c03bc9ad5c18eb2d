// IndexedDB at 10,000 journal entries (DESIGN.md §8): the raw cost of the operations the journal is
// built on, in Chromium, against the app's real `groundwork` database (its real stores and indexes —
// entries is indexed by createdAt, kind and updatedAt, and every put maintains all three).
//
// Method (timing in the page with performance.now(); DevTools-protocol latency is not included):
//  - Load the app once at #/journal so it creates/upgrades the database; then open it from the page at
//    its current version with plain IndexedDB.
//  - Write: generate ENTRIES realistic, schema-valid entries (the generator in lib/seed-journal.mjs;
//    generating is not timed), then time one readwrite transaction that puts them all, from creating the
//    transaction to its `complete` event (the commit). WRITE_RUNS times, clearing the store in between.
//  - Read all, as entries.list() does before validating: getAll() on the createdAt index, in a new
//    readonly transaction, until its success event. READ_RUNS times on a warm connection; and once on a
//    connection opened just before (the first read after the app starts).
//  - Also timed: count(), and the first 50 newest via a cursor on createdAt (what a paginated list would do).
//    Reported in detail.
import { seedInPage } from './lib/seed-journal.mjs';

const ENTRIES = 10_000;
const WRITE_RUNS = 3;
const READ_RUNS = 5;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r1 = (n) => Math.round(n * 10) / 10;

/** Runs in the page. Self-contained. */
function reads({ runs }) {
  const open = () =>
    new Promise((resolve, reject) => {
      const req = indexedDB.open('groundwork');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const done = (req) =>
    new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  return (async () => {
    // First read on a connection opened just now.
    let db = await open();
    let t = performance.now();
    const first = await done(db.transaction('entries').objectStore('entries').index('createdAt').getAll());
    const coldGetAllMs = performance.now() - t;
    const getAllMs = [];
    for (let i = 0; i < runs; i++) {
      t = performance.now();
      const all = await done(db.transaction('entries').objectStore('entries').index('createdAt').getAll());
      getAllMs.push(performance.now() - t);
      if (all.length !== first.length) throw new Error('reads: count changed');
    }
    t = performance.now();
    const count = await done(db.transaction('entries').objectStore('entries').count());
    const countMs = performance.now() - t;
    t = performance.now();
    const newest = await new Promise((resolve, reject) => {
      const out = [];
      const req = db.transaction('entries').objectStore('entries').index('createdAt').openCursor(null, 'prev');
      req.onsuccess = () => {
        const c = req.result;
        if (!c || out.length >= 50) return resolve(out);
        out.push(c.value);
        c.continue();
      };
      req.onerror = () => reject(req.error);
    });
    const newest50Ms = performance.now() - t;
    const sorted = first.every((e, i) => i === 0 || first[i - 1].createdAt <= e.createdAt);
    db.close();
    db = undefined;
    return { read: first.length, sorted, coldGetAllMs, getAllMs, count, countMs, newest50: newest.length, newest50Ms, bytes: JSON.stringify(first).length };
  })();
}

function clearEntries() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('groundwork');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction('entries', 'readwrite');
      tx.objectStore('entries').clear();
      tx.oncomplete = () => (db.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** @param {{ page: import('playwright-core').Page, baseURL: string }} ctx */
export default async function idb10k({ page, baseURL }) {
  await page.goto(`${baseURL}/#/journal`);
  await page.getByText('Nothing here yet', { exact: false }).waitFor();
  // Leave the journal so the app holds no list in memory while we measure (its connection stays open,
  // as in real use).
  await page.evaluate(() => (location.hash = '#/settings'));

  const writes = [];
  let seeded;
  for (let i = 0; i < WRITE_RUNS; i++) {
    if (i > 0) await page.evaluate(clearEntries);
    seeded = await page.evaluate(seedInPage, { count: ENTRIES, deleted: 0, seed: 10_000 + i, marker: 'lighthouse', now: Date.now() });
    if (seeded.written !== ENTRIES) throw new Error(`idb-10k: wrote ${seeded.written}`);
    writes.push(seeded.writeMs);
  }
  const r = await page.evaluate(reads, { runs: READ_RUNS });
  if (r.read !== ENTRIES || r.count !== ENTRIES || !r.sorted) throw new Error(`idb-10k: read ${r.read}, count ${r.count}, sorted ${r.sorted}`);

  const where = `Chromium headless, the app's groundwork database (entries with createdAt, kind and updatedAt indexes), ${ENTRIES} schema-valid entries (${r1(r.bytes / 1e6)} MB as JSON; 60% free text, 40% five-senses sessions)`;
  return [
    {
      name: `idb: write ${ENTRIES} entries in one transaction`,
      value: median(writes),
      unit: 'ms',
      detail: `${where}. One readwrite transaction, ${ENTRIES} put()s, created → complete; median of ${WRITE_RUNS} (store cleared between): ${writes.map(r1).join(', ')} ms (${r1((median(writes) / ENTRIES) * 1000)} µs per entry).`,
    },
    {
      name: `idb: read all ${ENTRIES} entries (getAll on the createdAt index)`,
      value: median(r.getAllMs),
      unit: 'ms',
      detail: `${where}. What entries.list() reads before validating and reversing: index('createdAt').getAll() in a new readonly transaction → success; median of ${READ_RUNS} on a warm connection: ${r.getAllMs.map(r1).join(', ')} ms. First read on a freshly opened connection: ${r1(r.coldGetAllMs)} ms. count(): ${r1(r.countMs)} ms. Newest 50 via a createdAt cursor ('prev'): ${r1(r.newest50Ms)} ms.`,
    },
  ];
}

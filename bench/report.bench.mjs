// Issue 16: making a progress report from a year of data, target ≤ 2 s.
//
// Method (timing in the page with performance.now(); DevTools-protocol latency is not included):
//  1. Load the app at #/today so it creates the `groundwork` database; seed a year with raw IndexedDB, every
//     record schema-valid: one journal entry a day for 365 days (a third free entries of a few sentences,
//     a third five-senses sessions with ratings and answers, a third thought records), plus a belief
//     rehearsal twice a week (104 sessions over three beliefs); PHQ-9 and GAD-7 weekly and PCL-5 every two
//     weeks (130 questionnaires); five fear-list situations with 100 in-vivo practices; one written-exposure
//     course of five sessions of a few thousand characters each.
//  2. Open #/report, choose "Everything kept here", open every group's "Show all" and tick every choice
//     (exercises done, the three questionnaires, the three beliefs, the five situations, written
//     exposure's sessions and its words, all 469 journal entries): the largest report a person can make.
//  3. Generation: click "Show me the report" and time until the preview's last section is in the DOM and
//     the next animation frame has run (reading the journal, every provider, each module's summary,
//     schema validation, rendering), RUNS times (a tick off and on in between discards the preview).
//  4. The locked file: type a passphrase twice, click "Make the locked file" and time until "Save the
//     file" is on screen (schema check, JSON, PBKDF2-SHA-256 at 600,000 iterations, AES-GCM), RUNS times.
//     Also the file's size.
import { stat } from 'node:fs/promises';

const DAYS = 365;
const RUNS = 5;
const PASS = 'lantern pebble orchard sky';

/** Runs in the page: a year of schema-valid entries. Self-contained (serialised into the page). */
function seedYear({ days, now }) {
  let s = 0x5eed;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const DAY = 86_400_000;
  const sentences = [
    'Woke up early and felt far away for the first hour.',
    'Made tea and watched the steam; it helped a little.',
    'The walk by the canal was grey but my feet felt solid on the path.',
    'I noticed the old thought again: that I have to earn rest.',
    'Sadness came in the afternoon and left by dinner. I let it.',
    'Rain on the skylight, the cat asleep on my legs, warm socks.',
  ];
  const beliefs = ['I did what I could', 'I am allowed to rest', 'It was not my fault'];
  const records = [];
  for (let d = 0; d < days; d++) {
    const createdAt = now - (d + 0.5) * DAY;
    let body = '';
    for (let k = 0; k < 1 + Math.floor(rand() * 6); k++) body += (k ? ' ' : '') + pick(sentences);
    const base = { id: `year-${d}`, createdAt, updatedAt: createdAt + 60_000, complete: true };
    const kind = d % 3;
    if (kind === 0) records.push({ ...base, kind: 'free', title: `Day ${d}`, body });
    else if (kind === 1)
      records.push({
        ...base,
        kind: 'session',
        moduleId: 'five-senses',
        title: '5-4-3-2-1 senses',
        body: rand() < 0.5 ? '' : body,
        before: { presence: Math.floor(rand() * 6), distress: 3 + Math.floor(rand() * 7), at: createdAt },
        after: { presence: 4 + Math.floor(rand() * 7), distress: Math.floor(rand() * 6), at: createdAt + 60_000 },
        data: { see: { text: 'the lamp, a blue mug, rain', noticed: 5 }, feel: { text: 'feet on the floor', noticed: 4 } },
      });
    else
      records.push({
        ...base,
        kind: 'session',
        moduleId: 'thought-record',
        title: 'Thought record',
        body: '',
        data: { situation: pick(sentences), thought: 'I should be over this by now', alternative: pick(beliefs) },
      });
  }
  for (let w = 0; w < 104; w++) {
    const createdAt = now - (w * 3.5 + 0.25) * DAY;
    const belief = beliefs[w % 3];
    const before = Math.min(100, 10 * Math.floor(2 + (104 - w) / 20 + rand() * 2));
    records.push({
      id: `rehearsal-${w}`,
      kind: 'session',
      moduleId: 'belief-rehearsal',
      title: 'Belief rehearsal',
      body: '',
      createdAt,
      updatedAt: createdAt + 60_000,
      complete: true,
      data: { belief, from: 'own', before, written: belief, after: Math.min(100, before + 20) },
    });
  }
  // Questionnaires: PHQ-9 and GAD-7 weekly, PCL-5 every two weeks (the default rhythm), all answered.
  const measures = [];
  const answers = (n, max) => Array.from({ length: n }, () => Math.floor(rand() * (max + 1)));
  for (let w = 0; w < 52; w++) {
    const at = now - (364 - w * 7) * DAY;
    for (const [measureId, n, max, period] of [['phq9', 9, 3, 'two-weeks'], ['gad7', 7, 3, 'two-weeks'], ...(w % 2 ? [] : [['pcl5', 20, 4, 'month']])]) {
      const a = answers(n, max);
      if (measureId === 'phq9') a[8] = 0;
      measures.push({ id: `m-${measureId}-${w}`, measureId, answers: a, period, startedAt: at, updatedAt: at, completedAt: at, total: a.reduce((x, y) => x + y, 0), band: null });
    }
  }
  // Exposure: five situations on the fear list, 100 in-vivo practices over the year.
  const situations = ['Taking the bus at rush hour', 'The busy shop on a Saturday', 'Driving past the junction', 'Phoning the office', 'Sitting with my back to the door'];
  const hierarchy = {
    id: 'mine',
    updatedAt: now - 300 * DAY,
    items: situations.map((text, i) => ({ id: `h${i}`, text, suds: 40 + i * 10, status: 'practising', safe: 'yes', createdAt: now - 360 * DAY })),
  };
  const exposures = Array.from({ length: 100 }, (_, i) => {
    const at = now - (360 - i * 3.5) * DAY;
    const itemId = `h${i % 5}`;
    const pre = 30 + Math.floor(rand() * 50);
    return {
      id: `x${i}`, kind: 'in-vivo', itemId, startedAt: Math.round(at), updatedAt: Math.round(at), complete: true,
      data: {
        itemId, situation: situations[i % 5], prediction: 'I will panic and have to leave', likelihood: Math.floor(rand() * 101),
        safetyBehaviours: 'Holding my phone', preSuds: pre, presence: 6, peakSuds: Math.min(100, pre + 15), startedAt: Math.round(at),
        elapsedMs: 1_200_000, postSuds: Math.max(0, pre - 20), happened: pick(['yes', 'partly', 'no']), learned: pick(sentences), needsSupport: false,
      },
    };
  });
  // Written exposure: one course of five sessions, each a few thousand characters.
  const sessions = Array.from({ length: 5 }, (_, i) => ({
    n: i + 1, status: 'done', text: Array.from({ length: 40 }, () => pick(sentences)).join(' '),
    caret: { start: 0, end: 0, scrollTop: 0 }, timer: { durationMs: 1_800_000, remainingMs: 0, endsAt: null },
    presence: 5, preSuds: 70 - i * 5, postSuds: 50 - i * 5, selfHarm: 'no', startedAt: now - (60 - i * 7) * DAY, finishedAt: now - (60 - i * 7) * DAY + 1_800_000,
  }));
  const written = { id: 'c1', name: 'The crash', status: 'complete', createdAt: now - 61 * DAY, updatedAt: now - 30 * DAY, sessions };
  const stores = { entries: records, measures, hierarchy: [hierarchy], exposures, writtenExposure: [written] };
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('groundwork');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(Object.keys(stores), 'readwrite');
      for (const [store, rows] of Object.entries(stores)) for (const r of rows) tx.objectStore(store).put(r);
      tx.oncomplete = () => (db.close(), resolve(Object.values(stores).reduce((n, rows) => n + rows.length, 0)));
      tx.onabort = tx.onerror = () => reject(tx.error);
    };
  });
}

/** Runs in the page: click, then wait until `done()` holds and a frame has painted; ms. */
function timeClick({ button, until }) {
  return new Promise((resolve, reject) => {
    const btn = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === button);
    if (!btn) return reject(new Error(`no button ${button}`));
    const t0 = performance.now();
    btn.click();
    const deadline = t0 + 60_000;
    const check = () => {
      const ok = until === 'preview' ? document.querySelector('[data-report] [data-section]:last-of-type') : [...document.querySelectorAll('a')].some((a) => a.textContent.trim() === 'Save the file');
      if (ok) requestAnimationFrame(() => resolve(performance.now() - t0));
      else if (performance.now() > deadline) reject(new Error(`timed out waiting for ${until}`));
      else requestAnimationFrame(check);
    };
    check();
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r1 = (n) => Math.round(n * 10) / 10;

export default async function reportBench({ page, baseURL }) {
  page.setDefaultTimeout(60_000);
  await page.goto(`${baseURL}/#/today`);
  await page.waitForFunction(
    () =>
      new Promise((res) => {
        const r = indexedDB.open('groundwork');
        r.onsuccess = () => {
          const ok = ['entries', 'measures', 'exposures', 'hierarchy', 'writtenExposure'].every((n) => r.result.objectStoreNames.contains(n));
          r.result.close();
          res(ok);
        };
        r.onerror = () => res(false);
      }),
  );
  const seeded = await page.evaluate(seedYear, { days: DAYS, now: Date.now() });

  await page.goto(`${baseURL}/#/report`);
  await page.getByRole('radio', { name: 'Everything kept here' }).check();
  await page.getByRole('checkbox', { name: /The exercises I did/ }).waitFor();
  const ticked = await page.evaluate(() => {
    for (const b of document.querySelectorAll('fieldset.group button')) /** @type {HTMLButtonElement} */ (b).click();
    return new Promise((resolve) =>
      requestAnimationFrame(() => {
        let n = 0;
        for (const box of document.querySelectorAll('fieldset.group input[type=checkbox]')) {
          if (!(/** @type {HTMLInputElement} */ (box).checked)) /** @type {HTMLInputElement} */ (box).click();
          n++;
        }
        resolve(n);
      }),
    );
  });

  const generation = [];
  for (let i = 0; i < RUNS; i++) {
    if (i > 0) {
      // A change discards the preview; tick it back so the report is the same each run.
      const first = page.locator('fieldset.group input[type=checkbox]').first();
      await first.uncheck();
      await first.check();
    }
    generation.push(await page.evaluate(timeClick, { button: 'Show me the report', until: 'preview' }));
  }
  const sections = await page.locator('[data-report] [data-section]').count();
  const entriesShown = await page.locator('[data-report] article.entry').count();

  await page.getByLabel('Choose a passphrase').fill(PASS);
  await page.getByLabel('Type it again').fill(PASS);
  const sealing = [];
  let fileBytes = 0;
  for (let i = 0; i < RUNS; i++) {
    if (i > 0) await page.getByLabel('Type it again').fill(PASS); // typing again discards the last file
    sealing.push(await page.evaluate(timeClick, { button: 'Make the locked file', until: 'file' }));
  }
  // The CSP (connect-src 'self') refuses fetch(blob:), so the size comes from saving it as a person would.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Save the file' }).click()]);
  fileBytes = (await stat(await download.path())).size;

  const detail = `${seeded} records (365 days of entries + 104 belief rehearsals + 130 questionnaires + 100 in-vivo practices + 5 written sessions), ${ticked} choices ticked, ${sections} sections, ${entriesShown} entries; runs ${generation.map(r1).join(', ')} ms`;
  return [
    { name: 'Report: a year of data, everything ticked → preview on screen (median)', value: r1(median(generation)), unit: 'ms', detail },
    {
      name: 'Report: the locked file (passphrase, PBKDF2 600,000) (median)',
      value: r1(median(sealing)),
      unit: 'ms',
      detail: `file ${Math.round(fileBytes / 1000)} KB; runs ${sealing.map(r1).join(', ')} ms`,
    },
  ];
}

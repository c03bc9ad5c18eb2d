// The journal's benchmark data: realistic, schema-valid entries written with raw IndexedDB from the page.
// journal-1000, journal-10k, idb-10k, backup and at-rest all seed with this one generator, so their
// numbers are about the same kind of journal (free entries and ~40 % five-senses sessions with ratings and
// answers, a few unfinished, spread over ~200 days, a marker word in ~3 % of them for search).

/**
 * Runs in the page: writes `count` realistic entries (plus `deleted` soft-deleted ones) to the `groundwork` database in one transaction and
 * resolves { written, expectedVisible, markerVisible, writeMs } (writeMs: transaction created → complete,
 * excluding generating the records). Self-contained — it is serialised into the page.
 */
export function seedInPage({ count, deleted: deletedCount = 0, seed, marker, now }) {
  let s = seed >>> 0;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const uuid = () =>
    'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
      const r = Math.floor(rand() * 16);
      return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
    });
  const sentences = [
    'Woke up early and felt far away for the first hour.',
    'Made tea and watched the steam; it helped a little.',
    'Sam called and I could talk about the session without crying.',
    'The walk by the canal was grey but my feet felt solid on the path.',
    'I noticed the old thought again: that I have to earn rest.',
    'Wrote the letter I will not send. My chest was tight, then less.',
    'Café near work was loud; I counted five blue things and came back.',
    'Slept badly. Dreams about the house on Elm Street, but not the bad room.',
    'Therapist said integration is slow and that is normal.',
    'Felt proud that I went to the shop on my own, even with the queue.',
    'Sadness came in the afternoon and left by dinner. I let it.',
    'Crème brûlée at Mum’s — first time I tasted something properly in weeks.',
    'Numb most of the day. Did the breathing twice.',
    'Noticed I was holding my breath at my desk; exhaled for longer.',
    'Rain on the skylight, the cat asleep on my legs, warm socks.',
  ];
  const titles = ['', 'Morning', 'After the session', 'Evening check-in', 'Dose day +1', 'Couldn’t sleep', 'Walk', 'A good day', 'Letter', 'Notes'];
  const senseWords = {
    see: ['the lamp, a blue mug, rain on the window, my hands, the door', 'curtains, a plant, the clock, shoes, light on the wall'],
    feel: ['feet on the floor, the sofa, my sleeve, cold air', 'the blanket, my phone, the chair, my hair'],
    hear: ['rain, a car, the fridge', 'birds, the kettle, my breathing'],
    smell: ['tea, soap', 'coffee, the rain'],
    taste: ['mint', ''],
  };
  const DAY = 86_400_000;
  const records = [];
  let expectedVisible = 0;
  let markerVisible = 0;
  for (let i = 0; i < count + deletedCount; i++) {
    const createdAt = Math.round(now - rand() * 200 * DAY);
    const updatedAt = createdAt + Math.round(rand() * 3_600_000);
    const deleted = i >= count;
    const withMarker = rand() < 0.03;
    const isSession = rand() < 0.4;
    let body = '';
    const n = 1 + Math.floor(rand() * 8);
    for (let k = 0; k < n; k++) body += (k ? (rand() < 0.3 ? '\n\n' : ' ') : '') + pick(sentences);
    if (withMarker) body += ` I thought of the ${marker} at Whitby.`;
    const entry = { id: uuid(), kind: isSession ? 'session' : 'free', createdAt, updatedAt, title: '', body, complete: true };
    if (isSession) {
      entry.moduleId = 'five-senses';
      entry.title = '5-4-3-2-1 senses';
      entry.body = rand() < 0.5 ? '' : body;
      entry.before = { presence: Math.floor(rand() * 6), distress: 3 + Math.floor(rand() * 7), at: createdAt + 5_000 };
      entry.complete = rand() > 0.1;
      if (entry.complete) entry.after = { presence: 4 + Math.floor(rand() * 7), distress: Math.floor(rand() * 6), at: updatedAt };
      entry.data = Object.fromEntries(
        Object.entries(senseWords).map(([id, words]) => [id, { text: pick(words), noticed: Math.floor(rand() * 6) }]),
      );
      if (withMarker && !entry.body) entry.data.see.text += `, the ${marker} picture`;
    } else {
      entry.title = pick(titles);
    }
    if (deleted) entry.deletedAt = updatedAt + 60_000;
    if (!deleted) expectedVisible++;
    if (!deleted && withMarker) markerVisible++;
    records.push(entry);
  }

  return new Promise((resolve, reject) => {
    const req = indexedDB.open('groundwork');
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('seed: open blocked'));
    req.onsuccess = () => {
      const db = req.result;
      const started = performance.now();
      const tx = db.transaction('entries', 'readwrite');
      const store = tx.objectStore('entries');
      for (const r of records) store.put(r);
      tx.oncomplete = () => {
        const writeMs = performance.now() - started;
        db.close();
        resolve({ written: records.length, expectedVisible, markerVisible, writeMs });
      };
      tx.onabort = tx.onerror = () => reject(tx.error);
    };
  });
}

/**
 * First visit at #/journal (the app creates and upgrades the `groundwork` database; the list is empty),
 * then `count` entries seeded in one transaction. Resolves with seedInPage's answer.
 * @param {import('playwright-core').Page} page
 */
export async function seedEmptyJournal(page, baseURL, { count, seed, marker }) {
  await page.goto(`${baseURL}/#/journal`);
  await page.getByText('Nothing here yet', { exact: false }).waitFor();
  return page.evaluate(seedInPage, { count, deleted: 0, seed, marker, now: Date.now() });
}

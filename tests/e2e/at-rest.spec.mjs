/**
 * Issue 17, encryption at rest in Chromium: with the lock on, the raw IndexedDB records hold no plaintext of
 * a known sentence; after a reload and the unlock, the journal shows it; with the lock removed, the records
 * are plain again.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import { baseURL, freshPage, open, putStored } from './lib/foundation.mjs';

let b;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  b = await launch();
});
after(async () => {
  await b?.close();
});

const PASS = 'river stone quiet lamp';
const SENTENCE = 'the lighthouse keeper sang to the tide';
const CRYPTO_TIMEOUT = 60_000;

/** Every entry record as raw IndexedDB has it, with byte buffers decoded as text (what a disk reader sees). */
async function rawEntries(page) {
  return (await rawStores(page, ['entries'])).entries;
}

test('lock on with an entry present → no plaintext on disk; unlocked, the journal shows it; lock off → plain again', async (t) => {
  const { page } = await freshPage(t, b.browser);
  await open(page, '/journal/new', { heading: 'New entry' });
  await page.getByRole('textbox', { name: 'Title (optional)', exact: true }).fill('Tide');
  await page.getByRole('textbox', { name: 'Your entry', exact: true }).fill(SENTENCE);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Tide', exact: true }).waitFor();
  const entryUrl = page.url();
  assert.ok((await rawEntries(page)).some((r) => r.text.includes('lighthouse')), 'plain before the lock');

  await open(page, '/settings', { heading: 'Settings' });
  const lock = page.getByRole('region', { name: 'App lock' });
  await lock.getByLabel('New passphrase', { exact: true }).fill(PASS);
  await lock.getByLabel('The same passphrase again', { exact: true }).fill(PASS);
  await lock.getByRole('checkbox', { name: 'I understand a forgotten passphrase cannot be recovered.' }).check();
  await lock.getByRole('button', { name: 'Turn the lock on' }).click();
  await lock.getByText('Everything listed above is encrypted.').waitFor({ timeout: CRYPTO_TIMEOUT });
  const sealed = await rawEntries(page);
  assert.ok(sealed.length > 0 && sealed.every((r) => r.sealed), 'every entry sealed');
  assert.ok(sealed.every((r) => !r.text.includes('lighthouse') && !r.text.includes('Tide')), 'no plaintext on disk');

  await page.goto(entryUrl);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Groundwork is locked', exact: true }).waitFor();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page.getByText(SENTENCE).waitFor({ timeout: CRYPTO_TIMEOUT });

  await open(page, '/settings', { heading: 'Settings' });
  await lock.getByText('Remove the lock', { exact: true }).click();
  await lock.getByLabel('Current passphrase', { exact: true }).last().fill(PASS);
  await lock.getByRole('button', { name: 'Remove it', exact: true }).click();
  await lock.getByText('The lock is off.', { exact: true }).waitFor({ timeout: CRYPTO_TIMEOUT });
  const plain = await rawEntries(page);
  assert.ok(plain.every((r) => !r.sealed) && plain.some((r) => r.text.includes('lighthouse')), 'plain again');
});

/** Every record of each store as raw IndexedDB has it: sealed or not, and its visible text. */
function rawStores(page, stores) {
  return page.evaluate(async (names) => {
    const db = await new Promise((res, rej) => {
      const r = indexedDB.open('groundwork');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const text = (v) =>
      v instanceof ArrayBuffer || ArrayBuffer.isView(v)
        ? new TextDecoder('latin1').decode(v)
        : v && typeof v === 'object'
          ? Object.values(v).map(text).join(' ')
          : String(v);
    const out = {};
    for (const name of names) {
      const rows = await new Promise((res) => {
        const r = db.transaction(name).objectStore(name).getAll();
        r.onsuccess = () => res(r.result);
      });
      out[name] = rows.map((r) => ({ sealed: 'sealed' in r, text: text(r) }));
    }
    db.close();
    return out;
  }, stores);
}

const AT = Date.now() - 86_400_000;
const WORD = 'marigold';
/** One record in every store that holds a person's words, each with WORD in what they wrote. */
const EVERY_STORE = {
  entries: [{ id: 'e-seed', kind: 'free', createdAt: AT, updatedAt: AT, title: `the ${WORD} title`, body: `a ${WORD} body`, complete: true }],
  sessions: [{ id: 's-seed', moduleId: 'five-senses', status: 'suspended', startedAt: AT, updatedAt: AT, snapshot: { status: 'active', context: { data: { see: `a ${WORD} lamp` } } } }],
  drafts: [{ id: 'journal:seed', fields: { title: '', body: `half a ${WORD} thought` }, updatedAt: AT }],
  personal: [{ id: 'mine', orientationPlace: `my ${WORD} kitchen`, updatedAt: AT }],
  quarantine: [{ id: `entries:x:${AT}`, store: 'entries', key: 'x', at: AT, reason: 'invalid', raw: { title: `${WORD}` }, words: [WORD] }],
  doses: [{ id: 'd-seed', takenAt: new Date(AT - 30 * 86_400_000).toISOString(), zone: 'UTC', offsetMinutes: 0, setting: 'clinic', note: `a ${WORD} room`, createdAt: AT, updatedAt: AT }],
  media: [{ id: 'm-seed', mime: 'audio/webm', durationMs: 1000, status: 'saved', chunks: [], createdAt: AT, updatedAt: AT }],
  safetyPlan: [{ id: 'mine', updatedAt: AT, sections: { warningSigns: [{ id: 'w1', text: `the ${WORD} sign` }], coping: [], distraction: [], people: [], professionals: [], environment: [] } }],
  hierarchy: [{ id: 'mine', updatedAt: AT, anchors: { a0: `${WORD} calm`, a50: 'middle', a100: 'worst' }, items: [{ id: 'i1', text: `the ${WORD} bus`, suds: 40, status: 'not-yet', safe: 'yes', createdAt: AT }] }],
  exposures: [
    {
      id: 'x-seed', kind: 'in-vivo', itemId: 'i1', startedAt: AT, updatedAt: AT, complete: true,
      data: { itemId: 'i1', situation: `the ${WORD} bus`, prediction: 'I will faint', likelihood: 60, safetyBehaviours: '', preSuds: 50, presence: 5, peakSuds: 70, startedAt: AT, elapsedMs: 1000, postSuds: 20, happened: 'no', learned: `${WORD} passed`, needsSupport: false },
    },
  ],
  writtenExposure: [
    {
      id: 'w-seed', name: `the ${WORD} flat`, status: 'active', createdAt: AT, updatedAt: AT,
      sessions: [1, 2, 3, 4, 5].map((n) => ({
        n, status: n === 1 ? 'done' : 'not-started', text: n === 1 ? `I remember the ${WORD} stairs` : '', caret: { start: 0, end: 0, scrollTop: 0 },
        timer: { durationMs: 1_800_000, remainingMs: 1_800_000, endsAt: null }, presence: null, preSuds: null, postSuds: null, selfHarm: null, startedAt: null, finishedAt: null,
      })),
    },
  ],
  measures: [{ id: 'q-seed', measureId: 'gad7', answers: [3, 3, 3, 3, 3, 3, 3], period: 'two-weeks', startedAt: AT, updatedAt: AT, completedAt: AT, total: 21, band: 'severe' }],
  plans: [
    {
      id: 'c-seed', kind: 'composed', createdAt: AT, updatedAt: AT,
      draft: { title: `${WORD} plan`, clinician: { name: 'Dr Ash', contact: '' }, modules: [], thresholds: {}, exposureThresholds: {}, measures: [], contacts: [], note: `${WORD} note` },
    },
  ],
};

test('lock on with a record in every store that holds words → every one sealed, no plaintext in raw IndexedDB; written with the lock on → sealed too; unlocked, the words are back', async (t) => {
  const { page } = await freshPage(t, b.browser);
  await open(page, '/journal', { heading: 'Journal' });
  await putStored(page, EVERY_STORE);
  const stores = Object.keys(EVERY_STORE);
  const before = await rawStores(page, stores);
  // What would give each record away on disk: WORD, or for questionnaires (numbers only) the band of the score.
  const marker = (s) => (s === 'measures' ? 'severe' : WORD);
  for (const s of stores.filter((s) => s !== 'media')) assert.ok(before[s].some((r) => r.text.includes(marker(s))), `${s}: plain before the lock`);

  await open(page, '/settings', { heading: 'Settings' });
  const lock = page.getByRole('region', { name: 'App lock' });
  await lock.getByLabel('New passphrase', { exact: true }).fill(PASS);
  await lock.getByLabel('The same passphrase again', { exact: true }).fill(PASS);
  await lock.getByRole('checkbox', { name: 'I understand a forgotten passphrase cannot be recovered.' }).check();
  await lock.getByRole('button', { name: 'Turn the lock on' }).click();
  await lock.getByText('Everything listed above is encrypted', { exact: false }).waitFor({ timeout: CRYPTO_TIMEOUT });

  // Written through the app with the lock on: a journal entry (and its draft on the way).
  await open(page, '/journal/new', { heading: 'New entry' });
  await page.getByRole('textbox', { name: 'Your entry', exact: true }).fill(`written after the lock, ${WORD} again`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText(`written after the lock, ${WORD} again`).waitFor();

  const after = await rawStores(page, stores);
  for (const s of stores) {
    assert.ok(after[s].length > 0, `${s}: records kept`);
    assert.ok(after[s].every((r) => r.sealed), `${s}: every record sealed`);
    assert.ok(after[s].every((r) => !r.text.includes(marker(s))), `${s}: no plaintext on disk`);
  }
  assert.equal(after.entries.length, 2, 'the entry written with the lock on is there, sealed');

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Groundwork is locked', exact: true }).waitFor();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await open(page, '/journal', { heading: 'Journal' });
  await page.getByText(`the ${WORD} title`).waitFor({ timeout: CRYPTO_TIMEOUT });
  await open(page, '/exposure', { heading: 'My fear list' }).catch(() => page.goto(`${baseURL}/#/exposure`));
  await page.getByText(`the ${WORD} bus`).first().waitFor({ timeout: CRYPTO_TIMEOUT });
});

test('the browser killed in the middle of the encryption → after reload and unlock, it finishes and every entry is there and readable', async (t) => {
  const { killBrowserHard } = await import('./lib/browser.mjs');
  const first = await launch({ persistentDir: true });
  const opened = [];
  t.after(async () => {
    for (const x of opened.reverse()) await x.close();
    await first.close();
  });
  const page = await first.page();
  await open(page, '/journal', { heading: 'Journal' });
  const N = 4000;
  await putStored(page, {
    entries: Array.from({ length: N }, (_, i) => ({ id: `e${String(i).padStart(5, '0')}`, kind: 'free', createdAt: 1_700_000_000_000 + i * 1000, updatedAt: 1, title: `seeded ${i}`, body: `body ${i} lighthouse`, complete: true })),
  });
  await open(page, '/settings', { heading: 'Settings' });
  const lock = page.getByRole('region', { name: 'App lock' });
  await lock.getByLabel('New passphrase', { exact: true }).fill(PASS);
  await lock.getByLabel('The same passphrase again', { exact: true }).fill(PASS);
  await lock.getByRole('checkbox', { name: 'I understand a forgotten passphrase cannot be recovered.' }).check();
  await lock.getByRole('button', { name: 'Turn the lock on' }).click();
  await page.getByTestId('at-rest-progress').waitFor({ timeout: CRYPTO_TIMEOUT });
  await killBrowserHard(first.context);

  const second = await launch({ persistentDir: first.userDataDir });
  opened.push(second);
  const page2 = await second.page();
  await page2.goto(`${baseURL}/#/journal`);
  await page2.getByRole('heading', { level: 1, name: 'Groundwork is locked', exact: true }).waitFor({ timeout: CRYPTO_TIMEOUT });
  const mid = await rawEntries(page2);
  assert.equal(mid.length, N, 'no entry lost');
  await page2.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await page2.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page2.getByText(`seeded ${N - 1}`, { exact: true }).first().waitFor({ timeout: CRYPTO_TIMEOUT });
  // The interrupted job resumes in the background and ends with every record sealed.
  const deadline = Date.now() + CRYPTO_TIMEOUT;
  let rows = await rawEntries(page2);
  while (!rows.every((r) => r.sealed) && Date.now() < deadline) {
    await page2.waitForTimeout(500);
    rows = await rawEntries(page2);
  }
  assert.equal(rows.length, N);
  assert.ok(rows.every((r) => r.sealed && !r.text.includes('lighthouse')), 'every entry sealed after the resumed run');
});

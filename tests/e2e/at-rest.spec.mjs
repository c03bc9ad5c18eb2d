/**
 * Issue 17, encryption at rest in Chromium: with the lock on, the raw IndexedDB records hold no plaintext of
 * a known sentence; after a reload and the unlock, the journal shows it; with the lock removed, the records
 * are plain again.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import { baseURL, freshPage, open } from './lib/foundation.mjs';

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
function rawEntries(page) {
  return page.evaluate(async () => {
    const db = await new Promise((res, rej) => {
      const r = indexedDB.open('groundwork');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const rows = await new Promise((res) => {
      const r = db.transaction('entries').objectStore('entries').getAll();
      r.onsuccess = () => res(r.result);
    });
    db.close();
    const text = (v) =>
      v instanceof ArrayBuffer || ArrayBuffer.isView(v)
        ? new TextDecoder('latin1').decode(v)
        : v && typeof v === 'object'
          ? Object.values(v).map(text).join(' ')
          : String(v);
    return rows.map((r) => ({ sealed: 'sealed' in r, text: text(r) }));
  });
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
  await lock.getByText('Everything stored is encrypted.').waitFor({ timeout: CRYPTO_TIMEOUT });
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
  await page.evaluate(async (n) => {
    const db = await new Promise((res, rej) => {
      const r = indexedDB.open('groundwork');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const tx = db.transaction('entries', 'readwrite');
    for (let i = 0; i < n; i++)
      tx.objectStore('entries').put({ id: `e${String(i).padStart(5, '0')}`, kind: 'free', createdAt: 1_700_000_000_000 + i * 1000, updatedAt: 1, title: `seeded ${i}`, body: `body ${i} lighthouse`, complete: true });
    await new Promise((res) => (tx.oncomplete = res));
    db.close();
  }, N);
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

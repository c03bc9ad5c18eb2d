// Issue 17, backup and restore end to end in Chromium on the production build: a backup made in one browser
// profile restores in a fresh one to identical data (a voice note's bytes included), encrypted with a
// passphrase; a wrong passphrase and a damaged file are refused kindly with the database unchanged; plain
// text needs "I understand anyone with this file can read it"; and a browser killed in the middle of a
// restore comes back with the old data or the new, never a mix. axe on both screens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, killBrowserHard, runAxe, formatViolations } from './lib/browser.mjs';
import { baseURL, UI_TIMEOUT, freshPage, collectErrors, assertNoErrors, open, waitForDatabase, pollUntil, storedRecord, putStored } from './lib/foundation.mjs';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
let dir;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  b = await launch();
  dir = await mkdtemp(path.join(tmpdir(), 'gw-backup-'));
});
after(async () => {
  await b?.close();
  await rm(dir, { recursive: true, force: true });
});

const PASS = 'a long walk by the sea';

/** Wait until the app has created its database (Today opens it), then put raw records (runs in the page). */
async function seed(page, { entries = 0, voiceNotes = 0, prefix = 'p', at: atMs = Date.UTC(2026, 10, 1) } = {}) {
  await open(page, '/today', { heading: 'Today' });
  await waitForDatabase(page, 6);
  return page.evaluate(
    async ({ entries, voiceNotes, prefix, atMs }) => {
      const db = await new Promise((res, rej) => {
        const r = indexedDB.open('groundwork');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const at = atMs;
      const tx = db.transaction(['entries', 'media', 'safetyPlan', 'doses', 'settings', 'personal'], 'readwrite');
      for (let i = 0; i < entries; i++) {
        tx.objectStore('entries').put({ id: `${prefix}-e${i}`, kind: 'free', createdAt: at + i, updatedAt: at + i, title: `Entry ${i}`, body: `Words of entry ${i}: the sea, שלום, 🌊`, complete: true });
      }
      for (let i = 0; i < voiceNotes; i++) {
        const bytes = new Uint8Array(4000 + i);
        for (let j = 0; j < bytes.length; j++) bytes[j] = (j * 31 + i) & 255;
        tx.objectStore('entries').put({ id: `${prefix}-f${i}`, kind: 'fragment', mediaId: `${prefix}-m${i}`, createdAt: at + i, updatedAt: at + i, title: '', body: '', complete: true });
        tx.objectStore('media').put({
          id: `${prefix}-m${i}`,
          entryId: `${prefix}-f${i}`,
          mime: 'audio/webm;codecs=opus',
          durationMs: 3000,
          status: 'saved',
          chunks: [new Blob([bytes.slice(0, 1000)], { type: 'audio/webm' }), new Blob([bytes.slice(1000)], { type: 'audio/webm' })],
          createdAt: at + i,
          updatedAt: at + i,
        });
      }
      tx.objectStore('safetyPlan').put({ id: 'mine', updatedAt: at, sections: { warningSigns: [], coping: [{ id: 'c1', text: 'Cold water on my hands' }], distraction: [], people: [], professionals: [], environment: [] } });
      tx.objectStore('doses').put({ id: `${prefix}-d1`, takenAt: '2026-11-01T10:00:00.000Z', zone: 'Europe/London', offsetMinutes: 0, setting: 'clinic', createdAt: at, updatedAt: at });
      tx.objectStore('personal').put({ id: 'mine', orientationPlace: 'the blue kitchen', updatedAt: at });
      tx.objectStore('settings').put({ key: 'region', value: 'uk' });
      await new Promise((res, rej) => {
        tx.oncomplete = res;
        tx.onerror = () => rej(tx.error);
      });
      db.close();
    },
    { entries, voiceNotes, prefix, atMs },
  );
}

/** Every store, every record, Blobs as their bytes; settings apart (some belong to the device). */
function dump(page) {
  return page.evaluate(async () => {
    const db = await new Promise((res, rej) => {
      const r = indexedDB.open('groundwork');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const out = {};
    const enc = async (v) => {
      if (v instanceof Blob) return { blob: v.type, bytes: Array.from(new Uint8Array(await v.arrayBuffer())).join(',') };
      if (Array.isArray(v)) return Promise.all(v.map(enc));
      if (v && typeof v === 'object') {
        const o = {};
        for (const [k, x] of Object.entries(v)) o[k] = await enc(x);
        return o;
      }
      return v;
    };
    for (const name of [...db.objectStoreNames].sort()) {
      const rows = await new Promise((res, rej) => {
        const r = db.transaction(name).objectStore(name).getAll();
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      out[name] = await Promise.all(rows.map(enc));
    }
    db.close();
    return out;
  });
}

const withoutSettings = (d) => Object.fromEntries(Object.entries(d).filter(([k]) => k !== 'settings'));

/** #/backup → the file on disk. `passphrase` null = plain, knowingly. */
async function makeBackup(page, passphrase, file) {
  await open(page, '/backup', { heading: 'Back up' });
  if (passphrase === null) {
    await page.getByText('Save it without a passphrase instead').click();
    await page.getByRole('button', { name: 'Make the backup file' }).click();
    await page.getByRole('alert').filter({ hasText: 'To save it without a passphrase, tick' }).waitFor();
    await page.getByRole('checkbox', { name: 'I understand anyone with this file can read it' }).check();
  } else {
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByLabel('The same passphrase again').fill(passphrase);
  }
  await page.getByRole('button', { name: 'Make the backup file' }).click();
  const link = page.getByRole('link', { name: /^Save groundwork-backup-\d{4}-\d{2}-\d{2}\.json$/ });
  await link.waitFor({ timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  await download.saveAs(file);
  await page.getByText('Saved. Thank you for looking after your words.').waitFor();
}

async function chooseFile(page, file) {
  await open(page, '/restore', { heading: 'Restore from a file' });
  await page.getByLabel('Backup file').setInputFiles(file);
}

test('encrypted round trip: a backup restores in a fresh profile to identical data, voice notes included; a wrong passphrase changes nothing', async (t) => {
  const src = await freshPage(t, b.browser);
  const errors = collectErrors(src.page);
  await seed(src.page, { entries: 12, voiceNotes: 2 });
  const before = await dump(src.page);
  const file = path.join(dir, 'encrypted.json');
  await makeBackup(src.page, PASS, file);
  assert.ok(!(await readFile(file, 'utf8')).includes('Words of entry'), 'the encrypted file holds no readable words');
  const axeBackup = await runAxe(src.page);
  assert.deepEqual(axeBackup, [], formatViolations(axeBackup));

  const dst = await freshPage(t, b.browser);
  await open(dst.page, '/today', { heading: 'Today' });
  await waitForDatabase(dst.page, 6);
  const empty = await dump(dst.page);
  await chooseFile(dst.page, file);
  await dst.page.getByLabel('Passphrase').fill('not the passphrase');
  await dst.page.getByRole('button', { name: 'Open the backup' }).click();
  const alert = dst.page.getByRole('alert');
  await alert.filter({ hasText: 'That passphrase does not open this backup' }).waitFor({ timeout: 30_000 });
  assert.match(await alert.innerText(), /Nothing here was changed/);
  assert.deepEqual(await dump(dst.page), empty);

  await dst.page.getByLabel('Passphrase').fill(PASS);
  await dst.page.getByRole('button', { name: 'Open the backup' }).click();
  await dst.page.getByRole('heading', { name: 'What this backup will do' }).waitFor({ timeout: 30_000 });
  assert.equal(await dst.page.getByRole('listitem').filter({ hasText: /^Journal entries:/ }).innerText(), 'Journal entries: 14 new here');
  assert.equal(await dst.page.getByRole('listitem').filter({ hasText: /^Voice notes:/ }).innerText(), 'Voice notes: 2 new here');
  const axeRestore = await runAxe(dst.page);
  assert.deepEqual(axeRestore, [], formatViolations(axeRestore));
  await dst.page.getByRole('button', { name: 'Restore', exact: true }).click();
  await dst.page.getByRole('heading', { name: 'Restored. Your records are here now.' }).waitFor();
  assert.deepEqual(withoutSettings(await dump(dst.page)), withoutSettings(before));

  // The voice note plays from the restored bytes: its entry shows an audio player.
  await open(dst.page, '/journal/p-f0');
  await dst.page.locator('audio').waitFor();
  assertNoErrors(errors);
});

test('plain only when chosen knowingly; a damaged file is refused with a kind message and nothing changes', async (t) => {
  const src = await freshPage(t, b.browser);
  await seed(src.page, { entries: 3 });
  const file = path.join(dir, 'plain.json');
  await makeBackup(src.page, null, file);
  const text = await readFile(file, 'utf8');
  assert.ok(text.length > 100);

  const dst = await freshPage(t, b.browser);
  await seed(dst.page, { entries: 1, prefix: 'mine' });
  const before = await dump(dst.page);
  const cut = path.join(dir, 'cut.json');
  await writeFile(cut, text.slice(0, Math.floor(text.length * 0.7)));
  await chooseFile(dst.page, cut);
  const alert = dst.page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /not a Groundwork backup, or it has been damaged|damaged or incomplete/);
  assert.match(await alert.innerText(), /Nothing here was changed/);
  assert.deepEqual(await dump(dst.page), before);

  // The whole file restores; what was here stays.
  await dst.page.getByLabel('Backup file').setInputFiles(file);
  await dst.page.getByRole('heading', { name: 'What this backup will do' }).waitFor();
  await dst.page.getByRole('button', { name: 'Restore', exact: true }).click();
  await dst.page.getByRole('heading', { name: 'Restored. Your records are here now.' }).waitFor();
  const after = await dump(dst.page);
  assert.equal(after.entries.length, before.entries.length + 3);
  assert.ok(after.entries.some((e) => e.id === 'mine-e0'));
});

test('the browser killed in the middle of a restore: afterwards the database is the old one or the new one, never a mix', async (t) => {
  // A big backup (10,000 entries), made in a profile of its own, plain so making it is quick.
  const src = await freshPage(t, b.browser);
  await seed(src.page, { entries: 10_000, voiceNotes: 5, prefix: 'big' });
  const file = path.join(dir, 'big.json');
  await makeBackup(src.page, null, file);
  await src.context.close();

  const p = await launch({ persistentDir: true });
  const opened = [];
  t.after(async () => {
    for (const x of opened) await x.close();
    await p.close();
  });
  const page = await p.page();
  page.setDefaultTimeout(UI_TIMEOUT);
  await seed(page, { entries: 5, prefix: 'old' });
  const old = await dump(page);
  await chooseFile(page, file);
  await page.getByRole('heading', { name: 'What this backup will do' }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  // Kill as soon as the first batch has been written inside the transaction, before the last.
  await page.waitForFunction(() => {
    const m = /Restoring (\d+) of (\d+)/.exec(document.querySelector('[role="status"]')?.textContent ?? '');
    return m && Number(m[1]) > 0 && Number(m[1]) < Number(m[2]);
  }, undefined, { timeout: 60_000, polling: 10 });
  await killBrowserHard(p.context);

  const again = await launch({ persistentDir: p.userDataDir });
  opened.push(again);
  const page2 = await again.page();
  page2.setDefaultTimeout(UI_TIMEOUT);
  await open(page2, '/today', { heading: 'Today' });
  const now = await dump(page2);
  const ids = new Set(now.entries.map((e) => e.id));
  const bigCount = [...ids].filter((id) => id.startsWith('big-')).length;
  if (bigCount === 0) {
    assert.deepEqual(now, old, 'nothing of the restore was kept: the old database, exactly');
  } else {
    assert.equal(bigCount, 10_005, 'everything of the restore was kept');
    assert.equal(now.media.length, 5);
    for (const e of old.entries) assert.ok(ids.has(e.id), `old entry ${e.id} kept`);
  }
  t.diagnostic(`after the kill: ${bigCount === 0 ? 'the old database' : 'the restored database'}`);
});

test('Today reminds gently after two weeks of writing outside any backup; a backup or the Settings switch quiets it', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await seed(page, { entries: 2, at: Date.now() - 20 * 864e5 });
  const line = page.getByText('It has been a while since your last backup, and you have written since.');
  await page.reload(); // Today reads whether a reminder is due when it opens
  await line.waitFor();
  await page.getByRole('link', { name: 'Back up now' }).click();
  await page.getByRole('heading', { level: 1, name: 'Back up' }).waitFor();
  await makeBackup(page, PASS, path.join(dir, 'reminder.json'));
  await open(page, '/today', { heading: 'Today' });
  await page.getByRole('link', { name: 'Capture a fragment' }).or(page.getByRole('link', { name: /journal/i }).first()).first().waitFor();
  await page.waitForTimeout(500);
  assert.equal(await line.count(), 0, 'no reminder straight after a backup');

  // Writing older than two weeks that is not in the backup (an entry changed long ago, e.g. restored) brings it back; the switch turns it off.
  await seed(page, { entries: 1, prefix: 'later', at: Date.now() - 15 * 864e5 });
  await putStored(page, { settings: [{ key: 'lastBackupAt', value: Date.now() - 16 * 864e5 }] });
  await page.reload();
  await line.waitFor();
  await open(page, '/settings', { heading: 'Settings' });
  await page.getByRole('checkbox', { name: /Remind me gently/ }).uncheck();
  await pollUntil(async () => (await storedRecord(page, 'settings', 'backupReminder'))?.value === false, 'the reminder turned off on disk');
  await open(page, '/today', { heading: 'Today' });
  await page.waitForTimeout(500);
  assert.equal(await line.count(), 0, 'no reminder once turned off');
  assertNoErrors(errors);
});

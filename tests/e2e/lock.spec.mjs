// Issue 17, the app lock and "Delete everything", end to end in Chromium on the production build:
// lock on → reload → locked, the journal's words nowhere in the DOM, Ground me now and Help still work,
// a wrong passphrase is said kindly, the right one opens; the lock closes by itself after the chosen
// minutes without use (clock controlled) and after the page was hidden that long, with a privacy cover
// while hidden; "Delete everything" leaves no database, cache, service worker or web storage behind
// (checked from a fresh page); "Lock now" in one tab locks the other; axe finds nothing on the lock screen and Settings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, runAxe, formatViolations, waitForServiceWorker } from './lib/browser.mjs';
import { baseURL, freshPage, collectErrors, assertNoErrors, open, storedRecord } from './lib/foundation.mjs';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  b = await launch();
});
after(async () => {
  await b?.close();
});

const PASS = 'river stone quiet lamp';
const SECRET = 'words only I should read';
/** PBKDF2 with 600,000 iterations on two busy cores. */
const CRYPTO_TIMEOUT = 30_000;

async function writeEntry(page, title, body) {
  await open(page, '/journal/new', { heading: 'New entry' });
  await page.getByRole('textbox', { name: 'Title (optional)', exact: true }).fill(title);
  await page.getByRole('textbox', { name: 'Your entry', exact: true }).fill(body);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
}

async function turnLockOn(page, minutes) {
  await open(page, '/settings', { heading: 'Settings' });
  const lock = page.getByRole('region', { name: 'App lock' });
  // Said plainly before it can be turned on, with a backup offered first.
  await lock.getByText(/If you forget the passphrase, it cannot be recovered/).waitFor();
  assert.equal(await lock.getByRole('link', { name: 'Make a backup first' }).getAttribute('href'), '#/backup');
  await lock.getByLabel('New passphrase', { exact: true }).fill(PASS);
  await lock.getByLabel('The same passphrase again', { exact: true }).fill(PASS);
  // Not without saying it is understood.
  await lock.getByRole('button', { name: 'Turn the lock on' }).click();
  await lock.getByText('Please tick the box to say you understand first.').waitFor();
  await lock.getByRole('checkbox', { name: 'I understand a forgotten passphrase cannot be recovered.' }).check();
  await lock.getByRole('button', { name: 'Turn the lock on' }).click();
  await lock.getByText('The lock is on.', { exact: true }).waitFor({ timeout: CRYPTO_TIMEOUT });
  if (minutes) await lock.getByRole('radio', { name: minutes === 1 ? '1 minute' : `${minutes} minutes`, exact: true }).check();
  // Only salt, iterations and verifier are stored: never the passphrase.
  const stored = (await storedRecord(page, 'settings', 'appLock'))?.value;
  assert.deepEqual(Object.keys(stored).sort(), ['iterations', 'salt', 'v', 'verifier']);
  assert.ok(stored.iterations >= 600_000, 'PBKDF2 iterations');
  assert.ok(!JSON.stringify(stored).includes(PASS), 'the passphrase is not stored');
}

const lockHeading = (page) => page.getByRole('heading', { level: 1, name: 'Groundwork is locked', exact: true });

async function unlock(page, passphrase) {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
}

test('lock on → reload → locked: no journal words in the DOM, Ground and Help work, wrong passphrase said, right one opens', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await writeEntry(page, 'A private title', SECRET);
  const entryUrl = page.url();
  await turnLockOn(page);

  await page.goto(entryUrl);
  await page.reload();
  await lockHeading(page).waitFor();
  // Give the journal every chance to have rendered, had the gate let it.
  await page.waitForTimeout(500);
  const html = await page.content();
  assert.ok(!html.includes(SECRET) && !html.includes('A private title'), 'the entry is not in the DOM while locked');
  for (const route of ['/journal', '/today', '/safety-plan', '/settings']) {
    await page.goto(`${baseURL}/#${route}`);
    await lockHeading(page).waitFor();
    assert.ok(!(await page.content()).includes(SECRET), `${route} shows nothing private`);
  }

  // Ground me now works while locked.
  await page.getByRole('banner').getByRole('link', { name: 'Ground me now' }).click();
  await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Groundwork is locked' }).first().waitFor();
  assert.equal(await lockHeading(page).count(), 0, 'Ground shows its own screen');
  // Help (the dialog, with its crisis lines) works while locked.
  await page.getByRole('banner').getByRole('button', { name: 'Help', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Help' });
  await dialog.waitFor();
  assert.ok((await dialog.locator('a[href^="tel:"]').count()) > 0, 'crisis lines are listed');
  await page.keyboard.press('Escape');
  await open(page, '/help', { heading: 'Help' });

  await page.goto(entryUrl);
  await lockHeading(page).waitFor();
  const violations = await runAxe(page);
  assert.deepEqual(violations, [], `axe on the lock screen:\n${formatViolations(violations)}`);

  await unlock(page, 'not the one');
  await page.getByText(/That passphrase did not open it/).waitFor({ timeout: CRYPTO_TIMEOUT });
  assert.equal(await lockHeading(page).count(), 1, 'still locked');
  await unlock(page, PASS);
  await page.getByRole('heading', { level: 1, name: 'A private title', exact: true }).waitFor({ timeout: CRYPTO_TIMEOUT });
  await page.getByText(SECRET).waitFor();

  // Settings with the lock on: axe clean; Lock now closes it at once.
  await open(page, '/settings', { heading: 'Settings' });
  await page.getByRole('region', { name: 'App lock' }).getByText('The lock is on.', { exact: true }).waitFor();
  const settingsViolations = await runAxe(page);
  assert.deepEqual(settingsViolations, [], `axe on Settings:\n${formatViolations(settingsViolations)}`);
  await page.getByRole('button', { name: 'Lock now' }).click();
  await lockHeading(page).waitFor();
  await unlock(page, PASS);
  await page.getByRole('heading', { level: 1, name: 'Settings', exact: true }).waitFor({ timeout: CRYPTO_TIMEOUT });

  // Change, then remove: the old passphrase stops working, and without the lock a reload opens straight in.
  const lock = page.getByRole('region', { name: 'App lock' });
  await lock.getByText('Change the passphrase', { exact: true }).click();
  await lock.getByLabel('Current passphrase').first().fill(PASS);
  await lock.getByLabel('New passphrase', { exact: true }).fill('a new set of words');
  await lock.getByLabel('The same passphrase again', { exact: true }).fill('a new set of words');
  await lock.getByRole('button', { name: 'Change it' }).click();
  await lock.getByText('The passphrase is changed.').waitFor({ timeout: CRYPTO_TIMEOUT });
  await lock.getByText('Remove the lock', { exact: true }).click();
  await lock.getByLabel('Current passphrase').nth(1).fill(PASS);
  await lock.getByRole('button', { name: 'Remove it' }).click();
  await lock.getByText('That is not the current passphrase.').waitFor({ timeout: CRYPTO_TIMEOUT });
  await lock.getByLabel('Current passphrase').nth(1).fill('a new set of words');
  await lock.getByRole('button', { name: 'Remove it' }).click();
  await lock.getByText('The lock is off.').waitFor({ timeout: CRYPTO_TIMEOUT });
  await page.goto(entryUrl);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'A private title', exact: true }).waitFor();
  assertNoErrors(errors);
});

test('the lock closes by itself after the chosen minutes without use, and after the page was hidden that long (covered while hidden)', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await page.clock.install({ time: Date.UTC(2026, 10, 30, 12) });
  await writeEntry(page, 'Idle test', SECRET);
  const entryUrl = page.url();
  await turnLockOn(page, 1);
  await page.goto(entryUrl);
  await page.reload();
  await lockHeading(page).waitFor();
  await unlock(page, PASS);
  await page.getByText(SECRET).waitFor({ timeout: CRYPTO_TIMEOUT });

  // Activity keeps it open: 50 s, a key, 50 s more.
  await page.clock.runFor(50_000);
  await page.keyboard.press('Tab');
  await page.clock.runFor(50_000);
  assert.equal(await lockHeading(page).count(), 0, 'still open while in use');
  // A minute with nothing: closed, and the entry gone from the DOM.
  await page.clock.runFor(65_000);
  await lockHeading(page).waitFor();
  assert.ok(!(await page.content()).includes(SECRET), 'the entry left the DOM when it locked');
  await unlock(page, PASS);
  await page.getByText(SECRET).waitFor({ timeout: CRYPTO_TIMEOUT });

  // Hidden: a cover goes over everything at once; back after more than a minute: locked.
  const setVisibility = (state) =>
    page.evaluate((s) => {
      Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
      Object.defineProperty(document, 'hidden', { value: s === 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  await setVisibility('hidden');
  const cover = page.locator('[data-privacy-cover]');
  assert.equal(await cover.count(), 1, 'a privacy cover while hidden');
  const box = await cover.boundingBox();
  assert.ok(box && box.width >= 1280 && box.height >= 800, 'the cover fills the viewport');
  await page.clock.fastForward(70_000);
  await setVisibility('visible');
  await lockHeading(page).waitFor();
  assert.equal(await cover.count(), 0, 'the cover is gone when visible again');
  assertNoErrors(errors);
});

test('Delete everything: typed confirmation, then no database, cache, service worker or saved key is left (checked from a fresh page); the app starts fresh', async (t) => {
  const { context, page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  page.on('response', (r) => r.status() >= 400 && errors.pageErrors.push(`${r.status()} ${r.url()}`));
  await open(page, '/today', { heading: 'Today' });
  await waitForServiceWorker(page);
  await writeEntry(page, 'To be deleted', SECRET);
  await page.evaluate(() => localStorage.setItem('groundwork:welcome-folded', '1'));
  const before = await page.evaluate(async () => ({
    dbs: (await indexedDB.databases()).map((d) => d.name),
    caches: (await caches.keys()).length,
    workers: (await navigator.serviceWorker.getRegistrations()).length,
  }));
  assert.ok(before.dbs.includes('groundwork') && before.caches > 0 && before.workers > 0, `something to delete: ${JSON.stringify(before)}`);

  await open(page, '/settings', { heading: 'Settings' });
  const wipe = page.getByRole('region', { name: 'Delete everything' });
  await wipe.getByRole('button', { name: 'Delete everything…' }).click();
  // The wrong word deletes nothing.
  await wipe.getByLabel('To be sure, type delete').fill('dlete');
  await wipe.getByRole('button', { name: 'Delete everything now' }).click();
  await wipe.getByText('Type delete to confirm, or choose Keep everything.').waitFor();
  assert.ok((await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).includes('groundwork'));
  const violations = await runAxe(page);
  assert.deepEqual(violations, [], `axe on Settings with the confirmation open:\n${formatViolations(violations)}`);

  await wipe.getByLabel('To be sure, type delete').fill('delete');
  await wipe.getByRole('button', { name: 'Delete everything now' }).click();
  await page
    .getByRole('heading', { level: 1, name: 'Everything is deleted', exact: true })
    .waitFor({ timeout: 20_000 })
    .catch(async (e) => {
      throw new Error(`${e.message}\nstatus: ${await page.locator('#wipe-status').innerText().catch(() => '?')}\nerrors: ${errors.pageErrors.join(' | ')} ${errors.consoleErrors.join(' | ')}`);
    });
  await page.getByText('We looked again afterwards: nothing is left.').waitFor();
  const report = await page.locator('main ul').innerText();
  assert.match(report, /1 database/);
  assert.match(report, /offline cop/);
  assert.match(report, /background worker/);

  // A fresh page of the same origin that does not run the app (the manifest): nothing is left.
  const probe = await context.newPage();
  await probe.goto(`${baseURL}/manifest.webmanifest`);
  const left = await probe.evaluate(async () => ({
    dbs: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
    workers: (await navigator.serviceWorker.getRegistrations()).length,
    local: localStorage.length,
  }));
  assert.deepEqual(left, { dbs: [], caches: [], workers: 0, local: 0 });
  await probe.close();

  // Start fresh: an empty app.
  await page.getByRole('button', { name: 'Start fresh' }).click();
  await page.getByRole('heading', { level: 1, name: 'Today', exact: true }).waitFor();
  await open(page, '/journal', { heading: 'Journal' });
  await page.getByText(/^Nothing here yet/).waitFor();
  assert.ok(!(await page.content()).includes(SECRET));
  assertNoErrors(errors);
});

test('two tabs: "Lock now" in one locks the other too; each opens with the passphrase on its own', async (t) => {
  const { context, page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await writeEntry(page, 'Two tabs', SECRET);
  const entryUrl = page.url();
  await turnLockOn(page);
  await page.goto(entryUrl);
  await page.reload();
  await lockHeading(page).waitFor();
  await unlock(page, PASS);
  await page.getByText(SECRET).waitFor({ timeout: CRYPTO_TIMEOUT });

  const other = await context.newPage();
  await other.goto(entryUrl);
  await lockHeading(other).waitFor();
  await unlock(other, PASS);
  await other.getByText(SECRET).waitFor({ timeout: CRYPTO_TIMEOUT });

  await open(page, '/settings', { heading: 'Settings' });
  await page.getByRole('button', { name: 'Lock now' }).click();
  await lockHeading(page).waitFor();
  await lockHeading(other).waitFor();
  assert.ok(!(await other.content()).includes(SECRET), 'the other tab shows nothing private');
  await unlock(other, PASS);
  await other.getByText(SECRET).waitFor({ timeout: CRYPTO_TIMEOUT });
  assert.equal(await lockHeading(page).count(), 1, 'the first tab stays locked until opened there');
  assertNoErrors(errors);
});

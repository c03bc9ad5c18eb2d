// Issue 17, "Unlock with this device", end to end in Chromium with CDP's virtual platform authenticator
// (ctap2, internal, user verification, PRF): lock on with a passphrase → "Also unlock with this device"
// (current passphrase, then WebAuthn create with PRF) → reload → locked, "Unlock with this device" comes
// first and opens the journal; when the device does not verify the person, a kind message says so and the
// passphrase field is ready and opens; "Remove device unlock" removes the copy (the button is gone after a
// reload). Only the credential id, salt and wrapped key are stored. axe finds nothing on the new states.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, runAxe, formatViolations } from './lib/browser.mjs';
import { baseURL, freshPage, collectErrors, assertNoErrors, storedRecord } from './lib/foundation.mjs';

/** WebAuthn needs a domain as its relying party, and an IP address is none: the same server as localhost. */
const ORIGIN = baseURL?.replace('//127.0.0.1', '//localhost');

async function open(page, route, { heading }) {
  await page.goto(`${ORIGIN}/#${route}`);
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
}

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
const TITLE = 'A private title';
/** PBKDF2 with 600,000 iterations on two busy cores. */
const CRYPTO_TIMEOUT = 30_000;

async function storedAtRest(page) {
  return (await storedRecord(page, 'settings', 'atRest'))?.value;
}

const lockHeading = (page) => page.getByRole('heading', { level: 1, name: 'Groundwork is locked', exact: true });
const entryHeading = (page) => page.getByRole('heading', { level: 1, name: TITLE, exact: true });

test('device unlock: add with PRF → reload → "Unlock with this device" opens; a failed device is said kindly and the passphrase opens; remove', async (t) => {
  const { context, page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await page.goto(ORIGIN);
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      hasPrf: true,
      automaticPresenceSimulation: true,
    },
  });

  // An entry, then the lock on.
  await open(page, '/journal/new', { heading: 'New entry' });
  await page.getByRole('textbox', { name: 'Title (optional)', exact: true }).fill(TITLE);
  await page.getByRole('textbox', { name: 'Your entry', exact: true }).fill(SECRET);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await entryHeading(page).waitFor();
  const entryUrl = page.url();

  await open(page, '/settings', { heading: 'Settings' });
  const lock = page.getByRole('region', { name: 'App lock' });
  // Before the lock is on, nothing to add a device to.
  assert.equal(await lock.getByRole('button', { name: 'Also unlock with this device' }).count(), 0);
  await lock.getByLabel('New passphrase', { exact: true }).fill(PASS);
  await lock.getByLabel('The same passphrase again', { exact: true }).fill(PASS);
  await lock.getByRole('checkbox', { name: 'I understand a forgotten passphrase cannot be recovered.' }).check();
  await lock.getByRole('button', { name: 'Turn the lock on' }).click();
  await lock.getByText('The lock is on.', { exact: true }).waitFor({ timeout: CRYPTO_TIMEOUT });

  // "Also unlock with this device": honest about what it does and that the passphrase is still needed.
  const device = lock.getByRole('region', { name: 'Unlock with this device' });
  await device.getByText(/you still need it if this device/).waitFor();
  // The wrong passphrase first: nothing is asked of the device.
  await device.getByLabel('Current passphrase', { exact: true }).fill('not it at all');
  await device.getByRole('button', { name: 'Also unlock with this device' }).click();
  await device.getByText('That is not the current passphrase.').waitFor({ timeout: CRYPTO_TIMEOUT });
  assert.equal((await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials.length, 0);
  await device.getByLabel('Current passphrase', { exact: true }).fill(PASS);
  await device.getByRole('button', { name: 'Also unlock with this device' }).click();
  await device.getByText('This device can now unlock Groundwork. The passphrase still works too.').waitFor({ timeout: CRYPTO_TIMEOUT });
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  assert.equal(credentials.length, 1, 'one credential on the device');

  // Stored: the credential id, the salt and the wrapped key; never a PRF output or a key in the clear.
  const stored = await storedAtRest(page);
  assert.deepEqual(Object.keys(stored.device).sort(), ['credentialId', 'iv', 'key', 'salt', 'v']);
  assert.equal(atob(stored.device.salt).length, 32, '32-byte PRF salt');
  assert.equal(stored.device.credentialId.replace(/=+$/, ''), credentials[0].credentialId.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, ''));
  const settingsViolations = await runAxe(page);
  assert.deepEqual(settingsViolations, [], `axe on Settings with device unlock on:\n${formatViolations(settingsViolations)}`);

  // Reload: locked, and the device is offered first, the passphrase right below.
  await page.goto(entryUrl);
  await page.reload();
  await lockHeading(page).waitFor();
  const deviceButton = page.getByRole('button', { name: 'Unlock with this device', exact: true });
  await deviceButton.waitFor();
  const order = await page.evaluate(() => {
    const d = [...document.querySelectorAll('button')].find((x) => x.textContent?.trim() === 'Unlock with this device');
    const p = document.getElementById('lock-passphrase');
    return d && p ? d.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
  });
  assert.ok(order, 'the device button comes before the passphrase');
  const lockViolations = await runAxe(page);
  assert.deepEqual(lockViolations, [], `axe on the lock screen with device unlock:\n${formatViolations(lockViolations)}`);
  assert.ok(!(await page.content()).includes(SECRET));

  await deviceButton.click();
  await entryHeading(page).waitFor({ timeout: CRYPTO_TIMEOUT });
  await page.getByText(SECRET).first().waitFor();

  // The device does not verify the person this time: said kindly, and the passphrase still opens.
  await page.reload();
  await lockHeading(page).waitFor();
  await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: false });
  await deviceButton.click();
  await page.getByText(/The device did not open it this time/).waitFor({ timeout: CRYPTO_TIMEOUT });
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'lock-passphrase', 'the passphrase field is ready');
  const failedViolations = await runAxe(page);
  assert.deepEqual(failedViolations, [], `axe on the lock screen after the device failed:\n${formatViolations(failedViolations)}`);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await entryHeading(page).waitFor({ timeout: CRYPTO_TIMEOUT });
  await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: true });

  // Its credential gone from the device (the passkey deleted there): said kindly too, the passphrase works.
  await cdp.send('WebAuthn.clearCredentials', { authenticatorId });
  await page.reload();
  await lockHeading(page).waitFor();
  await deviceButton.click();
  await page.getByText(/The device did not open it this time/).waitFor({ timeout: CRYPTO_TIMEOUT });
  await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await entryHeading(page).waitFor({ timeout: CRYPTO_TIMEOUT });

  // "Remove device unlock": the copy is deleted; after a reload only the passphrase is offered.
  await open(page, '/settings', { heading: 'Settings' });
  await device.getByRole('button', { name: 'Remove device unlock' }).click();
  await device.getByText(/Device unlock is removed/).waitFor();
  assert.equal((await storedAtRest(page)).device, undefined, 'the device copy is deleted');
  await page.reload();
  await lockHeading(page).waitFor();
  await page.getByLabel('Passphrase', { exact: true }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await deviceButton.count(), 0, 'no device button once removed');

  assertNoErrors(errors);
});

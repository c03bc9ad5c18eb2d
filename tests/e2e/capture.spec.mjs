// Capturing fragments (issue 14): from Today, a text note and a ~2 s voice note (Chromium's fake microphone),
// both in the journal after a reload; the voice note plays; delete with Undo; a recording cut off by a
// reload is offered back; axe clean on every new screen and state; no request leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, runAxe, formatViolations, trackRequests } from './lib/browser.mjs';
import { baseURL, freshPage, collectErrors, assertNoErrors, open, putStored, doseTaken } from './lib/foundation.mjs';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  // This spec only: a fake microphone (a tone) and no permission prompt.
  b = await launch({ args: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] });
});
after(async () => {
  await b?.close();
});

async function axeClean(page, where) {
  const violations = await runAxe(page);
  assert.deepEqual(violations, [], `${where}: ${formatViolations(violations)}`);
}

const entryTitles = (page) => page.locator('main ul.entries a .title').allInnerTexts();

async function journalTitles(page) {
  await open(page, '/journal', { heading: 'Journal' });
  await page.getByRole('status').filter({ hasText: /entr|Nothing here/ }).or(page.getByText(/^Nothing here yet/)).first().waitFor();
  return entryTitles(page);
}

/** Open a voice note's page and play it: resolves its duration and how far it played. */
async function playVoice(page) {
  const audio = page.locator('main audio');
  await audio.waitFor();
  await page.waitForFunction(() => {
    const a = document.querySelector('main audio');
    return a instanceof HTMLAudioElement && a.readyState >= 1;
  });
  await page.evaluate(() => document.querySelector('main audio')?.play());
  await page.waitForFunction(() => (document.querySelector('main audio')?.currentTime ?? 0) > 0.3, null, { timeout: 10_000 });
  return page.evaluate(() => {
    const a = /** @type {HTMLAudioElement} */ (document.querySelector('main audio'));
    return { duration: a.duration, played: a.currentTime, error: a.error?.code ?? null, src: a.src };
  });
}

test('capture a text note and a voice note from Today; both in the journal after a reload; the voice plays; delete with Undo', async (t) => {
  const { context, page } = await freshPage(t, b.browser, { permissions: ['microphone'] });
  const requests = trackRequests(context, baseURL);
  const errors = collectErrors(page);

  await open(page, '/today', { heading: 'Today' });
  await page.getByRole('link', { name: 'Capture a fragment', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Capture a fragment', exact: true }).waitFor();
  const record = page.getByRole('button', { name: 'Record a voice note', exact: true });
  await record.waitFor();
  // "No one monitors this app" with Help beside the record button.
  const voiceCard = page.locator('main section', { has: record });
  assert.match(await voiceCard.innerText(), /No one monitors this app/);
  await voiceCard.getByRole('button', { name: 'Help and crisis contacts' }).waitFor();
  await axeClean(page, 'capture screen');

  // A text note, as it is.
  await page.getByRole('textbox', { name: 'A few words', exact: true }).fill('blue light on the ceiling, warm hands');
  await page.getByRole('button', { name: 'Keep this note', exact: true }).click();
  await page.getByText('Kept in your journal.', { exact: true }).waitFor();

  // A voice note of about two seconds.
  await record.click();
  const stop = page.getByRole('button', { name: 'Stop and keep', exact: true });
  await stop.waitFor();
  await page.getByText(/^Recording\./).waitFor();
  await axeClean(page, 'capture screen, recording');
  await page.waitForTimeout(2200);
  await stop.click();
  await page.getByText('Voice note kept in your journal.', { exact: true }).waitFor();
  await record.waitFor();

  await page.reload();
  assert.deepEqual(await journalTitles(page), ['Voice note', 'Fragment']);
  assert.match(await page.locator('main ul.entries').innerText(), /blue light on the ceiling, warm hands/);
  await axeClean(page, 'journal with fragments');

  await page.getByRole('link', { name: /^Voice note/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Voice note', exact: true }).waitFor();
  const played = await playVoice(page);
  assert.ok(played.duration > 0, `audio has a duration (${played.duration})`);
  assert.equal(played.error, null);
  assert.match(played.src, /^blob:/);
  assert.match(await page.locator('main article').innerText(), /Voice note, about [23] seconds/);
  await axeClean(page, 'voice note page');

  // Delete, then Undo brings it back.
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Journal', exact: true }).waitFor();
  await page.getByText('Entry deleted.').waitFor();
  assert.deepEqual(await entryTitlesWhenCount(page, 1), ['Fragment']);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByText('Entry restored.').waitFor();
  assert.deepEqual(await journalTitles(page), ['Voice note', 'Fragment']);
  await page.getByRole('link', { name: /^Voice note/ }).click();
  const again = await playVoice(page);
  assert.ok(again.duration > 0, 'restored with its sound');

  assert.deepEqual(requests.foreignRequests(), [], 'no request left the origin');
  requests.stop();
  assertNoErrors(errors);
});

async function entryTitlesWhenCount(page, n) {
  await page.waitForFunction((n) => document.querySelectorAll('main ul.entries a .title').length === n, n);
  return entryTitles(page);
}

test('a reload mid-recording keeps what was recorded, offered back when capture opens again', async (t) => {
  const { context, page } = await freshPage(t, b.browser, { permissions: ['microphone'] });
  const requests = trackRequests(context, baseURL);

  await open(page, '/capture', { heading: 'Capture a fragment' });
  await page.getByRole('button', { name: 'Record a voice note', exact: true }).click();
  await page.getByRole('button', { name: 'Stop and keep', exact: true }).waitFor();
  await page.waitForTimeout(2600);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Capture a fragment', exact: true }).waitFor();

  const offer = page.getByText(/A voice note from earlier was cut off before it was saved/);
  await offer.waitFor();
  assert.match(await offer.innerText(), /About [1-3] seconds? w/);
  await axeClean(page, 'capture screen, recording cut off');
  await page.getByRole('button', { name: 'Keep it in my journal', exact: true }).click();
  await page.getByText('Voice note kept in your journal.', { exact: true }).waitFor();
  assert.equal(await offer.count(), 0);

  assert.deepEqual(await journalTitles(page), ['Voice note']);
  await page.getByRole('link', { name: /^Voice note/ }).click();
  const played = await playVoice(page);
  assert.ok(played.duration > 0, `the kept part plays (${played.duration})`);
  assert.deepEqual(requests.foreignRequests(), []);
  requests.stop();
});

test('where the microphone is refused, capture says so and the text note still works', async (t) => {
  const { page } = await freshPage(t, b.browser);
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await open(page, '/capture', { heading: 'Capture a fragment' });
  await page.getByRole('button', { name: 'Record a voice note', exact: true }).click();
  await page.getByText(/The microphone is not available to Groundwork just now/).waitFor();
  await axeClean(page, 'capture screen, microphone refused');
  await page.getByRole('textbox', { name: 'A few words', exact: true }).fill('the smell of rain');
  await page.getByRole('button', { name: 'Keep this note', exact: true }).click();
  await page.getByText('Kept in your journal.', { exact: true }).waitFor();
});

const HOUR = 3_600_000;

/** Put a dose (taken `hoursAgo`, effects said passed 2.5 h after) and fragments into the app's own database. */
function seedDose(page, hoursAgo, fragments = []) {
  const dose = doseTaken(hoursAgo);
  const taken = Date.parse(dose.takenAt);
  return putStored(page, {
    doses: [dose],
    entries: fragments.map((body, i) => {
      const at = taken + (3 + i) * HOUR;
      return { id: `frag-${i}`, kind: 'fragment', createdAt: at, updatedAt: at, title: '', body, complete: true };
    }),
  });
}

test('settling: the phase card offers capture first; the window: an invitation to revisit fragments, and "Not now" is remembered', async (t) => {
  const { context, page } = await freshPage(t, b.browser);
  const requests = trackRequests(context, baseURL);
  await open(page, '/today', { heading: 'Today' });
  await page.getByRole('link', { name: 'Log a dose' }).first().waitFor();

  // Settling (5 h after the dose): capture is offered before anything else on the card.
  await seedDose(page, 5);
  await page.reload();
  const card = page.locator('main section.phase');
  await card.waitFor();
  const firstAction = card.locator('a.btn, a[href^="#/exercise/"]').first();
  assert.equal(await firstAction.getAttribute('href'), '#/capture');
  assert.equal(await firstAction.innerText(), 'Capture a fragment');
  await axeClean(page, 'Today in settling');

  // The window (30 h after), with two fragments captured since the dose.
  await seedDose(page, 30, ['a red door', 'heavy, then light']);
  await page.reload();
  const invite = card.getByRole('group', { name: 'Your fragments' });
  await invite.waitFor();
  assert.match(await invite.innerText(), /You captured 2 fragments after your session\. If you would like to, look at them again: what does this bring up now\?/);
  await axeClean(page, 'Today in the window, with the invitation');
  await invite.getByRole('button', { name: 'Not now', exact: true }).press('Enter');
  await invite.waitFor({ state: 'detached' });
  // The button pressed is gone: focus moves on to what follows it on the card, not back to the page top.
  await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Fits now', null, { timeout: 5_000 });
  await page.reload();
  await card.waitFor();
  await card.getByRole('heading', { level: 2 }).waitFor();
  await page.waitForTimeout(500); // the invitation would have appeared by now (two IndexedDB reads, no network)
  assert.equal(await card.getByRole('group', { name: 'Your fragments' }).count(), 0, 'dismissal remembered');
  assert.deepEqual(requests.foreignRequests(), []);
  requests.stop();
});

test('in the session phase (acute effects) capture waits, and says why; Today and the journal do not offer it then', async (t) => {
  const { page } = await freshPage(t, b.browser);
  await open(page, '/today', { heading: 'Today' });
  const taken = Date.now() - 30 * 60_000;
  await putStored(page, { doses: [{ id: 'dose-now', takenAt: new Date(taken).toISOString(), zone: '', offsetMinutes: 0, setting: 'clinic', createdAt: taken + 1000, updatedAt: taken + 1000 }] });
  await open(page, '/capture', { heading: 'Not this one for now' });
  await page.getByText(/Right after a dose is a time to rest\. Capturing fragments fits once the effects have passed/).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Record a voice note' }).count(), 0);
  assert.equal(await page.getByRole('textbox').count(), 0);
  await page.getByRole('link', { name: 'Back to session mode', exact: true }).waitFor();
  await axeClean(page, 'capture in the session phase');
  // Today does not offer what would only say "not now": no "Capture a fragment" while the effects last.
  await open(page, '/today', { heading: 'Today' });
  await page.getByRole('link', { name: 'Open session mode' }).first().waitFor();
  await page.waitForFunction(() => !document.querySelector('main a[href="#/capture"]'), null, { timeout: 5_000 });
  // Nor does the journal.
  await open(page, '/journal', { heading: 'Journal' });
  await page.getByRole('link', { name: 'New entry', exact: true }).waitFor();
  await page.waitForFunction(() => !document.querySelector('main a[href="#/capture"]'), null, { timeout: 5_000 });
});

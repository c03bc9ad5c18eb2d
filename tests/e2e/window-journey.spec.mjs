// Issue 14, "Checks" → "End to end in Chromium, with the clock controlled": the neuroplasticity window as
// ONE journey, offline after the first visit. First visit online until the service worker controls the
// page, then the browser goes offline for the rest: log a dose now → session mode (no reframing offered
// there or on Today; when to call the clinic said) → Ground me now starts a fitting exercise → two hours
// later the effects have passed → "yes, I am all right" → settling: capture a short text fragment and a
// voice note (Chromium's fake microphone) → day 2 (reload, offline) → Today's window copy offers
// reframing first and invites a second look at the fragments → a thought record and stuck points, done →
// belief rehearsal (the stuck-points alternative) → after a reload both are found in the journal by
// search → day 3: belief rehearsal again, its chart of two practices with a table → the voice note plays
// in the journal → axe clean on every new screen on the way → no request left the origin.
// Each part has its own fuller spec (dose, capture, thought-record, reframing, in-the-moment,
// foundation-offline); this one checks they hold together, in order, with no network. The browser killed
// mid-thought-record is thought-record.spec.mjs (it needs an on-disk profile).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, runAxe, formatViolations, trackRequests, waitForServiceWorker } from './lib/browser.mjs';
import { baseURL, freshPage, collectErrors, assertNoErrors, open, checkScreen } from './lib/foundation.mjs';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  // A fake microphone (a tone) and no permission prompt, for the voice note.
  b = await launch({ args: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] });
});
after(async () => {
  await b?.close();
});

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-24T09:00:00Z'); // a Tuesday morning in London

const REFRAMING = ['thought-record', 'stuck-points', 'belief-rehearsal'];
/** The in-the-moment set that fits session mode: outward, sensory, no temperature, no typing task. */
const GROUND_FITS = ['5-4-3-2-1 senses', 'Here and now', 'Body grounding', 'Paced breathing'];

const h2 = (page, name) => page.getByRole('heading', { level: 2, name, exact: true });
const button = (page, name) => page.getByRole('button', { name, exact: true });
const box = (page, name) => page.getByRole('textbox', { name, exact: true });
const rate = (page, group, n) => page.getByRole('group', { name: group, exact: true }).getByRole('radio', { name: String(n), exact: true }).check();

async function axeClean(page, where) {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `axe violations on ${where}:\n${formatViolations(violations)}`);
}

/** Every link on the page to a reframing module (anywhere: main, banner, nav). */
async function reframingLinks(page) {
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.filter((h) => REFRAMING.some((id) => h.includes(id)));
}

async function finishSession(page) {
  await checkScreen(page, 'How are you now?');
  await button(page, 'Save and finish').click();
  await h2(page, 'Well done for taking this time').waitFor();
}

/** Search the journal (already open) and wait until one of the results is titled `title`. */
async function findInJournal(page, words, title) {
  const search = page.getByRole('searchbox', { name: 'Search your journal', exact: true });
  await search.fill(words);
  const hit = page.locator('main ul:not(.waiting) a[href^="#/journal/"]').filter({ hasText: title });
  await hit.first().waitFor();
  return hit.count();
}

/**
 * One belief rehearsal from its link: the stuck-points alternative prefilled, rated before, written out,
 * read back, rated after; then the chart of every practice so far, as a picture with a one-line name and as
 * a table whose last row is this practice. Axe on the new screens.
 */
async function rehearse(page, belief, before, afterRating, practice) {
  await page.goto(`${baseURL}/#/exercise/belief-rehearsal`);
  await checkScreen(page, 'Before you start');
  await h2(page, 'A belief to strengthen').waitFor();
  assert.equal(await box(page, 'The belief you want to strengthen').inputValue(), belief, 'prefilled with the alternative');
  if (practice === 1) await axeClean(page, 'belief rehearsal, choosing');
  await button(page, 'Next').click();
  await h2(page, 'How true does it feel right now?').waitFor();
  await rate(page, 'How believable it feels now, before writing it', before);
  await button(page, 'Next').click();
  await box(page, 'Write it out').fill(`${belief} Even today.`);
  await button(page, 'Next').click();
  await h2(page, 'Read it back').waitFor();
  await page.getByText(`${belief} Even today.`, { exact: true }).waitFor();
  await button(page, 'Next').click();
  await h2(page, 'How true does it feel now?').waitFor();
  await rate(page, 'How believable it feels now, after reading it back', afterRating);
  await button(page, 'Next').click();
  await h2(page, 'How it has felt over your practices').waitFor();
  const name = `${practice} practice${practice === 1 ? '' : 's'} of this belief: 30 out of 100 before the first, ${afterRating} after the latest.`;
  await page.getByRole('img', { name, exact: true }).waitFor();
  await page.getByText('Show as a table', { exact: true }).click();
  const rows = page.locator('main table tbody tr');
  assert.equal(await rows.count(), practice);
  assert.equal((await rows.last().innerText()).replace(/\s+/g, ' ').trim().split(' ').slice(-2).join(' '), `${before} ${afterRating}`);
  await axeClean(page, `belief rehearsal chart (practice ${practice})`);
  await button(page, 'Done').click();
  await finishSession(page);
}

test('the window, offline: dose → session mode → Ground → effects passed → text and voice fragments → day 2 → thought record, stuck points, belief rehearsal in the journal → day 3 rehearsal chart', async (t) => {
  const started = Date.now();
  const { context, page } = await freshPage(t, b.browser, { timezoneId: 'Europe/London', locale: 'en-GB', permissions: ['microphone'] });
  const requests = trackRequests(context, baseURL);
  const errors = collectErrors(page);
  // The clock is installed before the first load; the service worker (not governed by it) still installs.
  await page.clock.install({ time: T0 });

  // First visit, online, until the service worker controls the page; then no network at all.
  await open(page, '/today', { heading: 'Today' });
  await waitForServiceWorker(page);
  await context.setOffline(true);

  // Log a dose now → session mode.
  await page.getByRole('link', { name: 'Log a dose', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Your doses' }).waitFor();
  await page.getByRole('radio', { name: 'At home' }).check();
  await button(page, 'I took my dose now').click();
  await page.getByRole('heading', { level: 1, name: 'Session mode' }).waitFor();
  assert.deepEqual(await reframingLinks(page), [], 'session mode offers no reframing');
  assert.equal(await page.getByRole('textbox').count(), 0, 'session mode asks for no typing');
  // The dosing-day rules, the sitter's checklist, and when to call the clinic or an emergency number.
  await page.getByText(/No driving, cycling or operating machinery until the next day/).waitFor();
  await page.getByText(/I am sober and will stay within voice range/).waitFor();
  await page.getByText(/unusually strong, or have not eased a few hours after the dose, call your clinic.*local emergency number/).waitFor();
  await axeClean(page, 'session mode');

  await open(page, '/today', { heading: 'Today' });
  await h2(page, 'The day of your session').waitFor();
  assert.deepEqual(await reframingLinks(page), [], 'Today in the session phase offers no reframing');

  // Ground me now starts a fitting exercise (outward, sensory; never temperature, never a typing task).
  await page.getByRole('banner').getByRole('link', { name: 'Ground me now', exact: true }).click();
  const groundH1 = page.locator('main h1').first();
  await groundH1.waitFor();
  await page.waitForFunction((names) => names.includes(document.querySelector('main h1')?.textContent?.trim() ?? ''), GROUND_FITS);
  const grounding = (await groundH1.textContent())?.trim();
  assert.ok(GROUND_FITS.includes(grounding ?? ''), `Ground started "${grounding}"`);
  t.diagnostic(`Ground started ${grounding}`);
  if (grounding === 'Body grounding') await h2(page, 'Feet on the floor').waitFor();
  if (grounding === 'Paced breathing') assert.equal(await page.getByText(/4-7-8/).count(), 0, 'the slow out-breath, not 4-7-8');
  await axeClean(page, `Ground in session mode (${grounding})`);
  // Nothing to type right after a dose: the exercise offers no text box (CLINICAL.md §1).
  assert.equal(await page.locator('main textarea, main input[type="text"]').count(), 0, 'no text box in the session phase');

  // Two hours later: the effects have passed; "yes, I am all right" ends session mode.
  await open(page, '/session-mode', { heading: 'Session mode' });
  await page.clock.fastForward('02:01:00');
  await button(page, 'The effects have passed').click();
  await page.getByText('Are you all right on your own now?').waitFor();
  await button(page, 'Yes, I am all right').click();
  await page.getByText(/Session mode has ended/).waitFor();

  // Settling: Today offers capture first; a short text fragment, as it is.
  await page.getByRole('link', { name: 'Go to Today' }).click();
  await page.getByText(/Now: settling\./).waitFor();
  await page.locator('main section.phase').getByRole('link', { name: 'Capture a fragment', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Capture a fragment', exact: true }).waitFor();
  await axeClean(page, 'capture (settling)');
  await box(page, 'A few words').fill('green glass, slow waves');
  await button(page, 'Keep this note').click();
  await page.getByText('Kept in your journal.', { exact: true }).waitFor();
  // A voice note of about two seconds, with "No one monitors this app" and Help beside the record button.
  const record = button(page, 'Record a voice note');
  const voiceCard = page.locator('main section', { has: record });
  assert.match(await voiceCard.innerText(), /No one monitors this app/);
  await record.click();
  await button(page, 'Stop and keep').waitFor();
  await page.getByText(/^Recording\./).waitFor();
  await axeClean(page, 'capture, recording');
  await page.waitForTimeout(2200);
  await button(page, 'Stop and keep').click();
  await page.getByText('Voice note kept in your journal.', { exact: true }).waitFor();

  // Day 2 (Thursday morning), reloaded with no network: the window's honest copy, reframing first.
  await page.clock.setFixedTime(T0 + 49 * HOUR);
  await open(page, '/today', { heading: 'Today' });
  await page.reload();
  await h2(page, 'Day 2 after your session').waitFor();
  await page.getByText(/Now: days after\./).waitFor();
  await page.getByText(/a likely opportunity, not a guarantee/).waitFor();
  assert.equal(await page.getByText(/70|80 ?%/).count(), 0, 'no percentages promised');
  const fits = await page.locator('main section.phase ul.fits a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(fits.length > 0, 'something fits the window');
  assert.ok(REFRAMING.some((id) => fits[0] === `#/exercise/${id}`), `reframing offered first in the window: ${fits.join(', ')}`);
  assert.ok(fits.includes('#/exercise/thought-record') || fits.includes('#/exercise/stuck-points'), fits.join(', '));
  // The two fragments from settling are offered back, as an invitation that can be dismissed.
  const invite = page.locator('main section.phase').getByRole('group', { name: 'Your fragments' });
  await invite.waitFor();
  assert.match(await invite.innerText(), /You captured 2 fragments after your session\. .*what does this bring up now\?/);
  await invite.getByRole('button', { name: 'Not now', exact: true }).waitFor();

  // A thought record: skip what can be skipped, a few words typed.
  await page.goto(`${baseURL}/#/exercise/thought-record`);
  await checkScreen(page, 'Before you start');
  await h2(page, 'A thought record').waitFor();
  await button(page, 'Begin').click();
  await h2(page, 'What happened').waitFor();
  await box(page, 'The situation (optional)').fill('the kettle clicked off at dawn');
  await button(page, 'Next').click();
  await button(page, 'No, not now').click();
  await h2(page, 'The thought').waitFor();
  await box(page, 'The thought (optional)').fill('I ruin quiet mornings');
  await button(page, 'Next').click();
  // Steps left empty are passed by "Skip".
  for (const step of ['What you felt', 'What seems to support the thought', 'What does not quite fit', 'A fairer way to see it']) {
    await h2(page, step).waitFor();
    await button(page, 'Skip').click();
  }
  await h2(page, 'Looking again').waitFor();
  await button(page, 'Done').click();
  await finishSession(page);

  // Stuck points, minimal: a belief, every question skipped, an alternative.
  await page.goto(`${baseURL}/#/exercise/stuck-points`);
  await checkScreen(page, 'Before you start');
  await button(page, 'Begin').click();
  await box(page, 'The stuck point').fill('Resting means I am lazy.');
  await button(page, 'Next').click();
  await h2(page, 'How much do you believe it?').waitFor();
  await rate(page, 'How much you believe it right now', 70);
  await button(page, 'Next').click();
  for (;;) {
    const skip = button(page, 'Skip this question');
    const alt = box(page, 'Another way to see it (optional)');
    await skip.or(alt).first().waitFor();
    if (await alt.isVisible()) break;
    await skip.click();
  }
  await box(page, 'Another way to see it (optional)').fill('Rest is part of mending.');
  await button(page, 'Next').click();
  await h2(page, 'How much now?').waitFor();
  await button(page, 'Next').click();
  await h2(page, 'What you looked at').waitFor();
  await button(page, 'Done').click();
  await finishSession(page);

  // Belief rehearsal, day 2: the stuck-points alternative is offered; rated before and after.
  await rehearse(page, 'Rest is part of mending.', 30, 50, 1);

  // After a reload (offline), both are found in the journal by their words.
  await open(page, '/journal', { heading: 'Journal' });
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Journal', exact: true }).waitFor();
  assert.equal(await findInJournal(page, 'kettle', 'Thought record'), 1);
  assert.equal(await findInJournal(page, 'part of mending', 'Stuck points'), 1);
  await page.getByRole('searchbox', { name: 'Search your journal', exact: true }).fill('');
  await page.locator('main ul:not(.waiting) a[href^="#/journal/"]').filter({ hasText: 'Fragment' }).first().waitFor();
  await axeClean(page, 'the journal (day 2)');

  await open(page, '/today', { heading: 'Today' });
  await h2(page, 'Day 2 after your session').waitFor();
  await axeClean(page, 'Today (day 2, the window)');

  // Day 3 (Friday 08:00, still the window): belief rehearsal again; its chart holds both practices, with a table.
  await page.clock.setFixedTime(T0 + 71 * HOUR);
  await page.reload();
  await h2(page, 'Day 3 after your session').waitFor();
  await page.getByText(/Now: days after\./).waitFor();
  await rehearse(page, 'Rest is part of mending.', 40, 70, 2);

  // The voice note is in the journal after a reload, and plays (its sound kept on the device, offline).
  await open(page, '/journal', { heading: 'Journal' });
  await page.reload();
  await page.getByRole('link', { name: /^Voice note/ }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Voice note', exact: true }).waitFor();
  const audio = page.locator('main audio');
  await audio.waitFor();
  assert.match((await audio.getAttribute('src')) ?? '', /^blob:/);
  await page.waitForFunction(() => {
    const a = document.querySelector('main audio');
    return a instanceof HTMLAudioElement && a.readyState >= 1 && a.error === null;
  });
  assert.match(await page.locator('main article').innerText(), /Voice note, about [23] seconds/);

  // Everything above ran with the browser offline, and nothing tried to leave the origin.
  assert.equal(await page.evaluate(() => navigator.onLine), false, 'still offline');
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'served by the service worker');
  assert.deepEqual(requests.foreignRequests(), [], 'requests to another origin');
  requests.stop();
  assertNoErrors(errors);
  t.diagnostic(`journey took ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

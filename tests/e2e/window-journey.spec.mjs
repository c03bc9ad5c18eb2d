// Issue 14, "Checks" → "End to end in Chromium, with the clock controlled": the neuroplasticity window as
// ONE journey, offline after the first visit. First visit online until the service worker controls the
// page, then the browser goes offline for the rest: log a dose now → session mode (no reframing offered
// there or on Today) → Ground me now starts a fitting exercise → two hours later the effects have passed →
// "yes, I am all right" → settling: capture a short text fragment → day 2 (reload, offline) → Today's
// window copy offers reframing first → a thought record and stuck points, done → after a reload both are
// found in the journal by search → axe clean on Today and the journal → no request left the origin.
// Each part has its own fuller spec (dose, capture, thought-record, reframing, in-the-moment,
// foundation-offline); this one checks they hold together, in order, with no network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, runAxe, formatViolations, trackRequests, waitForServiceWorker } from './lib/browser.mjs';
import { baseURL, freshPage, collectErrors, assertNoErrors, open, checkScreen } from './lib/foundation.mjs';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  b = await launch();
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

test('the window, offline: dose → session mode → Ground → effects passed → capture → day 2 → thought record and stuck points in the journal', async (t) => {
  const started = Date.now();
  const { context, page } = await freshPage(t, b.browser, { timezoneId: 'Europe/London', locale: 'en-GB' });
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
  await box(page, 'A few words').fill('green glass, slow waves');
  await button(page, 'Keep this note').click();
  await page.getByText('Kept in your journal.', { exact: true }).waitFor();

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

  // Everything above ran with the browser offline, and nothing tried to leave the origin.
  assert.equal(await page.evaluate(() => navigator.onLine), false, 'still offline');
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'served by the service worker');
  assert.deepEqual(requests.foreignRequests(), [], 'requests to another origin');
  requests.stop();
  assertNoErrors(errors);
  t.diagnostic(`journey took ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

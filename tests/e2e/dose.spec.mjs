// Issue 14, the dose day end to end with the clock controlled (Playwright's clock API): log a dose "now"
// → session mode (nothing that asks for typing, reframing or exposure; axe clean) → two hours later
// "the effects have passed" → "not yet" keeps session mode → "yes" → settling → day 2: Today says so with
// the window's honest copy; the dose persists across a reload; a direct link to a module outside its phase
// explains why and offers what fits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, runAxe, formatViolations, trackRequests } from './lib/browser.mjs';
import { baseURL, freshPage, collectErrors, assertNoErrors, open, checkScreen, storedRecords, wordsCut, putStored } from './lib/foundation.mjs';

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

/** "I took my dose now" from the dose list: session mode opens. */
async function doseNow(page) {
  await open(page, '/doses', { heading: 'Your doses' });
  await page.getByRole('button', { name: 'I took my dose now' }).click();
  await page.getByRole('heading', { level: 1, name: 'Session mode' }).waitFor();
}

/** A fresh page in London with the clock at T0 and a dose taken now: in session mode. */
async function sessionModeAtT0(t) {
  const { page } = await freshPage(t, b.browser, { timezoneId: 'Europe/London', locale: 'en-GB' });
  const errors = collectErrors(page);
  await page.clock.install({ time: T0 });
  await doseNow(page);
  return { page, errors };
}

async function axeClean(page, label) {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `axe violations on ${label}:\n${formatViolations(violations)}`);
}

test('dose day: log now → session mode → effects passed after 2 h → settling → day 2 window copy; persists', async (t) => {
  const { context, page } = await freshPage(t, b.browser, { timezoneId: 'Europe/London', locale: 'en-GB' });
  const requests = trackRequests(context, baseURL);
  const errors = collectErrors(page);
  await page.clock.install({ time: T0 });

  // No dose yet: Today is as before, plus a quiet way to log one.
  await open(page, '/today', { heading: 'Today' });
  await page.getByRole('link', { name: 'Log a dose', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Your doses' }).waitFor();
  await axeClean(page, '#/doses');

  // A dose in the future is refused kindly, and nothing is saved.
  await page.getByRole('button', { name: 'It was earlier' }).click();
  await page.getByLabel('Date').fill('2026-11-25');
  await page.getByLabel('Time').fill('10:00');
  await page.getByRole('button', { name: 'Save this dose' }).click();
  await page.getByRole('alert').filter({ hasText: 'That time has not come yet' }).waitFor();
  // The alert is immediate; the list is read from IndexedDB after the screen appears: wait for it, then count.
  await page.getByText('No doses logged yet.').waitFor();
  assert.equal(await page.getByText('No doses logged yet.').count(), 1);
  await axeClean(page, '#/doses, an earlier time refused');

  // "I took my dose now" opens session mode.
  await page.getByRole('radio', { name: 'At home' }).check();
  await page.getByRole('button', { name: 'I took my dose now' }).click();
  await page.getByRole('heading', { level: 1, name: 'Session mode' }).waitFor();
  // The big Help button in main (not the banner's, there from the start) comes with the exercise links, once
  // the phase is read.
  await page.locator('main').getByRole('button', { name: /^Help/ }).first().waitFor();
  const exerciseLinks = await page.locator('main a[href^="#/exercise/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(exerciseLinks.includes('#/exercise/five-senses'), 'gentle grounding is offered');
  for (const notNow of ['#/exercise/safe-place', '#/exercise/temperature']) assert.ok(!exerciseLinks.includes(notNow), `${notNow} not offered`);
  assert.equal(await page.getByRole('textbox').count(), 0, 'session mode asks for no typing');
  assert.equal(await page.getByRole('button', { name: 'The effects have passed' }).count(), 0, 'not before 2 h');
  await page.getByText(/at least two hours after your dose/).waitFor();
  await axeClean(page, '#/session-mode');

  // A direct link to a module that asks for typing explains why and offers what fits.
  await open(page, '/exercise/safe-place');
  await page.getByRole('heading', { level: 1, name: /Safe place: not this one for now/ }).waitFor();
  await page.getByText(/Right after a dose is a time to rest/).waitFor();
  await page.getByRole('link', { name: '5-4-3-2-1 senses' }).waitFor();
  await axeClean(page, 'refused #/exercise/safe-place');

  // Today, meanwhile: where the person is, no countdown, the way back to session mode.
  await open(page, '/today', { heading: 'Today' });
  await page.getByRole('heading', { level: 2, name: 'The day of your session' }).waitFor();
  await page.getByText('Session mode lasts at least until today at 11:00, and until you say the effects have passed.').waitFor();
  await axeClean(page, '#/today (session)');

  // Two hours later: the person can say the effects have passed; "not yet" keeps session mode.
  await page.getByRole('link', { name: 'Open session mode' }).click();
  await page.getByRole('heading', { level: 1, name: 'Session mode' }).waitFor();
  await page.clock.fastForward('02:01:00');
  await page.getByRole('button', { name: 'The effects have passed' }).click();
  await page.getByText('Are you all right on your own now?').waitFor();
  await axeClean(page, 'session mode, asking');
  await page.getByRole('button', { name: 'Not yet' }).click();
  await page.getByText(/Session mode stays on/).waitFor();
  await axeClean(page, 'session mode, not yet');
  await page.getByRole('button', { name: 'The effects have passed' }).click();
  await page.getByRole('button', { name: 'Yes, I am all right' }).click();
  await page.getByText(/Session mode has ended/).waitFor();
  await axeClean(page, 'session mode, ended');

  // Settling: Today says where the person is.
  await page.getByRole('link', { name: 'Go to Today' }).click();
  await page.getByRole('heading', { level: 2, name: 'The day of your session' }).waitFor();
  await page.getByText(/Now: settling\./).waitFor();
  await page.getByText(/From tomorrow at 09:00: days after\./).waitFor();
  await axeClean(page, '#/today (settling)');

  // Day 2 (Thursday morning): the window's honest copy; the dose survived reloads.
  await page.clock.setFixedTime(T0 + 49 * HOUR);
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Day 2 after your session' }).waitFor();
  await page.getByText(/Now: days after\./).waitFor();
  await page.getByText(/a likely opportunity, not a guarantee/).waitFor();
  assert.equal(await page.getByText(/70|80 ?%/).count(), 0, 'no percentages promised');
  await axeClean(page, '#/today (window)');

  await open(page, '/doses', { heading: 'Your doses' });
  await page.getByText(/Tue 24 Nov, 09:00 · At home/).waitFor();
  await page.getByText(/Effects passed Tue 24 Nov, 11:01/).waitFor();
  await axeClean(page, '#/doses, one dose listed');

  // Session mode opened by its address outside the session phase says so, and where to go.
  await open(page, '/session-mode', { heading: 'Session mode' });
  await page.getByText('You are not in session mode now.', { exact: false }).waitFor();
  await axeClean(page, '#/session-mode outside the session phase');

  // Day 5 (following days) and day 20 (between): Today's card for each, axe clean.
  for (const [hours, now, heading] of [
    [5 * 24, /Now: following days\./, 'Day 5 after your session'],
    [20 * 24, /Now: between sessions\./, 'Day 20 after your session'],
  ]) {
    await page.clock.setFixedTime(T0 + hours * HOUR);
    await open(page, '/today', { heading: 'Today' });
    await page.reload();
    await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    await page.getByText(now).waitFor();
    // After the window nothing is pushed: what to carry on with is offered, not headed "Fits now".
    await page.getByRole('heading', { level: 3, name: 'If you would like to carry on', exact: true }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Fits now', exact: true }).count(), 0);
    await axeClean(page, `#/today (${heading})`);
  }

  assertNoErrors(errors);
  assert.deepEqual(requests.foreignRequests(), [], 'requests to another origin');
});

test('dose log: edit a dose and delete it with Undo; a past dose logged late opens no session mode', async (t) => {
  const { page } = await freshPage(t, b.browser, { timezoneId: 'America/New_York', locale: 'en-GB' });
  const errors = collectErrors(page);
  await page.clock.install({ time: T0 });
  await open(page, '/doses', { heading: 'Your doses' });
  await page.getByRole('radio', { name: 'At the clinic' }).check();
  await page.getByRole('button', { name: 'It was earlier' }).click();
  await page.getByLabel('Date').fill('2026-11-23');
  await page.getByLabel('Time').fill('10:30');
  await page.getByRole('button', { name: 'Save this dose' }).click();
  await page.getByText(/Mon 23 Nov, 10:30 · At the clinic/).waitFor();

  await page.getByRole('button', { name: /^Edit/ }).click();
  await axeClean(page, '#/doses, editing');
  await page.getByRole('group', { name: 'Edit this dose' }).getByLabel('Time').fill('11:15');
  await page.getByRole('group', { name: 'Edit this dose' }).getByLabel(/A note/).fill('with Dr Ames');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText(/Mon 23 Nov, 11:15 · At the clinic/).waitFor();
  await page.getByText('with Dr Ames').waitFor();

  await page.getByRole('button', { name: /^Delete/ }).click();
  await page.getByText('No doses logged yet.').waitFor();
  // The pressed button went with the dose: focus moves to the list it was in, not to the page.
  await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Logged doses', null, { timeout: 5_000 });
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByText(/Mon 23 Nov, 11:15 · At the clinic/).waitFor();
  await page.reload();
  await page.getByText(/Mon 23 Nov, 11:15 · At the clinic/).waitFor();

  // Logged late for a past time (yesterday, 11:15 → now 04:00 on the 24th in New York): settling, not session.
  await open(page, '/today', { heading: 'Today' });
  await page.getByRole('heading', { level: 2, name: 'Day 1 after your session' }).waitFor();
  await page.getByText(/Now: settling\./).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Open session mode' }).count(), 0);
  assertNoErrors(errors);
});

test('session mode: body grounding keeps to feet and hands — no “tense and let go” on Today’s list or inside it, no text box on coming back — and paced breathing to the slow out-breath', async (t) => {
  const { page, errors } = await sessionModeAtT0(t);

  // Today's "What helps right now", once it follows the phase (cold water gone): the body card says feet and hands.
  await open(page, '/today', { heading: 'Today' });
  const list = page.getByRole('region', { name: 'What helps right now' });
  await list.getByRole('link', { name: /^Temperature/ }).waitFor({ state: 'detached' });
  const card = await list.getByRole('link', { name: /^Body grounding/ }).innerText();
  assert.match(card, /feet and hands/i);
  assert.doesNotMatch(card, /tense|muscle/i, `the body card in session mode: ${card}`);
  await axeClean(page, '#/today (session), the grounding list');

  // From session mode, Body grounding: one choice, feet and hands, and a kind line about the other part.
  await open(page, '/session-mode');
  await page.getByRole('heading', { level: 1, name: 'Session mode' }).waitFor();
  await page.locator('main a[href="#/exercise/body"]').click();
  await checkScreen(page, 'Before you start');
  await page.getByRole('heading', { level: 2, name: 'Ready when you are' }).waitFor();
  await page.getByText(/Tense and let go is here too once the effects have passed/).waitFor();
  assert.equal(await page.getByRole('button', { name: /Tense and let go/i }).count(), 0, 'no muscle tensing offered');
  assert.equal(await page.getByText(/Muscle by muscle/).count(), 0);
  await axeClean(page, 'body grounding in session mode, the one choice');
  await page.getByRole('button', { name: /^Feet and hands/ }).click();
  await page.getByRole('heading', { level: 2, name: 'Feet on the floor' }).waitFor();
  assert.equal(await page.getByRole('textbox').count(), 0, 'nothing to type in session mode');
  await axeClean(page, 'body grounding in session mode, feet on the floor');
  // Coming back: the prompt and Done, no empty box to fill in.
  await page.getByRole('button', { name: 'Skip this one' }).click();
  await page.getByRole('heading', { level: 2, name: 'Palms pressing' }).waitFor();
  await page.getByRole('button', { name: 'Skip this one' }).click();
  await page.getByRole('heading', { level: 2, name: 'Coming back' }).waitFor();
  await page.getByRole('button', { name: 'Done', exact: true }).waitFor();
  assert.equal(await page.getByRole('textbox').count(), 0, 'no text box on coming back in session mode');
  await axeClean(page, 'body grounding in session mode, coming back');

  // Paced breathing from session mode: the slow out-breath only — no held breath while the dose acts —
  // even with a held-breath favourite saved from an earlier day.
  await putStored(page, { settings: [{ key: 'breathing', value: { pattern: 'box', minutes: 3 } }] });
  await open(page, '/session-mode');
  await page.getByRole('heading', { level: 1, name: 'Session mode' }).waitFor();
  await page.locator('main a[href="#/exercise/breathing"]').click();
  await checkScreen(page, 'Before you start');
  await page.getByRole('heading', { level: 2, name: 'Choose how long to breathe' }).waitFor();
  await page.getByText(/The other ways of breathing are here too once the effects have passed/).waitFor();
  const ways = page.getByRole('group', { name: 'Way of breathing' }).getByRole('radio');
  assert.equal(await ways.count(), 1, 'one way of breathing offered');
  assert.equal(await page.getByRole('radio', { name: 'Slow out-breath', exact: true }).isChecked(), true);
  for (const held of ['Box breathing', '4-7-8 breathing']) {
    assert.equal(await page.getByRole('radio', { name: held }).count(), 0, `${held} offered in session mode`);
  }
  assert.equal(await page.getByRole('region', { name: 'Before a held breath' }).count(), 0);
  await axeClean(page, 'paced breathing in session mode, the choice');
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Slow out-breath', exact: true }).waitFor();
  await axeClean(page, 'paced breathing in session mode, ready');
  assertNoErrors(errors);
});

test('an exercise begun before a dose does not reopen in session mode: its words are kept for later', async (t) => {
  const { page } = await freshPage(t, b.browser, { timezoneId: 'Europe/London', locale: 'en-GB' });
  const errors = collectErrors(page);
  await page.clock.install({ time: T0 });

  // Before any dose: safe place, a few words typed, then away to Today.
  await open(page, '/exercise/safe-place');
  await checkScreen(page, 'Before you start');
  await page.getByRole('button', { name: 'Begin' }).click();
  await page.getByRole('textbox', { name: 'What you call it (optional)' }).fill('the allotment');
  await open(page, '/today', { heading: 'Today' });

  // A dose now; Today still offers to carry on, but carrying on waits until it fits.
  await doseNow(page);
  await open(page, '/today', { heading: 'Today' });
  await page.getByRole('link', { name: /Carry on with Safe place/ }).click();
  await page.getByRole('heading', { level: 1, name: /Safe place: not this one for now/ }).waitFor();
  await page.getByText(/What you wrote in it is kept/).waitFor();
  assert.equal(await page.getByRole('textbox').count(), 0, 'nothing to type in session mode');
  await axeClean(page, 'carry on refused in session mode');

  // The words are still stored with the session, untouched.
  const stored = JSON.stringify(await storedRecords(page, 'sessions'));
  assert.ok(String(stored).includes('the allotment'), 'the words typed before the dose are kept');
  assertNoErrors(errors);
});

test('session mode: effects not eased after 4 h — it says to call the clinic now, or the emergency number; ending still waits for the person', async (t) => {
  const { page, errors } = await sessionModeAtT0(t);
  const long = page.getByText(/It has been more than 4 hours since your dose\..*call your clinic now\..*local emergency number/);
  // Three hours in, without "the effects have passed": no alarm yet, only the standing advice.
  await page.clock.fastForward('03:00:00');
  await page.getByRole('button', { name: 'The effects have passed' }).waitFor();
  assert.equal(await long.count(), 0, 'not before 4 h');
  // Past four hours: said plainly, once, and session mode stays until the person ends it.
  await page.clock.fastForward('01:01:00');
  await long.waitFor();
  await page.getByRole('heading', { level: 1, name: 'Session mode' }).waitFor();
  await page.getByRole('button', { name: 'The effects have passed' }).waitFor();
  await axeClean(page, 'session mode, effects not eased after 4 h');
  assertNoErrors(errors);
});

/** What has focus now, in words a failing assertion can show. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return !el || el === document.body ? 'nothing (the page itself)' : `${el.tagName.toLowerCase()}: ${(el.textContent ?? '').trim().slice(0, 60)}`;
  });

test('focus follows the person: session mode’s question and reply, the dose form’s first field (its choices named “Where”), and back to Edit after Cancel or Save', async (t) => {
  const { page, errors } = await sessionModeAtT0(t);
  await page.clock.fastForward('02:01:00');

  // Each answer replaces the button pressed; focus moves to what replaced it, so a screen reader says it.
  await page.getByRole('button', { name: 'The effects have passed' }).press('Enter');
  const ask = page.getByRole('group', { name: 'Are you all right on your own now?' });
  await ask.waitFor();
  assert.equal(await ask.evaluate((el) => el === document.activeElement), true, `focus on the question, not ${await focused(page)}`);
  await page.getByRole('button', { name: 'Not yet' }).press('Enter');
  const stay = page.getByText(/^That is all right\. Session mode stays on\./);
  await stay.waitFor();
  assert.equal(await stay.evaluate((el) => el === document.activeElement), true, `focus on the reply, not ${await focused(page)}`);
  // From the reply, the next Tab reaches Help.
  await page.keyboard.press('Tab');
  assert.match(await focused(page), /^button: Help/);
  await page.getByRole('button', { name: 'The effects have passed' }).press('Enter');
  await page.getByRole('button', { name: 'Yes, I am all right' }).press('Enter');
  const ended = page.getByText(/^Session mode has ended\./);
  await ended.waitFor();
  assert.equal(await ended.evaluate((el) => el === document.activeElement), true, `focus on "ended", not ${await focused(page)}`);

  // The dose list: Edit opens the form at its first field; Cancel and Save changes return to Edit.
  await open(page, '/doses', { heading: 'Your doses' });
  const edit = page.getByRole('button', { name: /^Edit/ });
  await edit.press('Enter');
  const form = page.getByRole('group', { name: 'Edit this dose' });
  assert.equal(await form.getByLabel('Date').evaluate((el) => el === document.activeElement), true, `focus on Date, not ${await focused(page)}`);
  // Its two places are named as in the form above ("Where"), not only by the form's own name.
  await form.getByRole('group', { name: 'Where', exact: true }).getByRole('radio', { name: 'At the clinic' }).waitFor();
  await form.getByRole('button', { name: 'Cancel' }).press('Enter');
  await edit.waitFor();
  assert.equal(await edit.evaluate((el) => el === document.activeElement), true, `focus back on Edit after Cancel, not ${await focused(page)}`);
  await edit.press('Enter');
  await form.getByLabel('Time').fill('08:45');
  await form.getByRole('button', { name: 'Save changes' }).press('Enter');
  await page.getByText(/Tue 24 Nov, 08:45 · At home/).waitFor();
  assert.equal(await edit.evaluate((el) => el === document.activeElement), true, `focus back on Edit after saving, not ${await focused(page)}`);
  assertNoErrors(errors);
});

/** Words of the page (outside sources and visually hidden text) whose letters are split over two lines. */

test('at 200% text on 320 px: the dose form never scrolls sideways, Today’s timeline keeps its words whole, session mode’s Help reads from the start', async (t) => {
  const { page } = await freshPage(t, b.browser, { timezoneId: 'Europe/London', locale: 'en-GB', viewport: { width: 320, height: 640 } });
  const errors = collectErrors(page);
  await page.clock.install({ time: T0 });
  const bigText = () => page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  const noSideways = async (where) =>
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 320, `${where}: no sideways scrolling`);

  // The date and time fields (new dose, and editing one) fit the screen.
  await open(page, '/doses', { heading: 'Your doses' });
  await bigText();
  await page.getByRole('button', { name: 'It was earlier' }).click();
  await page.getByLabel('Date').fill('2026-11-23');
  await page.getByLabel('Time').fill('08:00');
  await noSideways('#/doses, an earlier dose');
  await page.getByRole('button', { name: 'Save this dose' }).click();
  await page.getByRole('button', { name: /^Edit/ }).click();
  await page.getByRole('group', { name: 'Edit this dose' }).waitFor();
  await noSideways('#/doses, editing');

  // Today a day later (the window): the timeline's phase names are not cut mid-word.
  await open(page, '/today', { heading: 'Today' });
  await bigText();
  await page.getByRole('heading', { level: 2, name: 'Day 1 after your session' }).waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.deepEqual(await wordsCut(page, 'main'), [], 'words cut mid-letter on Today with a dose');
  await noSideways('#/today with a dose');

  // Session mode: the large Help control's words start at its start edge (not floated towards the middle).
  await doseNow(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  const { gap } = await page.locator('main .help-big').evaluate((el) => ({
    gap: /** @type {HTMLElement} */ (el.firstElementChild).getBoundingClientRect().left - el.getBoundingClientRect().left,
  }));
  assert.ok(gap < 40, `Help's words start ${Math.round(gap)} px in from its edge`);
  assertNoErrors(errors);
});

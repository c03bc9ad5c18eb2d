// Temperature (DBT TIPP) end to end in Chromium: the safety note first, the 30-second timer (pausable,
// never moving on by itself, or stopped early), the entry in the journal after a reload, and axe on every
// screen of the module. Playwright's clock (`page.clock`) fast-forwards the timer: the countdown reads
// Date.now() against its end time, so jumping the clock is exactly what a person waiting would see.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, runAxe, formatViolations } from './lib/browser.mjs';
import { baseURL, freshPage, collectErrors, assertNoErrors, checkScreen } from './lib/foundation.mjs';

const TITLE = 'Temperature';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  b = await launch();
});
after(async () => {
  await b?.close();
});

/** @param {import('playwright-core').Page} page */
async function axeClean(page, where) {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `axe violations on ${where}:\n${formatViolations(violations)}`);
}

/** @param {import('playwright-core').Page} page */
const h2 = (page, name) => page.getByRole('heading', { level: 2, name, exact: true });
/** @param {import('playwright-core').Page} page */
const button = (page, name) => page.getByRole('button', { name, exact: true });

/** Check-in → note → saved → journal after a reload; returns the entry page's text. */
async function finishAndOpenEntry(page, note) {
  await checkScreen(page, 'How are you now?', { presence: 7, distress: 3 });
  await page.getByRole('textbox', { name: 'A note for yourself (optional)', exact: true }).fill(note);
  await button(page, 'Save and finish').click();
  await h2(page, 'Well done for taking this time').waitFor();
  const href = await page.getByRole('link', { name: 'Open it in your journal', exact: true }).getAttribute('href');
  assert.match(href ?? '', /^#\/journal\/[A-Za-z0-9_-]+$/);
  await page.goto(`${baseURL}/${href}`);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: TITLE, exact: true }).waitFor();
  return (await page.locator('main article').innerText()).replace(/\s+/g, ' ');
}

test('temperature, face version: safety note → choose → prepare → 30 s timer with pause → notice → journal', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await page.clock.install();

  await page.goto(`${baseURL}/#/exercise/temperature`);
  await checkScreen(page, 'Before you start', { presence: 4, distress: 6 });

  // The safety note comes first, with the gentler version and a way to another exercise.
  await h2(page, 'First, a note on safety').waitFor();
  assert.match(await page.locator('main').innerText(), /heart condition/);
  assert.match(await page.locator('main').innerText(), /10 °C \(50 °F\)/);
  assert.equal(await page.getByRole('link', { name: 'Choose another exercise', exact: true }).getAttribute('href'), '#/today');
  await axeClean(page, 'the safety note');
  await button(page, 'Continue').click();

  await h2(page, 'Which way suits you today?').waitFor();
  assert.ok(await h2(page, 'Which way suits you today?').evaluate((el) => el === document.activeElement), 'heading has focus');
  await axeClean(page, 'the choice');
  await page.getByRole('button', { name: /^Cool water on my face/ }).click();

  await h2(page, 'Getting the water ready').waitFor();
  await axeClean(page, 'prepare (face)');
  await button(page, 'Start the 30-second timer').click();

  await h2(page, 'Feel the cold').waitFor();
  const timer = page.getByRole('timer');
  assert.match(await timer.innerText(), /30\s*seconds left/);
  await axeClean(page, 'the running timer');

  // Pause: big enough to hit, and the time stands still however long the pause lasts.
  const pauseBox = await button(page, 'Pause').boundingBox();
  assert.ok(pauseBox && pauseBox.height >= 44 && pauseBox.width >= 44, `Pause is at least 44 px (${JSON.stringify(pauseBox)})`);
  await page.clock.fastForward(5_000);
  await button(page, 'Pause').click();
  await button(page, 'Resume').waitFor();
  const pausedAt = await timer.innerText();
  // 5 s of fast-forward plus the real time the steps above took (the clock keeps flowing).
  const left = Number(/(\d+)/.exec(pausedAt)?.[1]);
  assert.ok(left >= 20 && left <= 25, `about 25 seconds left after 5 s (${pausedAt})`);
  await page.clock.fastForward('01:00');
  assert.equal(await timer.innerText(), pausedAt, 'the timer does not move while paused');
  assert.match(pausedAt, /Paused/);
  await axeClean(page, 'the paused timer');
  await button(page, 'Resume').click();

  // Halfway is said once, politely.
  await page.clock.fastForward((left - 14) * 1_000);
  await page.locator('[aria-live="polite"]', { hasText: /Halfway/ }).waitFor();

  await page.clock.fastForward('00:31');
  await page.getByText('Time’s up — take your time', { exact: true }).first().waitFor();
  assert.equal(await button(page, 'Pause').count(), 0, 'no Pause once time is up');
  // The end moves nothing on: the same screen waits, with Next.
  await page.clock.fastForward('02:00');
  await h2(page, 'Feel the cold').waitFor();
  await page.locator('[aria-live="polite"]', { hasText: 'Time’s up — take your time' }).waitFor();
  await axeClean(page, 'time is up');
  await button(page, 'Next').click();

  await h2(page, 'Notice the change').waitFor();
  await page.getByRole('textbox', { name: 'What do you notice? (optional)', exact: true }).fill('heartbeat slower');
  await axeClean(page, 'notice the change');
  await button(page, 'Done').click();

  const text = await finishAndOpenEntry(page, 'the cold helped');
  assert.match(text, /Cool water on the face: 30 seconds/);
  assert.match(text, /Noticed: heartbeat slower/);
  assert.match(text, /the cold helped/);
  assert.doesNotMatch(text, /unfinished/);
  assertNoErrors(errors);
});

test('temperature, gentler hands version, stopped early, with reduced motion: no ring, the number alone', async (t) => {
  const { page } = await freshPage(t, b.browser, { reducedMotion: 'reduce' });
  const errors = collectErrors(page);
  await page.clock.install();

  await page.goto(`${baseURL}/#/exercise/temperature`);
  await checkScreen(page, 'Before you start');
  await h2(page, 'First, a note on safety').waitFor();
  await button(page, 'Use the gentler hands version').click();

  await h2(page, 'Finding something cold').waitFor();
  await axeClean(page, 'prepare (hands)');
  await button(page, 'Start the 30-second timer').click();
  await h2(page, 'Feel the cold').waitFor();
  assert.equal(await page.locator('svg.ring').isVisible(), false, 'the progress ring is hidden under reduced motion');
  assert.match(await page.getByRole('timer').innerText(), /seconds left/);
  await axeClean(page, 'the timer (reduced motion)');

  await page.clock.fastForward(12_000);
  await button(page, 'That is enough for now').click();
  await h2(page, 'Notice the change').waitFor();
  await button(page, 'Done').click();

  const text = await finishAndOpenEntry(page, 'short one today');
  // 12 s of fast-forward plus the real seconds the checks above took.
  const done = Number(/Something cold in the hands: (\d+) seconds/.exec(text)?.[1]);
  assert.ok(done >= 12 && done <= 16, `seconds done recorded (${text})`);
  assertNoErrors(errors);
});

test('“Choose another exercise” on the safety note ends this one: Today offers nothing to carry on', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await page.goto(`${baseURL}/#/exercise/temperature`);
  await checkScreen(page, 'Before you start');
  await h2(page, 'First, a note on safety').waitFor();
  const text = await page.locator('main').innerText();
  assert.match(text, /low blood pressure, or have fainted before/);
  assert.match(text, /brings something back, or you may still be drowsy after a dose, use a cold cloth or pack/);
  assert.doesNotMatch(text, /works for most people/);
  await page.getByRole('link', { name: 'Choose another exercise', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Today', exact: true }).waitFor();
  // Give the ended session's last write time to land, then read Today afresh.
  await page.waitForTimeout(500);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Today', exact: true }).waitFor();
  await page.getByRole('link', { name: /5-4-3-2-1 senses/ }).first().waitFor();
  await page.waitForTimeout(1_000); // unfinished sessions are read from IndexedDB after the first paint
  assert.equal(await page.getByText(`Carry on with ${TITLE}`).count(), 0, 'no unfinished Temperature on Today');
  assertNoErrors(errors);
});

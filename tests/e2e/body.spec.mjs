// Body grounding end to end in Chromium: both parts start to finish, the tense → release hand-over that
// happens by itself, "Skip this one", the entry in the journal after a reload, and axe on every screen of
// the module. Playwright's clock (`page.clock`) fast-forwards the timers: the countdown reads Date.now()
// against its end time, so jumping the clock is exactly what a person waiting would see.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, runAxe, formatViolations } from './lib/browser.mjs';
import { baseURL, freshPage, collectErrors, assertNoErrors, checkScreen } from './lib/foundation.mjs';

const TITLE = 'Body grounding';
const GROUPS = ['Hands and forearms', 'Upper arms', 'Shoulders', 'Face', 'Chest and back', 'Stomach', 'Legs and feet'];

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
/** @param {import('playwright-core').Page} page */
const timeUp = (page) => page.locator('.time-up', { hasText: 'Time’s up — take your time' });

/** Check-out → note → saved → journal after a reload; returns the entry page's text. */
async function finishAndOpenEntry(page, note) {
  await checkScreen(page, 'How are you now?');
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

test('tense and let go: 7 groups, tension turns into release by itself, one skipped, saved to the journal', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await page.clock.install();

  await page.goto(`${baseURL}/#/exercise/body`);
  await checkScreen(page, 'Before you start', { presence: 5, distress: 5 });

  await h2(page, 'Which would you like to try?').waitFor();
  await axeClean(page, 'the choice');
  await page.getByRole('button', { name: /^Tense and let go/ }).click();

  for (const [i, name] of GROUPS.entries()) {
    await h2(page, name).waitFor();
    assert.ok(await h2(page, name).evaluate((el) => el === document.activeElement), `${name}: heading has focus`);
    await page.getByText(`Muscle group ${i + 1} of 7`, { exact: true }).waitFor();
    assert.equal(await button(page, 'Skip this one').count(), 1, `${name}: "Skip this one" offered`);
    if (i === 0) await axeClean(page, 'a muscle group, before starting');
    if (name === 'Face') {
      await button(page, 'Skip this one').click();
      continue;
    }
    await button(page, 'Start').click();
    await page.locator('.label', { hasText: 'Tense gently' }).waitFor();
    if (i === 0) {
      await axeClean(page, 'a tension');
      const box = await button(page, 'Pause').boundingBox();
      assert.ok(box && box.height >= 44, 'Pause is at least 44 px high');
    }
    // The tension hands over to the release by itself.
    await page.clock.fastForward('00:05');
    await page.locator('.label', { hasText: 'Let go' }).waitFor();
    assert.equal(await button(page, 'Let go now').count(), 0);
    if (i === 0) await axeClean(page, 'a release');
    await page.clock.fastForward('00:10');
    await timeUp(page).waitFor();
    if (i === 0) {
      // …but the end of the release waits for the person.
      await page.clock.fastForward('01:00');
      await h2(page, name).waitFor();
      await axeClean(page, 'time is up');
    }
    await button(page, 'Next').click();
  }

  await h2(page, 'Coming back').waitFor();
  await page.getByRole('textbox', { name: 'What do you notice now? (optional)', exact: true }).fill('arms heavy and warm');
  await axeClean(page, 'coming back');
  await button(page, 'Done').click();

  const text = await finishAndOpenEntry(page, 'slept after');
  assert.match(text, /Tense and let go/);
  assert.match(text, /Done: Hands and forearms, Upper arms, Shoulders, Chest and back, Stomach, Legs and feet/);
  assert.match(text, /Skipped: Face/);
  assert.match(text, /Noticed: arms heavy and warm/);
  assert.match(text, /slept after/);
  assertNoErrors(errors);
});

test('feet and hands: 20 s presses, pause holds the time, moving on early is fine, notes saved to the journal', async (t) => {
  const { page } = await freshPage(t, b.browser, { reducedMotion: 'reduce' });
  const errors = collectErrors(page);
  await page.clock.install();

  await page.goto(`${baseURL}/#/exercise/body`);
  await checkScreen(page, 'Before you start');
  await page.getByRole('button', { name: /^Feet and hands/ }).click();

  await h2(page, 'Feet on the floor').waitFor();
  await axeClean(page, 'feet, before starting');
  await page.getByRole('textbox', { name: 'What do you notice in your feet? (optional)', exact: true }).fill('cool tiles');
  await button(page, 'Start the 20-second timer').click();
  await page.getByRole('timer').waitFor();
  assert.equal(await page.locator('svg.ring').isVisible(), false, 'no ring under reduced motion');
  await axeClean(page, 'feet, timer running');
  await button(page, 'Pause').click();
  const pausedAt = await page.getByRole('timer').innerText();
  await page.clock.fastForward('02:00');
  assert.equal(await page.getByRole('timer').innerText(), pausedAt, 'paused time stands still');
  await button(page, 'Resume').click();
  await page.clock.fastForward('00:21');
  await timeUp(page).waitFor();
  await axeClean(page, 'feet, time is up');
  await button(page, 'Next').click();

  await h2(page, 'Palms pressing').waitFor();
  await button(page, 'Start the 20-second timer').click();
  await page.clock.fastForward('00:06');
  await button(page, 'Next').click(); // moving on before the end is fine

  await h2(page, 'Coming back').waitFor();
  await button(page, 'Done').click();

  const text = await finishAndOpenEntry(page, '');
  assert.match(text, /Feet and hands/);
  assert.match(text, /Done: Feet on the floor, Palms pressing/);
  assert.match(text, /Noticed \(Feet on the floor\): cool tiles/);
  assertNoErrors(errors);
});

// Safe place end to end in Chromium: built in the person's own words on the first visit and kept only on
// "Keep my safe place"; the words survive a reload mid-build; the entry is in the journal after a reload; and
// on the next visit (after another reload) the walk-through reads their words back. Every screen passes axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, runAxe, formatViolations } from './lib/browser.mjs';
import { baseURL, freshPage, collectErrors, assertNoErrors, checkScreen, sessionIdOf, waitForStoredSession } from './lib/foundation.mjs';

const TITLE = 'Safe place';
const WORDS = {
  name: 'the lake cabin',
  see: 'pine trees and still water',
  hear: 'loons far away',
  feel: 'a warm wool blanket on my knees',
  word: 'still',
};

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  b = await launch();
});
after(async () => {
  await b?.close();
});

async function axeClean(page, where) {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `axe violations on ${where}:\n${formatViolations(violations)}`);
}

const h2 = (page, name) => page.getByRole('heading', { level: 2, name, exact: true });
const button = (page, name) => page.getByRole('button', { name, exact: true });
const box = (page, name) => page.getByRole('textbox', { name, exact: true });

/** The gentle way out is on every screen of the exercise. */
async function hasWayOut(page, where) {
  const link = page.getByRole('link', { name: 'come back to the room', exact: true });
  assert.equal(await link.getAttribute('href'), '#/ground/leave/safe-place', `way back to the room on ${where}`);
}

test('safe place: built on the first visit, kept on request, in the journal; the next visit reads the words back', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);

  // --- First visit: build it.
  await page.goto(`${baseURL}/#/exercise/safe-place`);
  await h2(page, 'Before you start').waitFor();
  await axeClean(page, 'check-in');
  await checkScreen(page, 'Before you start', { presence: 4, distress: 5 });
  const sessionId = await sessionIdOf(page);

  await h2(page, 'A safe place, in your words').waitFor();
  await hasWayOut(page, 'the invitation');
  await axeClean(page, 'the invitation');
  await button(page, 'Begin').click();

  const steps = [
    ['A place of your own', 'What you call it (optional)', WORDS.name],
    ['What you see there', 'What you see (optional)', WORDS.see],
    ['What you hear there', 'What you hear (optional)', WORDS.hear],
    ['What your body feels there', 'What you feel (optional)', WORDS.feel],
    ['A word for it (optional)', 'Your word (optional)', WORDS.word],
  ];
  for (const [i, [heading, label, words]] of steps.entries()) {
    await h2(page, heading).waitFor();
    await box(page, label).fill(words);
    await hasWayOut(page, heading);
    await axeClean(page, `build step "${heading}"`);
    if (i === 1) {
      // The words survive a reload mid-build: the session resumes on this step with them in place.
      await waitForStoredSession(page, sessionId, words);
      await page.reload();
      await h2(page, heading).waitFor();
      assert.equal(await box(page, label).inputValue(), words, 'words kept across a reload mid-build');
    }
    await button(page, i === steps.length - 1 ? 'Done' : 'Next').click();
  }

  await h2(page, 'Your safe place').waitFor();
  for (const words of Object.values(WORDS)) await page.getByText(words, { exact: true }).waitFor();
  await axeClean(page, 'the review');
  await button(page, 'Keep my safe place').click();
  await page.getByRole('status').filter({ hasText: 'Kept on this device.' }).waitFor();
  await axeClean(page, 'the review, kept');
  await button(page, 'Done').click();

  await checkScreen(page, 'How are you now?');
  await button(page, 'Save and finish').click();
  await h2(page, 'Well done for taking this time').waitFor();
  const entryHref = await page.getByRole('link', { name: 'Open it in your journal', exact: true }).getAttribute('href');
  assert.match(entryHref ?? '', /^#\/journal\/[A-Za-z0-9_-]+$/);

  await page.goto(`${baseURL}/${entryHref}`);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: TITLE, exact: true }).waitFor();
  const text = (await page.locator('main article').innerText()).replace(/\s+/g, ' ');
  assert.match(text, /Built a safe place\. Kept on this device\./);
  for (const words of Object.values(WORDS)) assert.ok(text.includes(words), `"${words}" in the journal entry`);

  // --- Second visit, after a reload: a walk-through of their own words.
  await page.goto(`${baseURL}/#/today`);
  await page.reload();
  await page.goto(`${baseURL}/#/exercise/safe-place`);
  await checkScreen(page, 'Before you start');
  await h2(page, 'Visiting your safe place').waitFor();
  await hasWayOut(page, 'the walk-through opening');
  await axeClean(page, 'the walk-through opening');
  await button(page, 'Begin').click();

  const walk = [
    ['Your place', WORDS.name],
    ['You see', WORDS.see],
    ['You hear', WORDS.hear],
    ['You feel', WORDS.feel],
    ['Your word', WORDS.word],
  ];
  for (const [heading, words] of walk) {
    await h2(page, heading).waitFor();
    await page.locator('main').getByText(words, { exact: true }).waitFor();
    await hasWayOut(page, heading);
    await axeClean(page, `walk-through "${heading}"`);
    await button(page, 'Next').click();
  }
  await h2(page, 'Coming back to the room').waitFor();
  await page.getByText(`Your word, “${WORDS.word}”, may help bring it back.`, { exact: true }).waitFor();
  await axeClean(page, 'coming back to the room');
  await button(page, 'Done').click();

  await checkScreen(page, 'How are you now?');
  await button(page, 'Save and finish').click();
  await h2(page, 'Well done for taking this time').waitFor();
  const secondHref = await page.getByRole('link', { name: 'Open it in your journal', exact: true }).getAttribute('href');
  assert.notEqual(secondHref, entryHref);
  await page.goto(`${baseURL}/${secondHref}`);
  await page.getByRole('heading', { level: 1, name: TITLE, exact: true }).waitFor();
  assert.match(await page.locator('main article').innerText(), /Visited your safe place\./);
  assertNoErrors(errors);
});

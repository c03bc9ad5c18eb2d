// Issue 12, "Grounding that is safe in the moment" and "Support before paperwork", and what a newcomer
// tripped on: Ground me now starts only outward, sensory exercises whatever the ratings say; focus lands
// on the exercise's heading; a hard check-out shows Help and other exercises before the note; the safe
// place's way out opens Here and now; "Let it go" says what happens and updates Today at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, runAxe, formatViolations } from './lib/browser.mjs';
import { baseURL, freshPage, collectErrors, assertNoErrors, open, stepHeading, next, checkScreen, TITLE, seedRatedSessions as seed } from './lib/foundation.mjs';

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

const twice = (row) => [row, row];
const groundNow = (page) => page.getByRole('banner').getByRole('link', { name: 'Ground me now', exact: true });
const exerciseH1 = (page) => page.locator('main h1').first();

test('Ground never starts safe place, cold water or muscle tensing, even when the person’s ratings favour them', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await open(page, '/today', { heading: 'Today' });
  await seed(page, [
    ...twice({ moduleId: 'safe-place', before: [1, 10], after: [9, 0] }), // +18, twice
    ...twice({ moduleId: 'temperature', before: [1, 10], after: [9, 1] }),
    ...twice({ moduleId: 'body', before: [1, 10], after: [9, 2], data: { part: 'pmr', done: [], skipped: [], notes: {} } }),
    ...twice({ moduleId: 'breathing', before: [1, 10], after: [9, 2], data: { pattern: '4-7-8', minutes: 2, seconds: 120, cycles: 6, finishedEarly: false } }),
    { moduleId: 'orientation', before: [4, 5], after: [5, 4] }, // +2: the only one inside the set that helped
  ]);
  await page.reload();
  // Today's list still shows what helped (the person's own history), safe place first…
  const cards = page.locator('main section a[href^="#/exercise/"]');
  await page.waitForFunction(() => document.querySelector('main section a[href^="#/exercise/"]')?.textContent?.startsWith('Safe place'));
  assert.match((await cards.first().textContent()) ?? '', /helped you most/);

  // …but Ground starts the best of the in-the-moment set only.
  await groundNow(page).click();
  await page.getByRole('heading', { level: 1, name: 'Here and now', exact: true }).waitFor();
  for (const never of ['Safe place', 'Temperature', 'Body grounding', 'Paced breathing']) {
    assert.equal(await page.getByRole('heading', { level: 1, name: never, exact: true }).count(), 0, `Ground started ${never}`);
  }
  assertNoErrors(errors);
});

test('feet and hands that helped most starts straight at its first step, never at the tense-and-let-go choice', async (t) => {
  const { page } = await freshPage(t, b.browser);
  await open(page, '/today', { heading: 'Today' });
  await seed(page, twice({ moduleId: 'body', before: [2, 8], after: [7, 3], data: { part: 'anchor', done: [], skipped: [], notes: {} } }));
  await page.reload();
  await page.getByRole('link', { name: /^Body grounding/ }).waitFor();
  await groundNow(page).click();
  await page.getByRole('heading', { level: 1, name: 'Body grounding', exact: true }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Feet on the floor', exact: true }).waitFor();
  assert.equal(await page.getByRole('button', { name: /Tense and let go/i }).count(), 0, 'no muscle-tensing choice on the way in');
  // Nor a way back into it: the first step Ground chose has no Back to the choice with tense and let go.
  await page.getByRole('button', { name: 'Skip this one' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Back', exact: true }).count(), 0, 'no Back into the choice of part');
});

test('keyboard: after Ground me now, focus is on the exercise’s heading (not the page body)', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await open(page, '/today', { heading: 'Today' });
  await groundNow(page).focus();
  await page.keyboard.press('Enter');
  await stepHeading(page, 0).waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  const focused = await page.evaluate(() => ({ tag: document.activeElement?.tagName, text: document.activeElement?.textContent?.trim() }));
  assert.deepEqual(focused, { tag: 'H1', text: TITLE });
  // And it stays there (nothing re-renders it away a moment later).
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), TITLE);
  // Tab from there reaches the exercise, not the top of the page.
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => !!document.activeElement?.closest('main')), 'Tab moves on inside the exercise');
  assertNoErrors(errors);
});

test('a hard check-out shows Help and other exercises before the note; the note can still be written after', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await open(page, '/today', { heading: 'Today' });
  await groundNow(page).click();
  await stepHeading(page, 0).waitFor();
  for (let i = 0; i < 5; i++) await next(page, i);
  // "No one monitors this app" with the way to Help beside the ratings.
  await page.getByRole('heading', { level: 2, name: 'How are you now?', exact: true }).waitFor();
  await page.locator('main').getByText('No one monitors this app.').waitFor();
  await checkScreen(page, 'How are you now?', { presence: 3, distress: 5 });

  const support = page.getByRole('region', { name: 'Still finding it hard?' });
  await support.waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Anything you want to remember?' }).count(), 0, 'support comes before the note');
  assert.equal(await page.getByRole('button', { name: 'Save and finish' }).count(), 0);
  // Focus moved to the support heading, so screen readers hear it first.
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Still finding it hard?');
  const choices = support.getByRole('region', { name: 'What helps right now' });
  // The list renders once its ranking is read (an {#await} in SessionView), whole: wait for it, then read it.
  await choices.waitFor();
  const names = await choices.getByRole('link').allTextContents();
  assert.ok(names.length >= 3, 'other exercises offered');
  assert.ok(!names.some((n) => n.startsWith(TITLE)), 'not the one just done');
  // Presence 3: outward first, imagery, muscle work and breath focus last.
  const last3 = names.slice(-3).map((n) => n.split(/\s{2,}|helped|about/)[0].trim());
  assert.deepEqual(last3.map((n) => n.replace(/Press.*|Slow.*|A place.*/, '').trim()).sort(), ['Body grounding', 'Paced breathing', 'Safe place'].sort(), `order: ${names.join(' | ')}`);
  await axeClean(page, 'the support step');

  await support.getByRole('button', { name: 'See help and crisis contacts' }).click();
  const dialog = page.getByRole('dialog', { name: 'Help' });
  await dialog.waitFor();
  assert.equal(await dialog.locator('a[href="tel:988"]').count() > 0, true);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });

  // Never a dead end: on to the note, which is saved as usual.
  await page.getByRole('button', { name: 'Go on to the note', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Anything you want to remember?' }).waitFor();
  await page.getByRole('textbox', { name: 'A note for yourself (optional)' }).fill('called my sister');
  await page.locator('main').getByText('No one monitors this app.').waitFor();
  await page.getByRole('button', { name: 'Help and crisis contacts', exact: true }).click();
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Save and finish' }).click();
  await page.getByRole('heading', { level: 2, name: 'Well done for taking this time' }).waitFor();
  assertNoErrors(errors);
});

test('distress that rose by 3 over the exercise shows support first, too', async (t) => {
  const { page } = await freshPage(t, b.browser);
  await page.goto(`${baseURL}/#/exercise/five-senses`);
  await checkScreen(page, 'Before you start', { presence: 7, distress: 2 });
  await stepHeading(page, 0).waitFor();
  for (let i = 0; i < 5; i++) await next(page, i);
  await checkScreen(page, 'How are you now?', { presence: 7, distress: 5 });
  await page.getByRole('region', { name: 'Still finding it hard?' }).waitFor();
});

test('the safe place’s way out ends the imagery and opens Here and now, never the imagery again', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await page.goto(`${baseURL}/#/exercise/safe-place`);
  await checkScreen(page, 'Before you start');
  await page.getByRole('button', { name: 'Begin', exact: true }).click();
  await page.getByRole('textbox', { name: 'What you call it (optional)' }).fill('the lake');
  await page.getByRole('link', { name: 'come back to the room', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Here and now', exact: true }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Back to Safe place' }).count(), 0, 'the imagery is not offered back');
  // Ground pressed now carries on with Here and now; Today offers no unfinished safe place.
  await open(page, '/today', { heading: 'Today' });
  await page.waitForTimeout(300);
  assert.equal(await page.getByRole('link', { name: 'Carry on with Safe place' }).count(), 0);
  // The words are kept in the journal.
  await open(page, '/journal', { heading: 'Journal' });
  await page.getByText('Safe place').first().waitFor();
  assertNoErrors(errors);
});

test('leaving at check-in with nothing written has its own heading; "Let it go" says what happens and updates Today at once', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await page.goto(`${baseURL}/#/exercise/orientation`);
  await page.getByRole('heading', { level: 2, name: 'Before you start' }).waitFor();
  await page.getByRole('button', { name: 'Leave exercise' }).click();
  await page.getByRole('heading', { level: 2, name: 'You left before starting', exact: true }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Back to Today' }).count(), 0);

  // An unfinished 5-4-3-2-1: starting it again offers to carry on (at most one unfinished per exercise).
  await page.goto(`${baseURL}/#/exercise/five-senses`);
  await checkScreen(page, 'Before you start');
  await stepHeading(page, 0).waitFor();
  await page.getByRole('textbox', { name: 'What you see (optional)' }).fill('a green mug');
  await page.goto(`${baseURL}/#/exercise/five-senses`);
  await page.getByRole('heading', { level: 2, name: `You have an unfinished ${TITLE}` }).waitFor();
  await axeClean(page, 'the unfinished-exercise offer');
  await page.getByRole('link', { name: `Carry on with ${TITLE}` }).click();
  await stepHeading(page, 0).waitFor();

  await open(page, '/today', { heading: 'Today' });
  const pair = page.getByRole('group', { name: TITLE });
  await pair.waitFor();
  await page.getByText('Letting go ends the exercise. Anything you wrote or rated there stays in your journal.').waitFor();
  await pair.getByRole('button', { name: /^Let it go/ }).click();
  // Gone at once, and the toast says where the words went.
  await pair.waitFor({ state: 'detached', timeout: 500 });
  await page.getByText(`Let go of ${TITLE}. What you wrote is kept in your journal.`).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.getByRole('group', { name: TITLE }).count(), 0, 'still gone after a reload');
  assertNoErrors(errors);
});

test('the welcome card folds away and stays folded; axe clean', async (t) => {
  const { page } = await freshPage(t, b.browser);
  await open(page, '/today', { heading: 'Today' });
  const about = page.getByText('A quiet place to practise', { exact: false });
  assert.ok(await about.isVisible(), 'open on the first visit');
  await page.getByRole('heading', { level: 2, name: 'Welcome to Groundwork' }).click();
  await about.waitFor({ state: 'hidden' });
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Welcome to Groundwork' }).waitFor();
  assert.equal(await about.isVisible(), false, 'remembered as folded');
  await axeClean(page, 'Today with the welcome folded');
});

test('safe place after a check-in at presence 2: outward exercises are offered first, inward ones last, and the person may go on', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await page.goto(`${baseURL}/#/exercise/safe-place`);
  await checkScreen(page, 'Before you start', { presence: 2 });
  await page.getByRole('heading', { level: 2, name: 'Something outward first?' }).waitFor();
  const list = page.getByRole('region', { name: 'What helps right now' });
  await list.waitFor(); // rendered whole once its ranking is read
  const titles = (await list.getByRole('link').allTextContents()).map((s) => s.trim());
  const at = (name) => titles.findIndex((s) => s.startsWith(name));
  for (const outward of ['5-4-3-2-1 senses', 'Here and now', 'Temperature'])
    for (const inward of ['Body grounding', 'Paced breathing'])
      assert.ok(at(outward) < at(inward), `${outward} before ${inward}: ${titles.join(' | ')}`);
  assert.equal(at('Safe place'), -1, 'not the exercise itself');
  await axeClean(page, 'outward first');
  await page.getByRole('button', { name: 'Continue with the exercise' }).click();
  await page.getByRole('button', { name: 'Begin', exact: true }).waitFor(); // the exercise's own first screen
  assertNoErrors(errors);
});

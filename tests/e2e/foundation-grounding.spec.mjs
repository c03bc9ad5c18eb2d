// Journey 2/4 (DESIGN §1, §3): the 5-4-3-2-1 grounding session from Today, end to end, and what happens
// to the words when the page reloads mid-session or the person leaves early.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import {
  baseURL,
  TITLE,
  STEPS,
  freshPage,
  collectErrors,
  assertNoErrors,
  open,
  h1,
  stepHeading,
  stepBox,
  checkScreen,
  tick,
  next,
  back,
  startFromToday,
  startAtStep1,
  waitForStoredSession,
  escape,
} from './lib/foundation.mjs';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  b = await launch();
});
after(async () => {
  await b?.close();
});

test('five-senses from Today, start to finish: ratings, words and ticks end up in the journal', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);

  await startFromToday(page);
  await checkScreen(page, 'Before you start', { presence: 3, distress: 7 });

  // Step 1: words. Step 2: ticks only (aria-pressed reflects them). Step 3: words. Steps 4-5: nothing.
  await stepHeading(page, 0).waitFor();
  await stepBox(page, 0).fill('blue mug on the windowsill');
  await next(page, 0);

  await tick(page, 1);
  await tick(page, 2);
  await tick(page, 3);
  const ticks = page.getByRole('group', { name: /Tick each one you notice/ }).getByRole('button');
  assert.equal(await ticks.count(), STEPS[1].count, 'step 2 has one tick per thing to feel');
  assert.deepEqual(
    await ticks.evaluateAll((els) => els.map((el) => el.getAttribute('aria-pressed'))),
    ['true', 'true', 'true', 'false'],
    'three of the four ticks are pressed',
  );
  await next(page, 1);

  await stepBox(page, 2).fill('fridge humming softly');
  await next(page, 2);
  await next(page, 3);
  await next(page, 4); // "Done"

  await checkScreen(page, 'How are you now?', { presence: 8, distress: 2 });
  const note = page.getByRole('textbox', { name: 'A note for yourself (optional)', exact: true });
  await note.fill('steadier after this');
  await page.getByRole('button', { name: 'Save and finish', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Well done for taking this time', exact: true }).waitFor();
  const entryHref = await page.getByRole('link', { name: 'Open it in your journal', exact: true }).getAttribute('href');
  assert.match(entryHref ?? '', /^#\/journal\/[A-Za-z0-9_-]+$/);

  // After a reload the journal lists it, and its page shows the words and the before/after ratings.
  await open(page, '/journal', { heading: 'Journal' });
  await page.reload();
  await h1(page).waitFor();
  const link = page.getByRole('link', { name: new RegExp(`^${escape(TITLE)}`) });
  await link.first().waitFor();
  assert.equal(await link.count(), 1, 'exactly one five-senses entry in the journal');
  assert.equal(await link.getAttribute('href'), entryHref);
  await link.click();

  await page.getByRole('heading', { level: 1, name: TITLE, exact: true }).waitFor();
  const article = page.locator('main article');
  const text = (await article.innerText()).replace(/\s+/g, ' ');
  assert.match(text, /blue mug on the windowsill/, 'step 1 words on the entry page');
  assert.match(text, /fridge humming softly/, 'step 3 words on the entry page');
  assert.match(text, /steadier after this/, 'the note on the entry page');
  assert.match(text, /Before present 3\/10, distress 7\/10/, 'before-ratings on the entry page');
  assert.match(text, /After present 8\/10, distress 2\/10/, 'after-ratings on the entry page');
  assert.doesNotMatch(text, /unfinished/, 'a finished session is not marked unfinished');
  assertNoErrors(errors);
});

test('reload mid-session on step 3: Today offers "Carry on", which resumes on step 3 with the words kept', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);

  const id = await startAtStep1(page);
  await stepBox(page, 0).fill('green lamp');
  await next(page, 0);
  await stepBox(page, 1).fill('cool air on my arms');
  await next(page, 1);
  await stepBox(page, 2).pressSequentially('distant traffic');
  // The promise is "nothing older than 1 s is lost" (DESIGN §8): the words must be on disk within 1 s of
  // the last keystroke. Waiting for that (not a fixed sleep) keeps the reload from racing the last write.
  const typed = performance.now();
  await waitForStoredSession(page, id, 'distant traffic', { timeoutMs: 1000 }).catch(() => {
    throw new Error(`step 3 words not stored within 1 s of typing (${Math.round(performance.now() - typed)} ms)`);
  });

  await page.reload();
  await h1(page).waitFor();
  await open(page, '/today', { heading: 'Today' });
  const carryOn = page.getByRole('link', { name: `Carry on with ${TITLE}`, exact: true });
  await carryOn.waitFor();
  assert.equal(await carryOn.getAttribute('href'), `#/session/${id}`);
  await carryOn.click();

  await stepHeading(page, 2).waitFor();
  assert.equal(await stepBox(page, 2).inputValue(), 'distant traffic', 'step 3 words kept');
  await back(page, 2);
  assert.equal(await stepBox(page, 1).inputValue(), 'cool air on my arms', 'step 2 words kept');
  await back(page, 1);
  assert.equal(await stepBox(page, 0).inputValue(), 'green lamp', 'step 1 words kept');
  assertNoErrors(errors);
});

test('"Leave exercise" on step 2 after typing keeps the words in the journal as an unfinished entry', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);

  const id = await startAtStep1(page);
  await stepBox(page, 0).fill('a stack of books');
  await next(page, 0);
  await stepBox(page, 1).fill('socks on the carpet');
  await page.getByRole('button', { name: 'Leave exercise', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'What you wrote is kept in your journal.', exact: true }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Leave exercise' }).count(), 0, 'no "Leave" once left');

  await open(page, '/journal', { heading: 'Journal' });
  const link = page.getByRole('link', { name: new RegExp(`^${escape(TITLE)}`) });
  await link.first().waitFor();
  assert.equal(await link.count(), 1);
  assert.match(await link.innerText(), /unfinished/, 'listed as unfinished');
  assert.equal(await link.getAttribute('href'), `#/journal/${id}`, 'the entry has the session id');
  await link.click();
  await page.getByRole('heading', { level: 1, name: TITLE, exact: true }).waitFor();
  const text = (await page.locator('main article').innerText()).replace(/\s+/g, ' ');
  assert.match(text, /unfinished/);
  assert.match(text, /a stack of books/, 'step 1 words kept');
  assert.match(text, /socks on the carpet/, 'step 2 words kept (typed right before leaving)');

  // And it is not also offered as something to carry on with.
  await open(page, '/today', { heading: 'Today' });
  await page.getByRole('link', { name: new RegExp(`^${escape(TITLE)}`) }).first().waitFor();
  assert.equal(await page.getByRole('link', { name: `Carry on with ${TITLE}` }).count(), 0);
  assertNoErrors(errors);
});

// Reframing end to end in Chromium (issue 14): stuck points done and found in the journal after a reload
// (by search too); belief rehearsal twice — offered the alternative from stuck points — with its chart and
// table at the end and on the journal entry. Every step passes axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, runAxe, formatViolations } from './lib/browser.mjs';
import { baseURL, freshPage, collectErrors, assertNoErrors, checkScreen, sessionIdOf, waitForStoredSession, wordsCut } from './lib/foundation.mjs';

const BELIEF = 'It was all my fault that it happened.';
const ALT = 'I did what I could with what I knew then.';

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
const rate = (page, group, n) => page.getByRole('group', { name: group, exact: true }).getByRole('radio', { name: String(n), exact: true }).check();

async function finishSession(page) {
  await checkScreen(page, 'How are you now?');
  await button(page, 'Save and finish').click();
  await h2(page, 'Well done for taking this time').waitFor();
  const href = await page.getByRole('link', { name: 'Open it in your journal', exact: true }).getAttribute('href');
  assert.match(href ?? '', /^#\/journal\/[A-Za-z0-9_-]+$/);
  return href;
}

/** The table's box and the table itself, in px: sideways scrolling shows as scrollWidth > clientWidth. */
const tableBox = (page) =>
  page.locator('main table').evaluate((table) => {
    const box = /** @type {HTMLElement} */ (table.parentElement);
    const cells = [...table.querySelectorAll('tbody tr:first-child > *')].map((c) => Math.round(c.getBoundingClientRect().top));
    return { box: [box.scrollWidth, box.clientWidth], table: [table.scrollWidth, table.clientWidth], oneLineRow: new Set(cells).size === 1 };
  });

/** Belief rehearsal's table at 320 px with 200% text fits its box (no sideways scrolling, words whole), is
 *  still a table to axe, and is back to plain columns on a wide screen. */
async function tableFitsNarrow(page) {
  const wide = await tableBox(page);
  assert.ok(wide.oneLineRow, `1280 px: each practice is one row of columns (${JSON.stringify(wide)})`);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const narrow = await tableBox(page);
  const at = `320 px, 200% text: ${JSON.stringify(narrow)}`;
  assert.ok(narrow.box[0] <= narrow.box[1], `${at}: the table's box does not scroll sideways`);
  assert.ok(narrow.table[0] <= narrow.table[1] && narrow.table[1] <= narrow.box[1], `${at}: the table fits its box`);
  assert.deepEqual(await wordsCut(page, 'main table'), [], `${at}: words whole`);
  const last = (await page.locator('main table tbody tr').last().innerText()).replace(/\s+/g, ' ').trim();
  assert.match(last, /^Practice 2 When .+ Before 40 After 60$/, `${at}: each value beside its column's name`);
  await axeClean(page, 'the chart’s table at 320 px, 200% text');
  await page.evaluate(() => (document.documentElement.style.fontSize = ''));
  await page.setViewportSize({ width: 1280, height: 800 });
}

const QUESTIONS = [
  'A habit of thought, or a fact?',
  'All or nothing?',
  'A feeling, or a fact?',
  'Where did it come from?',
  'If a friend said it',
  'The whole picture',
  'What it costs, what it protects',
];

test('stuck points: every step, skips allowed, words kept across a reload, in the journal and its search after a reload', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await page.goto(`${baseURL}/#/exercise/stuck-points`);
  await h2(page, 'Before you start').waitFor();
  await checkScreen(page, 'Before you start', { presence: 7, distress: 4 });
  const sessionId = await sessionIdOf(page);

  await h2(page, 'Looking again at a stuck point').waitFor();
  await axeClean(page, 'the intro');
  await button(page, 'Begin').click();
  await h2(page, 'The belief that keeps you stuck').waitFor();
  await box(page, 'The stuck point').fill(BELIEF);
  await axeClean(page, 'the belief');
  // The words survive a reload: the session resumes on this step with them in place.
  await waitForStoredSession(page, sessionId, BELIEF);
  await page.reload();
  await h2(page, 'The belief that keeps you stuck').waitFor();
  assert.equal(await box(page, 'The stuck point').inputValue(), BELIEF);
  await button(page, 'Next').click();

  await h2(page, 'How much do you believe it?').waitFor();
  await rate(page, 'How much you believe it right now', 80);
  await axeClean(page, 'the first rating');
  await button(page, 'Next').click();

  for (const [i, heading] of QUESTIONS.entries()) {
    await h2(page, heading).waitFor();
    await page.getByText(`Question ${i + 1} of ${QUESTIONS.length}`, { exact: true }).waitFor();
    await axeClean(page, `question "${heading}"`);
    if (i === 1 || i === 5) {
      await button(page, 'Skip this question').click();
      continue;
    }
    await box(page, 'Your thoughts (optional)').fill(`answer ${i + 1}: ${heading.toLowerCase()}`);
    await button(page, 'Next').click();
  }

  await h2(page, 'Another way to see it').waitFor();
  await box(page, 'Another way to see it (optional)').fill(ALT);
  await axeClean(page, 'the alternative');
  await button(page, 'Next').click();
  await h2(page, 'How much now?').waitFor();
  await rate(page, 'How much you believe the stuck point now', 50);
  await rate(page, 'How much you believe the other way to see it', 40);
  await axeClean(page, 'the second rating');
  await button(page, 'Next').click();
  await h2(page, 'What you looked at').waitFor();
  await page.getByText(ALT, { exact: true }).waitFor();
  await axeClean(page, 'the review');
  await button(page, 'Done').click();
  const href = await finishSession(page);

  await page.goto(`${baseURL}/${href}`);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Stuck points', exact: true }).waitFor();
  const text = (await page.locator('main article').innerText()).replace(/\s+/g, ' ');
  assert.ok(text.includes(`Stuck point: ${BELIEF}`), text);
  assert.ok(text.includes('Believed: 80/100 at the start, 50/100 at the end'), text);
  assert.ok(text.includes('Skipped: All or nothing?, The whole picture'), text);
  assert.ok(text.includes(`Another way to see it: ${ALT}`), text);
  await axeClean(page, 'the journal entry');

  await page.goto(`${baseURL}/#/journal`);
  await page.reload();
  await page.getByRole('searchbox', { name: 'Search your journal' }).fill('what I knew');
  await page.locator('main').getByRole('link', { name: /Stuck points/ }).first().waitFor();
  assertNoErrors(errors);
});

test('belief rehearsal twice: offered the stuck-points alternative, then its chart with a table, also on the journal entry', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);

  // A stuck-points entry first, briefly: its alternative is what rehearsal offers.
  await page.goto(`${baseURL}/#/exercise/stuck-points`);
  await checkScreen(page, 'Before you start');
  await button(page, 'Begin').click();
  await box(page, 'The stuck point').fill(BELIEF);
  await button(page, 'Next').click();
  await button(page, 'Next').click();
  for (const heading of QUESTIONS) {
    await h2(page, heading).waitFor();
    await button(page, 'Skip this question').click();
  }
  await box(page, 'Another way to see it (optional)').fill(ALT);
  await button(page, 'Next').click();
  await button(page, 'Next').click();
  await button(page, 'Done').click();
  await finishSession(page);

  const ratings = [
    [30, 50],
    [40, 60],
  ];
  let href = '';
  for (const [i, [before, afterRating]] of ratings.entries()) {
    await page.goto(`${baseURL}/#/today`);
    await page.goto(`${baseURL}/#/exercise/belief-rehearsal`);
    await h2(page, 'Before you start').waitFor();
    if (i === 0) await axeClean(page, 'rehearsal check-in');
    await checkScreen(page, 'Before you start');
    await h2(page, 'A belief to strengthen').waitFor();
    const belief = box(page, 'The belief you want to strengthen');
    assert.equal(await belief.inputValue(), ALT, 'prefilled with the latest alternative');
    await page
      .getByText(i === 0 ? 'Your other way to see it, from stuck points' : 'The belief you rehearsed last time', { exact: true })
      .first()
      .waitFor();
    await axeClean(page, `choosing (practice ${i + 1})`);
    await button(page, 'Next').click();

    await h2(page, 'How true does it feel right now?').waitFor();
    await rate(page, 'How believable it feels now, before writing it', before);
    await axeClean(page, 'rating before');
    await button(page, 'Next').click();
    await h2(page, 'Write it out').waitFor();
    await box(page, 'Write it out').fill(`${ALT} I was young.`);
    await axeClean(page, 'writing it out');
    await button(page, 'Next').click();
    await h2(page, 'Read it back').waitFor();
    await page.getByText(`${ALT} I was young.`, { exact: true }).waitFor();
    await axeClean(page, 'reading it back');
    await button(page, 'Next').click();
    await h2(page, 'How true does it feel now?').waitFor();
    await rate(page, 'How believable it feels now, after reading it back', afterRating);
    await axeClean(page, 'rating after');
    await button(page, 'Next').click();

    await h2(page, 'How it has felt over your practices').waitFor();
    const summary = i === 0 ? '1 practice of this belief: 30 out of 100 before the first, 50 after the latest.' : '2 practices of this belief: 30 out of 100 before the first, 60 after the latest.';
    await page.getByRole('img', { name: summary, exact: true }).waitFor();
    await page.getByText('Show as a table', { exact: true }).click();
    const rows = page.locator('main table tbody tr');
    assert.equal(await rows.count(), i + 1);
    assert.equal((await rows.last().innerText()).replace(/\s+/g, ' ').trim().split(' ').slice(-2).join(' '), `${before} ${afterRating}`);
    await axeClean(page, `the chart (practice ${i + 1})`);
    if (i === 1) await tableFitsNarrow(page);
    await button(page, 'Done').click();
    href = await finishSession(page);
  }

  // The chart is reachable from the journal entry, after a reload, with its table.
  await page.goto(`${baseURL}/${href}`);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Belief rehearsal', exact: true }).waitFor();
  const text = (await page.locator('main article').innerText()).replace(/\s+/g, ' ');
  assert.ok(text.includes(`Rehearsed: ${ALT}`), text);
  assert.ok(text.includes('How believable: 40/100 before, 60/100 after'), text);
  await page.getByRole('img', { name: '2 practices of this belief: 30 out of 100 before the first, 60 after the latest.', exact: true }).waitFor();
  await page.getByText('Show as a table', { exact: true }).click();
  assert.equal(await page.locator('main table tbody tr').count(), 2);
  await axeClean(page, 'the journal entry with its chart');
  assertNoErrors(errors);
});

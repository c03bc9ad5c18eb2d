// Orientation ("Here and now") end to end in Chromium: the day and time come from the clock in the person's
// time zone, the place is named and kept only on request, each line can be confirmed, and the entry is in the
// journal after a reload. A second visit reads the kept place back. Every screen passes axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, runAxe, formatViolations } from './lib/browser.mjs';
import { baseURL, freshPage, collectErrors, assertNoErrors, checkScreen, h1 } from './lib/foundation.mjs';

const TITLE = 'Here and now';
const ZONE = { locale: 'en-GB', timezoneId: 'Europe/London' };

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

const h2 = (page, name) => page.getByRole('heading', { level: 2, name, exact: typeof name === 'string' });
const button = (page, name) => page.getByRole('button', { name, exact: true });

async function startSkippingCheckIn(page) {
  await page.goto(`${baseURL}/#/exercise/orientation`);
  await checkScreen(page, 'Before you start');
}

test('orientation start to finish: today from the clock, place named and kept, lines confirmed, entry in the journal after reload', async (t) => {
  const { page } = await freshPage(t, b.browser, ZONE);
  const errors = collectErrors(page);
  const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: ZONE.timezoneId }).format(new Date());

  await page.goto(`${baseURL}/#/exercise/orientation`);
  await h2(page, 'Before you start').waitFor();
  await axeClean(page, 'check-in');
  await checkScreen(page, 'Before you start', { presence: 3, distress: 6 });

  // 1. The day, in the person's own time zone, and typed back.
  const day = h2(page, /^Today is /);
  await day.waitFor();
  assert.match(await day.innerText(), new RegExp(`^Today is ${weekday}, \\d{1,2} \\w+ \\d{4}\\.$`));
  await axeClean(page, 'the day line');
  await page.getByRole('textbox', { name: 'Say it back, or type it here (optional)', exact: true }).fill(weekday);
  await button(page, 'That’s right').click();

  // 2. The time of day.
  const time = h2(page, /^It is (morning|afternoon|evening|night) — \d{2}:\d{2}\.$/);
  await time.waitFor();
  await axeClean(page, 'the time line');
  await button(page, 'That’s right').click();

  // 3. No place kept yet: an invitation to name it; keeping is a separate tap.
  await h2(page, 'Where are you right now?').waitFor();
  await axeClean(page, 'the place invitation');
  await page.getByRole('textbox', { name: 'Where you are', exact: true }).fill('my kitchen');
  await page.getByText('I am in my kitchen.', { exact: true }).waitFor();
  await button(page, 'Keep this for next time').click();
  await page.getByRole('status').filter({ hasText: 'Kept on this device for next time.' }).waitFor();
  await axeClean(page, 'the place, kept');
  await button(page, 'That’s right').click();

  // 4. The suggested statement.
  await h2(page, 'That was then. This is now.').waitFor();
  await axeClean(page, 'the statement line');
  await button(page, 'That’s right').click();

  await h2(page, 'How are you now?').waitFor();
  await axeClean(page, 'check-out');
  await checkScreen(page, 'How are you now?', { presence: 7, distress: 3 });
  await page.getByRole('textbox', { name: 'A note for yourself (optional)', exact: true }).fill('the kitchen clock helped');
  await button(page, 'Save and finish').click();
  await h2(page, 'Well done for taking this time').waitFor();
  const entryHref = await page.getByRole('link', { name: 'Open it in your journal', exact: true }).getAttribute('href');
  assert.match(entryHref ?? '', /^#\/journal\/[A-Za-z0-9_-]+$/);

  // The entry is in the journal after a reload, with the lines, what was confirmed and what was typed.
  await page.goto(`${baseURL}/${entryHref}`);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: TITLE, exact: true }).waitFor();
  const text = (await page.locator('main article').innerText()).replace(/\s+/g, ' ');
  assert.match(text, new RegExp(`Today is ${weekday}, [^.]+\\. \\(confirmed\\)`), 'the day line, confirmed');
  assert.match(text, new RegExp(`You wrote: ${weekday}`), 'what was typed back');
  assert.match(text, /It is (morning|afternoon|evening|night) — \d{2}:\d{2}\. \(confirmed\)/, 'the time line');
  assert.match(text, /I am in my kitchen\. \(confirmed\)/, 'the place line');
  assert.match(text, /That was then\. This is now\. \(confirmed\)/, 'the statement');
  assert.match(text, /Kept the place for next time\./);
  assert.match(text, /the kitchen clock helped/, 'the note');
  await axeClean(page, 'the journal entry');

  // A second visit asks again: the kept place is offered as a suggestion, never stated as where they are.
  await startSkippingCheckIn(page);
  await h2(page, /^Today is /).waitFor();
  await button(page, 'Next').click();
  await h2(page, /^It is /).waitFor();
  await button(page, 'Next').click();
  await h2(page, 'Where are you right now?').waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Where you are', exact: true }).inputValue(), '');
  await axeClean(page, 'the kept place, offered');
  await button(page, 'Use “my kitchen”').click();
  await page.getByText('I am in my kitchen.', { exact: true }).waitFor();
  assert.ok(await h1(page).isVisible());
  assertNoErrors(errors);
});

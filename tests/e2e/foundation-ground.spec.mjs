// Journey 2 (DESIGN §1): "Ground me now" from any screen starts grounding within a second, even mid-writing
// or mid-exercise, and the way back keeps everything. Help opens from every screen. Keyboard reaches both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import {
  baseURL,
  TITLE,
  ROUTES,
  freshPage,
  collectErrors,
  assertNoErrors,
  open,
  h1,
  stepHeading,
  stepBox,
  next,
  startAtStep1,
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

/** Click "Ground me now" and return how long until grounding step 1 is on screen (ms, from Node's side). */
async function groundNow(page) {
  const control = page.getByRole('link', { name: 'Ground me now', exact: true });
  assert.equal(await control.getAttribute('href'), '#/ground');
  const started = performance.now();
  await control.click();
  await stepHeading(page, 0).waitFor({ state: 'visible', timeout: 5_000 });
  return performance.now() - started;
}

test('Ground me now from mid-journal: grounding within 1 s, then "Back to where you were" keeps the words', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);

  await open(page, '/journal/new', { heading: 'New entry' });
  const title = page.getByRole('textbox', { name: 'Title (optional)', exact: true });
  const body = page.getByRole('textbox', { name: 'Your entry', exact: true });
  await title.fill('Tuesday evening');
  await body.pressSequentially('the room felt far away, then closer');

  const ms = await groundNow(page);
  t.diagnostic(`Ground me now → step 1: ${Math.round(ms)} ms`);
  assert.ok(ms < 1000, `grounding step 1 took ${Math.round(ms)} ms after the click (limit 1000 ms)`);
  assert.match(page.url(), /#\/ground$/);
  // Quick start: no check-in on the way in.
  assert.equal(await page.getByRole('heading', { name: 'Before you start' }).count(), 0);

  const backLink = page.getByRole('link', { name: 'Back to where you were', exact: true });
  assert.equal(await backLink.getAttribute('href'), '#/journal/new');
  await backLink.click();
  await page.getByRole('heading', { level: 1, name: 'New entry', exact: true }).waitFor();
  await page.getByText('We brought back what you were writing.').waitFor();
  assert.equal(await title.inputValue(), 'Tuesday evening');
  assert.equal(await body.inputValue(), 'the room felt far away, then closer');
  assertNoErrors(errors);
});

test('Ground me now inside 5-4-3-2-1 (step 2) carries on with it: same step, same words, no second copy', async (t) => {
  // Issue 12: pressing Ground inside a grounding exercise that is itself safe in the moment carries on with
  // it, instead of opening a second "5-4-3-2-1 senses" under the same title.
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);

  await startAtStep1(page);
  await stepBox(page, 0).fill('white ceiling');
  await next(page, 0);
  await stepBox(page, 1).fill('the weight of a blanket');

  const control = page.getByRole('link', { name: 'Ground me now', exact: true });
  const started = performance.now();
  await control.click();
  await page.waitForURL(/#\/ground$/);
  // The Ground screen itself (its intro line), showing the same exercise — not the old screen on its way out.
  await page.getByText('You are here now.', { exact: false }).waitFor({ timeout: 5_000 });
  await page.getByRole('heading', { level: 1, name: TITLE, exact: true }).waitFor({ timeout: 5_000 });
  await stepHeading(page, 1).waitFor({ state: 'visible', timeout: 5_000 });
  const ms = performance.now() - started;
  t.diagnostic(`Ground me now → the same exercise on step 2: ${Math.round(ms)} ms`);
  assert.ok(ms < 1000, `grounding took ${Math.round(ms)} ms after the click (limit 1000 ms)`);
  assert.equal(await stepBox(page, 1).inputValue(), 'the weight of a blanket', 'step 2 text kept');
  assert.equal(await page.getByRole('heading', { level: 1, name: TITLE, exact: true }).count(), 1, 'one exercise on screen');
  assert.equal(await page.getByRole('link', { name: `Back to ${TITLE}` }).count(), 0, 'no second copy to go back from');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await stepHeading(page, 0).waitFor();
  assert.equal(await stepBox(page, 0).inputValue(), 'white ceiling', 'step 1 text kept');
  assertNoErrors(errors);
});

test('Ground me now from mid-exercise that is not for the moment (safe place): "Back to Safe place" returns to the step with the text', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);

  await page.goto(`${baseURL}/#/exercise/safe-place`);
  await page.getByRole('heading', { level: 2, name: 'Before you start', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Skip', exact: true }).click();
  await page.waitForURL(/#\/session\/[A-Za-z0-9_-]+$/);
  const id = new URL(page.url()).hash.replace('#/session/', '');
  await page.getByRole('button', { name: 'Begin', exact: true }).click();
  const name = page.getByRole('textbox', { name: 'What you call it (optional)', exact: true });
  await name.fill('the lake');

  const ms = await groundNow(page);
  t.diagnostic(`Ground me now → step 1: ${Math.round(ms)} ms`);
  assert.ok(ms < 1000, `grounding step 1 took ${Math.round(ms)} ms after the click (limit 1000 ms)`);
  await page.getByRole('heading', { level: 1, name: TITLE, exact: true }).waitFor();

  const backTo = page.getByRole('link', { name: 'Back to Safe place', exact: true });
  assert.equal(await backTo.getAttribute('href'), `#/session/${id}`);
  await backTo.click();
  await page.getByRole('heading', { level: 1, name: 'Safe place', exact: true }).waitFor();
  assert.equal(await name.inputValue(), 'the lake', 'the words typed before grounding are kept');
  assertNoErrors(errors);
});

test('Help opens from every route with 988 as a tel: link, and Escape closes it with focus back on Help', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);

  // An entry page needs an entry.
  await open(page, '/journal/new', { heading: 'New entry' });
  await page.getByRole('textbox', { name: 'Your entry', exact: true }).fill('something to look at');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.waitForURL(/#\/journal\/[A-Za-z0-9_-]+$/);
  const entryRoute = new URL(page.url()).hash.slice(1);

  const failures = [];
  for (const route of [...ROUTES, entryRoute]) {
    await page.goto(`${baseURL}/#${route}`);
    await h1(page).waitFor();
    const helpButton = page.getByRole('banner').getByRole('button', { name: 'Help', exact: true });
    await helpButton.click();
    const dialog = page.getByRole('dialog', { name: 'Help' });
    await dialog.waitFor({ state: 'visible' });
    const tel988 = await dialog.locator('a[href="tel:988"]').count();
    const notMonitored = await dialog.getByText('No one monitors this app').count();
    const modal = await dialog.evaluate((d) => d.matches(':modal'));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el ? `${el.tagName.toLowerCase()}:${el.textContent?.trim()}` : 'none';
    });
    if (!tel988) failures.push(`${route}: no tel:988 link`);
    if (!notMonitored) failures.push(`${route}: no "No one monitors this app"`);
    if (!modal) failures.push(`${route}: the dialog is not modal`);
    if (focused !== 'button:Help') failures.push(`${route}: focus after Escape is on ${focused}, expected the Help button`);
  }
  assert.deepEqual(failures, []);

  // Every crisis contact is a working tel:/sms: link, and Close closes too.
  await page.getByRole('banner').getByRole('button', { name: 'Help', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Help' });
  const hrefs = await dialog.locator('a[href^="tel:"], a[href^="sms:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const expected of ['tel:988', 'sms:988', 'sms:741741', 'tel:116123', 'sms:85258', 'tel:911', 'tel:999', 'tel:112']) {
    assert.ok(hrefs.some((h) => h === expected || h?.startsWith(`${expected}?`)), `Help has ${expected} (has ${hrefs.join(', ')})`);
  }
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  assertNoErrors(errors);
});

test('keyboard only: from Today, Tab reaches "Ground me now" within a few presses and Enter starts grounding', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await open(page, '/today', { heading: 'Today' });

  const seen = [];
  let reached = false;
  for (let i = 0; i < 4 && !reached; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    seen.push(label);
    reached = label === 'Ground me now';
  }
  assert.ok(reached, `"Ground me now" not reached in 4 Tab presses; focus went: ${seen.join(' → ')}`);
  // Focus must be visible on it (DESIGN §7: visible focus).
  const outline = await page.evaluate(() => {
    const s = getComputedStyle(/** @type {Element} */ (document.activeElement));
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  assert.ok(outline.style !== 'none' && outline.width > 0, `no visible focus outline on "Ground me now" (${JSON.stringify(outline)})`);

  const started = performance.now();
  await page.keyboard.press('Enter');
  await stepHeading(page, 0).waitFor({ state: 'visible', timeout: 5_000 });
  const ms = performance.now() - started;
  t.diagnostic(`Enter → step 1: ${Math.round(ms)} ms`);
  assert.ok(ms < 1000, `grounding step 1 took ${Math.round(ms)} ms after Enter (limit 1000 ms)`);
  assertNoErrors(errors);
});

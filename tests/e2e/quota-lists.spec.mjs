// Issue 17, "Every store, every fault": a full disk (CDP Storage.overrideQuotaForOrigin) on the two stores whose
// quota handling was tested only in node — the fear list and a questionnaire under way. For each: the kind
// message, what the person wrote or chose stays on screen and again after going elsewhere and back (from
// memory, not disk), and it is written without another touch when space returns. every-store.spec.mjs does
// the same for the safety plan and a written-exposure text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import { baseURL, freshPage, collectErrors, assertNoErrors, open, storedRecords as stored, pollUntil as until, waitForDatabase } from './lib/foundation.mjs';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  b = await launch();
});
after(async () => {
  await b?.close();
});

const FULL = 'This device is out of storage space';

/** A fresh page whose disk is full from the next database connection on (Chromium applies it to those). */
async function fullDisk(t) {
  const { context, page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  const cdp = await context.newCDPSession(page);
  const origin = new URL(baseURL).origin;
  await open(page, '/today', { heading: 'Today' });
  await waitForDatabase(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  return { page, errors, spaceBack: () => cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1e9 }) };
}

async function elsewhereAndBack(page, route, heading) {
  await page.getByRole('link', { name: 'Today', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await open(page, route, { heading });
}

test('quota exceeded on the fear list: the message, the new item on screen and after going elsewhere and back, saved when space returns', async (t) => {
  const { page, errors, spaceBack } = await fullDisk(t);
  const ITEM = 'Typed while the disk was full';

  await open(page, '/exposure', { heading: 'My fear list' });
  await page.getByRole('textbox', { name: 'The situation or memory, in your words', exact: true }).fill(ITEM);
  await page.getByRole('group', { name: 'How distressing do you expect it to be? (0–100)' }).getByRole('radio', { name: '40', exact: true }).check();
  await page.getByRole('button', { name: 'Add to my list', exact: true }).click();
  await page.getByText(FULL).waitFor();
  await page.getByRole('alert').filter({ hasText: 'This could not be saved yet. It is kept on this screen' }).waitFor();
  await page.locator('main li h3').filter({ hasText: ITEM }).waitFor();
  assert.ok(!JSON.stringify(await stored(page, 'hierarchy')).includes(ITEM), 'not on disk yet');

  // Elsewhere and back: the list comes back from memory, the new item in it.
  await elsewhereAndBack(page, '/exposure', 'My fear list');
  await page.locator('main li h3').filter({ hasText: ITEM }).waitFor();

  await spaceBack();
  await page.getByText(FULL).waitFor({ state: 'detached', timeout: 40_000 });
  await until(async () => JSON.stringify(await stored(page, 'hierarchy')).includes(ITEM), 'the fear list on disk', 40_000);
  assertNoErrors(errors);
});

test('quota exceeded in a questionnaire under way: the message, the answers kept and carried on from after going elsewhere and back, saved when space returns', async (t) => {
  const { page, errors, spaceBack } = await fullDisk(t);
  const TITLE = 'Generalized Anxiety Disorder 7 (GAD-7)';
  const question = (n) => page.getByText(`Question ${n} of 7`, { exact: true });
  const answer = async (label) => {
    await page.getByRole('radio', { name: label, exact: true }).check();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
  };

  await open(page, '/measures/gad7', { heading: TITLE });
  // One question per screen: the default way of answering.
  await question(1).waitFor();
  await answer('Several days');
  await question(2).waitFor();
  await answer('More than half the days');
  await question(3).waitFor();
  await page.getByText(FULL).waitFor();
  await page.getByRole('alert').filter({ hasText: 'Your answer could not be saved yet.' }).waitFor();
  assert.equal((await stored(page, 'measures')).length, 0, 'nothing on disk yet');

  // Elsewhere and back: it carries on at question 3, the two answers kept (from memory).
  await elsewhereAndBack(page, '/measures/gad7', TITLE);
  await question(3).waitFor();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await question(2).waitFor();
  assert.ok(await page.getByRole('radio', { name: 'More than half the days', exact: true }).isChecked());

  await spaceBack();
  await page.getByText(FULL).waitFor({ state: 'detached', timeout: 40_000 });
  await until(async () => (await stored(page, 'measures')).some((r) => r.measureId === 'gad7' && r.answers[0] === 1 && r.answers[1] === 2), 'the answers on disk', 40_000);
  assertNoErrors(errors);
});

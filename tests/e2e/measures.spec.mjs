// Issue 16, questionnaires, end to end in Chromium on the production build: PHQ-9 taken offline one question
// per screen with item 9 above 0 → "No one sees this answer" → the safety plan and crisis lines before any
// score; GAD-7 as one form → its trend chart and table after a reload; axe clean; nothing wider than a
// 320 px phone at 200% text; no request leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, runAxe, formatViolations, trackRequests, waitForServiceWorker } from './lib/browser.mjs';
import { baseURL, freshPage, collectErrors, assertNoErrors, open, putStored } from './lib/foundation.mjs';
import { expectItem9Screen, openSafetyPlan } from './lib/safety.mjs';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  b = await launch();
});
after(async () => {
  await b?.close();
});

async function axeClean(page, label) {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `${label}:\n${formatViolations(violations)}`);
}

const GAD7 = [
  'Feeling nervous, anxious or on edge',
  'Not being able to stop or control worrying',
  'Worrying too much about different things',
  'Trouble relaxing',
  'Being so restless that it is hard to sit still',
  'Becoming easily annoyed or irritable',
  'Feeling afraid as if something awful might happen',
];

/** The answer `label` in the question group whose legend holds `words`. */
function radio(page, words, label) {
  return page.getByRole('group', { name: words }).getByRole('radio', { name: label, exact: true });
}

test('PHQ-9 offline, one question per screen, item 9 above 0: "No one sees this answer", then the safety plan and crisis lines', async (t) => {
  const { context, page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  const requests = trackRequests(context, baseURL);
  await open(page, '/today', { heading: 'Today' });
  await waitForServiceWorker(page);
  await context.setOffline(true);

  await open(page, '/measures/phq9', { heading: 'Patient Health Questionnaire (PHQ-9)' });
  await page.getByText('Over the last 2 weeks, how often have you been bothered by any of the following problems?', { exact: true }).waitFor();
  await axeClean(page, 'PHQ-9, question 1');
  for (let i = 1; i <= 8; i++) {
    await page.getByText(`Question ${i} of 9`, { exact: true }).waitFor();
    await page.getByRole('radio', { name: 'Not at all', exact: true }).check();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
  await page.getByText('Question 9 of 9', { exact: true }).waitFor();
  await radio(page, /Thoughts that you would be better off dead/, 'Several days').check();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  // The unscored difficulty question, optional.
  await page.getByRole('group', { name: /how difficult have these problems made it/ }).waitFor();
  await page.getByRole('button', { name: 'Finish', exact: true }).click();

  await expectItem9Screen(page);
  await axeClean(page, 'item 9 screen');

  await openSafetyPlan(page);

  // The answers were kept: the history shows this PHQ-9 with item 9 recorded (offline all along).
  await open(page, '/measures', { heading: 'Questionnaires' });
  await page.locator('[data-chart="chart-phq9"]').waitFor();
  assert.deepEqual(requests.foreignRequests(), []);
  assertNoErrors(errors);
});

test('GAD-7 as one form: finished, then its trend chart, summary and table after a reload', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await open(page, '/measures', { heading: 'Questionnaires' });
  await page.getByRole('radio', { name: 'All questions on one page', exact: true }).check();
  await axeClean(page, 'measures, empty');
  await page.getByRole('link', { name: 'Start the GAD-7', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Generalized Anxiety Disorder 7 (GAD-7)', exact: true }).waitFor();
  // The choice was remembered: every question on one page.
  for (const item of GAD7) await radio(page, item, item === 'Trouble relaxing' ? 'Nearly every day' : 'Several days').check();
  await axeClean(page, 'GAD-7 form');
  await page.getByRole('button', { name: 'Finish', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Your GAD-7', exact: true }).waitFor();
  assert.ok(await page.getByText('9 of 21', { exact: true }).isVisible());
  assert.ok(await page.getByText(/not a diagnosis/).first().isVisible());

  await page.reload();
  await open(page, '/measures', { heading: 'Questionnaires' });
  const chart = page.locator('[data-chart="chart-gad7"]');
  await chart.waitFor();
  assert.match(await chart.locator('[data-chart-summary]').innerText(), /^GAD-7: 9 of 21 on .* — Mild \(5–9\)\./);
  assert.ok(await chart.locator('svg[role="img"] line.band').count() >= 3, 'band lines at 5, 10 and 15');
  await chart.getByText('Show the numbers', { exact: true }).click();
  const row = chart.locator('tbody tr').first();
  assert.equal(await row.locator('td').innerText(), '9');
  await axeClean(page, 'measures with a trend');
  assertNoErrors(errors);
});

test('at 200% text on a 320 px phone: questions, the item-9 screen and the trends fit and are axe clean', async (t) => {
  const width = 320;
  const { page } = await freshPage(t, b.browser, { viewport: { width, height: 640 } });
  const fits = async (label) => {
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= width, `${label}: scrollWidth ${scrollWidth} > ${width}`);
    await axeClean(page, `200% text, ${label}`);
  };
  await open(page, '/measures/pcl5', { heading: 'PTSD Checklist for DSM-5 (PCL-5)' });
  await page.getByText('In the past month, how much were you bothered by:', { exact: true }).waitFor();
  await fits('PCL-5 question 1');
  await open(page, '/measures/phq9', { heading: 'Patient Health Questionnaire (PHQ-9)' });
  await page.getByRole('radio', { name: 'All questions on one page', exact: true }).check();
  await radio(page, /Thoughts that you would be better off dead/, 'Nearly every day').check();
  await page.getByRole('button', { name: 'Stop for now', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'No one sees this answer', exact: true }).waitFor();
  await fits('item 9 screen');
  await open(page, '/measures', { heading: 'Questionnaires' });
  await page.getByRole('link', { name: 'Carry on with the PHQ-9', exact: true }).waitFor();
  await fits('measures list');
});

test('Today offers a GAD-7 taken eight days ago, never pushes one never taken, and "Not now" sets it aside across a reload', async (t) => {
  const { context, page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  const requests = trackRequests(context, baseURL);
  await open(page, '/today', { heading: 'Today' });
  // Someone who never took one: no questionnaire on Today, and none of its code loaded.
  await page.getByRole('link', { name: 'Open your journal', exact: true }).waitFor();
  await page.waitForLoadState('networkidle');
  assert.equal(await page.locator('[data-measures-due]').count(), 0);
  // The page's own loads (the service worker's precaching is not the first screen's cost).
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.deepEqual(loaded.filter((u) => /\/assets\/(MeasuresDue|measures|content|due|scoring)-/.test(u)), [], 'no questionnaire code on the first screen');
  assert.deepEqual(requests.foreignRequests(), []);
  assert.equal(await page.getByRole('link', { name: 'Your questionnaires and how they have changed' }).count(), 0);

  // A GAD-7 finished eight days ago, written as the app writes it.
  const at = Date.now() - 8 * 24 * 60 * 60 * 1000;
  await putStored(page, {
    measures: [
      {
        id: 'gad7-old', measureId: 'gad7', answers: [1, 1, 1, 1, 1, 1, 1], period: 'two-weeks',
        startedAt: at - 60_000, updatedAt: at, completedAt: at, total: 7, band: 'mild',
      },
    ],
  });
  await page.reload();
  const card = page.locator('[data-measures-due]');
  await card.waitFor();
  const loadedNow = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.ok(loadedNow.some((u) => /\/assets\/MeasuresDue-/.test(u)), 'the card loads only for someone who takes questionnaires');
  assert.ok(await card.getByRole('link', { name: 'GAD-7: worry and anxiety over the last two weeks', exact: true }).isVisible());
  assert.equal(await card.getByRole('link', { name: /PHQ-9|PCL-5/ }).count(), 0, 'only the one this person takes');
  await axeClean(page, 'Today with a questionnaire due');
  await card.getByRole('button', { name: /^Not now\W+GAD-7$/ }).click();
  await page.getByRole('link', { name: 'Your questionnaires and how they have changed', exact: true }).waitFor();
  await page.waitForTimeout(300);
  await page.reload();
  await page.getByRole('link', { name: 'Your questionnaires and how they have changed', exact: true }).waitFor();
  assert.equal(await page.locator('[data-measures-due]').count(), 0, 'set aside after a reload');
  assertNoErrors(errors);
});

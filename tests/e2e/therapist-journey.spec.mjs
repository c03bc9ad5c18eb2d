// Issue 16 "Checks", the whole journey in Chromium on the production build with two browser profiles (contexts:
// each its own IndexedDB, so its own clinician key): the clinician composes a plan (the 5-4-3-2-1 grounding
// exercise and PHQ-9) and copies the link → the patient, offline, opens it, previews, accepts and sees it on
// Today → does the assigned exercise to the end → takes PHQ-9 with item 9 above 0 → "No one sees this answer"
// → the safety plan and crisis lines → a progress report with PHQ-9 ticked, locked to the clinician's key from
// the plan (no passphrase) → the clinician, in clinician mode, opens the file with their own key and sees the
// same PHQ-9 score. No request leaves the origin in either profile; axe clean on the report screens.
// Steps copied from plans, measures, report and report-measures specs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, runAxe, formatViolations, waitForServiceWorker, trackRequests } from './lib/browser.mjs';
import { baseURL, freshPage, collectErrors, assertNoErrors, open, checkScreen, next, stepHeading } from './lib/foundation.mjs';
import { chooseReportFile, saveLockedFile, showReport } from './lib/report.mjs';
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

const CLINICIAN = 'Dr Rowan Lee';
const TITLE = 'After session 2';

async function axeClean(page, label) {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `${label}:\n${formatViolations(violations)}`);
}

test('the therapist journey: plan → offline patient accepts → exercise → PHQ-9 with item 9 → safety plan → report locked to the clinician’s key → the clinician sees the same score', async (t) => {
  // The clinician's profile composes a plan: one grounding exercise and PHQ-9.
  const clinician = await freshPage(t, b.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  const cp = clinician.page;
  const cErrors = collectErrors(cp);
  const cRequests = trackRequests(clinician.context, baseURL);
  await open(cp, '/settings', { heading: 'Settings' });
  await cp.getByRole('link', { name: 'For clinicians', exact: true }).click();
  await cp.getByRole('heading', { level: 1, name: 'For clinicians', exact: true }).waitFor();
  await cp.getByRole('button', { name: 'New plan', exact: true }).click();
  await cp.getByRole('heading', { level: 1, name: 'Compose a plan', exact: true }).waitFor();
  await cp.getByLabel('Plan title', { exact: true }).fill(TITLE);
  await cp.getByLabel('Your name', { exact: true }).fill(CLINICIAN);
  await cp.getByLabel('How your patient can reach you', { exact: true }).fill('rowan@clinic.example');
  await cp.getByRole('button', { name: 'Add exercise', exact: true }).click();
  await cp.getByLabel('Exercise 1', { exact: true }).selectOption('five-senses');
  await cp.getByLabel('Day of exercise 1', { exact: true }).selectOption('any');
  await cp.getByLabel('PHQ-9 (mood): every how many days', { exact: true }).fill('7');
  await cp.getByRole('button', { name: 'Hand over this plan', exact: true }).click();
  await cp.getByRole('heading', { level: 1, name: 'Hand over the plan', exact: true }).waitFor();
  await cp.waitForFunction(() => /** @type {HTMLTextAreaElement|null} */ (document.querySelector('#plan-link'))?.value.includes('#/plan/'));
  const link = await cp.getByLabel('Link to the plan', { exact: true }).inputValue();
  await cp.getByRole('button', { name: 'Copy link', exact: true }).click();
  await cp.getByText('Link copied', { exact: true }).waitFor();
  assert.equal(await cp.evaluate(() => navigator.clipboard.readText()), link, 'the copied link is the link shown');
  assert.ok(link.startsWith(`${baseURL}/#/plan/`), link);

  // The patient's profile: a first visit installs the app; then no network at all.
  const patient = await freshPage(t, b.browser, { acceptDownloads: true });
  const page = patient.page;
  const errors = collectErrors(page);
  const requests = trackRequests(patient.context, baseURL);
  await open(page, '/today', { heading: 'Today' });
  await waitForServiceWorker(page);
  await patient.context.setOffline(true);
  await page.goto('about:blank');
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: 'A plan from your clinician', exact: true }).waitFor();
  const main = page.locator('main');
  await main.getByRole('heading', { level: 2, name: TITLE, exact: true }).waitFor();
  await main.getByText(/^Not verified\. This is the first plan from this clinician/).waitFor();
  await main.getByRole('button', { name: 'Use this plan', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Today', exact: true }).waitFor();
  const card = page.getByRole('region', { name: `Your plan: ${TITLE}` });
  await card.waitFor();

  // The assigned exercise, to the end; Today ticks it.
  await card.getByRole('link', { name: /5-4-3-2-1 senses/ }).click();
  await checkScreen(page, 'Before you start');
  await stepHeading(page, 0).waitFor();
  for (let i = 0; i < 5; i++) await next(page, i);
  await checkScreen(page, 'How are you now?');
  await page.getByRole('button', { name: 'Save and finish', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Well done for taking this time', exact: true }).waitFor();
  await open(page, '/today', { heading: 'Today' });
  await card.getByRole('link', { name: /5-4-3-2-1 senses · any time · done/ }).waitFor();

  // PHQ-9, one question per screen, item 9 above 0.
  await open(page, '/measures/phq9', { heading: 'Patient Health Questionnaire (PHQ-9)' });
  for (let i = 1; i <= 8; i++) {
    await page.getByText(`Question ${i} of 9`, { exact: true }).waitFor();
    await page.getByRole('radio', { name: 'Not at all', exact: true }).check();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
  await page.getByText('Question 9 of 9', { exact: true }).waitFor();
  await page.getByRole('group', { name: /Thoughts that you would be better off dead/ }).getByRole('radio', { name: 'Several days', exact: true }).check();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('group', { name: /how difficult have these problems made it/ }).waitFor();
  await page.getByRole('button', { name: 'Finish', exact: true }).click();
  await expectItem9Screen(page);
  await openSafetyPlan(page);

  // The progress report, PHQ-9 ticked, locked to the clinician's key from the plan: no passphrase asked.
  await open(page, '/report', { heading: 'Share your progress' });
  const phq = page.getByRole('checkbox', { name: /PHQ-9 — mood/ });
  await phq.waitFor();
  await phq.check();
  const { shown } = await showReport(page);
  assert.match(shown, /PHQ-9: 1 of 27/, shown);
  await page.getByText(/Your clinician’s plan carries their key, so the file is locked to them/).waitFor();
  assert.equal(await page.getByLabel('Choose a passphrase').count(), 0, 'no passphrase to choose');
  await axeClean(page, 'report preview');
  const saved = await saveLockedFile(page, null); // locked to the clinician's key: no passphrase
  assert.deepEqual(requests.foreignRequests(), [], 'patient: no request left the origin');
  assertNoErrors(errors, 'patient');

  // The clinician's profile, in clinician mode: the file opens with their own key, no passphrase.
  await open(cp, '/clinician/report', { heading: 'Open a progress report' });
  await axeClean(cp, 'clinician report, empty');
  await chooseReportFile(cp, saved);
  await cp.locator('[data-report]').waitFor({ timeout: 20_000 });
  assert.equal(await cp.locator('#clinician-pass').count(), 0, 'no passphrase asked');
  const opened = (await cp.locator('[data-report]').innerText()).trim();
  assert.match(opened, /PHQ-9: 1 of 27/, 'the same PHQ-9 score');
  // Shared by the person's choice (the PHQ-9 choice says so): the latest answer to question 9, in its words.
  assert.match(opened, /Latest answer to question 9 .*: Several days \(1 of 3\)/);
  assert.equal(opened, shown, 'the clinician sees exactly what the person previewed');
  await axeClean(cp, 'clinician report, opened');
  assert.deepEqual(cRequests.foreignRequests(), [], 'clinician: no request left the origin');
  assertNoErrors(cErrors, 'clinician');
});

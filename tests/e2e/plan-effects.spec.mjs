// Issue 16, "plan thresholds and contacts apply" and measures "on the plan's rhythm", end to end in Chromium
// on the production build: a clinician's plan with an extra crisis contact and PHQ-9 weekly is accepted by a
// patient who never took a questionnaire → Today offers PHQ-9; Help (page and dialog) lists the built-in
// crisis lines AND the plan's contact (text, with a tel: link), after them; a hard check-out's support step
// shows the plan's contact too. axe clean; no request leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, runAxe, formatViolations, trackRequests } from './lib/browser.mjs';
import { baseURL, freshPage, collectErrors, assertNoErrors, open, checkScreen, next, stepHeading } from './lib/foundation.mjs';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  b = await launch();
});
after(async () => {
  await b?.close();
});

const CONTACT = 'Clinic duty line <i>x</i>';
const NUMBER = '+44 20 7946 0001';
const PLAN_HEADING = 'Contacts from your therapist’s plan';

async function axeClean(page, label) {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `${label}:\n${formatViolations(violations)}`);
}

/** In clinician mode: a plan with one exercise, PHQ-9 weekly and one extra crisis contact. Returns the link. */
async function compose(page) {
  await open(page, '/settings', { heading: 'Settings' });
  await page.getByRole('link', { name: 'For clinicians', exact: true }).click();
  await page.getByRole('button', { name: 'New plan', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Compose a plan', exact: true }).waitFor();
  await page.getByLabel('Plan title', { exact: true }).fill('Between sessions');
  await page.getByLabel('Your name', { exact: true }).fill('Dr Sam Ito');
  await page.getByLabel('How your patient can reach you', { exact: true }).fill('sam@clinic.example');
  await page.getByRole('button', { name: 'Add exercise', exact: true }).click();
  await page.getByLabel('Exercise 1', { exact: true }).selectOption('five-senses');
  await page.getByLabel('Day of exercise 1', { exact: true }).selectOption('any');
  await page.getByLabel('PHQ-9 (mood): every how many days', { exact: true }).fill('7');
  await page.getByRole('button', { name: 'Add contact', exact: true }).click();
  await page.getByLabel('Region of contact 1', { exact: true }).fill('London');
  await page.getByLabel('Name of contact 1', { exact: true }).fill(CONTACT);
  await page.getByLabel('Phone number of contact 1', { exact: true }).fill(NUMBER);
  await page.getByRole('button', { name: 'Hand over this plan', exact: true }).click();
  await page.waitForFunction(() => /** @type {HTMLTextAreaElement|null} */ (document.querySelector('#plan-link'))?.value.includes('#/plan/'));
  return page.getByLabel('Link to the plan', { exact: true }).inputValue();
}

/** The plan's contact in `scope`: its name as text (no markup made from it) and a tel: link with its digits. */
async function planContactShown(scope) {
  const section = scope.locator('[data-plan-contacts]');
  await section.getByRole('heading', { name: PLAN_HEADING, exact: true }).waitFor();
  await section.getByText(CONTACT, { exact: true }).waitFor();
  assert.equal(await section.locator('i').count(), 0, 'plan text is text, never HTML');
  const call = section.getByRole('link', { name: `Call ${NUMBER}`, exact: true });
  assert.equal(await call.getAttribute('href'), 'tel:+442079460001');
  return section;
}

test('an accepted plan with PHQ-9 weekly and an extra contact: Today offers PHQ-9; Help lists the built-in lines and the plan’s contact; so does the support step', async (t) => {
  const clinician = await freshPage(t, b.browser);
  const link = await compose(clinician.page);

  const { context, page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  const requests = trackRequests(context, baseURL);

  // Before any plan: Help has the built-in lines only, and Today offers no questionnaire (never taken one).
  await open(page, '/help', { heading: 'Help' });
  const builtIn = await page.locator('main ul.contacts > li').count();
  assert.ok(builtIn >= 2, `built-in crisis lines listed (${builtIn})`);
  assert.equal(await page.locator('[data-plan-contacts]').count(), 0);

  await page.goto(link);
  await page.getByRole('button', { name: 'Use this plan', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Today', exact: true }).waitFor();

  // Measures on the plan's rhythm: PHQ-9 is offered though this person never took a questionnaire.
  const due = page.locator('[data-measures-due]');
  await due.getByRole('link', { name: /^PHQ-9/ }).waitFor();
  assert.equal(await due.getByRole('link', { name: /^GAD-7|^PCL-5/ }).count(), 0, 'only what the plan assigns');
  await axeClean(page, 'Today with the plan’s questionnaire');

  // Help, the page: every built-in line is still there, and the plan's contact comes after them.
  await open(page, '/help', { heading: 'Help' });
  const section = await planContactShown(page.locator('main'));
  assert.equal(await page.locator('main ul.contacts > li').count(), builtIn, 'no built-in line removed or hidden');
  const after = await section.evaluate((el) => {
    const list = document.querySelector('main ul.contacts');
    return !!list && (list.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  });
  assert.ok(after, 'the plan’s contacts follow the built-in lines');
  await page.getByRole('link', { name: /^Call \d{3}$/ }).first().waitFor(); // the emergency number stays
  await axeClean(page, 'Help with a plan');

  // Help, the dialog from Today.
  await open(page, '/today', { heading: 'Today' });
  await page.getByRole('button', { name: 'Help', exact: true }).first().click();
  const dialog = page.getByRole('dialog');
  await planContactShown(dialog);
  assert.equal(await dialog.locator('ul.contacts > li').count(), builtIn);
  await page.keyboard.press('Escape');

  // A hard check-out: the support step shows the plan's contact beside the way to Help.
  await page.goto(`${baseURL}/#/exercise/five-senses`);
  await checkScreen(page, 'Before you start');
  await stepHeading(page, 0).waitFor();
  for (let i = 0; i < 5; i++) await next(page, i);
  await checkScreen(page, 'How are you now?', { presence: 1 });
  await page.getByRole('heading', { level: 2, name: 'Still finding it hard?', exact: true }).waitFor();
  await planContactShown(page.locator('main'));
  await page.getByRole('button', { name: 'See help and crisis contacts', exact: true }).waitFor();
  await axeClean(page, 'support step with a plan');

  assert.deepEqual(requests.foreignRequests(), [], 'no request left the origin');
  assertNoErrors(errors, 'patient');
});

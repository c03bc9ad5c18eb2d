// Issue 16, therapist plans, end to end in Chromium on the production build, with two browser profiles
// (contexts: each its own IndexedDB, so its own clinician key): the clinician composes a plan and copies
// the link → the patient opens it offline, previews, accepts and sees it on Today; the QR code decoded back
// (jsqr, tests only) equals the link; the file opens from Settings; a plan from another key claiming the
// same clinician is flagged; a damaged link changes nothing. axe on every screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import jsQR from 'jsqr';
import { launch, runAxe, formatViolations, waitForServiceWorker, trackRequests } from './lib/browser.mjs';
import { baseURL, freshPage, collectErrors, assertNoErrors, open, checkScreen, next, stepHeading, storedRecords } from './lib/foundation.mjs';

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
const NOTE = 'Go gently. <b>not html</b>';

async function axeClean(page, label) {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `${label}:\n${formatViolations(violations)}`);
}

/** In clinician mode: a new plan, composed field by field; ends on the hand-over page. Returns the link. */
async function compose(page, { title, name = CLINICIAN, checkAxe = false }) {
  await open(page, '/settings', { heading: 'Settings' });
  await page.getByRole('link', { name: 'For clinicians', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'For clinicians', exact: true }).waitFor();
  if (checkAxe) await axeClean(page, 'clinician mode');
  await page.getByRole('button', { name: 'New plan', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Compose a plan', exact: true }).waitFor();
  await page.getByLabel('Plan title', { exact: true }).fill(title);
  await page.getByLabel('Your name', { exact: true }).fill(name);
  await page.getByLabel('How your patient can reach you', { exact: true }).fill('rowan@clinic.example');
  await page.getByRole('button', { name: 'Add exercise', exact: true }).click();
  await page.getByLabel('Exercise 1', { exact: true }).selectOption('belief-rehearsal');
  await page.getByLabel('Day of exercise 1', { exact: true }).selectOption('0');
  await page.getByLabel('Your words for exercise 1 (optional)', { exact: true }).fill('The belief we wrote together.');
  await page.getByRole('button', { name: 'Add exercise', exact: true }).click();
  await page.getByLabel('Exercise 2', { exact: true }).selectOption('five-senses');
  await page.getByLabel('Day of exercise 2', { exact: true }).selectOption('any');
  await page.getByLabel('Offer grounding first when presence is at or below (0–10)', { exact: true }).fill('4');
  // Asks for less protection than the documented limit: the patient's preview says what the app keeps.
  await page.getByLabel('Offer grounding first when distress is at or above (0–10)', { exact: true }).fill('10');
  await page.getByLabel('PHQ-9 (mood): every how many days', { exact: true }).fill('7');
  await page.getByRole('button', { name: 'Add contact', exact: true }).click();
  await page.getByLabel('Region of contact 1', { exact: true }).fill('London');
  await page.getByLabel('Name of contact 1', { exact: true }).fill('Clinic duty line');
  await page.getByLabel('Phone number of contact 1', { exact: true }).fill('020 7946 0001');
  await page.getByLabel('A note for your patient (optional)', { exact: true }).fill(NOTE);
  if (checkAxe) await axeClean(page, 'composer');
  await page.getByRole('button', { name: 'Hand over this plan', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Hand over the plan', exact: true }).waitFor();
  const box = page.getByLabel('Link to the plan', { exact: true });
  await page.waitForFunction(() => /** @type {HTMLTextAreaElement|null} */ (document.querySelector('#plan-link'))?.value.includes('#/plan/'));
  return box.inputValue();
}

/** The QR code on the page, drawn from its SVG path onto a canvas (CSP allows no data: image), decoded by jsqr. */
async function decodeQr(page) {
  const { width, height, data } = await page.evaluate(() => {
    const svg = /** @type {SVGSVGElement} */ (document.querySelector('svg.qr'));
    const size = svg.viewBox.baseVal.width;
    const scale = 4;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size * scale;
    const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.fillStyle = '#000';
    ctx.fill(new Path2D(/** @type {SVGPathElement} */ (svg.querySelector('path')).getAttribute('d') ?? ''));
    const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return { width: img.width, height: img.height, data: Array.from(img.data) };
  });
  return jsQR(Uint8ClampedArray.from(data), width, height)?.data;
}

/** Accepted plans stored in the patient's IndexedDB (raw; never creates the database). */
async function storedPlans(page) {
  return (await storedRecords(page, 'plans')).filter((p) => p.kind === 'accepted');
}

test('clinician composes and copies the link; the patient opens it offline, previews, accepts and sees it on Today; the QR code is the link', async (t) => {
  const clinician = await freshPage(t, b.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  const clinicianErrors = collectErrors(clinician.page);
  const clinicianRequests = trackRequests(clinician.context, baseURL);
  const link = await compose(clinician.page, { title: 'Window days after session 3', checkAxe: true });
  assert.ok(link.startsWith(`${baseURL}/#/plan/`), link);
  await axeClean(clinician.page, 'hand-over page');

  await clinician.page.getByRole('button', { name: 'Copy link', exact: true }).click();
  await clinician.page.getByText('Link copied', { exact: true }).waitFor();
  const copied = await clinician.page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, link, 'the copied link is the link shown');

  assert.equal(await decodeQr(clinician.page), link, 'the QR code decodes to the link');
  const version = Number(await clinician.page.locator('svg.qr').getAttribute('data-version'));
  console.log(`plans e2e: link ${link.length} characters, QR version ${version}`);
  await clinician.page.getByText(`Window days after session 3 — from ${CLINICIAN}`, { exact: true }).waitFor();

  // The patient: a first visit installs the app; then no network at all.
  const patient = await freshPage(t, b.browser);
  const patientErrors = collectErrors(patient.page);
  const patientRequests = trackRequests(patient.context, baseURL);
  await open(patient.page, '/today', { heading: 'Today' });
  await waitForServiceWorker(patient.page);
  await patient.context.setOffline(true);
  await patient.page.goto('about:blank');
  await patient.page.goto(link);
  await patient.page.getByRole('heading', { level: 1, name: 'A plan from your clinician', exact: true }).waitFor();
  const main = patient.page.locator('main');
  await main.getByRole('heading', { level: 2, name: 'Window days after session 3', exact: true }).waitFor();
  await main.getByText(/^Not verified\. This is the first plan from this clinician/).waitFor();
  await main.getByText('The day of your session:', { exact: false }).first().waitFor();
  await main.getByText('Belief rehearsal', { exact: false }).first().waitFor();
  // Clamped: the plan asked for distress 10; the app keeps 9, and says so.
  await main.getByText('(the plan asked for 10; the app keeps 9, the furthest it allows)', { exact: true }).waitFor();
  // Plan text is text: the note's markup is shown as typed, never made into an element.
  await main.getByText(NOTE, { exact: true }).waitFor();
  assert.equal(await main.locator('b').count(), 0, 'no HTML from the plan');
  assert.deepEqual(await storedPlans(patient.page), [], 'nothing stored before accepting');
  await axeClean(patient.page, 'plan preview');

  await main.getByRole('button', { name: 'Use this plan', exact: true }).click();
  await patient.page.getByRole('heading', { level: 1, name: 'Today', exact: true }).waitFor();
  const card = patient.page.getByRole('region', { name: 'Your plan: Window days after session 3' });
  await card.waitFor();
  await card.getByRole('link', { name: /5-4-3-2-1 senses/ }).waitFor();
  // No dose logged yet: the day-0 exercise waits for the next session, and nothing is called overdue.
  await card.getByRole('heading', { name: 'After your next session', exact: true }).waitFor();
  assert.doesNotMatch((await card.locator('li').allInnerTexts()).join('\n'), /overdue|missed|late/i);
  await axeClean(patient.page, 'Today with a plan');

  // The schedule goes to the person's own calendar as an .ics file (made offline, on the device).
  const [ics] = await Promise.all([
    patient.page.waitForEvent('download'),
    card.getByRole('button', { name: 'Add the schedule to my calendar (.ics)', exact: true }).click(),
  ]);
  assert.match(ics.suggestedFilename(), /\.ics$/);
  const calendar = await readFile(/** @type {string} */ (await ics.path()), 'utf8');
  assert.match(calendar, /BEGIN:VCALENDAR/);
  assert.match(calendar, /RRULE:FREQ=DAILY;INTERVAL=7/, 'PHQ-9 weekly');
  await card.getByText(/cannot remind you by itself/).waitFor();

  // Doing the assigned exercise ticks it on Today.
  await card.getByRole('link', { name: /5-4-3-2-1 senses/ }).click();
  await checkScreen(patient.page, 'Before you start');
  await stepHeading(patient.page, 0).waitFor();
  for (let i = 0; i < 5; i++) await next(patient.page, i);
  await checkScreen(patient.page, 'How are you now?');
  await patient.page.getByRole('button', { name: 'Save and finish', exact: true }).click();
  await patient.page.getByRole('heading', { level: 2, name: 'Well done for taking this time', exact: true }).waitFor();
  await open(patient.page, '/today', { heading: 'Today' });
  await card.getByRole('link', { name: /5-4-3-2-1 senses · any time · done/ }).waitFor();

  // The plan's threshold applies: presence 4 of 10 (the default offers grounding first only at 3 or less).
  await patient.page.goto(`${baseURL}/#/exercise/thought-record`);
  await checkScreen(patient.page, 'Before you start', { presence: 4 });
  await patient.page.getByRole('heading', { name: 'Would you like to ground first?', exact: true }).waitFor();
  const stored = await storedPlans(patient.page);
  assert.equal(stored.length, 1);
  assert.equal(stored[0].trust, 'first-seen');
  assert.equal(stored[0].plan.clinician.name, CLINICIAN);

  // The file carries the same plan: downloaded by the clinician, opened in the patient's Settings.
  const [download] = await Promise.all([
    clinician.page.waitForEvent('download'),
    clinician.page.getByRole('button', { name: 'Download .groundwork-plan.json', exact: true }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.groundwork-plan\.json$/);
  const file = await readFile(/** @type {string} */ (await download.path()), 'utf8');
  assert.equal(JSON.parse(file).format, 'groundwork-plan');
  await open(patient.page, '/settings', { heading: 'Settings' });
  await patient.page.locator('#plan-file').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(file) });
  await patient.page.getByText('Signed by the same clinician key as the plan you accepted before.', { exact: true }).waitFor();
  // It would replace the plan in use: the differences are listed and consent is needed.
  await patient.page.getByRole('heading', { name: 'What changes from the plan you have now', exact: true }).waitFor();
  const use = patient.page.getByRole('button', { name: 'Use this plan', exact: true });
  assert.equal(await use.isDisabled(), true, 'replacing needs consent');
  await axeClean(patient.page, 'settings with a plan file previewed');

  assert.deepEqual(clinicianRequests.foreignRequests(), [], 'clinician: no request left the origin');
  assert.deepEqual(patientRequests.foreignRequests(), [], 'patient: no request left the origin');
  assertNoErrors(clinicianErrors, 'clinician');
  assertNoErrors(patientErrors, 'patient');
});

test('a plan from another key claiming the same clinician is flagged; a damaged link changes nothing', async (t) => {
  const first = await freshPage(t, b.browser);
  const link = await compose(first.page, { title: 'First plan' });
  const impostor = await freshPage(t, b.browser); // another profile: another key
  const other = await compose(impostor.page, { title: 'Second plan' });

  const patient = await freshPage(t, b.browser);
  const errors = collectErrors(patient.page);
  await patient.page.goto(link);
  await patient.page.getByRole('button', { name: 'Use this plan', exact: true }).click();
  await patient.page.getByRole('heading', { level: 1, name: 'Today', exact: true }).waitFor();

  await patient.page.goto('about:blank');
  await patient.page.goto(other);
  const alert = patient.page.getByRole('alert').filter({ hasText: 'signed by a different key' });
  await alert.waitFor();
  assert.match(await alert.innerText(), new RegExp(`says it is from ${CLINICIAN}`));
  await patient.page.getByRole('button', { name: 'Use this plan anyway', exact: true }).waitFor();
  await axeClean(patient.page, 'changed-key warning');

  // Cut short (as when a long link is copied in parts): a kind message, and nothing changes.
  await patient.page.goto('about:blank');
  await patient.page.goto(other.slice(0, other.length - 40));
  await patient.page.getByRole('heading', { level: 2, name: 'This plan could not be opened', exact: true }).waitFor();
  await patient.page.getByText(/looks cut short or changed on the way/).waitFor();
  await axeClean(patient.page, 'damaged link');
  const stored = await storedPlans(patient.page);
  assert.equal(stored.length, 1);
  assert.equal(stored[0].plan.title, 'First plan');
  assertNoErrors(errors, 'patient');
});

test('at 200% text on a 320 px phone the composer, hand-over and preview fit and are axe clean; printed, the QR page has no controls', async (t) => {
  const width = 320;
  const { page } = await freshPage(t, b.browser, { viewport: { width, height: 640 } });
  const link = await compose(page, { title: 'A plan with a rather long title for a small screen' });
  const fits = async (label) => {
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    const wide = await page.evaluate(
      (w) => [...document.querySelectorAll('main *')].filter((el) => el.getBoundingClientRect().right > w + 0.5).map((el) => el.outerHTML.slice(0, 60)),
      width,
    );
    assert.ok(scrollWidth <= width, `${label}: scrollWidth ${scrollWidth} > ${width}: ${wide.join(' | ')}`);
    await axeClean(page, `200% text, ${label}`);
  };
  await fits('hand-over');

  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => {
    const shown = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
    return {
      controls: [...document.querySelectorAll('button, input, textarea, select, a')].filter(shown).map((el) => el.outerHTML.slice(0, 80)),
      text: document.body.innerText,
      qr: shown(document.querySelector('svg.qr')),
    };
  });
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(printed.controls, [], 'no controls on the printed page');
  assert.ok(printed.qr, 'the QR code prints');
  assert.match(printed.text, new RegExp(`A plan with a rather long title for a small screen — from ${CLINICIAN}`));

  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Compose a plan', exact: true }).waitFor();
  await page.getByLabel('Plan title', { exact: true }).waitFor();
  await fits('composer');

  await page.goto('about:blank');
  await page.goto(link);
  await page.getByRole('button', { name: 'Use this plan', exact: true }).waitFor();
  await fits('preview');
});

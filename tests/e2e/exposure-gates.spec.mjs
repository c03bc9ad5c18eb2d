// Issue 15, the exposure gate end to end in Chromium on the production build, with doses planted raw in the
// `doses` store (as capture.spec.mjs does) and the person's agreement given:
// - a dose 20 h ago: still the settling phase (CLINICAL.md §1: settling lasts until 24 h after the dose), so
//   written exposure AND in-vivo are refused with the phase reason — no exposure in settling — even though
//   the agreement is given, and the screen says when it opens (24 h after the dose); the agreement form is
//   never shown instead;
// - a dose 25 h ago (the window): written exposure (24 h have passed) and in-vivo both start;
// - a dose 5 h ago (settling): both refused with the phase reason and the time it opens;
// - "Take this back" in Settings: exposure asks for the agreement again.
// axe finds nothing on the gate screens.
//
// Note: with the default phase boundaries the written-exposure 24 h rule (flow/exposure-gate.ts `dose-24h`)
// cannot be reached from the app: settling already covers the first 24 h, and the gate checks the phase
// first (it now says when settling ends, never earlier than 24 h for written exposure). The `dose-24h`
// reason and its `until` are covered in tests/unit/exposure-gate.test.ts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, runAxe, formatViolations } from './lib/browser.mjs';
import { baseURL, freshPage, collectErrors, assertNoErrors, open, sessionIdOf, waitForDatabase, putStored, exposureAgreement, doseTaken as dose } from './lib/foundation.mjs';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  b = await launch();
});
after(async () => {
  await b?.close();
});

const HOUR = 3_600_000;
const PHASE_REASON = /never started in the hours during and right after a dose/;

async function axeClean(page, where) {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `axe violations on ${where}:\n${formatViolations(violations)}`);
}

async function openToday(page) {
  await open(page, '/today', { heading: 'Today' });
  // The app opens (and upgrades) the database itself before anything is planted.
  await waitForDatabase(page, 8);
}

const agreement = () => exposureAgreement('Agreed with Dr Rivera on Monday');

/** "It will be available again from <weekday, time>", formatted as the screen does, in the page's locale. */
async function opensAt(page, at) {
  const when = await page.evaluate((at) => new Date(at).toLocaleString(undefined, { weekday: 'long', hour: 'numeric', minute: '2-digit' }), at);
  return `It will be available again from ${when}.`;
}

/** Open an exercise by its link; resolves to the gate's reason, or 'started' when a session opened. */
async function tryStart(page, moduleId) {
  await page.goto(`${baseURL}/#/today`);
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await page.goto(`${baseURL}/#/exercise/${moduleId}`);
  const gate = page.locator('[data-exposure-gate]');
  await Promise.race([gate.waitFor(), page.waitForURL(/#\/session\/[A-Za-z0-9_-]+$/)]);
  if (/#\/session\//.test(page.url())) return 'started';
  return gate.getAttribute('data-exposure-gate');
}

test('a dose 20 h ago: still settling, so written exposure and in-vivo are both refused with the phase reason and when it opens; at 25 h both start', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await openToday(page);
  const twenty = dose(20);
  await putStored(page, { settings: [agreement()], doses: [twenty] });
  const opens = await opensAt(page, Date.parse(twenty.takenAt) + 24 * HOUR);

  assert.equal(await tryStart(page, 'written-exposure'), 'phase');
  const main = page.locator('main');
  assert.match(await main.innerText(), PHASE_REASON);
  assert.ok((await main.innerText()).includes(opens), `says when it opens: ${opens}`);
  await page.getByRole('heading', { level: 2, name: 'Not right now', exact: true }).waitFor();
  // Agreement given: the screen never asks for it instead of saying why.
  assert.equal(await page.getByRole('button', { name: 'I have agreed this with my clinician' }).count(), 0);
  assert.ok(await page.getByRole('link', { name: 'Ground now', exact: true }).isVisible(), 'a way on: grounding');
  await axeClean(page, 'the gate for written exposure, 20 h after a dose');

  assert.equal(await tryStart(page, 'in-vivo'), 'phase');
  assert.match(await main.innerText(), PHASE_REASON);
  assert.ok((await main.innerText()).includes(opens), `in-vivo too: ${opens}`);
  await axeClean(page, 'the gate for in-vivo, 20 h after a dose');

  // The same dose 25 h ago (the window, 24 h passed): both may start.
  await putStored(page, { doses: [dose(25)] });
  assert.equal(await tryStart(page, 'written-exposure'), 'started');
  await page.getByRole('heading', { level: 2, name: 'Before you begin', exact: true }).waitFor();
  assert.equal(await tryStart(page, 'in-vivo'), 'started');
  await page.getByRole('heading', { level: 2, name: 'About this practice', exact: true }).waitFor();
  assertNoErrors(errors);
});

test('a dose 5 h ago (settling): both refused with the phase reason and when it opens', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await openToday(page);
  const five = dose(5);
  await putStored(page, { settings: [agreement()], doses: [five] });
  const opens = await opensAt(page, Date.parse(five.takenAt) + 24 * HOUR);
  for (const moduleId of ['written-exposure', 'in-vivo']) {
    assert.equal(await tryStart(page, moduleId), 'phase', moduleId);
    const text = await page.locator('main').innerText();
    assert.match(text, PHASE_REASON, moduleId);
    assert.ok(text.includes(opens), `${moduleId}: ${opens}`);
  }
  await axeClean(page, 'the gate 5 h after a dose');
  assertNoErrors(errors);
});

test('after "Take this back" in Settings, exposure asks for the agreement again', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await openToday(page);
  await putStored(page, { settings: [agreement()] });
  assert.equal(await tryStart(page, 'written-exposure'), 'started');
  await sessionIdOf(page);

  await open(page, '/settings', { heading: 'Settings' });
  const section = page.locator('[data-exposure-settings]');
  await section.getByText('Agreed with Dr Rivera on Monday').waitFor();
  await section.getByRole('button', { name: 'Take this back', exact: true }).click();
  await section.getByRole('link', { name: 'Say you have agreed it', exact: true }).waitFor();

  for (const moduleId of ['written-exposure', 'in-vivo']) {
    assert.equal(await tryStart(page, moduleId), 'no-agreement', moduleId);
    await page.getByRole('heading', { level: 2, name: 'Before exposure work', exact: true }).waitFor();
    assert.ok(await page.getByRole('button', { name: 'I have agreed this with my clinician' }).isVisible(), moduleId);
  }
  await axeClean(page, 'the gate asking for the agreement again');
  assertNoErrors(errors);
});

// Smoke: the first screen loads from the production build, has a heading, passes axe, runs under the
// CSP without violations, and asks no other origin for anything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, trackRequests, runAxe, formatViolations } from './lib/browser.mjs';

const baseURL = process.env.E2E_BASE_URL;
/** @type {Awaited<ReturnType<typeof launch>>} */
let b;

before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  b = await launch();
});
after(async () => {
  await b?.close();
});

test('Today loads with a heading, no axe violations, no CSP violation and no foreign request', async () => {
  const requests = trackRequests(b.context, baseURL);
  const page = await b.page();
  const cspErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));

  await page.goto(`${baseURL}/#/today`);
  const h1 = page.locator('h1').first();
  await h1.waitFor({ state: 'visible', timeout: 10_000 });
  assert.notEqual((await h1.textContent())?.trim() ?? '', '', 'h1 is empty');

  await page.waitForLoadState('networkidle');
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `axe violations on #/today:\n${formatViolations(violations)}`);

  assert.deepEqual(cspErrors, [], 'CSP violations');
  assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
  assert.deepEqual(requests.foreignRequests(), [], 'requests to another origin');
});

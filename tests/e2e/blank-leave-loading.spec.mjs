// Issue 13 §11: leaving an exercise while it is still loading (slow network) must not pull the person back
// into the session they left, nor leave a session behind for "Carry on where you left off".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import { baseURL, freshPage, collectErrors, assertNoErrors, open } from './lib/foundation.mjs';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  b = await launch();
});
after(async () => {
  await b?.close();
});

const DELAY_MS = 2000;

test('open an exercise on a slow network, go to the Journal before it loads: the Journal stays', async (t) => {
  // No service worker, so the delayed request really goes through the (slow) network.
  const { page } = await freshPage(t, b.browser, { serviceWorkers: 'block' });
  const errors = collectErrors(page);
  let delayed = 0;
  let released, requested;
  const allReleased = new Promise((r) => (released = r));
  const moduleRequested = new Promise((r) => (requested = r));
  await page.route(/\/assets\/five-senses-[\w-]+\.js$/, async (route) => {
    delayed++;
    requested();
    await new Promise((r) => setTimeout(r, DELAY_MS));
    await route.continue();
    released();
  });

  await open(page, '/today', { heading: 'Today' });
  await page.getByRole('link', { name: /^5-4-3-2-1 senses/ }).click();
  await page.waitForURL(/#\/exercise\/five-senses$/);
  // Leave while the exercise's own files are on their way (not before its screen even asked for them).
  await moduleRequested;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Journal', exact: true }).waitFor();

  await allReleased;
  assert.equal(delayed, 1, 'the module chunk was the slow request');
  // Give the late load every chance to (wrongly) navigate.
  await page.waitForTimeout(1000);
  assert.match(page.url(), /#\/journal$/, 'still on the Journal');
  assert.ok(await page.getByRole('heading', { level: 1, name: 'Journal', exact: true }).isVisible());

  // Nothing was left half-started for Today to offer back.
  await open(page, '/today', { heading: 'Today' });
  await page.waitForTimeout(500);
  assert.equal(await page.getByRole('heading', { name: 'Carry on where you left off?' }).count(), 0, 'no unfinished session left behind');
  assertNoErrors(errors, 'after leaving a loading exercise');
});

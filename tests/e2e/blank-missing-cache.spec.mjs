// Issue 13 §9: a precached file missing from Cache Storage (evicted, or a partial cache). Offline, a screen or
// exercise whose chunk is gone says so calmly with Try again — never an empty screen or "That exercise could
// not be found"; back online it loads by itself, and the service worker puts the file back in its cache, so
// the next time offline it works again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, waitForServiceWorker } from './lib/browser.mjs';
import { baseURL, freshPage, PRESENCE } from './lib/foundation.mjs';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  b = await launch();
});
after(async () => {
  await b?.close();
});

/** Delete the precached files whose path matches; resolves the paths deleted. */
function evict(page, pattern) {
  return page.evaluate(async (source) => {
    const re = new RegExp(source);
    const gone = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) {
        const p = new URL(req.url).pathname;
        if (re.test(p) && (await cache.delete(req))) gone.push(p);
      }
    }
    return gone;
  }, pattern.source);
}

function cached(page, pattern) {
  return page.evaluate(async (source) => {
    const re = new RegExp(source);
    const found = [];
    for (const name of await caches.keys())
      for (const req of await (await caches.open(name)).keys()) if (re.test(new URL(req.url).pathname)) found.push(new URL(req.url).pathname);
    return found;
  }, pattern.source);
}

const MODULE = /\/assets\/five-senses-[\w-]+\.js$/;
const SETTINGS = /\/assets\/Settings-[\w-]+\.js$/;
const failedHeading = (page) => page.getByRole('heading', { level: 1, name: 'This part did not load', exact: true });

test('a missing precached chunk: calm message offline, loads by itself online, and the cache is repaired', async (t) => {
  const { context, page } = await freshPage(t, b.browser);
  await page.goto(`${baseURL}/#/today`);
  await page.getByRole('heading', { level: 1, name: 'Today', exact: true }).waitFor();
  await waitForServiceWorker(page);

  assert.equal((await evict(page, MODULE)).length, 1, 'the module chunk was precached, and is now gone');
  assert.equal((await evict(page, SETTINGS)).length, 1, 'the Settings chunk was precached, and is now gone');
  await context.setOffline(true);

  // An exercise whose module cannot load: not "could not be found", not an empty screen.
  await page.getByRole('link', { name: /^5-4-3-2-1 senses/ }).click();
  await failedHeading(page).waitFor();
  assert.equal(await page.getByText('That exercise could not be found', { exact: false }).count(), 0);
  assert.ok(await page.getByRole('button', { name: 'Try again', exact: true }).isVisible());
  // Try again while still offline: the same calm message, nothing else.
  await page.getByRole('button', { name: 'Try again', exact: true }).click();
  await failedHeading(page).waitFor();

  // Back online: it loads by itself, no click needed.
  await context.setOffline(false);
  await page.getByRole('heading', { level: 2, name: 'Before you start', exact: true }).waitFor();
  await page.getByRole('group', { name: PRESENCE }).waitFor();
  await page.waitForURL(/#\/session\/[\w-]+$/);
  const sessionUrl = page.url();

  // A lazy screen whose chunk is gone: same message, and Try again loads it once online.
  await context.setOffline(true);
  await page.goto(`${baseURL}/#/today`);
  await page.getByRole('heading', { level: 1, name: 'Today', exact: true }).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click();
  await failedHeading(page).waitFor();
  await context.setOffline(false);
  await page.getByRole('heading', { level: 1, name: 'Settings', exact: true }).waitFor();

  // The worker put both files back: offline again, a cold reload of each works.
  assert.equal((await cached(page, MODULE)).length, 1, 'the module chunk is cached again');
  assert.equal((await cached(page, SETTINGS)).length, 1, 'the Settings chunk is cached again');
  await context.setOffline(true);
  await page.evaluate(() => history.replaceState(null, '', '#/settings'));
  await page.reload({ waitUntil: 'load' });
  await page.getByRole('heading', { level: 1, name: 'Settings', exact: true }).waitFor();
  await page.evaluate(() => history.replaceState(null, '', '#/exercise/five-senses'));
  await page.reload({ waitUntil: 'load' });
  await page.getByRole('heading', { level: 2, name: 'Before you start', exact: true }).waitFor();

  // A running session reopened (cold) while its module is missing and offline: "try again", never "we could
  // not carry on that exercise" — and once online it carries on.
  await context.setOffline(false);
  assert.equal((await evict(page, MODULE)).length, 1);
  await context.setOffline(true);
  await page.goto(sessionUrl);
  await page.reload({ waitUntil: 'load' });
  await failedHeading(page).waitFor();
  assert.equal(await page.getByText('We could not carry on that exercise', { exact: false }).count(), 0);
  await context.setOffline(false);
  await page.getByRole('heading', { level: 2, name: 'Before you start', exact: true }).waitFor();

  // The app's own entry file missing, offline: not a white page but the boot guard's message; back online
  // the page reloads by itself, the worker fetches (and caches again) the file, and the app starts.
  await context.setOffline(false);
  await page.goto(`${baseURL}/#/today`);
  await page.getByRole('heading', { level: 1, name: 'Today', exact: true }).waitFor();
  const ENTRY = /\/assets\/index-[\w-]+\.js$/;
  assert.equal((await evict(page, ENTRY)).length, 1, 'the entry chunk was precached, and is now gone');
  await context.setOffline(true);
  await page.reload({ waitUntil: 'load' });
  await page.getByRole('heading', { level: 1, name: 'Groundwork could not start', exact: true }).waitFor();
  await context.setOffline(false);
  await page.getByRole('heading', { level: 1, name: 'Today', exact: true }).waitFor({ timeout: 20_000 });
  assert.equal((await cached(page, ENTRY)).length, 1, 'the entry chunk is cached again');
});

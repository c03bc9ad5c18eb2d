// DESIGN §7/§8: after one visit, every screen loads with no network at all — first with the browser
// offline, then with the server really gone (so it cannot be the HTTP cache answering).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, waitForServiceWorker } from './lib/browser.mjs';
import { startOwnServer } from './lib/server.mjs';
import { baseURL, UI_TIMEOUT, PRESENCE, DISTRESS, collectErrors, assertNoErrors } from './lib/foundation.mjs';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  b = await launch();
});
after(async () => {
  await b?.close();
});

const H1 = {
  '/today': 'Today',
  '/ground': '5-4-3-2-1 senses', // grounding starts at once; the session's title is the h1
  '/journal': 'Journal',
  '/journal/new': 'New entry',
  '/settings': 'Settings',
  '/help': 'Help',
  '/exercise/five-senses': '5-4-3-2-1 senses',
};

/** First visit (online) until the service worker controls the page. */
async function firstVisit(t, origin) {
  const context = await b.browser.newContext({ viewport: { width: 1280, height: 800 } });
  t.after(() => context.close().catch(() => {}));
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  const errors = collectErrors(page);
  await page.goto(`${origin}/#/today`);
  await page.getByRole('heading', { level: 1, name: 'Today', exact: true }).waitFor();
  await waitForServiceWorker(page);
  return { context, page, errors };
}

/** Write and save an entry with no network; resolves its route. */
async function writeEntryOffline(page, origin) {
  await page.goto(`${origin}/#/journal/new`);
  await page.getByRole('heading', { level: 1, name: 'New entry', exact: true }).waitFor();
  await page.getByRole('textbox', { name: 'Your entry', exact: true }).fill('written with no network');
  await page.getByRole('textbox', { name: 'Title (optional)', exact: true }).fill('Offline entry');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Offline entry', exact: true }).waitFor();
  return new URL(page.url()).hash.slice(1);
}

/**
 * Put the route in the address bar without running it (replaceState fires no hashchange), then reload:
 * a real, cold load of that URL, exactly what a person reopening it would get.
 * Returns a list of problems (empty = every route showed its screen, served by the service worker).
 */
async function reloadEveryRoute(page, routes) {
  const problems = [];
  for (const [route, heading] of routes) {
    await page.evaluate((hash) => history.replaceState(null, '', hash), `#${route}`);
    try {
      await page.reload({ waitUntil: 'load' });
      await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor({ state: 'visible' });
      if (route === '/exercise/five-senses') {
        await page.waitForURL(/#\/session\/[A-Za-z0-9_-]+$/);
        await page.getByRole('heading', { level: 2, name: 'Before you start', exact: true }).waitFor();
        await page.getByRole('group', { name: PRESENCE }).getByRole('radio', { name: '10', exact: true }).waitFor({ state: 'attached' });
        await page.getByRole('group', { name: DISTRESS }).getByRole('radio', { name: '0', exact: true }).waitFor({ state: 'attached' });
      }
      if (route === '/ground') await page.getByRole('heading', { level: 2, name: '5 things you can see', exact: true }).waitFor();
      const viaWorker = await page.evaluate(() => {
        const nav = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
        return !!navigator.serviceWorker.controller && nav.workerStart > 0;
      });
      if (!viaWorker) problems.push(`${route}: loaded, but not through the service worker`);
    } catch (error) {
      const text = await page.locator('body').innerText().catch(() => '(no body)');
      problems.push(`${route}: ${String(error).split('\n')[0]} — page shows: ${text.slice(0, 200).replace(/\s+/g, ' ')}`);
    }
  }
  return problems;
}

test('offline after the first visit: every route reloads and shows its screen (browser offline)', async (t) => {
  const { context, page, errors } = await firstVisit(t, baseURL);
  await context.setOffline(true);
  const entryRoute = await writeEntryOffline(page, baseURL);

  const problems = await reloadEveryRoute(page, [...Object.entries(H1), [entryRoute, 'Offline entry']]);
  assert.deepEqual(problems, [], 'routes that failed offline');
  assertNoErrors(errors, 'while offline');
});

test('server stopped after the first visit: every route still reloads (service worker, not HTTP cache)', async (t) => {
  const server = await startOwnServer();
  t.after(() => server.stop());
  const { page, errors } = await firstVisit(t, server.url);
  await server.stop();
  const hitsWhenStopped = server.hits.length;

  const entryRoute = await writeEntryOffline(page, server.url);
  const problems = await reloadEveryRoute(page, [...Object.entries(H1), [entryRoute, 'Offline entry']]);
  assert.deepEqual(problems, [], 'routes that failed with the server gone');
  assert.equal(server.running, false);
  assert.equal(server.hits.length, hitsWhenStopped, 'nothing reached the (stopped) server');
  assertNoErrors(errors, 'with the server gone');
});

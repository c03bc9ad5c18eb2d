// Issue 13 §10: "Update now" to a version that fails at start-up must never leave a white page. The person
// is told (src/boot-guard.js), and once a working version is deployed the same tab recovers into it —
// without closing the tab — with everything written before still there.
//
// Versions: 1 = the suite's build (E2E_DIST_DIR); 2 = a build made with VITE_E2E_BREAK_START=1, which throws
// before the app mounts, as a broken release would; 3 = the fix, deployed as a rollback to the good build
// (its sw.js differs from 2's, so the browser sees a new version). One extra build, in a temp folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, waitForServiceWorker } from './lib/browser.mjs';
import { buildApp } from './lib/build.mjs';
import { startServer } from './lib/server.mjs';
import { UI_TIMEOUT } from './lib/foundation.mjs';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
let brokenDir;
before(async () => {
  assert.ok(process.env.E2E_DIST_DIR, 'E2E_DIST_DIR is not set: run through tests/e2e/run.mjs');
  brokenDir = await mkdtemp(path.join(tmpdir(), 'gw-broken-'));
  const [built, browser] = await Promise.all([
    buildApp({ outDir: brokenDir, env: { VITE_E2E_BREAK_START: '1' } }),
    launch(),
  ]);
  b = browser;
  assert.ok(built.ok, `the broken build failed to build:\n${built.output}`);
});
after(async () => {
  await b?.close();
  if (brokenDir) await rm(brokenDir, { recursive: true, force: true });
});

test('update to a build that fails at start-up: a message, not a white page; a fixed deploy recovers the same tab', async (t) => {
  const good = process.env.E2E_DIST_DIR;
  const server = await startServer({ root: good });
  t.after(() => server.stop());
  const context = await b.browser.newContext({ viewport: { width: 1280, height: 800 } });
  t.after(() => context.close().catch(() => {}));
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);

  // Version 1: write something, and let the service worker take over.
  await page.goto(`${server.url}/#/journal/new`);
  await page.getByRole('heading', { level: 1, name: 'New entry', exact: true }).waitFor();
  await page.getByRole('textbox', { name: 'Title (optional)', exact: true }).fill('Before the update');
  await page.getByRole('textbox', { name: 'Your entry', exact: true }).fill('Words written on version 1.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Before the update', exact: true }).waitFor();
  await waitForServiceWorker(page);

  // Version 2 (broken) is deployed; the app offers it, and the person takes it.
  server.setRoot(brokenDir);
  await page.goto(`${server.url}/#/today`);
  await page.getByRole('heading', { level: 1, name: 'Today', exact: true }).waitFor();
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  await page.getByRole('button', { name: 'Update now', exact: true }).click({ timeout: 20_000 });

  // The page reloads into version 2, which throws before it mounts: the person is told, calmly.
  const failed = page.getByRole('heading', { level: 1, name: 'Groundwork could not start', exact: true });
  await failed.waitFor();
  assert.match(await page.locator('body').innerText(), /Everything you have written is still kept here/);
  await page.getByRole('status').filter({ hasText: /No working version yet/ }).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Try again', exact: true }).isVisible());

  // A fixed version is deployed. Try again, in the same tab: it finds it, takes it, and the app starts.
  server.setRoot(good);
  await page.getByRole('button', { name: 'Try again', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Today', exact: true }).waitFor({ timeout: 30_000 });
  assert.equal(await failed.count(), 0);

  // Nothing written before was lost.
  await page.goto(`${server.url}/#/journal`);
  await page.getByRole('heading', { level: 1, name: 'Journal', exact: true }).waitFor();
  await page.getByText('Before the update', { exact: true }).waitFor();
  assert.equal(context.pages().length, 1, 'the same tab, never closed');
});

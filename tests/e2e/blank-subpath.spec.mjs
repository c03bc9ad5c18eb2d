// Issue 13 §12: served under a sub-path (a project page such as https://host/user/groundwork/) the build
// must work exactly as at a host's root: first screen, lazy screens, manifest and icons, the service
// worker's scope and precache, and an offline reload. The server answers 404 for anything outside the
// prefix, so a single root-relative URL in the build shows up as a failed request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, waitForServiceWorker } from './lib/browser.mjs';
import { startOwnServer } from './lib/server.mjs';
import { UI_TIMEOUT, PRESENCE, collectErrors, assertNoErrors } from './lib/foundation.mjs';

const PREFIX = '/user/groundwork';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
before(async () => {
  b = await launch();
});
after(async () => {
  await b?.close();
});

test('under /user/groundwork/: Today, an exercise, the journal and an offline reload all work', async (t) => {
  const server = await startOwnServer({ prefix: PREFIX });
  t.after(() => server.stop());
  const context = await b.browser.newContext({ viewport: { width: 1280, height: 800 } });
  t.after(() => context.close().catch(() => {}));
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  const errors = collectErrors(page);
  const failed = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => failed.push(`failed ${r.url()}`));

  await page.goto(`${server.url}/#/today`);
  await page.getByRole('heading', { level: 1, name: 'Today', exact: true }).waitFor();

  // A lazy screen (its chunk and CSS) and a module's lazy load().
  await page.getByRole('link', { name: /^5-4-3-2-1 senses/ }).click();
  await page.getByRole('heading', { level: 2, name: 'Before you start', exact: true }).waitFor();
  await page.getByRole('group', { name: PRESENCE }).waitFor();

  await page.goto(`${server.url}/#/journal/new`);
  await page.getByRole('heading', { level: 1, name: 'New entry', exact: true }).waitFor();
  await page.getByRole('textbox', { name: 'Title (optional)', exact: true }).fill('From a project page');
  await page.getByRole('textbox', { name: 'Your entry', exact: true }).fill('Written under a sub-path.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'From a project page', exact: true }).waitFor();

  await waitForServiceWorker(page);
  const sw = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    const names = await caches.keys();
    const urls = [];
    for (const name of names) for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
    return { scope: new URL(reg.scope).pathname, script: new URL(reg.active?.scriptURL ?? '').pathname, urls };
  });
  assert.equal(sw.scope, `${PREFIX}/`, 'the service worker is scoped to the sub-path');
  assert.equal(sw.script, `${PREFIX}/sw.js`);
  assert.ok(sw.urls.length > 20, `the whole build is precached (${sw.urls.length} files)`);
  assert.deepEqual(sw.urls.filter((u) => !u.startsWith(`${PREFIX}/`)), [], 'every precached file is under the sub-path');
  assert.ok(sw.urls.some((u) => /\/assets\/engine-[\w-]+\.js$/.test(u)), 'the audio engine chunk is precached under the sub-path');

  // The manifest and its icons resolve under the sub-path.
  const cdp = await context.newCDPSession(page);
  const { url: manifestUrl, errors: manifestErrors } = await cdp.send('Page.getAppManifest');
  assert.equal(new URL(manifestUrl).pathname, `${PREFIX}/manifest.webmanifest`);
  assert.deepEqual(manifestErrors, []);
  const manifest = await (await fetch(manifestUrl)).json();
  for (const icon of manifest.icons) {
    const res = await fetch(new URL(icon.src, manifestUrl));
    assert.equal(res.status, 200, `icon ${icon.src}`);
  }
  assert.equal(new URL(manifest.start_url, manifestUrl).pathname, `${PREFIX}/`);

  // Offline: a cold reload of Today and of the entry, served by the worker.
  await context.setOffline(true);
  await page.reload({ waitUntil: 'load' });
  await page.getByRole('heading', { level: 1, name: 'From a project page', exact: true }).waitFor();
  await page.goto(`${server.url}/#/today`);
  await page.getByRole('heading', { level: 1, name: 'Today', exact: true }).waitFor();
  await page.getByRole('link', { name: /^5-4-3-2-1 senses/ }).click();
  await page.getByRole('heading', { level: 2, name: 'Before you start', exact: true }).waitFor();

  assert.deepEqual(failed, [], 'no request failed (a root-relative URL would be 404 outside the prefix)');
  assert.deepEqual(
    server.hits.filter((p) => !p.startsWith(`${PREFIX}/`)),
    [],
    'nothing was asked for outside the sub-path',
  );
  assertNoErrors(errors, 'under a sub-path');
});

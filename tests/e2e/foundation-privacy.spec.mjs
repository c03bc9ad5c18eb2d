// DESIGN §7/§8: nothing leaves the device — a whole journey asks no other origin for anything and runs
// under the CSP with no violation and no page error — and the app is installable (real profile, CDP).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, trackRequests, waitForServiceWorker } from './lib/browser.mjs';
import {
  baseURL,
  UI_TIMEOUT,
  STEPS,
  freshPage,
  collectErrors,
  open,
  h1,
  stepHeading,
  stepBox,
  tick,
  next,
  checkScreen,
} from './lib/foundation.mjs';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  b = await launch();
});
after(async () => {
  await b?.close();
});

test('a full journey (Today → five-senses → journal → settings → help) asks no other origin, with no CSP violation or error', async (t) => {
  const { context, page } = await freshPage(t, b.browser);
  const requests = trackRequests(context, baseURL);
  t.after(() => requests.stop());
  const errors = collectErrors(page);
  // Seen by the page itself, not only as console text: every CSP violation fires this event. The init
  // script goes in through the DevTools protocol, which the page's CSP does not govern.
  await page.addInitScript(() => {
    /** @type {any} */ (window).__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      /** @type {any} */ (window).__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const cspSeen = [];
  const collectCsp = async () => cspSeen.push(...(await page.evaluate(() => /** @type {any} */ (window).__cspViolations ?? [])));

  await open(page, '/today', { heading: 'Today' });
  await waitForServiceWorker(page); // the worker's own fetches (precache) are part of the journey
  await page.getByRole('link', { name: /^5-4-3-2-1 senses/ }).click();
  await checkScreen(page, 'Before you start', { presence: 5, distress: 5 });
  for (let i = 0; i < STEPS.length; i++) {
    await stepHeading(page, i).waitFor();
    if (i % 2 === 0) await stepBox(page, i).fill(`private words ${i + 1}`);
    else await tick(page, 1);
    await next(page, i);
  }
  await checkScreen(page, 'How are you now?', { presence: 7, distress: 3 });
  await page.getByRole('textbox', { name: 'A note for yourself (optional)', exact: true }).fill('only for me');
  await page.getByRole('button', { name: 'Save and finish', exact: true }).click();
  await page.getByRole('link', { name: 'Open it in your journal', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: '5-4-3-2-1 senses', exact: true }).waitFor();
  await collectCsp();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Journal', exact: true }).waitFor();
  await page.getByRole('searchbox', { name: 'Search your journal' }).fill('private');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings', exact: true }).waitFor();
  await open(page, '/help', { heading: 'Help' });
  await page.getByRole('banner').getByRole('button', { name: 'Help', exact: true }).click();
  await page.getByRole('dialog', { name: 'Help' }).waitFor();
  await page.keyboard.press('Escape');
  await page.reload(); // and a reload, served by the service worker now
  await h1(page).waitFor();
  await page.waitForLoadState('networkidle');
  await collectCsp();

  const all = requests.all();
  assert.ok(all.length > 0, 'the tracker saw the app load (sanity)');
  assert.deepEqual(requests.foreignRequests(), [], 'requests to another origin');
  assert.deepEqual(cspSeen, [], 'securitypolicyviolation events');
  assert.deepEqual(errors.consoleErrors.filter((m) => /Content Security Policy|Refused to/i.test(m)), [], 'CSP errors in the console');
  assert.deepEqual(errors.consoleErrors, [], 'console errors');
  assert.deepEqual(errors.pageErrors, [], 'uncaught errors in the page');
});

test('installable: Page.getInstallabilityErrors is empty in a real profile, and the manifest is complete', async (t) => {
  const app = await launch({ persistentDir: true });
  t.after(() => app.close());
  const page = await app.page();
  page.setDefaultTimeout(UI_TIMEOUT);
  await open(page, '/today', { heading: 'Today' });
  await waitForServiceWorker(page);

  const cdp = await app.context.newCDPSession(page);
  // Chromium fetches the manifest in the background: ask again for a moment while it is still "no manifest".
  let errors = [];
  const deadline = Date.now() + 5_000;
  do {
    ({ installabilityErrors: errors } = await cdp.send('Page.getInstallabilityErrors'));
    if (errors.length === 0) break;
    await new Promise((r) => setTimeout(r, 200));
  } while (Date.now() < deadline);
  assert.deepEqual(errors, [], `installability errors: ${JSON.stringify(errors)}`);

  const { url: manifestUrl, errors: manifestErrors } = await cdp.send('Page.getAppManifest');
  assert.ok(manifestUrl, 'the page links a manifest');
  assert.deepEqual(manifestErrors, [], 'Chromium found problems in the manifest');

  const res = await fetch(manifestUrl);
  assert.equal(res.status, 200);
  const manifest = await res.json();
  assert.ok(typeof manifest.name === 'string' && manifest.name.trim(), 'manifest has a name');
  assert.equal(manifest.display, 'standalone');
  const icons = /** @type {{ src: string, sizes?: string, type?: string, purpose?: string }[]} */ (manifest.icons ?? []);
  const purposes = (i) => (i.purpose ?? 'any').split(/\s+/);
  const find = (size, purpose) => icons.find((i) => (i.sizes ?? '').split(/\s+/).includes(size) && purposes(i).includes(purpose));
  const wanted = [
    ['192x192', 'any'],
    ['512x512', 'any'],
    ['512x512', 'maskable'],
  ];
  for (const [size, purpose] of wanted) {
    const icon = find(size, purpose);
    assert.ok(icon, `manifest has a ${size} "${purpose}" icon`);
    // The file is there and really is that size (PNG: width and height in the IHDR chunk).
    const iconRes = await fetch(new URL(icon.src, manifestUrl));
    assert.equal(iconRes.status, 200, `${icon.src} is served`);
    const bytes = Buffer.from(await iconRes.arrayBuffer());
    if (icon.type === 'image/png' || icon.src.endsWith('.png')) {
      assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${icon.src} is a PNG`);
      assert.equal(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`, size, `${icon.src} is ${size}`);
    }
  }
});

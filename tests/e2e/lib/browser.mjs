// Shared browser helpers for e2e specs and benchmarks: one way to launch Debian's Chromium, watch the
// network, run axe, crash the browser on purpose, and wait for the service worker.
import { chromium } from 'playwright-core';
import { readFile, mkdtemp, readdir, readlink, rm } from 'node:fs/promises';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Why each flag: no-sandbox because CI runs as root; no GPU on these machines; no QUIC and no background
// networking / component updates / sync so that the browser itself makes no requests we would have to
// tell apart from the app's (the "no foreign request" test must only see the app); autoplay without a
// gesture so audio tests need not fake one (the app itself still waits for a gesture, see DESIGN §6).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

/** context -> { pid, userDataDir, ownsDir } so killBrowserHard and close() know what to clean up. */
const launched = new WeakMap();
const claimedPids = new Set();

// Temp profiles made by launch({ persistentDir: true }) outlive a hard kill on purpose (to be reopened);
// remove them when the spec process ends so /tmp does not fill up over many runs.
const ownedDirs = new Set();
process.once('exit', () => {
  for (const dir of ownedDirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * Launch Chromium headless.
 *  - without persistentDir: a fresh incognito-like context (empty cache, storage, no service worker);
 *  - with persistentDir: a real on-disk profile (needed for installability, restart and crash tests);
 *    pass the same dir again to "reopen the app" after close() or killBrowserHard().
 *    persistentDir: true makes a fresh temp dir (returned as userDataDir, removed by close()).
 * contextOptions go to newContext / launchPersistentContext (viewport, reducedMotion, bypassCSP, ...).
 * @returns {Promise<{ context: import('playwright-core').BrowserContext,
 *   browser: import('playwright-core').Browser | null, userDataDir: string | null,
 *   page: () => Promise<import('playwright-core').Page>, close: () => Promise<void> }>}
 */
export async function launch({ persistentDir, contextOptions = {}, args = [], headless = true } = {}) {
  const launchOpts = { executablePath: CHROMIUM_PATH, headless, args: [...CHROMIUM_ARGS, ...args] };
  const ctxOpts = { viewport: { width: 1280, height: 800 }, ...contextOptions };
  const before = new Set(await chromiumPids());
  let context, browser, userDataDir = null, ownsDir = false;
  if (persistentDir) {
    ownsDir = persistentDir === true;
    userDataDir = ownsDir ? await mkdtemp(path.join(tmpdir(), 'gw-profile-')) : path.resolve(persistentDir);
    if (ownsDir) ownedDirs.add(userDataDir);
    context = await chromium.launchPersistentContext(userDataDir, { ...launchOpts, ...ctxOpts });
    browser = context.browser();
  } else {
    browser = await chromium.launch(launchOpts);
    context = await browser.newContext(ctxOpts);
  }
  // The browser's main process is the new chromium process whose parent is us (Debian's wrapper script
  // execs the real binary, so it keeps the pid Playwright spawned).
  const pid = (await chromiumPids()).find((p) => !before.has(p) && !claimedPids.has(p) && ppidOf(p) === process.pid) ?? null;
  if (pid) claimedPids.add(pid); // two launches at once must not both claim the same browser
  launched.set(context, { pid, userDataDir, ownsDir });

  return {
    context,
    browser,
    userDataDir,
    /** The persistent context opens with one blank page; reuse it rather than leaving it around. */
    async page() {
      const blank = context.pages().find((p) => p.url() === 'about:blank');
      return blank ?? context.newPage();
    },
    async close() {
      await context.close().catch(() => {});
      if (browser && !persistentDir) await browser.close().catch(() => {});
      if (ownsDir && userDataDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

async function chromiumPids() {
  const out = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const exe = await readlink(`/proc/${name}/exe`).catch(() => '');
    if (['chromium', 'chrome'].includes(path.basename(exe))) out.push(Number(name));
  }
  return out;
}

function ppidOf(pid) {
  try {
    // Field 4 of /proc/pid/stat, after the parenthesised command name (which may contain spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return -1;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Simulate a crash or a phone killing the app: SIGKILL the browser with no chance to flush or run
 * pagehide. Playwright launches Chromium as the leader of its own process group, so killing the group
 * takes the renderers and the GPU/utility processes with it, as a real crash would.
 * Afterwards relaunch with the same persistentDir to see what survived on disk.
 */
export async function killBrowserHard(context) {
  const info = launched.get(context);
  if (!info?.pid) throw new Error('killBrowserHard: no known browser process for this context (launch it with launch())');
  const closed = new Promise((resolve) => context.once('close', resolve));
  try {
    process.kill(-info.pid, 'SIGKILL');
  } catch {
    process.kill(info.pid, 'SIGKILL');
  }
  const deadline = Date.now() + 10_000;
  while (alive(info.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (alive(info.pid)) throw new Error(`killBrowserHard: pid ${info.pid} survived SIGKILL`);
  // Let Playwright notice the dead pipe, so later calls fail fast instead of hanging.
  let timer;
  await Promise.race([closed, new Promise((r) => (timer = setTimeout(r, 5_000)))]);
  clearTimeout(timer); // a pending timer would keep the spec's process alive for nothing
  // A profile we created ourselves is left on disk on purpose: the point is to reopen it.
}

/**
 * Record every request the browser makes from this context — pages, workers and the service worker —
 * and report those that leave the app's origin. data:, blob:, about: and extension URLs are not network.
 */
export function trackRequests(context, baseURL) {
  const origin = new URL(baseURL).origin;
  const urls = [];
  const onRequest = (req) => urls.push(req.url());
  const onPage = (page) => page.on('websocket', (ws) => urls.push(ws.url()));
  context.on('request', onRequest);
  context.on('page', onPage);
  context.pages().forEach(onPage);
  const ignored = /^(data|blob|about|chrome-extension|chrome):/;
  return {
    /** Every URL seen, in order. */
    all: () => [...urls],
    foreignRequests: () =>
      urls.filter((u) => {
        if (ignored.test(u)) return false;
        try {
          return new URL(u).origin !== origin;
        } catch {
          return true;
        }
      }),
    stop() {
      context.off('request', onRequest);
      context.off('page', onPage);
    },
  };
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let axeSource;

/**
 * Run axe-core on the page as it is now; resolves the violations array (empty = pass).
 * Injection: the app's CSP forbids inline scripts, so <script> injection (addScriptTag) is refused.
 * page.evaluate goes through the DevTools protocol, which CSP does not govern, and axe itself uses no
 * eval, so no bypassCSP is needed and the page is tested under its real policy.
 * @param {import('playwright-core').Page} page
 * @param {{ include?: string, exclude?: string[], rules?: object }} [opts]
 */
export async function runAxe(page, { include, exclude, rules } = {}) {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const present = await page.evaluate(() => typeof (/** @type {any} */ (window).axe) === 'object');
  // Wrapped in a function body so evaluate treats it as a script, not as an expression to return.
  if (!present) await page.evaluate(`(() => { ${axeSource}\n })()`);
  const result = await page.evaluate(
    async ({ tags, include, exclude, rules }) => {
      const ctx = include || exclude ? { include: include ? [include] : undefined, exclude: exclude?.map((s) => [s]) } : document;
      const r = await /** @type {any} */ (window).axe.run(ctx, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
      }));
    },
    { tags: AXE_TAGS, include, exclude, rules },
  );
  return result;
}

/** A readable one-violation-per-paragraph message for assertion failures. */
export function formatViolations(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.map((n) => `  at ${n.target.join(' ')}: ${n.summary?.split('\n').join(' / ')}`).join('\n'))
    .join('\n\n');
}

/**
 * Wait until a service worker controls the page. A first visit installs the worker but (without
 * clients.claim) is not controlled by it, so reload once if needed — as a person reopening the app would.
 * @param {import('playwright-core').Page} page
 */
export async function waitForServiceWorker(page, { timeoutMs = 15_000 } = {}) {
  const check = () =>
    page.evaluate(async (ms) => {
      if (!('serviceWorker' in navigator)) return 'unsupported';
      const ready = await Promise.race([
        navigator.serviceWorker.ready.then(() => true),
        new Promise((r) => setTimeout(() => r(false), ms)),
      ]);
      if (!ready) return 'no-registration';
      if (navigator.serviceWorker.controller) return 'controlled';
      // An app that claims clients takes control shortly after activation.
      await new Promise((r) => {
        navigator.serviceWorker.addEventListener('controllerchange', r, { once: true });
        setTimeout(r, 1000);
      });
      return navigator.serviceWorker.controller ? 'controlled' : 'active';
    }, timeoutMs);
  let state = await check();
  if (state === 'active') {
    await page.reload({ waitUntil: 'load' });
    state = await check();
  }
  if (state !== 'controlled') throw new Error(`waitForServiceWorker: page not controlled (${state})`);
}

/** A fresh temp directory for a persistent profile that a test manages itself (removed at exit). */
export async function tempProfileDir() {
  const dir = await mkdtemp(path.join(tmpdir(), 'gw-profile-'));
  ownedDirs.add(dir);
  return dir;
}

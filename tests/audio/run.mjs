#!/usr/bin/env node
// Audio checks in real Chromium (node has no Web Audio): builds tests/audio with Vite's JS API, serves it
// on 127.0.0.1 with the app's own Content-Security-Policy, and drives it with playwright-core.
//
//   node tests/audio/run.mjs            run everything; prints `ok - …` / `not ok - …` and `N passed, N failed`
//   import { runAudioChecks } from './tests/audio/run.mjs'   → { passed, failed, results }
//
// What it covers: the SoundToggle clicked for real (a trusted gesture starts the AudioContext; no autoplay
// flag), Tone.js staying out of the entry chunk, no CSP violation (Tone's Blob-URL worker and AudioWorklets
// would be one), the facade's rules with fakes, and offline renders of every soundscape and of the breath
// cue (levels, fades, clicks, cue timing against the pacer's schedule()).
import http from 'node:http';
import { createReadStream, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const outDir = path.join(repo, '.tmp/audio-harness');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The app's CSP, read from index.html so these checks follow it when it changes.
function appCsp() {
  try {
    const html = readFileSync(path.join(repo, 'index.html'), 'utf8');
    const m = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i);
    if (m?.[1]) return m[1];
  } catch {
    // fall through
  }
  return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; worker-src 'self'; connect-src 'self'";
}

async function buildHarness() {
  const { build } = await import('vite');
  const { svelte } = await import('@sveltejs/vite-plugin-svelte');
  await build({
    configFile: false, // the app's config adds the PWA plugin; this page needs only Svelte
    root: here,
    base: './',
    logLevel: 'warn',
    resolve: { conditions: ['browser'] },
    plugins: [svelte({ configFile: path.join(repo, 'svelte.config.js') })],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      manifest: true,
      minify: true,
      sourcemap: false,
      chunkSizeWarningLimit: 2000,
      modulePreload: { polyfill: false },
      rollupOptions: { input: path.join(here, 'harness.html') },
    },
  });
  return JSON.parse(await readFile(path.join(outDir, '.vite/manifest.json'), 'utf8'));
}

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

async function serve(root, csp) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end(); // the browser asks on its own; not part of what is checked
      return;
    }
    const file = path.resolve(root, '.' + decodeURIComponent(url.pathname));
    const st = file.startsWith(root + path.sep) ? await stat(file).catch(() => null) : null;
    if (!st?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': csp,
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r(undefined))) };
}

/** Files the entry loads before any interaction: the entry chunk and its static imports. */
function entryClosure(manifest) {
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
  const seen = new Set();
  const walk = (key) => {
    if (!key || seen.has(key)) return;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) walk(dep);
  };
  walk(entryKey);
  return [...seen].map((k) => manifest[k].file);
}

function engineChunk(manifest) {
  const key = Object.keys(manifest).find((k) => k.endsWith('src/audio/engine.ts'));
  return key ? manifest[key].file : null;
}

/**
 * @param {{ log?: (line: string) => void }} [opts]
 * @returns {Promise<{ passed: number, failed: number, results: { name: string, ok: boolean, detail: string }[] }>}
 */
export async function runAudioChecks({ log = (line) => console.log(line) } = {}) {
  const results = [];
  const record = (name, ok, detail = '') => {
    results.push({ name, ok, detail });
    log(`${ok ? 'ok' : 'not ok'} - ${name}${detail ? ` (${detail})` : ''}`);
  };
  const t0 = Date.now();

  const manifest = await buildHarness();
  const server = await serve(outDir, appCsp());
  const { chromium } = await import('playwright-core');
  // No --autoplay-policy flag on purpose: the switch must start audio from a real (trusted) click.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    const banners = [];
    page.on('console', (m) => {
      if (process.env.AUDIO_DEBUG && m.type() === 'log') log(`# page: ${m.text()}`);
      if (m.text().includes('Tone.js')) banners.push(m.text());
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname.replace(/^\//, '')));

    await page.goto(`${server.url}/harness.html`);
    await page.waitForFunction(() => window.audioChecks?.ready === true);

    // --- Tone.js stays off the first screen's path -------------------------------------------------------
    {
      const files = entryClosure(manifest);
      const texts = await Promise.all(files.map((f) => readFile(path.join(outDir, f), 'utf8')));
      const toneIn = files.filter((_, i) => /ToneAudioNode|Tone\.js/.test(texts[i]));
      const engine = engineChunk(manifest);
      record(
        'Tone.js is not in the entry chunk or its static imports; the engine is a lazy chunk',
        toneIn.length === 0 && !!engine && !files.includes(engine),
        toneIn.length ? `Tone code in ${toneIn.join(', ')}` : `entry: ${files.join(', ')}; engine: ${engine}`,
      );
      const early = engine ? requested.filter((p) => p === engine) : ['(no engine chunk)'];
      record('the engine chunk is not fetched before the person turns sound on', early.length === 0, early.join(', '));
    }

    // --- The switch, with a real click -------------------------------------------------------------------
    const sw = page.getByRole('switch', { name: /Sound/ });
    {
      const count = await sw.count();
      const box = count === 1 ? await sw.boundingBox() : null;
      record(
        'SoundToggle is one switch named "Sound…", at least 44×44 px, off at first',
        count === 1 && !!box && box.width >= 44 && box.height >= 44 && (await sw.getAttribute('aria-checked')) === 'false',
        box ? `${Math.round(box.width)}×${Math.round(box.height)} px` : `${count} switches`,
      );
      await page.keyboard.press('Tab');
      const focus = await sw.evaluate((el) => {
        const cs = getComputedStyle(el);
        return { focused: document.activeElement === el, outline: `${cs.outlineStyle} ${cs.outlineWidth}` };
      });
      record(
        'the switch is reached by keyboard and shows a visible focus ring',
        focus.focused && !focus.outline.startsWith('none') && !focus.outline.endsWith(' 0px'),
        focus.outline,
      );
      const live = await page.locator('[aria-live="polite"]').count();
      record('status messages go to a polite live region', live === 1, `${live} region(s)`);
    }
    {
      await sw.click();
      const state = await page
        .waitForFunction(() => window.audioChecks.states().at(-1)?.status === 'on', null, { timeout: 15_000 })
        .then(() => page.evaluate(() => window.audioChecks.states().map((s) => s.status + ('soundscape' in s ? `(${s.soundscape})` : ''))))
        .catch(async () => page.evaluate(() => JSON.stringify(window.audioChecks.states())));
      const checked = await sw.getAttribute('aria-checked');
      const text = await page.locator('[aria-live="polite"]').textContent();
      const engine = engineChunk(manifest);
      record(
        'a real click turns sound on: loading → on with the chosen soundscape, switch checked',
        Array.isArray(state) && state.join() === 'off,loading,on(low-hum)' && checked === 'true',
        `${Array.isArray(state) ? state.join(' → ') : state}; aria-checked=${checked}; says "${text}"`,
      );
      record('the engine chunk is fetched on that first click', !!engine && requested.includes(engine), engine ?? '');
      const changes = await page.evaluate(() => window.audioChecks.changes());
      record('the parent is told the choice (onchange true)', changes.join() === 'true', changes.join());
    }

    // --- Offline renders (the page now has had a gesture, which the clock-mapping check needs) -----------
    const offline = await page.evaluate(() => window.audioChecks.offline());
    for (const r of offline) record(r.name, r.ok, r.detail);

    // --- Facade rules with fakes -------------------------------------------------------------------------
    const facade = await page.evaluate(() => window.audioChecks.facade());
    for (const r of facade) record(r.name, r.ok, r.detail);

    // --- Off again ---------------------------------------------------------------------------------------
    {
      await sw.click();
      await page.waitForFunction(() => window.audioChecks.states().at(-1)?.status === 'off', null, { timeout: 5_000 }).catch(() => {});
      const last = await page.evaluate(() => window.audioChecks.states().at(-1));
      const changes = await page.evaluate(() => window.audioChecks.changes());
      record(
        'a second click turns it off and tells the parent (onchange false)',
        last?.status === 'off' && (await sw.getAttribute('aria-checked')) === 'false' && changes.join() === 'true,false',
        `${JSON.stringify(last)}; changes ${changes.join()}`,
      );
    }

    const csp = await page.evaluate(() => window.audioChecks.cspViolations());
    record('no Content-Security-Policy violation (no Blob-URL worker, no AudioWorklet)', csp.length === 0, csp.join('; '));
    record('no page errors or console errors/warnings', problems.length === 0, problems.slice(0, 5).join(' | '));
    record("Tone.js's console banner is silenced", banners.length === 0, banners.join(' | '));
  } catch (err) {
    record('audio harness ran to the end', false, err instanceof Error ? err.stack ?? err.message : String(err));
  } finally {
    await browser.close();
    await server.close();
  }

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  log(`# ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  log(`${passed} passed, ${failed} failed`);
  return { passed, failed, results };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runAudioChecks()
    .then(({ failed }) => process.exit(failed ? 1 : 0))
    .catch((err) => {
      console.error(err);
      console.log('0 passed, 1 failed');
      process.exit(1);
    });
}

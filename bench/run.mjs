#!/usr/bin/env node
// Benchmarks of the production build in real Chromium; writes bench/results.json and bench/RESULTS.md,
// which are committed so that changes in size and speed show up in review.
//
//   node bench/run.mjs            (npm run bench)
// Env:
//   BENCH_SKIP_BUILD=1   measure the existing dist/
//   BENCH_DIST=<dir>     measure another build folder (testing this script without the app)
//   BENCH_OUT=<dir>      where results.json / RESULTS.md go (default bench/)
//   BENCH_RUNS=<n>       loads per timing (default 5)
//   BENCH_ONLY=<text>    run only the app benchmarks (*.bench.mjs) whose file name contains <text>
//
// Built in: (a) the JavaScript the first screen loads, gzipped, and every chunk in dist/assets;
//           (b) navigation → first screen's h1 visible, cold and warm (service worker in control).
// App benchmarks: every bench/*.bench.mjs default-exports
//   async ({ page, baseURL, browserContext, distDir }) => ({ name, value, unit, detail? })  (or an array)
// and gets a fresh browser context (empty storage) and a blank page of its own; it navigates itself,
// e.g. `await page.goto(`${baseURL}/#/journal`)`. A benchmark that throws is recorded as an error and
// makes the run exit non-zero, after everything else has been measured and written.
import { readdir, readFile, writeFile, mkdir, stat } from 'node:fs/promises';
import { gzipSync, constants as zlib } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildApp, repoRoot } from '../tests/e2e/lib/build.mjs';
import { startServer } from '../tests/e2e/lib/server.mjs';
import { launch, waitForServiceWorker } from '../tests/e2e/lib/browser.mjs';
import { firstScreenTimer, readFirstScreenTime } from './lib/first-screen.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const distDir = path.resolve(process.env.BENCH_DIST ?? path.join(repoRoot, 'dist'));
const outDir = path.resolve(process.env.BENCH_OUT ?? benchDir);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const ROUTE = '/#/today';

/** One decimal everywhere: finer digits would only be noise on a shared 2-core machine. */
const r1 = (n) => (n == null || Number.isNaN(n) ? null : Math.round(n * 10) / 10);
const f1 = (n) => (n == null ? '—' : n.toFixed(1));
/** KB = 1000 bytes, as Vite's own build report counts. */
const kb = (bytes) => bytes / 1000;
const gz = (buf) => gzipSync(buf, { level: zlib.Z_BEST_COMPRESSION }).length;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

let failed = false;

if (!process.env.BENCH_DIST && process.env.BENCH_SKIP_BUILD !== '1') {
  const b = await buildApp();
  if (!b.ok) {
    console.error(`bench: vite build failed\n${b.output}`);
    process.exit(1);
  }
}

const server = await startServer({ root: distDir });
const baseURL = server.url;
const results = { date: new Date().toISOString(), machine: null, route: ROUTE, runs: RUNS };

try {
  const { context: probeCtx, browser, close: closeProbe } = await launch();
  results.machine = await machineInfo(browser.version());
  await probeCtx.close();

  results.chunks = await distChunks();
  results.firstScreenJs = await measureFirstScreenJs(browser);
  results.load = {
    method:
      'In-page timer injected before any app code (CDP addScriptToEvaluateOnNewDocument, not subject to the CSP): ' +
      'a MutationObserver notices the first <h1>, then in the next animation frame(s) checks it has a non-zero box ' +
      'and is not hidden, and records performance.now() there — milliseconds since navigation start (timeOrigin), ' +
      'i.e. the start of the frame that paints the heading. Measured in the page, so DevTools-protocol latency is ' +
      'not included. Cold: a new browser context (empty cache, storage, no service worker) per load, same browser ' +
      'process. Warm: one persistent profile, service worker installed and controlling, then page.reload() per load.',
    cold: await measureCold(browser),
  };
  await closeProbe();
  results.load.warm = await measureWarm();
  results.custom = await runAppBenches();
} finally {
  await server.stop();
}

await mkdir(outDir, { recursive: true });
await writeFile(path.join(outDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
await writeFile(path.join(outDir, 'RESULTS.md'), toMarkdown(results));
console.log(summaryLine(results));
process.exitCode = failed ? 1 : 0;

// ---------------------------------------------------------------------------------------------------

async function machineInfo(chromiumVersion) {
  const osRelease = await readFile('/etc/os-release', 'utf8').catch(() => '');
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpu: os.cpus()[0]?.model?.trim() ?? 'unknown',
    memoryGB: r1(os.totalmem() / 1024 ** 3),
    os: /PRETTY_NAME="([^"]+)"/.exec(osRelease)?.[1] ?? `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: chromiumVersion,
  };
}

/** Every file in dist/assets with raw and gzip -9 sizes, largest first. */
async function distChunks() {
  const dir = path.join(distDir, 'assets');
  const names = await readdir(dir).catch(() => []);
  const rows = [];
  for (const name of names) {
    const buf = await readFile(path.join(dir, name));
    rows.push({ file: `assets/${name}`, kb: r1(kb(buf.length)), gzipKb: r1(kb(gz(buf))), _gz: gz(buf) });
  }
  rows.sort((a, b) => b._gz - a._gz);
  const totalJsGz = rows.filter((r) => r.file.endsWith('.js')).reduce((s, r) => s + r._gz, 0);
  return { totalJsGzipKb: r1(kb(totalJsGz)), files: rows.map(({ _gz, ...r }) => r) };
}

/** Bytes of a served URL as they are in dist/ (what a real host would send, before compression). */
async function distBytes(url, fallback) {
  const rel = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '');
  const file = path.join(distDir, rel);
  if (file.startsWith(distDir) && (await stat(file).catch(() => null))?.isFile()) return readFile(file);
  return fallback();
}

/**
 * (a) JavaScript of the first screen: every script the page itself requests on a fresh profile, from
 * navigation until the h1 is shown and then the network is idle. Requests the service worker makes to
 * precache the rest of the app (lazy chunks included) run in the background, off the page, and are
 * reported apart; so is the service worker's own script.
 */
async function measureFirstScreenJs(browser) {
  const context = await browser.newContext();
  await context.addInitScript(firstScreenTimer);
  const page = await context.newPage();
  const seen = [];
  context.on('response', (res) => {
    const req = res.request();
    const { pathname } = new URL(res.url());
    const isJs = req.resourceType() === 'script' || /\.m?js$/.test(pathname);
    if (isJs && res.ok()) seen.push({ res, bySw: Boolean(req.serviceWorker()) });
  });
  await page.goto(baseURL + ROUTE);
  const t = await readFirstScreenTime(page);
  await page.waitForLoadState('networkidle');
  const h1Epoch = t.timeOrigin + t.h1;

  const rows = [];
  for (const { res, bySw } of seen) {
    const bytes = await distBytes(res.url(), () => res.body());
    // Browser-side timing (epoch ms), not when Node heard of the response, which lags behind.
    const timing = res.request().timing();
    const at = timing.startTime + Math.max(timing.responseEnd, timing.responseStart, 0);
    rows.push({
      url: new URL(res.url()).pathname,
      kb: r1(kb(bytes.length)),
      gzipKb: r1(kb(gz(bytes))),
      _gz: gz(bytes),
      beforeH1: at <= h1Epoch,
      bySw,
    });
  }
  await context.close();
  const page_ = rows.filter((r) => !r.bySw);
  // One file can be fetched twice (preload + import, or page + precache); count each file once.
  const uniq = (xs) => [...new Map(xs.map((r) => [r.url, r])).values()];
  const sum = (xs) => r1(kb(uniq(xs).reduce((s, r) => s + r._gz, 0)));
  const strip = (xs) => uniq(xs).map(({ _gz, bySw, ...r }) => r);
  return {
    gzipKb: sum(page_),
    beforeH1GzipKb: sum(page_.filter((r) => r.beforeH1)),
    files: strip(page_),
    serviceWorkerGzipKb: sum(rows.filter((r) => r.bySw)),
    serviceWorkerFiles: strip(rows.filter((r) => r.bySw)),
  };
}

function stats(xs) {
  return { medianMs: r1(median(xs)), minMs: r1(Math.min(...xs)), maxMs: r1(Math.max(...xs)), runsMs: xs.map(r1) };
}

async function measureCold(browser) {
  const h1 = [], fcp = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    await context.addInitScript(firstScreenTimer);
    const page = await context.newPage();
    await page.goto(baseURL + ROUTE);
    const t = await readFirstScreenTime(page);
    h1.push(t.h1);
    if (t.fcp != null) fcp.push(t.fcp);
    await context.close();
  }
  return { h1: stats(h1), firstContentfulPaint: fcp.length ? stats(fcp) : null };
}

async function measureWarm() {
  const b = await launch({ persistentDir: true });
  try {
    await b.context.addInitScript(firstScreenTimer);
    const page = await b.page();
    await page.goto(baseURL + ROUTE);
    await readFirstScreenTime(page);
    await waitForServiceWorker(page); // reloads once if the first visit is not yet controlled
    await page.waitForLoadState('networkidle'); // let precaching finish before timing
    const h1 = [], fcp = [];
    let controlled = 0;
    for (let i = 0; i < RUNS; i++) {
      await page.reload();
      const t = await readFirstScreenTime(page);
      h1.push(t.h1);
      if (t.fcp != null) fcp.push(t.fcp);
      if (t.controlled) controlled++;
    }
    return { h1: stats(h1), firstContentfulPaint: fcp.length ? stats(fcp) : null, controlledLoads: controlled };
  } finally {
    await b.close();
  }
}

async function runAppBenches() {
  const only = process.env.BENCH_ONLY ?? '';
  const files = (await readdir(benchDir)).filter((f) => f.endsWith('.bench.mjs') && f.includes(only)).sort();
  const out = [];
  for (const file of files) {
    const b = await launch();
    const started = performance.now();
    try {
      const mod = await import(pathToFileURL(path.join(benchDir, file)).href);
      const page = await b.page();
      const r = await mod.default({ page, baseURL, browserContext: b.context, distDir });
      for (const x of [r].flat()) {
        out.push({ file, name: x.name, value: r1(x.value), unit: x.unit, detail: x.detail ?? null });
      }
    } catch (err) {
      failed = true;
      console.error(`bench: ${file} failed: ${err?.stack ?? err}`);
      out.push({ file, name: file, value: null, unit: null, detail: null, error: String(err?.message ?? err) });
    } finally {
      await b.close();
    }
    out.at(-1).seconds = r1((performance.now() - started) / 1000);
  }
  return out;
}

function summaryLine(r) {
  return (
    `bench: first screen JS ${f1(r.firstScreenJs.gzipKb)} KB gzip; h1 cold ${f1(r.load.cold.h1.medianMs)} ms, ` +
    `warm ${f1(r.load.warm.h1.medianMs)} ms (median of ${RUNS}); ${r.custom.length} app benchmark(s) → ${path.relative(process.cwd(), outDir) || '.'}`
  );
}

function toMarkdown(r) {
  const m = r.machine;
  const timing = (label, x) =>
    `| ${label} | ${f1(x.h1.medianMs)} | ${f1(x.h1.minMs)}–${f1(x.h1.maxMs)} | ${x.firstContentfulPaint ? f1(x.firstContentfulPaint.medianMs) : '—'} | ${x.h1.runsMs.map(f1).join(', ')} |`;
  const lines = [
    '# Benchmark results',
    '',
    `Generated by \`node bench/run.mjs\` (npm run bench) on ${r.date.slice(0, 16).replace('T', ' ')} UTC against the production build, served from localhost by the test server. Raw numbers: [results.json](results.json).`,
    '',
    '| machine | |',
    '| --- | --- |',
    `| nproc | ${m.nproc} |`,
    `| CPU | ${m.cpu} |`,
    `| memory | ${f1(m.memoryGB)} GB |`,
    `| OS | ${m.os} |`,
    `| Node | ${m.node} |`,
    `| Chromium | ${m.chromium} (headless) |`,
    '',
    `## JavaScript loaded by the first screen (\`${r.route}\`)`,
    '',
    `**${f1(r.firstScreenJs.gzipKb)} KB gzipped** (${f1(r.firstScreenJs.beforeH1GzipKb)} KB of it before the h1 appeared). KB = 1000 bytes; each file's bytes from dist/ compressed with gzip level 9; fresh profile; every script the page requested from navigation until the h1 was visible and the network then idle (500 ms without requests). The service worker's precaching of the rest of the app happens in the background and is listed apart.`,
    '',
    '| file | KB | gzip KB | before h1 |',
    '| --- | ---: | ---: | :---: |',
    ...r.firstScreenJs.files.map((f) => `| ${f.url} | ${f1(f.kb)} | ${f1(f.gzipKb)} | ${f.beforeH1 ? 'yes' : 'no'} |`),
    '',
    `Service worker scripts and precache fetches of JS: ${f1(r.firstScreenJs.serviceWorkerGzipKb)} KB gzipped (${r.firstScreenJs.serviceWorkerFiles.map((f) => f.url).join(', ') || 'none'}).`,
    '',
    `### All chunks in dist/assets (JS total ${f1(r.chunks.totalJsGzipKb)} KB gzipped)`,
    '',
    '| file | KB | gzip KB |',
    '| --- | ---: | ---: |',
    ...r.chunks.files.map((f) => `| ${f.file} | ${f1(f.kb)} | ${f1(f.gzipKb)} |`),
    '',
    `## Navigation to the first screen's h1 visible (median of ${r.runs})`,
    '',
    '| load | median ms | min–max ms | first contentful paint, median ms | runs ms |',
    '| --- | ---: | ---: | ---: | --- |',
    timing('cold (fresh profile)', r.load.cold),
    timing(`warm (service worker controlling ${r.load.warm.controlledLoads}/${r.runs} loads)`, r.load.warm),
    '',
    `Method: ${r.load.method}`,
    '',
    '## App benchmarks (bench/*.bench.mjs)',
    '',
  ];
  if (r.custom.length === 0) {
    lines.push('None yet. Add a `bench/<name>.bench.mjs`; see the header of bench/run.mjs for the contract.');
  } else {
    lines.push('| benchmark | value | unit | detail |', '| --- | ---: | --- | --- |');
    for (const c of r.custom) {
      const detail = c.error ? `**error:** ${c.error}` : c.detail == null ? '' : typeof c.detail === 'string' ? c.detail : JSON.stringify(c.detail);
      lines.push(`| ${c.name} (${c.file}) | ${f1(c.value)} | ${c.unit ?? ''} | ${detail.replace(/\|/g, '\\|')} |`);
    }
  }
  return lines.join('\n') + '\n';
}

#!/usr/bin/env node
// End-to-end runner: one production build, one static server, every tests/e2e/*.spec.mjs against it in
// real Chromium, two spec files at a time. Specs mostly wait (clocks, storage, timers): serially the 2
// cores sat at ~0.7 busy and the run took ~490 s; two at a time ~380 s. Specs that stop a server or kill a
// browser use their own (lib/server.mjs startOwnServer, lib/browser.mjs kills its own process group), so
// a neighbour is not disturbed. Three at a time was no faster and flushed out a timing bug.
// Spec files that time the app against a limit (SOLO below) run after the others, alone: a neighbour's
// CPU would be measured with it.
//
// Env:
//   E2E_SKIP_BUILD=1     reuse the existing dist/ (fast re-runs while writing a spec)
//   E2E_ONLY=<text>      run only spec files whose name contains <text>
//   E2E_DIST=<dir>       serve another build folder (used to test this harness without the app)
//   E2E_TIMEOUT_MS=<n>   per spec file limit (default 300000)
//   E2E_CONCURRENCY=<n>  spec files at a time (default 2; 1 to rule out a neighbour when a spec fails)
// Specs get: E2E_BASE_URL (origin of the shared server, no trailing slash) and E2E_DIST_DIR (the build,
// for specs that need a server of their own to stop and restart: lib/server.mjs startOwnServer()).
//
// The last line printed is always `N passed, N failed` (tests, not files); exit code is 0 only when
// nothing failed. A failed build counts as one failed test, since nothing else could run.
import { run } from 'node:test';
import { spec as SpecReporter } from 'node:test/reporters';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, repoRoot } from './lib/build.mjs';
import { startServer } from './lib/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.env.E2E_ONLY ?? '';
const distDir = path.resolve(process.env.E2E_DIST ?? path.join(repoRoot, 'dist'));
const timeout = Number(process.env.E2E_TIMEOUT_MS ?? 300_000);
const concurrency = Number(process.env.E2E_CONCURRENCY ?? 2);
/** Spec files with timing limits (Ground's first step within 1 s of the tap): run alone, after the rest. */
const SOLO = ['foundation-ground.spec.mjs'];

function finish(passed, failed, code) {
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = code;
}

const files = (await readdir(here))
  .filter((f) => f.endsWith('.spec.mjs') && f.includes(only))
  .sort()
  .map((f) => path.join(here, f));

if (files.length === 0) {
  console.error(only ? `e2e: no spec file name contains "${only}"` : 'e2e: no tests/e2e/*.spec.mjs found');
  finish(0, 0, 1);
} else if (process.env.E2E_SKIP_BUILD !== '1' && !process.env.E2E_DIST && !(await build())) {
  finish(0, 1, 1);
} else {
  await runSpecs();
}

async function build() {
  const r = await buildApp();
  if (!r.ok) {
    console.error(`e2e: vite build failed\n${r.output}`);
    return false;
  }
  // Warnings are worth seeing; the usual chunk table is not (logLevel warn hides it).
  if (r.output) console.log(r.output);
  console.log(`e2e: built in ${(r.ms / 1000).toFixed(1)} s`);
  return true;
}

async function runSpecs() {
  const server = await startServer({ root: distDir });
  process.env.E2E_BASE_URL = server.url;
  process.env.E2E_DIST_DIR = distDir;
  const solo = files.filter((f) => SOLO.includes(path.basename(f)));
  const shared = files.filter((f) => !solo.includes(f));
  const counts = { passed: 0, failed: 0 };
  if (shared.length) await runBatch(shared, concurrency, counts);
  if (solo.length) await runBatch(solo, 1, counts);
  await server.stop();
  finish(counts.passed, counts.failed, counts.failed > 0 || counts.passed === 0 ? 1 : 0);
}

async function runBatch(batch, atATime, counts) {
  // Count leaf tests only: a describe() block (a "suite") is not a test of its own. A spec file that
  // crashes before defining tests still reports a failure for the file, which counts here.
  const isSuite = (data) => data.details?.type === 'suite';
  const stream = run({ files: batch, concurrency: atATime, timeout });
  stream.on('test:pass', (data) => {
    if (!isSuite(data) && !data.skip && !data.todo) counts.passed++;
  });
  stream.on('test:fail', (data) => {
    if (!isSuite(data) && !data.todo) counts.failed++;
  });
  const out = stream.compose(new SpecReporter());
  out.pipe(process.stdout, { end: false });
  await new Promise((resolve, reject) => out.on('end', resolve).on('error', reject));
}

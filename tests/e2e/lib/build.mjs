// One production build for a whole e2e or bench run, with its output kept quiet unless it fails.
//
// Why a child process instead of Vite's JS API: the build loads the Svelte compiler, Rolldown and Workbox
// into memory; doing that in a separate process keeps the runner lean for the browser work that follows,
// and a crash or hang in the build cannot take the runner down with it.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Run `vite build` in `root` (default: the repo). Resolves { ok, ms, output, outDir }.
 * outDir: build somewhere other than root/dist (a second version of the app for update tests);
 * env: extra environment for the build (e.g. VITE_* variables the app reads at build time).
 * @param {{ root?: string, timeoutMs?: number, outDir?: string, env?: Record<string, string> }} [opts]
 */
export async function buildApp({ root = repoRoot, timeoutMs = 5 * 60_000, outDir: out, env = {} } = {}) {
  const extra = out ? ['--outDir', path.resolve(out), '--emptyOutDir'] : [];
  const require = createRequire(path.join(root, 'package.json'));
  const viteBin = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const started = performance.now();
  const child = spawn(process.execPath, [viteBin, 'build', '--logLevel', 'warn', ...extra], {
    cwd: root,
    // NO_COLOR, not FORCE_COLOR=0: picocolors (Vite's) turns colour *on* when FORCE_COLOR is set at all.
    env: { ...withoutKey(process.env, 'FORCE_COLOR'), NODE_ENV: 'production', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  clearTimeout(timer);
  const outDir = out ? path.resolve(out) : path.join(root, 'dist');
  return {
    ok: code === 0 && existsSync(path.join(outDir, 'index.html')),
    ms: performance.now() - started,
    // Rolldown colours its warnings regardless of NO_COLOR; logs and parsers want plain text.
    output: output.replace(/\x1b\[[0-9;]*m/g, '').trim(),
    outDir,
  };
}

function withoutKey(obj, key) {
  const copy = { ...obj };
  delete copy[key];
  return copy;
}

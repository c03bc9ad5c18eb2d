/**
 * Entry of the audio check page (built and driven by run.mjs in real Chromium; node has no Web Audio).
 *
 * Mirrors the app's loading rule: this entry imports only the tone-free facade and the SoundToggle; the
 * engine (and Tone.js) arrives through the facade's own `import('./engine')` on the first click, and the
 * offline renders through `import('./offline')`. run.mjs checks the built entry holds no Tone code.
 */
import { mount } from 'svelte';
import Host from './Host.svelte';
import { audio, type AudioState } from '../../src/audio/index';
import type { CheckResult } from './checks';

// Tone fills its noise buffers with Math.random(); a fixed seed makes every run render the same samples, so
// a level or click measurement cannot pass on one run and fail on the next. (Test page only.)
let seed = 0x9e3779b9;
Math.random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const cspViolations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => {
  cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`);
});

const changes: boolean[] = [];
const states: AudioState[] = [];
audio.subscribe((s) => states.push(s));
const target = document.getElementById('app');
if (target) mount(Host, { target, props: { changes } });

declare global {
  interface Window {
    audioChecks: {
      ready: true;
      cspViolations: () => string[];
      changes: () => boolean[];
      states: () => AudioState[];
      facade: () => Promise<CheckResult[]>;
      offline: (only?: string) => Promise<CheckResult[]>;
    };
  }
}

window.audioChecks = {
  ready: true,
  cspViolations: () => [...cspViolations],
  changes: () => [...changes],
  states: () => states.map((s) => ({ ...s })),
  facade: async () => (await import('./facade-checks')).runFacadeChecks(),
  offline: async (only) => (await import('./offline')).runOfflineChecks(only),
};

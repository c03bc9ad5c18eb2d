/**
 * The one door to Tone.js. Everything audio imports Tone from here, and this file is reached only through
 * `import('./engine')`.
 *
 * Why not `from 'tone'`: Tone's package entry (build/esm/index.js) calls getContext() while it is being
 * evaluated (`export const Transport = getContext().transport`, …). That creates a second, default
 * AudioContext whose clock is a Web Worker made from a Blob URL — refused by the app's CSP
 * (`worker-src 'self'`), reported as a violation, and a context we never use. `classes.js` exports the same
 * classes without those top-level calls, and `core/Global.js` holds setContext/start/getContext.
 * Both are files of the published package (checked with tone 15.5); tests/audio fails on a CSP violation
 * if an upgrade changes this.
 */
export {
  Context,
  FatOscillator,
  FeedbackDelay,
  Filter,
  FMSynth,
  Gain,
  LFO,
  Limiter,
  Noise,
  OfflineContext,
  Oscillator,
  PolySynth,
  Volume,
} from 'tone/build/esm/classes.js';
export type { BaseContext, InputNode, Param } from 'tone/build/esm/classes.js';
export { getContext, setContext, start } from 'tone/build/esm/core/Global.js';

import { Oscillator as ToneOscillator } from 'tone/build/esm/classes.js';
import type { BaseContext as ToneBaseContext } from 'tone/build/esm/classes.js';

let lastContext: ToneBaseContext | null = null;

/**
 * Tone caches the PeriodicWaves of its oscillators in one static list shared by every context, but a wave
 * made on one AudioContext plays silence on another. Call before building nodes on a context: when it is
 * not the one used last (the AudioContext was closed and replaced, or an offline render in tests), the
 * cache is emptied so waves are made again on the right context.
 */
export function useContextForOscillators(context: ToneBaseContext): void {
  if (context === lastContext) return;
  lastContext = context;
  const cache = (ToneOscillator as unknown as { _periodicWaveCache?: unknown[] })._periodicWaveCache;
  if (Array.isArray(cache)) cache.length = 0;
}

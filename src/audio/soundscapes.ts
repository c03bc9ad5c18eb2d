/**
 * Generative soundscapes: Tone.js oscillators, noise and filters only — no audio files to download or cache,
 * and nothing that needs an AudioWorklet or a Blob URL (BitCrusher, Freeverb, JCReverb, PluckSynth and
 * FeedbackCombFilter do), because the app's CSP is `script-src 'self'` / `worker-src 'self'`.
 *
 * Reached only through `import('./engine')`: this file imports Tone.js.
 *
 * Each builder makes its nodes on the given context (explicitly, not Tone's global one, so an offline test
 * render and the live context never mix) and connects them to `out`. It must be quiet and
 * slow by construction: no transients, no bright highs, movement over tens of seconds (people after a dose
 * are sound-sensitive; DESIGN.md §6). Each is balanced to about −13 dBFS RMS before the master gain
 * (levels.ts), so switching between them does not change the loudness; tests/audio measures it.
 */
import { FatOscillator, FeedbackDelay, Filter, FMSynth, Gain, LFO, Noise, PolySynth } from './tone';
import type { BaseContext, InputNode } from './tone';
import type { SoundscapeId } from './catalog';

export interface Voice {
  /** Start sounding at audio time `time` (the engine fades the level in around it). */
  start(time: number): void;
  /** Stop sources at `time` — by then the engine's fade has brought the level to zero. */
  stop(time: number): void;
  dispose(): void;
}

type Disposable = { dispose(): unknown };

/** Small deterministic PRNG (mulberry32): the "random" choices are reproducible in tests. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * "Low hum": a warm drone on A (A1, E2, A2), each note three slightly detuned sawtooths, through a steep
 * lowpass whose cutoff breathes between ~170 and ~480 Hz over ~20 s. The steep filter is what keeps it
 * warm rather than buzzy; the slow LFO gives movement without rhythm.
 */
function lowHum(out: InputNode, context: BaseContext): Voice {
  const level = new Gain({ context, gain: 1 }).connect(out);
  const filter = new Filter({ context, type: 'lowpass', frequency: 300, rolloff: -24, Q: 0.4 }).connect(level);
  const sweep = new LFO({ context, frequency: 0.05, min: 170, max: 480, type: 'sine', phase: 270 }).connect(filter.frequency);
  const notes: Array<[number, number]> = [
    [55, 0.5], // A1
    [82.41, 0.3], // E2
    [110, 0.22], // A2
  ];
  const oscs = notes.map(([frequency, gain]) => {
    const g = new Gain({ context, gain: gain }).connect(filter);
    const osc = new FatOscillator({ context, frequency, type: 'sawtooth', count: 3, spread: 14 }).connect(g);
    return { osc, g };
  });
  const nodes: Disposable[] = [level, filter, sweep, ...oscs.flatMap(({ osc, g }) => [osc, g])];
  return {
    start(time) {
      sweep.start(time);
      for (const { osc } of oscs) osc.start(time);
    },
    stop(time) {
      sweep.stop(time);
      for (const { osc } of oscs) osc.stop(time);
    },
    dispose() {
      for (const n of nodes) n.dispose();
    },
  };
}

/**
 * "Soft rain": pink noise through a wide bandpass whose centre drifts between 700 and 1800 Hz (and nothing
 * above ~2.5 kHz: hiss is what tires sensitive ears), over a bed of brown noise below 350 Hz. Two amplitude LFOs at unrelated slow rates (0.11 and 0.037 Hz) make the level
 * rise and fall without ever repeating a pattern you could count. No drops or patters: those are
 * transients, and transients startle.
 */
function softRain(out: InputNode, context: BaseContext): Voice {
  const level = new Gain({ context, gain: 2 }).connect(out);
  const highpass = new Filter({ context, type: 'highpass', frequency: 120, rolloff: -12 }).connect(level);

  const hissAmp = new Gain({ context, gain: 0.8 }).connect(highpass);
  const hissBand = new Filter({ context, type: 'bandpass', frequency: 1100, Q: 0.6, rolloff: -12 }).connect(hissAmp);
  const hissLowpass = new Filter({ context, type: 'lowpass', frequency: 2500, rolloff: -24 }).connect(hissBand);
  const hiss = new Noise({ context, type: 'pink' }).connect(hissLowpass);
  const hissSweep = new LFO({ context, frequency: 0.07, min: 700, max: 1800, phase: 90 }).connect(hissBand.frequency);
  const hissSwell = new LFO({ context, frequency: 0.11, min: 0.55, max: 0.9, phase: 0 }).connect(hissAmp.gain);

  const bedAmp = new Gain({ context, gain: 0.5 }).connect(highpass);
  const bedLowpass = new Filter({ context, type: 'lowpass', frequency: 350, rolloff: -24 }).connect(bedAmp);
  const bed = new Noise({ context, type: 'brown' }).connect(bedLowpass);
  const bedSwell = new LFO({ context, frequency: 0.037, min: 0.35, max: 0.6, phase: 180 }).connect(bedAmp.gain);

  const sources = [hiss, bed];
  const lfos = [hissSweep, hissSwell, bedSwell];
  const nodes: Disposable[] = [level, highpass, hissAmp, hissBand, hissLowpass, bedAmp, bedLowpass, ...sources, ...lfos];
  return {
    start(time) {
      for (const l of lfos) l.start(time);
      for (const s of sources) s.start(time);
    },
    stop(time) {
      for (const l of lfos) l.stop(time);
      for (const s of sources) s.stop(time);
    },
    dispose() {
      for (const n of nodes) n.dispose();
    },
  };
}

// Chords for "Evening", all from A major / F♯ minor so they agree with the drone's A and the breath cue.
const EVENING_CHORDS: readonly (readonly string[])[] = [
  ['A2', 'E3', 'B3', 'C#4'], // Aadd9
  ['F#2', 'C#3', 'A3', 'E4'], // F♯m7
  ['D3', 'A3', 'C#4', 'F#4'], // Dmaj7
  ['E2', 'B2', 'F#3', 'A3'], // Esus
  ['B2', 'F#3', 'A3', 'D4'], // Bm7
];

/**
 * "Evening": slow, soft FM-sine chords (low modulation index: round, not bell-like) with 3 s attacks and
 * 6 s releases, a new one every 8–11 s overlapping the last so there is never a silent gap, through a lowpass and a feedback delay for space. No reverb: Freeverb and
 * JCReverb need an AudioWorklet (blocked by our CSP), and a delay is enough.
 *
 * Chords are placed ahead on the audio clock from a lookahead loop on Tone's context timer, never "now":
 * a late tick (background tab) then still finds the next chord already scheduled, instead of starting a
 * ramp in the past, which would jump in level (a click).
 */
function evening(out: InputNode, context: BaseContext): Voice {
  const level = new Gain({ context, gain: 1 }).connect(out);
  const delay = new FeedbackDelay({ context, delayTime: 0.75, feedback: 0.35, wet: 0.3, maxDelay: 1 }).connect(level);
  const lowpass = new Filter({ context, type: 'lowpass', frequency: 1800, rolloff: -12, Q: 0.3 }).connect(delay);
  const synth = new PolySynth({
    context,
    voice: FMSynth,
    maxPolyphony: 16,
    options: {
      harmonicity: 1,
      modulationIndex: 1.2,
      oscillator: { type: 'sine' },
      modulation: { type: 'sine' },
      envelope: { attack: 3, attackCurve: 'linear', decay: 1, sustain: 0.8, release: 6, releaseCurve: 'exponential' },
      modulationEnvelope: { attack: 4, decay: 1, sustain: 0.6, release: 6 },
    },
  }).connect(lowpass);
  synth.volume.value = -2;

  const random = prng(0x65766e);
  const HORIZON_S = 4;
  let next = Number.POSITIVE_INFINITY;
  let last = -1;
  let interval: number | null = null;

  const fill = (): void => {
    const horizon = context.currentTime + HORIZON_S;
    while (next < horizon) {
      let pick = Math.floor(random() * EVENING_CHORDS.length);
      if (pick === last) pick = (pick + 1) % EVENING_CHORDS.length;
      last = pick;
      const chord = EVENING_CHORDS[pick] ?? EVENING_CHORDS[0] ?? [];
      // Never in the past: a chord due during a stalled tick starts a moment late rather than mid-ramp.
      const at = Math.max(next, context.currentTime + 0.05);
      synth.triggerAttackRelease([...chord], 9, at, 0.6);
      next = at + 8 + random() * 3;
    }
  };

  return {
    start(time) {
      next = time;
      fill();
      interval = context.setInterval(fill, 0.5);
    },
    stop(time) {
      if (interval !== null) context.clearInterval(interval);
      interval = null;
      next = Number.POSITIVE_INFINITY;
      synth.releaseAll(time);
    },
    dispose() {
      if (interval !== null) context.clearInterval(interval);
      interval = null;
      for (const n of [synth, lowpass, delay, level]) n.dispose();
    },
  };
}

export const SOUNDSCAPE_BUILDERS: { readonly [K in SoundscapeId]: (out: InputNode, context: BaseContext) => Voice } = {
  'low-hum': lowHum,
  'soft-rain': softRain,
  evening,
};

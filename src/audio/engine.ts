/**
 * The audio engine: master chain with a volume cap, soundscape fades and crossfades, and the breath cue.
 * Imports Tone.js, so it is reached only through `import('./engine')` from index.ts (DESIGN.md §6: never on
 * the first screen's path).
 *
 * Chain:  soundscape → voice gain (fades) ┐
 *                                         ├→ bus → person's volume → master (−18 dB) → limiter (−12 dB) → out
 *         breath cue → cue envelope ──────┘
 *
 * Every level change is a ramp on the audio clock (levels.ts): people after a dose are sound-sensitive, so
 * nothing starts, stops or switches abruptly, and the limiter is the last line against surprises.
 */
import './quiet-tone';
import {
  Context,
  Filter,
  Gain,
  getContext,
  Limiter,
  Noise,
  Oscillator,
  setContext,
  start as startTone,
  useContextForOscillators,
  Volume,
} from './tone';
import type { BaseContext, Param } from './tone';
import type { BreathPhase, ScheduledPhase } from '../flow/pacer';
import type { SoundscapeId } from './catalog';
import { fadeCurve, LEVELS, volumeToGain } from './levels';
import { SOUNDSCAPE_BUILDERS, type Voice } from './soundscapes';
import type { Engine } from './types';

export { LEVELS } from './levels';
export type { Engine } from './types';

/** Ramp a gain param from its value at `at` to `to` along an S-curve, without any jump. */
function fadeParam(param: Param<'gain'>, to: number, at: number, seconds: number): void {
  param.cancelAndHoldAtTime(at);
  const from = param.getValueAtTime(at);
  param.setValueCurveAtTime(fadeCurve(from, to), at, seconds);
}

/**
 * Breath cue sound per phase: a soft sine-like tone with a little filtered noise ("air"), whose pitch glides
 * up on the in-breath and down on the out-breath, so the direction can be heard with eyes closed. Pitches
 * sit in A major, with the soundscapes. Holds and rests are steadier and quieter.
 */
const CUE_SOUND: { readonly [P in BreathPhase]: { from: number; to: number; peak: number } } = {
  inhale: { from: 329.63, to: 369.99, peak: 1 }, // E4 → F♯4
  hold: { from: 277.18, to: 277.18, peak: 0.7 }, // C♯4
  exhale: { from: 246.94, to: 207.65, peak: 1 }, // B3 → G♯3
  rest: { from: 220, to: 220, peak: 0.5 }, // A3
};

/**
 * A cue due a moment ago — typically the first in-breath, whose time is the instant the pacer starts, which
 * is already "now" minus the output latency — still sounds, starting right away. A phase that began longer
 * ago (the one under way when the pacer resumes) is not cued: the visual pacer does not announce it either.
 */
const CUE_LATE_OK_S = 0.25;
/** Such a late cue starts this far ahead of the audio clock, at least: a ramp that starts in the past
 *  jumps (a click), and a live context renders a little ahead of `currentTime` — Tone's lookAhead (0.1 s)
 *  is its own margin for that. Offline renders have no lookAhead. */
const CUE_MIN_LEAD_S = 0.005;
/** Shortest swell worth playing. */
const CUE_MIN_S = 0.2;

function createBreathCue(out: Gain, context: BaseContext) {
  const envelope = new Gain({ context, gain: 0 }).connect(out);
  const tone = new Oscillator({ context, type: 'custom', partials: [1, 0.12, 0.03], frequency: 220 }).connect(envelope);
  const airLevel = new Gain({ context, gain: 0.12 }).connect(envelope);
  const airBand = new Filter({ context, type: 'bandpass', frequency: 900, Q: 0.8 }).connect(airLevel);
  const air = new Noise({ context, type: 'pink' }).connect(airBand);
  let running = false;

  const ensureRunning = (time: number): void => {
    if (running) return;
    running = true;
    tone.start(time);
    air.start(time);
  };

  return {
    /** Place cue swells at `startAt + entry.start` for each entry; returns how many were placed. */
    schedule(entries: readonly ScheduledPhase[], startAt: number, now: number): number {
      let placed = 0;
      for (const entry of entries) {
        const due = startAt + entry.start;
        if (due < now - CUE_LATE_OK_S) continue;
        const t = Math.max(due, now + Math.max(CUE_MIN_LEAD_S, context.lookAhead));
        const sound = CUE_SOUND[entry.phase];
        // The swell ends well before the next phase begins, so consecutive cues never overlap and the
        // envelope is back at zero when the pitch is changed (no click from the frequency step either).
        const d = Math.min(LEVELS.cueMaxS, 0.7 * (entry.end - entry.start), startAt + entry.end - t - 0.1);
        if (d < CUE_MIN_S) continue;
        const attack = Math.min(LEVELS.cueAttackS, d / 4);
        ensureRunning(Math.max(now, t - 0.05));
        tone.frequency.setValueAtTime(sound.from, t);
        if (sound.to !== sound.from) tone.frequency.exponentialRampToValueAtTime(sound.to, t + d);
        envelope.gain.setValueAtTime(0, t);
        envelope.gain.linearRampToValueAtTime(sound.peak, t + attack);
        envelope.gain.linearRampToValueAtTime(sound.peak * 0.6, t + Math.max(attack, d * 0.45));
        envelope.gain.linearRampToValueAtTime(0, t + d);
        placed++;
      }
      return placed;
    },
    /**
     * Fade out whatever swell is under way and drop every later one. Returns the time from which new cues
     * may start: at once when silent, after the short fade when a swell was sounding.
     */
    cancel(now: number): number {
      const sounding = envelope.gain.getValueAtTime(now) > 1e-4;
      envelope.gain.cancelAndHoldAtTime(now);
      tone.frequency.cancelAndHoldAtTime(now);
      if (!sounding) return now;
      envelope.gain.linearRampToValueAtTime(0, now + LEVELS.cueCancelS);
      return now + LEVELS.cueCancelS;
    },
    dispose(): void {
      for (const n of [tone, air, airBand, airLevel, envelope]) n.dispose();
    },
  };
}

/**
 * Build the engine on `context` (the realtime one from startEngine, or an OfflineContext in tests); every
 * node is created on it explicitly. Defaults to Tone's global context.
 */
export function createEngine(options: { context?: BaseContext; ownsContext?: boolean } = {}): Engine {
  const context = options.context ?? getContext();
  // Tone's timer loop (50 ms ticks on the main thread) is only needed while sound can play; it is parked
  // while the AudioContext sleeps, so an app that once played sound does not keep waking the phone.
  const ticking = (on: boolean): void => {
    if (context instanceof Context && !context.isOffline) context.clockSource = on ? 'timeout' : 'offline';
  };
  useContextForOscillators(context);
  const limiter = new Limiter({ context, threshold: LEVELS.limiterDb }).toDestination();
  const master = new Volume({ context, volume: LEVELS.masterDb }).connect(limiter);
  const personal = new Gain({ context, gain: 1 }).connect(master);
  const bus = new Gain({ context, gain: 1 }).connect(personal);
  const cueOut = new Gain({ context, gain: 0.5 }).connect(personal);
  const cue = createBreathCue(cueOut, context);

  let current: { id: SoundscapeId; voice: Voice; gain: Gain } | null = null;
  const leaving = new Set<{ voice: Voice; gain: Gain }>();
  let disposed = false;

  const now = (): number => context.currentTime;

  /** Fade a playing soundscape out and dispose of it once silent. */
  const retire = (entry: { voice: Voice; gain: Gain }, at: number, seconds: number): void => {
    leaving.add(entry);
    fadeParam(entry.gain.gain, 0, at, seconds);
    entry.voice.stop(at + seconds + 0.05);
    // An offline render (tests) runs every timer before it renders any audio, so disposing from a timer
    // there would disconnect the graph for the whole render; offline nodes go with engine.dispose().
    if (context.isOffline) return;
    context.setTimeout(() => {
      if (!leaving.delete(entry)) return;
      entry.voice.dispose();
      entry.gain.dispose();
    }, at + seconds + 0.25 - now());
  };

  const engine: Engine = {
    get soundscape() {
      return current?.id ?? null;
    },
    play(id) {
      if (disposed || current?.id === id) return;
      const at = now() + 0.02;
      const crossfade = current !== null;
      if (current) retire(current, at, LEVELS.crossfadeS);
      const gain = new Gain({ context, gain: 0 }).connect(bus);
      const voice = SOUNDSCAPE_BUILDERS[id](gain, context);
      voice.start(at);
      fadeParam(gain.gain, 1, at, crossfade ? LEVELS.crossfadeS : LEVELS.fadeInS);
      current = { id, voice, gain };
    },
    stopSoundscape() {
      if (!current) return;
      retire(current, now() + 0.02, LEVELS.fadeOutS);
      current = null;
    },
    stopAll() {
      engine.stopSoundscape();
      engine.cancelBreathCues();
    },
    setVolume(volume) {
      const at = now();
      personal.gain.cancelAndHoldAtTime(at);
      personal.gain.linearRampToValueAtTime(volumeToGain(volume), at + LEVELS.volumeRampS);
    },
    scheduleBreathCues(schedule, startAt) {
      return cue.schedule(schedule, startAt, cue.cancel(now()));
    },
    scheduleBreathCuesAtPerf(schedule, startAtPerfMs) {
      return engine.scheduleBreathCues(schedule, engine.contextTimeAt(startAtPerfMs));
    },
    cancelBreathCues() {
      cue.cancel(now());
    },
    contextTimeAt(perfMs) {
      const raw = context.rawContext as AudioContext;
      // getOutputTimestamp pairs the audio clock with the moment that sample reaches the speaker, so the
      // cue is heard when the visual pacer changes, output latency included. Not in every browser (older
      // Safari): then assume the current time and accept the output latency.
      const stamp = typeof raw.getOutputTimestamp === 'function' ? raw.getOutputTimestamp() : null;
      if (stamp?.contextTime !== undefined && stamp.performanceTime) {
        return stamp.contextTime + (perfMs - stamp.performanceTime) / 1000;
      }
      return raw.currentTime + (perfMs - performance.now()) / 1000;
    },
    async resume() {
      ticking(true);
      await context.resume();
    },
    async suspend() {
      const raw = context.rawContext as AudioContext;
      if (typeof raw.suspend === 'function' && raw.state === 'running') await raw.suspend();
      ticking(false);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const entry of leaving) {
        entry.voice.dispose();
        entry.gain.dispose();
      }
      leaving.clear();
      if (current) {
        current.voice.dispose();
        current.gain.dispose();
        current = null;
      }
      cue.dispose();
      for (const n of [cueOut, bus, personal, master, limiter]) n.dispose();
      // Closes the AudioContext and stops Tone's timer loop.
      if (options.ownsContext) void context.dispose();
    },
  };
  return engine;
}

/**
 * Wrap the page's AudioContext (created and resumed by index.ts inside the person's gesture) for Tone, start
 * it, and build the engine.
 *
 * clockSource 'timeout': Tone's default clock is a Web Worker made from a Blob URL, which the app's CSP
 * (`worker-src 'self'`) refuses. We schedule everything on the audio clock ahead of time, so the
 * timeout clock's coarser ticks (throttled in background tabs) cost nothing audible.
 */
export async function startEngine(raw: AudioContext): Promise<Engine> {
  const context = new Context({ context: raw, clockSource: 'timeout', latencyHint: 'playback', lookAhead: 0.1 });
  setContext(context);
  // Tone.start(): resumes the (now global) context. index.ts already asked inside the gesture; this is the
  // call Tone documents, and it resolves once the browser lets the context run.
  await startTone();
  return createEngine({ context, ownsContext: true });
}

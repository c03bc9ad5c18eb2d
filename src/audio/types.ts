/**
 * The contract between the lazy facade (index.ts, no Tone) and the engine (engine.ts, Tone). Type-only, so
 * importing it never loads Tone.js; tests implement it with a fake to exercise the facade.
 */
import type { ScheduledPhase } from '../flow/pacer';
import type { SoundscapeId } from './catalog';

export interface Engine {
  /** The soundscape currently audible (or fading in), null when none. */
  readonly soundscape: SoundscapeId | null;
  /** Fade the soundscape in (or crossfade from the current one). */
  play(id: SoundscapeId): void;
  /** Fade the soundscape out; breath cues continue. */
  stopSoundscape(): void;
  /** Fade everything out: soundscape and breath cues. */
  stopAll(): void;
  /** The person's volume 0–1, under the engine's cap. */
  setVolume(volume: number): void;
  /** Place breath cues at the schedule's times, `startAt` being the audio-clock time (s) of elapsed 0.
   *  Replaces any cues scheduled before; onsets already past are skipped. Returns how many were placed. */
  scheduleBreathCues(schedule: readonly ScheduledPhase[], startAt: number): number;
  /** Same, with the start given as a performance.now() time (ms), as the pacer clock reports it. */
  scheduleBreathCuesAtPerf(schedule: readonly ScheduledPhase[], startAtPerfMs: number): number;
  /** Fade out the cue under way and drop all later ones. */
  cancelBreathCues(): void;
  /** Audio-clock time (s) at which a sound is heard at the given performance.now() time (ms). */
  contextTimeAt(perfMs: number): number;
  /** Let the AudioContext run (Tone.start()); must follow a user gesture the first time. */
  resume(): Promise<void>;
  /** Pause the AudioContext to save battery once faded out. */
  suspend(): Promise<void>;
  dispose(): void;
}

/** What `import('./engine')` provides. */
export interface EngineModule {
  startEngine(context: AudioContext): Promise<Engine>;
}

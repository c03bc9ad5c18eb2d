/**
 * Breathing pacer: patterns as data, the schedule they produce, and one clock that says which phase is
 * current. Pure TypeScript — no DOM, no Svelte, no Tone — so it is tested in node.
 *
 * It lives in flow/ (not in the breathing module) because two layers follow it: the breathing module and
 * audio/. Audio never imports a module (DESIGN.md §2, §6), so the clock they share sits below both.
 *
 * One clock, many listeners: the visual pacer, the screen-reader announcements and the audio breath cue all
 * follow the same `schedule()` times. The audio layer receives the schedule and the clock's origin and
 * places its cues on the audio clock at exactly those times; it never runs a timer of its own. That way a
 * pause, a late timer or a slow phone cannot make the sound drift away from what the eyes see.
 */

export type BreathPhase = 'inhale' | 'hold' | 'exhale' | 'rest';

export interface PhaseStep {
  readonly phase: BreathPhase;
  /** Length of the phase in seconds; > 0. */
  readonly seconds: number;
}

export interface BreathPattern {
  readonly id: string;
  /** One breath cycle, in order. */
  readonly phases: readonly PhaseStep[];
  /** At most this many cycles in one go, whatever length was chosen (4-7-8: about four, Weil). */
  readonly maxCycles?: number;
}

/** One phase placed on the timeline, in seconds from the start of the exercise. */
export interface ScheduledPhase {
  readonly phase: BreathPhase;
  readonly start: number;
  readonly end: number;
  /** 0-based breath cycle this phase belongs to. */
  readonly cycle: number;
}

export type PatternId = 'slow-exhale' | 'slow-exhale-pause' | 'box' | '4-7-8' | 'coherent';

/**
 * The patterns CLINICAL.md §2 asks for. Timings are the commonly taught ones; a therapist plan or the
 * person may later pick another, so nothing below hard-codes them.
 */
export const PATTERNS: { readonly [K in PatternId]: BreathPattern & { readonly id: K } } = {
  // Slow-exhale breathing, as in Prolonged Exposure's breathing retraining: an ordinary in-breath and a
  // longer, slow out-breath (Foa, Hembree, Rothbaum & Rauch, "Prolonged Exposure Therapy for PTSD",
  // Therapist Guide, 2nd ed., Oxford University Press 2019, session 1). A longer exhale than inhale is the
  // active ingredient.
  'slow-exhale': {
    id: 'slow-exhale',
    phases: [
      { phase: 'inhale', seconds: 4 },
      { phase: 'exhale', seconds: 6 },
    ],
  },
  // Same, with the short pause after the out-breath that PE's breathing retraining teaches
  // (Foa et al. 2019: pause before the next breath).
  'slow-exhale-pause': {
    id: 'slow-exhale-pause',
    phases: [
      { phase: 'inhale', seconds: 4 },
      { phase: 'exhale', seconds: 6 },
      { phase: 'rest', seconds: 2 },
    ],
  },
  // Box breathing 4-4-4-4 (equal inhale, hold, exhale, hold), one of the practices compared in
  // Balban et al., "Brief structured respiration practices enhance mood and reduce physiological arousal",
  // Cell Reports Medicine 2023;4:100895.
  box: {
    id: 'box',
    phases: [
      { phase: 'inhale', seconds: 4 },
      { phase: 'hold', seconds: 4 },
      { phase: 'exhale', seconds: 4 },
      { phase: 'hold', seconds: 4 },
    ],
  },
  // 4-7-8 "relaxing breath" (popularised by A. Weil from pranayama; studied e.g. in Vierra et al.,
  // Physiological Reports 2022;10:e15389). The long hold is demanding: offered, never the default, and kept
  // to four cycles at a time, as Weil advises (CLINICAL.md §2) — a longer chosen length still ends there.
  '4-7-8': {
    id: '4-7-8',
    maxCycles: 4,
    phases: [
      { phase: 'inhale', seconds: 4 },
      { phase: 'hold', seconds: 7 },
      { phase: 'exhale', seconds: 8 },
    ],
  },
  // Coherent / resonance-frequency breathing at about 5.5 breaths a minute (≈0.1 Hz), where heart-rate
  // variability peaks (Lehrer, Vaschillo & Vaschillo, Appl Psychophysiol Biofeedback 2000;25:177;
  // Lehrer & Gevirtz, Front Psychol 2014;5:756). 5.45 s + 5.45 s = 10.9 s ≈ 5.5 breaths/min.
  coherent: {
    id: 'coherent',
    phases: [
      { phase: 'inhale', seconds: 5.45 },
      { phase: 'exhale', seconds: 5.45 },
    ],
  },
};

export function isPatternId(id: string): id is PatternId {
  return Object.prototype.hasOwnProperty.call(PATTERNS, id);
}

/** Seconds of one full cycle of the pattern. */
export function cycleSeconds(pattern: BreathPattern): number {
  return pattern.phases.reduce((sum, p) => sum + p.seconds, 0);
}

/** Breaths per minute of the pattern (one inhale per cycle). */
export function breathsPerMinute(pattern: BreathPattern): number {
  const cycle = cycleSeconds(pattern);
  return cycle > 0 ? 60 / cycle : 0;
}

// Sums of decimals like 5.45 drift (10.899999…); times are kept to the microsecond, far below anything a
// person or an audio buffer can resolve, so equal times compare equal in tests and in the clock.
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * Lay the pattern out over `totalSeconds`.
 *
 * Whole cycles are preferred: the exercise ends after the last cycle that fits, so it never stops halfway
 * through a hold or an out-breath (ending a 4-7-8 mid-hold would leave the person holding their breath).
 * Only when not even one cycle fits is the single cycle cut at `totalSeconds` (the last phase shortened).
 * A pattern's `maxCycles` ends it sooner: 4-7-8 stops after four breaths even when five minutes were chosen.
 * Phases with a non-positive or non-finite length are ignored; a bad total gives an empty schedule.
 */
export function schedule(pattern: BreathPattern, totalSeconds: number): ScheduledPhase[] {
  const steps = pattern.phases.filter((p) => Number.isFinite(p.seconds) && p.seconds > 0);
  const cycle = steps.reduce((sum, p) => sum + p.seconds, 0);
  if (steps.length === 0 || !Number.isFinite(totalSeconds) || totalSeconds <= 0) return [];

  const out: ScheduledPhase[] = [];
  const cap = pattern.maxCycles !== undefined && pattern.maxCycles >= 1 ? Math.floor(pattern.maxCycles) : Infinity;
  const wholeCycles = Math.min(cap, Math.floor(round6(totalSeconds / cycle)));
  if (wholeCycles >= 1) {
    for (let c = 0; c < wholeCycles; c++) {
      // Each cycle starts at c × cycle (not at the previous end) so rounding never accumulates.
      let t = c * cycle;
      for (const step of steps) {
        out.push({ phase: step.phase, start: round6(t), end: round6(t + step.seconds), cycle: c });
        t += step.seconds;
      }
    }
    return out;
  }

  // Shorter than one cycle: cut at totalSeconds.
  let t = 0;
  for (const step of steps) {
    if (t >= totalSeconds) break;
    const end = Math.min(t + step.seconds, totalSeconds);
    out.push({ phase: step.phase, start: round6(t), end: round6(end), cycle: 0 });
    t += step.seconds;
  }
  return out;
}

/** Total length of a schedule in seconds (0 when empty). */
export function scheduleSeconds(sched: readonly ScheduledPhase[]): number {
  return sched.length === 0 ? 0 : (sched[sched.length - 1]?.end ?? 0);
}

export interface PhasePosition {
  readonly phase: BreathPhase;
  /** Index into the schedule. */
  readonly index: number;
  readonly cycle: number;
  /** Seconds left in this phase. */
  readonly remaining: number;
  /** 0 at the start of the phase, approaching 1 at its end. */
  readonly progress: number;
}

/** Index of the phase containing `t` (start ≤ t < end), or -1 before/after the schedule. */
function indexAt(sched: readonly ScheduledPhase[], t: number): number {
  let lo = 0;
  let hi = sched.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = sched[mid];
    if (!e) return -1;
    if (t < e.start) hi = mid - 1;
    else if (t >= e.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Where we are after `elapsedSeconds`: current phase, seconds remaining, progress 0..1.
 * Negative elapsed counts as the very start; `null` once the schedule is over (or empty).
 */
export function phaseAt(sched: readonly ScheduledPhase[], elapsedSeconds: number): PhasePosition | null {
  const t = Math.max(0, elapsedSeconds);
  const index = indexAt(sched, t);
  const e = sched[index];
  if (!e) return null;
  const length = e.end - e.start;
  return {
    phase: e.phase,
    index,
    cycle: e.cycle,
    remaining: round6(e.end - t),
    progress: length > 0 ? Math.min(1, Math.max(0, (t - e.start) / length)) : 1,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Clock
// ---------------------------------------------------------------------------------------------------------

export type PacerStatus = 'idle' | 'running' | 'paused' | 'done';

export type PacerEvent =
  /** A phase began (also the first phase on start). Late timers never produce a burst: only the current
   *  phase is reported, so a screen reader is not flooded after the tab was in the background. */
  | { readonly type: 'phase'; readonly entry: ScheduledPhase; readonly index: number }
  /** Running from `origin` (ms on the injected clock at which elapsed was 0). Sent on start and resume:
   *  the audio layer schedules its cues from this origin. */
  | { readonly type: 'running'; readonly origin: number; readonly elapsed: number }
  | { readonly type: 'paused'; readonly elapsed: number }
  | { readonly type: 'done' }
  | { readonly type: 'stopped' };

export interface PacerClockOptions {
  readonly schedule: readonly ScheduledPhase[];
  /** Milliseconds; monotonic in the browser (performance.now). Defaults to performance.now. */
  readonly now?: () => number;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

export interface PacerClock {
  readonly status: PacerStatus;
  /** `now()` value at which elapsed time was 0, shifted forward by every pause; null unless running. */
  readonly origin: number | null;
  readonly schedule: readonly ScheduledPhase[];
  /** Seconds of the exercise done so far (frozen while paused). */
  elapsed(): number;
  /** Current position, for drawing; null when idle or done. */
  position(): PhasePosition | null;
  /**
   * Begin, `fromElapsed` seconds into the schedule (default 0). A later start point continues an exercise
   * whose clock was lost (page reloaded, view re-mounted) exactly where it stood, like `resume()` does.
   */
  start(fromElapsed?: number): void;
  pause(): void;
  resume(): void;
  /** Stop for good (leaving the exercise). */
  stop(): void;
  /** Listen to phase changes and state changes; returns the unsubscribe function. */
  subscribe(listener: (event: PacerEvent) => void): () => void;
}

// A timer that fires a hair early (or float error at exact boundaries) still counts as "the phase began",
// instead of re-arming a zero-length timer in a loop.
const EDGE_MS = 1;

/**
 * A clock that emits phase changes at the schedule's times relative to its start, with pause/resume that
 * keeps phases aligned: resuming continues from the exact elapsed time at which it paused.
 * Time source and timers are injected so tests run it with vitest's fake timers.
 */
export function createPacerClock(options: PacerClockOptions): PacerClock {
  const sched = options.schedule;
  const now = options.now ?? (() => performance.now());
  const setTimer = options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const total = scheduleSeconds(sched);
  const listeners = new Set<(event: PacerEvent) => void>();

  let status: PacerStatus = 'idle';
  let origin: number | null = null;
  let pausedElapsed = 0;
  let current = -1;
  let timer: unknown = null;
  // Bumped on every start/pause/resume/stop, so a tick that a listener overtook (e.g. stop then start
  // from inside a 'phase' listener) cannot arm a second timer.
  let generation = 0;

  const emit = (event: PacerEvent): void => {
    for (const fn of [...listeners]) fn(event);
  };
  const disarm = (): void => {
    if (timer !== null) clearTimer(timer);
    timer = null;
  };
  const elapsedMs = (): number => {
    if (status === 'running' && origin !== null) return now() - origin;
    if (status === 'paused') return pausedElapsed * 1000;
    if (status === 'done') return total * 1000;
    return 0;
  };

  const finish = (): void => {
    generation++;
    disarm();
    status = 'done';
    origin = null;
    current = -1;
    emit({ type: 'done' });
  };

  // Look at the time, report a new phase if one began, and arm a timer for the next boundary.
  const tick = (): void => {
    timer = null;
    const gen = generation;
    if (status !== 'running' || origin === null) return;
    const ms = now() - origin + EDGE_MS;
    if (ms >= total * 1000) {
      finish();
      return;
    }
    const index = indexAt(sched, ms / 1000);
    const entry = sched[index];
    if (!entry) {
      finish();
      return;
    }
    if (index !== current) {
      current = index;
      emit({ type: 'phase', entry, index });
      // A listener may have paused, stopped or restarted the clock.
      if (gen !== generation || status !== 'running' || origin === null) return;
    }
    const delay = Math.max(EDGE_MS, origin + entry.end * 1000 - now());
    timer = setTimer(tick, delay);
  };

  return {
    get status() {
      return status;
    },
    get origin() {
      return status === 'running' ? origin : null;
    },
    schedule: sched,
    elapsed: () => elapsedMs() / 1000,
    position: () => (status === 'running' || status === 'paused' ? phaseAt(sched, elapsedMs() / 1000) : null),
    start(fromElapsed = 0) {
      if (status === 'running' || status === 'paused') return;
      if (sched.length === 0) {
        status = 'done';
        emit({ type: 'done' });
        return;
      }
      const from = Number.isFinite(fromElapsed) ? Math.min(total, Math.max(0, fromElapsed)) : 0;
      generation++;
      status = 'running';
      origin = now() - from * 1000;
      current = -1;
      emit({ type: 'running', origin, elapsed: from });
      tick();
    },
    pause() {
      if (status !== 'running' || origin === null) return;
      generation++;
      pausedElapsed = Math.min(total, (now() - origin) / 1000);
      disarm();
      status = 'paused';
      origin = null;
      emit({ type: 'paused', elapsed: pausedElapsed });
    },
    resume() {
      if (status !== 'paused') return;
      generation++;
      status = 'running';
      // Shift the origin so that elapsed continues exactly where it stopped: every later boundary keeps its
      // place in the schedule, and listeners re-derive their times from the new origin.
      origin = now() - pausedElapsed * 1000;
      emit({ type: 'running', origin, elapsed: pausedElapsed });
      tick();
    },
    stop() {
      if (status === 'idle' || status === 'done') return;
      generation++;
      disarm();
      status = 'idle';
      origin = null;
      current = -1;
      pausedElapsed = 0;
      emit({ type: 'stopped' });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The audio facade the UI uses. It never imports Tone.js: the first `setEnabled(true)` — which must run in
 * a click or key handler — creates and resumes the AudioContext inside that gesture, then loads the engine
 * (and with it Tone.js) with `import('./engine')`. DESIGN.md §6: Tone stays off the first screen's path, and
 * the AudioContext starts only from a user gesture.
 *
 * What it promises (and tests/audio checks in Chromium):
 * - states 'off' | 'loading' | 'on' | 'error', observable with `subscribe` (Svelte store contract);
 * - every start and stop is a fade of seconds, never a cut (levels.ts);
 * - sound stops by itself after the app has been in the background for a minute, and comes back only when
 *   the person turns it on again;
 * - breath cues are placed from the pacer's own schedule and origin, never from a timer of ours.
 *
 * Persisting the person's choice is the app's job: `onChange` reports each explicit on/off.
 */
import type { PacerClock, ScheduledPhase } from '../flow/pacer';
import { AUDIO_COPY, type AudioErrorKind, type SoundscapeId } from './catalog';
import { HIDDEN_STOP_MS, LEVELS, RESUME_TIMEOUT_MS } from './levels';
import type { Engine, EngineModule } from './types';

export { SOUNDSCAPES, DEFAULT_SOUNDSCAPE, isSoundscapeId, soundscapeInfo, AUDIO_COPY } from './catalog';
export type { SoundscapeId, SoundscapeInfo, AudioErrorKind } from './catalog';

export type AudioState =
  /** `reason`: 'initial' before the first start on this page, 'user' when switched off, 'hidden' when it
   *  stopped by itself in the background. */
  | { readonly status: 'off'; readonly reason: 'initial' | 'user' | 'hidden' }
  | { readonly status: 'loading' }
  | { readonly status: 'on'; readonly soundscape: SoundscapeId | null }
  | { readonly status: 'error'; readonly kind: AudioErrorKind; readonly message: string };

export interface AudioController {
  /** The current state. */
  readonly state: AudioState;
  /** Called at once with the current state and on every change; returns the unsubscribe function. */
  subscribe(listener: (state: AudioState) => void): () => void;
  /** Called with the person's choice each time they switch sound on or off (to persist it). */
  onChange(listener: (enabled: boolean) => void): () => void;
  /**
   * Switch sound on or off. Call `true` only from a user gesture (click/keydown handler), synchronously:
   * the AudioContext is created and resumed before the first await. With `soundscape`, that one starts;
   * otherwise the last chosen one (if any) comes back.
   */
  setEnabled(on: boolean, options?: { soundscape?: SoundscapeId }): Promise<void>;
  /** Fade to this soundscape (crossfade if another is playing). When sound is off, it is remembered for
   *  the next `setEnabled(true)`. */
  play(id: SoundscapeId): void;
  /** Fade the soundscape out (≥2 s); breath cues, if any, continue. */
  stop(): void;
  /** The person's volume 0–1, under the fixed cap. */
  setVolume(volume: number): void;
  /**
   * Sound a breath cue at each phase of `schedule`, elapsed 0 being `startAtPerfMs` (a performance.now()
   * time, e.g. the pacer clock's origin). Replaces earlier cues; kept until `cancelBreathCues`, and placed
   * again if sound is switched back on.
   */
  scheduleBreathCues(schedule: readonly ScheduledPhase[], startAtPerfMs: number): void;
  cancelBreathCues(): void;
}

type Timer = unknown;

export interface AudioDeps {
  /** Loads the engine; defaults to `import('./engine')`. */
  loadEngine?: () => Promise<EngineModule>;
  /** Creates the page's AudioContext; null when the browser has none. */
  createContext?: () => AudioContext | null;
  /** Source of visibility changes; defaults to `document` (none outside a browser). */
  visibility?: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'> | null;
  setTimer?: (fn: () => void, ms: number) => Timer;
  clearTimer?: (handle: Timer) => void;
  hiddenStopMs?: number;
  resumeTimeoutMs?: number;
  /** Whether the page has had a user gesture yet; defaults to navigator.userActivation where it exists. */
  hasBeenActive?: () => boolean;
}

function defaultContext(): AudioContext | null {
  const Ctor =
    globalThis.AudioContext ??
    (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext ??
    undefined;
  if (!Ctor) return null;
  // 'playback': ambient sound and cues scheduled ahead do not need low latency; a larger buffer saves
  // battery and avoids glitches on slow phones.
  return new Ctor({ latencyHint: 'playback' });
}

const errorState = (kind: AudioErrorKind): AudioState => ({ status: 'error', kind, message: AUDIO_COPY.errors[kind] });

class TimeoutError extends Error {}

export function createAudio(deps: AudioDeps = {}): AudioController {
  const loadEngine =
    deps.loadEngine ??
    (() => {
      (globalThis as { TONE_SILENCE_LOGGING?: boolean }).TONE_SILENCE_LOGGING = true;
      return import('./engine');
    });
  const createContext = deps.createContext ?? defaultContext;
  const setTimer = deps.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h: Timer) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const hiddenStopMs = deps.hiddenStopMs ?? HIDDEN_STOP_MS;
  const resumeTimeoutMs = deps.resumeTimeoutMs ?? RESUME_TIMEOUT_MS;
  const hasBeenActive =
    deps.hasBeenActive ??
    (() => (globalThis.navigator as { userActivation?: { hasBeenActive: boolean } } | undefined)?.userActivation?.hasBeenActive ?? true);

  let state: AudioState = { status: 'off', reason: 'initial' };
  const listeners = new Set<(s: AudioState) => void>();
  const changeListeners = new Set<(on: boolean) => void>();

  let raw: AudioContext | null = null;
  let engine: Engine | null = null;
  let loading: Promise<Engine> | null = null;
  let desired: SoundscapeId | null = null;
  let volume = 1;
  let cues: { schedule: readonly ScheduledPhase[]; startAtPerfMs: number } | null = null;
  /** Bumped by every on/off, so work finishing late (a load, a fade) knows it was overtaken. */
  let generation = 0;
  let hiddenTimer: Timer | null = null;
  let suspendTimer: Timer | null = null;
  let watching = false;

  const setState = (next: AudioState): void => {
    state = next;
    for (const fn of [...listeners]) fn(next);
  };
  const reportChange = (on: boolean): void => {
    for (const fn of [...changeListeners]) fn(on);
  };

  const visibility =
    deps.visibility !== undefined ? deps.visibility : typeof document === 'undefined' ? null : document;

  const onVisibility = (): void => {
    if (!visibility) return;
    if (visibility.visibilityState === 'hidden') {
      if ((state.status === 'on' || state.status === 'loading') && hiddenTimer === null) {
        hiddenTimer = setTimer(() => {
          hiddenTimer = null;
          if (visibility.visibilityState === 'hidden') silence({ status: 'off', reason: 'hidden' });
        }, hiddenStopMs);
      }
    } else if (hiddenTimer !== null) {
      clearTimer(hiddenTimer);
      hiddenTimer = null;
    }
  };
  const watchVisibility = (): void => {
    if (watching || !visibility) return;
    watching = true;
    visibility.addEventListener('visibilitychange', onVisibility);
  };

  /** Fade everything out, then let the AudioContext sleep (battery), unless switched on again meanwhile. */
  const silence = (next: AudioState): void => {
    generation++;
    const gen = generation;
    if (hiddenTimer !== null) clearTimer(hiddenTimer);
    hiddenTimer = null;
    setState(next);
    const e = engine;
    if (!e) return;
    try {
      e.stopAll();
    } catch {
      // Stopping must never throw at the person; the context is suspended below anyway.
    }
    if (suspendTimer !== null) clearTimer(suspendTimer);
    suspendTimer = setTimer(
      () => {
        suspendTimer = null;
        if (gen === generation) void e.suspend().catch(() => {});
      },
      Math.max(LEVELS.fadeOutS, LEVELS.cueCancelS) * 1000 + 250,
    );
  };

  const withTimeout = <T,>(p: Promise<T>, ms: number): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const h = setTimer(() => reject(new TimeoutError('resume timed out')), ms);
      p.then(
        (v) => {
          clearTimer(h);
          resolve(v);
        },
        (err: unknown) => {
          clearTimer(h);
          reject(err);
        },
      );
    });

  const applyWanted = (e: Engine): void => {
    e.setVolume(volume);
    if (desired) e.play(desired);
    else e.stopSoundscape();
    if (cues) e.scheduleBreathCuesAtPerf(cues.schedule, cues.startAtPerfMs);
  };

  const controller: AudioController = {
    get state() {
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(state);
      return () => listeners.delete(listener);
    },
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },

    async setEnabled(on, options) {
      if (!on) {
        if (state.status === 'off' && state.reason === 'user') return;
        silence({ status: 'off', reason: 'user' });
        reportChange(false);
        return;
      }

      if (state.status === 'on' && engine) {
        if (options?.soundscape) controller.play(options.soundscape);
        return;
      }
      if (options?.soundscape) desired = options.soundscape;
      if (state.status === 'loading') return;
      // No tap or key press on this page yet (e.g. an exercise opened from a link or a reload): the browser
      // would only make a suspended context and warn in the console. Say "tap to start" instead, load nothing.
      if (!hasBeenActive()) {
        setState(errorState('blocked'));
        return;
      }

      generation++;
      const gen = generation;
      if (suspendTimer !== null) clearTimer(suspendTimer);
      suspendTimer = null;
      reportChange(true);

      // Inside the gesture, before any await: create the context and ask it to run. Safari only lets an
      // AudioContext start in the gesture's own call stack; Chrome remembers the gesture either way.
      if (raw?.state === 'closed') {
        engine?.dispose();
        engine = null;
        loading = null;
        raw = null;
      }
      if (!raw) {
        try {
          raw = createContext();
        } catch {
          raw = null;
        }
        if (!raw) {
          setState(errorState('unsupported'));
          return;
        }
      }
      const ctx = raw;
      const resumed = ctx.resume().catch(() => {});
      setState({ status: 'loading' });
      watchVisibility();

      let e: Engine;
      try {
        loading ??= loadEngine().then((m) => m.startEngine(ctx));
        e = await loading;
        engine = e;
      } catch {
        loading = null;
        void ctx.suspend().catch(() => {});
        if (gen === generation) setState(errorState('load-failed'));
        return;
      }
      if (gen !== generation) {
        // Switched off (or stopped in the background) while loading: do not leave the context running.
        if (state.status === 'off') void ctx.suspend().catch(() => {});
        return;
      }

      try {
        await withTimeout(Promise.all([resumed, e.resume()]), resumeTimeoutMs);
      } catch (err) {
        if (gen === generation) setState(errorState(err instanceof TimeoutError ? 'blocked' : 'failed'));
        return;
      }
      if (gen !== generation) return;

      try {
        applyWanted(e);
      } catch {
        setState(errorState('failed'));
        return;
      }
      setState({ status: 'on', soundscape: e.soundscape });
      // Hidden already while it was loading: start counting now.
      onVisibility();
    },

    play(id) {
      desired = id;
      if (state.status === 'on' && engine) {
        try {
          engine.play(id);
          setState({ status: 'on', soundscape: engine.soundscape });
        } catch {
          setState(errorState('failed'));
        }
      }
    },

    stop() {
      desired = null;
      if (state.status === 'on' && engine) {
        engine.stopSoundscape();
        setState({ status: 'on', soundscape: null });
      }
    },

    setVolume(v) {
      volume = Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : volume;
      if (state.status === 'on' && engine) engine.setVolume(volume);
    },

    scheduleBreathCues(schedule, startAtPerfMs) {
      cues = { schedule, startAtPerfMs };
      if (state.status === 'on' && engine) engine.scheduleBreathCuesAtPerf(schedule, startAtPerfMs);
    },

    cancelBreathCues() {
      cues = null;
      if (engine && state.status === 'on') engine.cancelBreathCues();
    },
  };
  return controller;
}

/** The app's one audio controller. */
export const audio: AudioController = createAudio();

/**
 * Let the breath cue follow a pacer clock: cues are (re)placed from the clock's origin whenever it runs,
 * and cancelled when it pauses, stops or ends. The clock must use performance.now() (its default) so its
 * origin is on the same time base as `scheduleBreathCues`. Returns the function that unlinks them.
 */
export function followPacer(
  clock: Pick<PacerClock, 'subscribe' | 'schedule' | 'origin' | 'status'>,
  controller: AudioController = audio,
): () => void {
  if (clock.status === 'running' && clock.origin !== null) {
    controller.scheduleBreathCues(clock.schedule, clock.origin);
  }
  const off = clock.subscribe((event) => {
    if (event.type === 'running') controller.scheduleBreathCues(clock.schedule, event.origin);
    else if (event.type === 'paused' || event.type === 'stopped' || event.type === 'done') {
      controller.cancelBreathCues();
    }
  });
  return () => {
    off();
    controller.cancelBreathCues();
  };
}

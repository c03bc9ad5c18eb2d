/**
 * The facade's promises, with a fake engine, a fake AudioContext, fake visibility and manual timers, so
 * each rule is checked exactly (the real engine is covered by offline.ts and the real click in run.mjs).
 */
import { createAudio, followPacer, type AudioController, type AudioState } from '../../src/audio/index';
import { HIDDEN_STOP_MS, LEVELS, RESUME_TIMEOUT_MS } from '../../src/audio/levels';
import type { Engine, EngineModule } from '../../src/audio/types';
import type { SoundscapeId } from '../../src/audio/catalog';
import { createPacerClock, PATTERNS, schedule } from '../../src/flow/pacer';
import { assert, check, type CheckResult } from './checks';

function manualTimers() {
  let now = 0;
  let nextId = 0;
  const queue = new Map<number, { at: number; fn: () => void }>();
  return {
    set: (fn: () => void, ms: number): unknown => {
      const id = ++nextId;
      queue.set(id, { at: now + ms, fn });
      return id;
    },
    clear: (h: unknown): void => {
      queue.delete(h as number);
    },
    now: () => now,
    advance(ms: number): void {
      const end = now + ms;
      for (;;) {
        let first: [number, { at: number; fn: () => void }] | null = null;
        for (const entry of queue) if (entry[1].at <= end && (!first || entry[1].at < first[1].at)) first = entry;
        if (!first) break;
        queue.delete(first[0]);
        now = first[1].at;
        first[1].fn();
      }
      now = end;
    },
  };
}

function fakeContext(opts: { resumes?: boolean } = {}) {
  const calls = { resume: 0, suspend: 0 };
  const ctx = {
    state: 'suspended' as AudioContextState,
    resume() {
      calls.resume++;
      if (opts.resumes === false) return new Promise<void>(() => {});
      ctx.state = 'running';
      return Promise.resolve();
    },
    suspend() {
      calls.suspend++;
      ctx.state = 'suspended';
      return Promise.resolve();
    },
  };
  return { ctx: ctx as unknown as AudioContext, calls };
}

function fakeEngine(log: string[], opts: { resumes?: boolean } = {}): Engine {
  let soundscape: SoundscapeId | null = null;
  return {
    get soundscape() {
      return soundscape;
    },
    play(id) {
      log.push(`play ${id}`);
      soundscape = id;
    },
    stopSoundscape() {
      log.push('stopSoundscape');
      soundscape = null;
    },
    stopAll() {
      log.push('stopAll');
      soundscape = null;
    },
    setVolume(v) {
      log.push(`volume ${v}`);
    },
    scheduleBreathCues(s, at) {
      log.push(`cues ${s.length} @${at}`);
      return s.length;
    },
    scheduleBreathCuesAtPerf(s, at) {
      log.push(`cues ${s.length} @perf ${at}`);
      return s.length;
    },
    cancelBreathCues() {
      log.push('cancelCues');
    },
    contextTimeAt: (ms) => ms / 1000,
    resume: () => (opts.resumes === false ? new Promise<void>(() => {}) : Promise.resolve()),
    async suspend() {
      log.push('suspend');
    },
    dispose() {
      log.push('dispose');
    },
  };
}

class FakeVisibility extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';
  set(state: DocumentVisibilityState): void {
    this.visibilityState = state;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

/** Let awaited promises inside the facade settle. */
const settle = () => new Promise<void>((r) => setTimeout(r, 0));

function rig(
  opts: { load?: () => Promise<EngineModule>; context?: AudioContext | null; resumes?: boolean; active?: boolean } = {},
) {
  const log: string[] = [];
  const timers = manualTimers();
  const visibility = new FakeVisibility();
  const fc = fakeContext({ resumes: opts.resumes });
  let loads = 0;
  const states: AudioState[] = [];
  const changes: boolean[] = [];
  const ctl: AudioController = createAudio({
    loadEngine: () => {
      loads++;
      return opts.load ? opts.load() : Promise.resolve({ startEngine: async () => fakeEngine(log, opts) });
    },
    createContext: () => (opts.context === undefined ? fc.ctx : opts.context),
    visibility: visibility as unknown as Document,
    setTimer: timers.set,
    clearTimer: timers.clear,
    hasBeenActive: () => opts.active ?? true,
  });
  ctl.subscribe((s) => states.push(s));
  ctl.onChange((on) => changes.push(on));
  return { ctl, log, timers, visibility, calls: fc.calls, states, changes, loads: () => loads };
}

const show = (s: AudioState): string =>
  s.status === 'off' ? `off(${s.reason})` : s.status === 'on' ? `on(${s.soundscape ?? '-'})` : s.status === 'error' ? `error(${s.kind})` : s.status;

export async function runFacadeChecks(): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const add = async (name: string, fn: () => Promise<string> | string) => results.push(await check(name, fn));

  await add('facade: subscribe follows the Svelte store contract (called at once, unsubscribes)', () => {
    const { ctl } = rig();
    const seen: string[] = [];
    const off = ctl.subscribe((s) => seen.push(show(s)));
    off();
    ctl.play('evening');
    assert(seen.join() === 'off(initial)', `saw ${seen.join()}`);
    return seen.join();
  });

  await add('facade: the AudioContext is created and resumed inside the gesture, before any await', async () => {
    const r = rig();
    const p = r.ctl.setEnabled(true, { soundscape: 'low-hum' });
    assert(r.calls.resume === 1, `resume called ${r.calls.resume} times synchronously`);
    assert(r.ctl.state.status === 'loading', `state ${show(r.ctl.state)} right after the click`);
    await p;
    return 'resume() ran in the click handler';
  });

  await add('facade: first on loads the engine once and plays the chosen soundscape', async () => {
    const r = rig();
    await r.ctl.setEnabled(true, { soundscape: 'low-hum' });
    await r.ctl.setEnabled(true);
    const seq = r.states.map(show).join(' → ');
    assert(seq === 'off(initial) → loading → on(low-hum)', seq);
    assert(r.loads() === 1, `engine loaded ${r.loads()} times`);
    assert(r.changes.join() === 'true', `onChange ${r.changes.join()}`);
    return seq;
  });

  await add('facade: off fades everything out, reports the choice, suspends the context only after the fade', async () => {
    const r = rig();
    await r.ctl.setEnabled(true, { soundscape: 'soft-rain' });
    await r.ctl.setEnabled(false);
    assert(r.log.includes('stopAll'), `engine log ${r.log.join(', ')}`);
    assert(show(r.ctl.state) === 'off(user)', show(r.ctl.state));
    assert(r.changes.join() === 'true,false', `onChange ${r.changes.join()}`);
    assert(!r.log.includes('suspend'), 'suspended before the fade finished');
    r.timers.advance(LEVELS.fadeOutS * 1000 - 10);
    assert(!r.log.includes('suspend'), 'suspended before the fade finished');
    r.timers.advance(1000);
    assert(r.log.includes('suspend'), 'never suspended');
    return r.log.join(', ');
  });

  await add('facade: on again needs no second load and brings back the soundscape and breath cues', async () => {
    const r = rig();
    await r.ctl.setEnabled(true, { soundscape: 'evening' });
    await r.ctl.setEnabled(false);
    r.ctl.scheduleBreathCues(schedule(PATTERNS.box, 16), 1234);
    assert(!r.log.some((l) => l.startsWith('cues')), 'cues placed while off');
    await r.ctl.setEnabled(true);
    assert(r.loads() === 1, `engine loaded ${r.loads()} times`);
    assert(show(r.ctl.state) === 'on(evening)', show(r.ctl.state));
    assert(r.log.includes('cues 4 @perf 1234'), `engine log ${r.log.join(', ')}`);
    return r.log.join(', ');
  });

  await add(`facade: hidden for more than ${HIDDEN_STOP_MS / 1000} s stops by itself and stays off when visible again`, async () => {
    const r = rig();
    await r.ctl.setEnabled(true, { soundscape: 'low-hum' });
    r.visibility.set('hidden');
    r.timers.advance(HIDDEN_STOP_MS - 1000);
    assert(show(r.ctl.state) === 'on(low-hum)', `stopped early: ${show(r.ctl.state)}`);
    r.timers.advance(2000);
    assert(show(r.ctl.state) === 'off(hidden)', show(r.ctl.state));
    assert(r.log.includes('stopAll'), 'engine not stopped');
    r.visibility.set('visible');
    await settle();
    assert(show(r.ctl.state) === 'off(hidden)', `came back by itself: ${show(r.ctl.state)}`);
    assert(r.changes.join() === 'true', `the auto-stop changed the stored choice: ${r.changes.join()}`);
    await r.ctl.setEnabled(true);
    assert(show(r.ctl.state) === 'on(low-hum)', `asked again: ${show(r.ctl.state)}`);
    return r.states.map(show).join(' → ');
  });

  await add('facade: a short trip to the background changes nothing', async () => {
    const r = rig();
    await r.ctl.setEnabled(true, { soundscape: 'low-hum' });
    r.visibility.set('hidden');
    r.timers.advance(HIDDEN_STOP_MS / 2);
    r.visibility.set('visible');
    r.timers.advance(HIDDEN_STOP_MS * 2);
    assert(show(r.ctl.state) === 'on(low-hum)', show(r.ctl.state));
    assert(!r.log.includes('stopAll'), 'stopped');
    return 'still on';
  });

  await add('facade: switched off while loading, nothing plays once the engine arrives', async () => {
    let release: (m: EngineModule) => void = () => {};
    const log: string[] = [];
    const r = rig({ load: () => new Promise<EngineModule>((res) => (release = res)) });
    const p = r.ctl.setEnabled(true, { soundscape: 'low-hum' });
    await r.ctl.setEnabled(false);
    release({ startEngine: async () => fakeEngine(log) });
    await p;
    await settle();
    assert(!log.some((l) => l.startsWith('play')), `engine log ${log.join(', ')}`);
    assert(show(r.ctl.state) === 'off(user)', show(r.ctl.state));
    assert(r.calls.suspend >= 1, 'context left running');
    return r.states.map(show).join(' → ');
  });

  await add('facade: a failed load says so, and a later try works', async () => {
    let fail = true;
    const log: string[] = [];
    const r = rig({
      load: () => (fail ? Promise.reject(new Error('chunk missing')) : Promise.resolve({ startEngine: async () => fakeEngine(log) })),
    });
    await r.ctl.setEnabled(true, { soundscape: 'low-hum' });
    assert(r.ctl.state.status === 'error' && r.ctl.state.kind === 'load-failed', show(r.ctl.state));
    assert(r.ctl.state.message.length > 0, 'no message');
    fail = false;
    await r.ctl.setEnabled(true);
    assert(show(r.ctl.state) === 'on(low-hum)', show(r.ctl.state));
    return r.states.map(show).join(' → ');
  });

  await add('facade: no Web Audio in the browser → "unsupported", nothing loaded', async () => {
    const r = rig({ context: null });
    await r.ctl.setEnabled(true);
    assert(r.ctl.state.status === 'error' && r.ctl.state.kind === 'unsupported', show(r.ctl.state));
    assert(r.loads() === 0, 'engine loaded anyway');
    return show(r.ctl.state);
  });

  await add('facade: a context the browser never lets run → "blocked" after the timeout', async () => {
    const r = rig({ resumes: false });
    const p = r.ctl.setEnabled(true);
    await settle();
    await settle();
    r.timers.advance(RESUME_TIMEOUT_MS + 10);
    await p;
    assert(r.ctl.state.status === 'error' && r.ctl.state.kind === 'blocked', show(r.ctl.state));
    return show(r.ctl.state);
  });

  await add('facade: before any tap on the page, "blocked" at once: no context, no load, no console warning', async () => {
    const r = rig({ active: false });
    await r.ctl.setEnabled(true, { soundscape: 'evening' });
    assert(r.ctl.state.status === 'error' && r.ctl.state.kind === 'blocked', show(r.ctl.state));
    assert(r.calls.resume === 0 && r.loads() === 0, 'created/loaded anyway');
    return show(r.ctl.state);
  });

  await add('facade: play while off is remembered; stop fades the soundscape but keeps the cues', async () => {
    const r = rig();
    r.ctl.play('soft-rain');
    assert(r.loads() === 0, 'play() loaded the engine outside a gesture');
    await r.ctl.setEnabled(true);
    assert(show(r.ctl.state) === 'on(soft-rain)', show(r.ctl.state));
    r.ctl.scheduleBreathCues(schedule(PATTERNS.box, 16), 0);
    r.ctl.stop();
    assert(show(r.ctl.state) === 'on(-)', show(r.ctl.state));
    assert(!r.log.includes('cancelCues'), 'stop() cancelled the cues');
    r.ctl.play('evening');
    assert(show(r.ctl.state) === 'on(evening)', show(r.ctl.state));
    return r.log.join(', ');
  });

  await add('facade: volume is clamped to 0–1 (the cap is never exceeded)', async () => {
    const r = rig();
    r.ctl.setVolume(7);
    await r.ctl.setEnabled(true);
    r.ctl.setVolume(-1);
    const vols = r.log.filter((l) => l.startsWith('volume'));
    assert(vols.join() === 'volume 1,volume 0', vols.join());
    return vols.join(', ');
  });

  await add('followPacer: cues follow the clock origin, cancelled on pause, re-placed on resume', async () => {
    const r = rig();
    await r.ctl.setEnabled(true);
    const t = manualTimers();
    const clock = createPacerClock({ schedule: schedule(PATTERNS.box, 32), now: t.now, setTimer: t.set, clearTimer: t.clear });
    t.advance(500);
    const unlink = followPacer(clock, r.ctl);
    clock.start();
    t.advance(5000);
    clock.pause();
    t.advance(2000);
    clock.resume();
    unlink();
    const cues = r.log.filter((l) => l.startsWith('cues') || l === 'cancelCues');
    assert(cues.join() === 'cues 8 @perf 500,cancelCues,cues 8 @perf 2500,cancelCues', cues.join());
    return cues.join(', ');
  });

  return results;
}

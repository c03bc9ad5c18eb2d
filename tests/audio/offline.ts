/**
 * Offline renders of the real engine, measured sample by sample. Loaded with import() from harness.ts, so
 * Tone.js is fetched only when these run.
 *
 * Why these measurements: the promises of DESIGN.md §6 for sound-sensitive people after a dose are a level
 * cap, fades of seconds, no sudden changes (clicks), and a breath cue that lands with the visual pacer.
 */
import { Context, Gain, OfflineContext, setContext } from '../../src/audio/tone';
import { createEngine, LEVELS } from '../../src/audio/engine';
import { SOUNDSCAPE_BUILDERS } from '../../src/audio/soundscapes';
import { SOUNDSCAPES, SOUNDSCAPE_IDS, type SoundscapeId } from '../../src/audio/catalog';
import {
  createPacerClock,
  PATTERNS,
  schedule,
  type PatternId,
  type ScheduledPhase,
} from '../../src/flow/pacer';
import type { Engine } from '../../src/audio/types';
import { assert, check, type CheckResult } from './checks';

const SR = 44_100;
/** Breath-cue timing renders: low rate keeps five minutes fast; onset timing does not need more. */
const CUE_SR = 8_000;
const CAP = 10 ** (LEVELS.limiterDb / 20);
/**
 * Clicks, measured two ways at 44.1 kHz:
 * - CLICK_STEP: no sample-to-sample step larger than −26 dBFS. Coarse by nature: "Soft rain" at its
 *   normal level already has steps of ~0.02 of its own, and a hard start of it is a step of only ~0.03, so
 *   this alone cannot tell noise from a click (the detector check below shows it).
 * - CLICK_SCORE: the sharp test. A click is broadband: its second difference x[n]−2x[n−1]+x[n−2] stands
 *   far above that of the sound around it (±10 ms), whereas the soundscapes have almost nothing near
 *   Nyquist. The soundscapes score ≤ ~5 (noise), a hard start at the master level ~30.
 */
const CLICK_STEP = 0.05;
const CLICK_SCORE = 12;
/** Breath-cue onsets must land within this of the pacer's schedule (seconds). */
const ONSET_TOLERANCE = 0.02;
/** Below this (−60 dBFS) a sample counts as silence for onset detection. */
const SILENCE = 1e-3;

const dbfs = (x: number): string => (x <= 0 ? '-inf' : (20 * Math.log10(x)).toFixed(1));

type Channels = Float32Array[];

async function render(
  seconds: number,
  sampleRate: number,
  channels: number,
  setup: (context: OfflineContext) => void,
): Promise<Channels> {
  const context = new OfflineContext(channels, seconds, sampleRate);
  // Tone caches its noise buffers through the global context; point it at this one (never let Tone
  // create its default realtime context here: that one would use a Blob-URL worker clock).
  setContext(context);
  setup(context);
  const buffer = await context.render(false);
  const out: Channels = [];
  for (let c = 0; c < buffer.numberOfChannels; c++) out.push(buffer.getChannelData(c));
  return out;
}

function rms(chs: Channels, sr: number, t0: number, t1: number): number {
  let sum = 0;
  let n = 0;
  const a = Math.max(0, Math.floor(t0 * sr));
  for (const ch of chs) {
    const b = Math.min(ch.length, Math.floor(t1 * sr));
    for (let i = a; i < b; i++) {
      const x = ch[i] ?? 0;
      sum += x * x;
      n++;
    }
  }
  return n ? Math.sqrt(sum / n) : 0;
}

function peak(chs: Channels, sr: number, t0 = 0, t1 = Number.POSITIVE_INFINITY): number {
  let p = 0;
  for (const ch of chs) {
    const b = Math.min(ch.length, Math.floor(t1 * sr));
    for (let i = Math.max(0, Math.floor(t0 * sr)); i < b; i++) p = Math.max(p, Math.abs(ch[i] ?? 0));
  }
  return p;
}

function maxStep(chs: Channels, sr: number): { step: number; at: number } {
  let step = 0;
  let at = 0;
  for (const ch of chs) {
    for (let i = 1; i < ch.length; i++) {
      const d = Math.abs((ch[i] ?? 0) - (ch[i - 1] ?? 0));
      if (d > step) {
        step = d;
        at = i / sr;
      }
    }
  }
  return { step, at };
}

/** Largest second difference relative to the second differences within ±10 ms around it. */
function clickScore(chs: Channels, sr: number): { score: number; at: number } {
  const half = Math.round(0.01 * sr);
  const FLOOR = 1e-4; // silence around a sample: compare with this instead of zero
  let score = 0;
  let at = 0;
  for (const ch of chs) {
    const n = ch.length;
    const sq = new Float64Array(n + 1); // prefix sums of d2²
    const d2 = new Float32Array(n);
    for (let i = 2; i < n; i++) {
      const v = (ch[i] ?? 0) - 2 * (ch[i - 1] ?? 0) + (ch[i - 2] ?? 0);
      d2[i] = v;
      sq[i + 1] = (sq[i] ?? 0) + v * v;
    }
    for (let i = 2; i < n; i++) {
      const v = Math.abs(d2[i] ?? 0);
      if (v < FLOOR) continue;
      const a = Math.max(2, i - half);
      const b = Math.min(n, i + half + 1);
      const around = ((sq[b] ?? 0) - (sq[a] ?? 0) - v * v) / Math.max(1, b - a - 1);
      const s = v / Math.max(Math.sqrt(Math.max(0, around)), FLOOR);
      if (s > score) {
        score = s;
        at = i / sr;
      }
    }
  }
  return { score, at };
}

/** Both click measures; throws with where the worst one is. */
function assertNoClick(chs: Channels, sr: number): string {
  const { step, at } = maxStep(chs, sr);
  const c = clickScore(chs, sr);
  assert(step < CLICK_STEP, `step ${step.toFixed(4)} at ${at.toFixed(4)} s`);
  assert(c.score < CLICK_SCORE, `click score ${c.score.toFixed(1)} at ${c.at.toFixed(4)} s`);
  return `largest step ${step.toFixed(4)} (limit ${CLICK_STEP}), click score ${c.score.toFixed(1)} (limit ${CLICK_SCORE})`;
}

/** Onsets: first sample above SILENCE after at least `gap` seconds of silence. */
function onsets(ch: Float32Array, sr: number, gap = 0.3): number[] {
  const out: number[] = [];
  let quiet = gap * sr; // the start of the render counts as silence
  for (let i = 0; i < ch.length; i++) {
    if (Math.abs(ch[i] ?? 0) > SILENCE) {
      if (quiet >= gap * sr) out.push(i / sr);
      quiet = 0;
    } else {
      quiet++;
    }
  }
  return out;
}

function compareOnsets(found: number[], expected: number[]): { max: number; mean: number } {
  assert(
    found.length === expected.length,
    `found ${found.length} cue onsets, expected ${expected.length} (first found: ${found.slice(0, 4).map((t) => t.toFixed(3)).join(', ')})`,
  );
  let max = 0;
  let sum = 0;
  found.forEach((t, i) => {
    const err = Math.abs(t - (expected[i] ?? Number.NaN));
    assert(Number.isFinite(err), `onset ${i} has no expected time`);
    assert(err <= ONSET_TOLERANCE, `onset ${i} at ${t.toFixed(4)} s, scheduled ${expected[i]?.toFixed(4)} s: off by ${(err * 1000).toFixed(1)} ms`);
    max = Math.max(max, err);
    sum += err;
  });
  return { max, mean: found.length ? sum / found.length : 0 };
}

function engineOn(context: OfflineContext): Engine {
  return createEngine({ context });
}

/** RMS of each soundscape once faded in, for the balance check. */
const loudness = new Map<SoundscapeId, number>();

async function soundscapeChecks(id: SoundscapeId): Promise<CheckResult[]> {
  const chs = await render(8, SR, 2, (context) => engineOn(context).play(id));
  loudness.set(id, rms(chs, SR, 3, 8));
  const results: CheckResult[] = [];
  results.push(
    await check(`${id}: peak stays under the ${LEVELS.limiterDb} dBFS cap`, () => {
      const p = peak(chs, SR);
      assert(p < CAP, `peak ${dbfs(p)} dBFS`);
      return `peak ${dbfs(p)} dBFS, RMS 3–8 s ${dbfs(rms(chs, SR, 3, 8))} dBFS`;
    }),
  );
  results.push(
    await check(`${id}: is audible once faded in`, () => {
      const level = rms(chs, SR, 3, 8);
      assert(level > 10 ** (-50 / 20), `RMS 3–8 s only ${dbfs(level)} dBFS`);
      return `RMS ${dbfs(level)} dBFS`;
    }),
  );
  results.push(
    await check(`${id}: fades in over seconds (first 0.5 s far quieter than 2–3 s, rising steadily)`, () => {
      const early = rms(chs, SR, 0, 0.5);
      const later = rms(chs, SR, 2, 3);
      assert(early < later * 0.3, `RMS 0–0.5 s ${dbfs(early)} vs 2–3 s ${dbfs(later)} dBFS`);
      const windows: number[] = [];
      for (let t = 0.25; t < 3; t += 0.25) windows.push(rms(chs, SR, t, t + 0.25));
      let best = 0;
      windows.forEach((w, i) => {
        assert(w >= best * 0.8, `level falls at ${(0.25 + i * 0.25).toFixed(2)} s during the fade-in (${dbfs(w)} after ${dbfs(best)} dBFS)`);
        best = Math.max(best, w);
      });
      return `RMS 0–0.5 s ${dbfs(early)} dBFS, 2–3 s ${dbfs(later)} dBFS`;
    }),
  );
  results.push(
    await check(`${id}: no sample-to-sample jump that would click`, () => assertNoClick(chs, SR)),
  );
  return results;
}

async function balanceChecks(): Promise<CheckResult> {
  return check('the soundscapes are about equally loud (within 4 dB), so switching is not a jump', () => {
    const levels = SOUNDSCAPE_IDS.map((id) => [id, 20 * Math.log10(loudness.get(id) ?? 0)] as const);
    const values = levels.map(([, db]) => db);
    const spread = Math.max(...values) - Math.min(...values);
    assert(values.every(Number.isFinite) && spread <= 4, `spread ${spread.toFixed(1)} dB`);
    return levels.map(([id, db]) => `${id} ${db.toFixed(1)}`).join(', ') + ` dBFS RMS; spread ${spread.toFixed(1)} dB`;
  });
}

async function stopChecks(): Promise<CheckResult[]> {
  const STOP = 5;
  const chs = await render(10, SR, 2, (context) => {
    const engine = engineOn(context);
    engine.play('low-hum');
    context.setTimeout(() => engine.stopSoundscape(), STOP);
  });
  return [
    await check('stop fades out over at least 2 s, then silence, without a click', () => {
      const before = rms(chs, SR, STOP - 0.5, STOP);
      const half = rms(chs, SR, STOP + 0.5, STOP + 1);
      const late = rms(chs, SR, STOP + 2, STOP + 2.5);
      assert(half > before * 0.4, `already down to ${dbfs(half)} from ${dbfs(before)} dBFS 0.5–1 s after stop: a cut, not a fade`);
      assert(late < half, `not fading: ${dbfs(late)} dBFS at +2 s vs ${dbfs(half)} at +0.5 s`);
      assert(late > 0, 'silent 2 s after stop: the fade is shorter than 2 s');
      const after = peak(chs, SR, STOP + LEVELS.fadeOutS + 0.5, 10);
      assert(after < 1e-4, `still sounding ${LEVELS.fadeOutS + 0.5} s after stop: peak ${dbfs(after)} dBFS`);
      return `before ${dbfs(before)}, +0.5 s ${dbfs(half)}, +2 s ${dbfs(late)} dBFS, then silence; ${assertNoClick(chs, SR)}`;
    }),
  ];
}

async function crossfadeChecks(): Promise<CheckResult[]> {
  const SWITCH = 4;
  const chs = await render(10, SR, 2, (context) => {
    const engine = engineOn(context);
    engine.play('low-hum');
    context.setTimeout(() => engine.play('soft-rain'), SWITCH);
  });
  return [
    await check('switching soundscape crossfades: no gap, no jump, under the cap', () => {
      const before = rms(chs, SR, SWITCH - 1, SWITCH);
      let lowest = Number.POSITIVE_INFINITY;
      for (let t = SWITCH; t < SWITCH + LEVELS.crossfadeS + 1; t += 0.25) lowest = Math.min(lowest, rms(chs, SR, t, t + 0.25));
      assert(lowest > before * 0.3, `level dips to ${dbfs(lowest)} dBFS from ${dbfs(before)} during the switch`);
      const p = peak(chs, SR);
      assert(p < CAP, `peak ${dbfs(p)} dBFS`);
      return `before ${dbfs(before)}, lowest during switch ${dbfs(lowest)}, peak ${dbfs(p)} dBFS; ${assertNoClick(chs, SR)}`;
    }),
  ];
}

async function breathCueChecks(id: PatternId): Promise<CheckResult> {
  const START = 0.5;
  const sched = schedule(PATTERNS[id], 300);
  const seconds = START + (sched.at(-1)?.end ?? 0) + 1;
  return check(`breath cue (${id}, 5 min) starts within ${ONSET_TOLERANCE * 1000} ms of every phase of schedule()`, async () => {
    const [ch] = await render(seconds, CUE_SR, 1, (context) => {
      engineOn(context).scheduleBreathCues(sched, START);
    });
    assert(ch, 'no audio rendered');
    const found = onsets(ch, CUE_SR);
    const { max, mean } = compareOnsets(
      found,
      sched.map((e) => START + e.start),
    );
    const p = peak([ch], CUE_SR);
    assert(p < CAP, `cue peak ${dbfs(p)} dBFS over the cap`);
    return `${found.length} onsets, mean error ${(mean * 1000).toFixed(1)} ms, max ${(max * 1000).toFixed(1)} ms, peak ${dbfs(p)} dBFS`;
  });
}

/** The pacer clock drives both the "visual" phase events and the audio cues, with a pause in the middle. */
async function pacerDrivenChecks(): Promise<CheckResult> {
  return check('one pacer clock drives visual phases and audio cues; pause/resume keeps both on schedule', async () => {
    const sched: readonly ScheduledPhase[] = schedule(PATTERNS.box, 48);
    const visual: number[] = [];
    const origins: number[] = [];
    let pausedAt = 0;
    let resumedAt = 0;
    const [ch] = await render(60, CUE_SR, 1, (context) => {
      const engine = engineOn(context);
      const clock = createPacerClock({
        schedule: sched,
        now: () => context.currentTime * 1000,
        setTimer: (fn, ms) => context.setTimeout(fn, ms / 1000),
        clearTimer: (h) => context.clearTimeout(h as number),
      });
      // The same wiring as followPacer() in src/audio/index.ts, on the offline clock.
      clock.subscribe((e) => {
        if (e.type === 'running') {
          origins.push(e.origin / 1000);
          engine.scheduleBreathCues(sched, e.origin / 1000);
        } else if (e.type === 'paused' || e.type === 'stopped' || e.type === 'done') engine.cancelBreathCues();
        else if (e.type === 'phase') visual.push(context.currentTime);
      });
      context.setTimeout(() => clock.start(), 0.5);
      // Pause in the exhale of the first cycle (elapsed ≈ 9.5 s), resume 3.25 s later.
      context.setTimeout(() => {
        pausedAt = context.currentTime;
        clock.pause();
      }, 10);
      context.setTimeout(() => {
        resumedAt = context.currentTime;
        clock.resume();
      }, 13.25);
    });
    assert(ch, 'no audio rendered');
    const [first, second] = origins;
    assert(first !== undefined && second !== undefined, `expected two runs of the clock, got ${origins.length}`);
    // Before the pause, phases sit at first origin + start; after it at the shifted origin + start. The
    // phase under way at the resume is not cued again (its start has passed), by audio or by announcement.
    const expected = sched
      .map((e) => (first + e.start < pausedAt ? first + e.start : second + e.start))
      .filter((t) => t < pausedAt || t >= resumedAt);
    assert(Math.abs(second - first - (resumedAt - pausedAt)) < 1e-6, 'resume did not shift the origin by the pause');
    const found = onsets(ch, CUE_SR);
    const audio = compareOnsets(found, expected);
    // Visual events fire from timers on Tone's offline ticks (128 samples = 16 ms at 8 kHz).
    const vis = compareOnsets(visual, expected);
    return `${found.length} audio onsets (max error ${(audio.max * 1000).toFixed(1)} ms), ${visual.length} visual phase events (max ${(vis.max * 1000).toFixed(1)} ms), pause ${(resumedAt - pausedAt).toFixed(2)} s`;
  });
}

async function cancelChecks(): Promise<CheckResult> {
  return check('cancelling cues mid-swell fades them out without a click', async () => {
    const sched = schedule(PATTERNS.box, 32);
    const CANCEL = 4.6; // 0.1 s into the hold's swell (starts at 4.5)
    const chs = await render(8, SR, 1, (context) => {
      const engine = engineOn(context);
      engine.scheduleBreathCues(sched, 0.5);
      context.setTimeout(() => engine.cancelBreathCues(), CANCEL);
    });
    const before = peak(chs, SR, CANCEL - 0.05, CANCEL);
    assert(before > SILENCE, 'the swell was not sounding when cancelled; the check is mistimed');
    const after = peak(chs, SR, CANCEL + LEVELS.cueCancelS + 0.05, 8);
    assert(after < 1e-4, `still sounding after the cancel: ${dbfs(after)} dBFS`);
    return `level at cancel ${dbfs(before)} dBFS, silent after ${LEVELS.cueCancelS} s; ${assertNoClick(chs, SR)}`;
  });
}

/** The click checks are only worth something if they catch real clicks: switch each soundscape on at the
 *  master level with no fade, and the detector must find it, at that moment. */
async function clickDetectorChecks(): Promise<CheckResult[]> {
  const out: CheckResult[] = [];
  for (const id of ['low-hum', 'soft-rain'] as const) {
    out.push(
      await check(`the click detector itself catches an unfaded start (${id})`, async () => {
        const chs = await render(3, SR, 2, (context) => {
          const gate = new Gain({ context, gain: 0 }).toDestination();
          SOUNDSCAPE_BUILDERS[id](gate, context).start(0);
          gate.gain.setValueAtTime(10 ** (LEVELS.masterDb / 20), 1.5);
        });
        const c = clickScore(chs, SR);
        assert(c.score >= CLICK_SCORE, `a hard start scored only ${c.score.toFixed(1)}: the detector is too lax`);
        assert(Math.abs(c.at - 1.5) < 0.002, `worst spot at ${c.at.toFixed(4)} s, not at the hard start`);
        const { step } = maxStep(chs, SR);
        return `hard start → click score ${c.score.toFixed(0)}, step ${step.toFixed(4)}`;
      }),
    );
  }
  return out;
}

async function catalogChecks(): Promise<CheckResult> {
  return check('every soundscape in the catalog has a title, a description and a builder', () => {
    for (const id of SOUNDSCAPE_IDS) {
      const info = SOUNDSCAPES.find((s) => s.id === id);
      assert(info && info.title.trim() && info.description.trim(), `${id} has no catalog entry`);
      assert(typeof SOUNDSCAPE_BUILDERS[id] === 'function', `${id} has no builder`);
    }
    assert(SOUNDSCAPES.length === SOUNDSCAPE_IDS.length, 'catalog lists an unknown soundscape');
    return SOUNDSCAPES.map((s) => s.title).join(', ');
  });
}

/** Needs a page that has had a user gesture (run after the switch was clicked). */
async function mappingChecks(): Promise<CheckResult> {
  return check('performance.now() maps onto the audio clock (getOutputTimestamp)', async () => {
    const raw = new AudioContext({ latencyHint: 'playback' });
    try {
      await raw.resume();
      // Let the clock run a little so the output timestamp is populated.
      await new Promise((r) => setTimeout(r, 300));
      const engine = createEngine({ context: new Context({ context: raw, clockSource: 'timeout' }) });
      const perf = performance.now();
      const mapped = engine.contextTimeAt(perf);
      const diff = mapped - raw.currentTime;
      // "Now" maps to about the current audio time, behind it by at most the output latency.
      assert(Math.abs(diff) < 0.25, `now maps to ${mapped.toFixed(3)} s, audio clock at ${raw.currentTime.toFixed(3)} s`);
      const later = engine.contextTimeAt(perf + 1500) - mapped;
      assert(Math.abs(later - 1.5) < 0.002, `1.5 s later maps to ${later.toFixed(4)} s later`);
      engine.dispose();
      return `now → audio clock ${diff >= 0 ? '+' : ''}${(diff * 1000).toFixed(1)} ms (output latency ${((raw.outputLatency || 0) * 1000).toFixed(1)} ms)`;
    } finally {
      await raw.close();
    }
  });
}

export async function runOfflineChecks(only?: string): Promise<CheckResult[]> {
  const all: Array<[string, () => Promise<CheckResult[] | CheckResult>]> = [
    ['catalog', catalogChecks],
    ['click-detector', clickDetectorChecks],
    ...SOUNDSCAPE_IDS.map((id): [string, () => Promise<CheckResult[]>] => [id, () => soundscapeChecks(id)]),
    ['balance', balanceChecks],
    ['stop', stopChecks],
    ['crossfade', crossfadeChecks],
    ['cancel', cancelChecks],
    ['cue-coherent', () => breathCueChecks('coherent')],
    ['cue-slow-exhale-pause', () => breathCueChecks('slow-exhale-pause')],
    ['pacer', pacerDrivenChecks],
    ['mapping', mappingChecks],
  ];
  const results: CheckResult[] = [];
  for (const [name, run] of all) {
    if (only && only !== name) continue;
    const t0 = performance.now();
    const r = await run();
    const list = Array.isArray(r) ? r : [r];
    const ms = Math.round(performance.now() - t0);
    for (const item of list) results.push({ ...item, detail: `${item.detail} [${ms} ms]` });
  }
  return results;
}

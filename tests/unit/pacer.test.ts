import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  PATTERNS,
  breathsPerMinute,
  createPacerClock,
  cycleSeconds,
  isPatternId,
  phaseAt,
  schedule,
  scheduleSeconds,
  type BreathPattern,
  type PacerEvent,
  type ScheduledPhase,
} from '../../src/flow/pacer';

const patterns = Object.values(PATTERNS);

describe('breathing patterns are the ones CLINICAL.md §2 names', () => {
  it.each([
    ['slow-exhale', ['inhale 4', 'exhale 6']],
    ['slow-exhale-pause', ['inhale 4', 'exhale 6', 'rest 2']],
    ['box', ['inhale 4', 'hold 4', 'exhale 4', 'hold 4']],
    ['4-7-8', ['inhale 4', 'hold 7', 'exhale 8']],
    ['coherent', ['inhale 5.45', 'exhale 5.45']],
  ] as const)('%s is %j', (id, phases) => {
    expect(isPatternId(id)).toBe(true);
    expect(PATTERNS[id].id).toBe(id);
    expect(PATTERNS[id].phases.map((p) => `${p.phase} ${p.seconds}`)).toEqual(phases);
  });

  it('slow-exhale patterns breathe out for longer than in (the point of PE breathing retraining)', () => {
    for (const p of [PATTERNS['slow-exhale'], PATTERNS['slow-exhale-pause']]) {
      const secs = (phase: string) => p.phases.find((s) => s.phase === phase)?.seconds ?? 0;
      expect(secs('exhale')).toBeGreaterThan(secs('inhale'));
    }
  });

  it('coherent breathing is about 5.5 breaths a minute', () => {
    expect(breathsPerMinute(PATTERNS.coherent)).toBeCloseTo(5.5, 1);
  });

  it('unknown ids are not patterns', () => {
    expect(isPatternId('toString')).toBe(false);
    expect(isPatternId('fast')).toBe(false);
  });
});

describe('schedule()', () => {
  it.each([
    // pattern, total seconds, phases, cycles, end of the last phase
    ['slow-exhale', 60, 12, 6, 60],
    ['slow-exhale', 65, 12, 6, 60], // whole cycles preferred: never stops mid-breath
    ['slow-exhale-pause', 120, 30, 10, 120],
    ['box', 60, 12, 3, 48],
    ['box', 64, 16, 4, 64],
    ['4-7-8', 60, 9, 3, 57],
    // At most four 4-7-8 cycles at a time (Weil; CLINICAL.md §2), however long the person chose.
    ['4-7-8', 120, 12, 4, 76],
    ['4-7-8', 300, 12, 4, 76],
    ['coherent', 60, 10, 5, 54.5],
    ['coherent', 300, 54, 27, 294.3],
  ] as const)('%s over %ss → %i phases in %i whole cycles, ending at %ss', (id, total, n, cycles, end) => {
    const s = schedule(PATTERNS[id], total);
    expect(s).toHaveLength(n);
    expect(new Set(s.map((e) => e.cycle)).size).toBe(cycles);
    expect(scheduleSeconds(s)).toBe(end);
  });

  it.each([
    // shorter than one cycle: the one cycle is cut at the total
    ['4-7-8', 10, [['inhale', 0, 4], ['hold', 4, 10]]],
    ['box', 4, [['inhale', 0, 4]]],
    ['slow-exhale', 5, [['inhale', 0, 4], ['exhale', 4, 5]]],
    ['coherent', 1, [['inhale', 0, 1]]],
  ] as const)('%s over %ss (less than a cycle) is cut at the total', (id, total, expected) => {
    expect(schedule(PATTERNS[id], total).map((e) => [e.phase, e.start, e.end])).toEqual(expected);
  });

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])('a total of %s gives an empty schedule', (total) => {
    expect(schedule(PATTERNS.box, total)).toEqual([]);
  });

  it('a pattern without usable phases gives an empty schedule', () => {
    const broken: BreathPattern = {
      id: 'broken',
      phases: [
        { phase: 'inhale', seconds: 0 },
        { phase: 'exhale', seconds: Number.NaN },
      ],
    };
    expect(schedule(broken, 60)).toEqual([]);
    expect(schedule({ id: 'empty', phases: [] }, 60)).toEqual([]);
  });

  it('zero-length phases are skipped, the rest is kept', () => {
    const p: BreathPattern = {
      id: 'p',
      phases: [
        { phase: 'inhale', seconds: 3 },
        { phase: 'hold', seconds: 0 },
        { phase: 'exhale', seconds: 3 },
      ],
    };
    expect(schedule(p, 6).map((e) => e.phase)).toEqual(['inhale', 'exhale']);
  });

  describe.each(patterns.map((p) => [p.id, p] as const))('%s, for every length from 1 s to 10 min', (_id, p) => {
    const totals = [1, 3, 7, 10, 19, 30, 59.9, 60, 120, 299, 300, 600];
    it.each(totals)('over %ss: contiguous, in pattern order, never past the total', (total) => {
      const s = schedule(p, total);
      expect(s.length).toBeGreaterThan(0);
      expect(s[0]?.start).toBe(0);
      s.forEach((e, i) => {
        expect(e.end).toBeGreaterThan(e.start);
        expect(e.end).toBeLessThanOrEqual(total);
        expect(e.phase).toBe(p.phases[i % p.phases.length]?.phase);
        expect(e.cycle).toBe(Math.floor(i / p.phases.length));
        if (i > 0) expect(e.start).toBe(s[i - 1]?.end);
      });
      // Whole cycles whenever at least one fits.
      if (total >= cycleSeconds(p)) expect(s.length % p.phases.length).toBe(0);
    });
  });

  it('long decimal schedules do not drift: cycle n starts at exactly n × cycle length', () => {
    const s = schedule(PATTERNS.coherent, 3600);
    const c = cycleSeconds(PATTERNS.coherent);
    for (const e of s.filter((x) => x.phase === 'inhale')) {
      expect(Math.abs(e.start - e.cycle * c)).toBeLessThan(1e-6);
    }
  });
});

describe('phaseAt()', () => {
  const box = schedule(PATTERNS.box, 32); // 2 cycles, 8 phases of 4 s

  it.each([
    // elapsed, phase, index, cycle, remaining, progress
    [0, 'inhale', 0, 0, 4, 0],
    [1, 'inhale', 0, 0, 3, 0.25],
    [3.999, 'inhale', 0, 0, 0.001, 0.99975],
    [4, 'hold', 1, 0, 4, 0], // a boundary belongs to the phase that starts there
    [10, 'exhale', 2, 0, 2, 0.5],
    [15, 'hold', 3, 0, 1, 0.75],
    [16, 'inhale', 4, 1, 4, 0],
    [31.5, 'hold', 7, 1, 0.5, 0.875],
    [-3, 'inhale', 0, 0, 4, 0], // before the start counts as the start
  ] as const)('at %ss: %s (#%i, cycle %i), %ss left, progress %s', (t, phase, index, cycle, remaining, progress) => {
    const pos = phaseAt(box, t);
    expect(pos).not.toBeNull();
    expect(pos?.phase).toBe(phase);
    expect(pos?.index).toBe(index);
    expect(pos?.cycle).toBe(cycle);
    expect(pos?.remaining).toBeCloseTo(remaining, 6);
    expect(pos?.progress).toBeCloseTo(progress, 6);
  });

  it.each([32, 40, Number.POSITIVE_INFINITY])('at %ss (after the end) there is no phase', (t) => {
    expect(phaseAt(box, t)).toBeNull();
  });

  it('an empty schedule has no phase', () => {
    expect(phaseAt([], 0)).toBeNull();
  });
});

describe('createPacerClock()', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  type Logged = { at: number; event: PacerEvent };
  function setup(sched: readonly ScheduledPhase[]) {
    const t0 = Date.now();
    const log: Logged[] = [];
    const clock = createPacerClock({
      schedule: sched,
      now: () => Date.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    });
    clock.subscribe((event) => log.push({ at: Date.now() - t0, event }));
    const phases = () =>
      log.flatMap(({ at, event }) => (event.type === 'phase' ? [`${at} ${event.entry.phase}#${event.index}`] : []));
    return { clock, log, phases };
  }

  it('emits each phase at its scheduled time, then done', () => {
    const { clock, log, phases } = setup(schedule(PATTERNS['4-7-8'], 38)); // 2 cycles
    clock.start();
    vi.advanceTimersByTime(60_000);
    expect(phases()).toEqual([
      '0 inhale#0',
      '4000 hold#1',
      '11000 exhale#2',
      '19000 inhale#3',
      '23000 hold#4',
      '30000 exhale#5',
    ]);
    expect(log.at(-1)).toEqual({ at: 38_000, event: { type: 'done' } });
    expect(clock.status).toBe('done');
    expect(clock.position()).toBeNull();
  });

  it('emits decimal boundaries (coherent 5.45 s) on the right millisecond', () => {
    const { clock, phases } = setup(schedule(PATTERNS.coherent, 21.8));
    clock.start();
    vi.advanceTimersByTime(30_000);
    expect(phases()).toEqual(['0 inhale#0', '5450 exhale#1', '10900 inhale#2', '16350 exhale#3']);
  });

  it('start reports the origin the audio cues are placed from', () => {
    const { clock, log } = setup(schedule(PATTERNS.box, 16));
    clock.start();
    expect(log[0]?.event).toEqual({ type: 'running', origin: 1_000_000, elapsed: 0 });
    expect(clock.origin).toBe(1_000_000);
  });

  it('pause freezes elapsed time; resume continues with phases still aligned to the schedule', () => {
    const { clock, log, phases } = setup(schedule(PATTERNS.box, 32));
    clock.start();
    vi.advanceTimersByTime(6_000); // 2 s into the hold
    clock.pause();
    expect(clock.status).toBe('paused');
    expect(clock.elapsed()).toBe(6);
    expect(clock.origin).toBeNull();
    vi.advanceTimersByTime(10_000); // nothing happens while paused
    expect(phases()).toEqual(['0 inhale#0', '4000 hold#1']);
    expect(clock.position()).toMatchObject({ phase: 'hold', remaining: 2, progress: 0.5 });

    clock.resume(); // at wall 16 s, elapsed 6 s
    const resumed = log.at(-1)?.event;
    expect(resumed).toEqual({ type: 'running', origin: 1_000_000 + 10_000, elapsed: 6 });
    vi.advanceTimersByTime(60_000);
    // Each later boundary is exactly 10 s (the pause) after its scheduled time; the resume itself does not
    // re-announce the hold that was already under way.
    expect(phases()).toEqual([
      '0 inhale#0',
      '4000 hold#1',
      '18000 exhale#2',
      '22000 hold#3',
      '26000 inhale#4',
      '30000 hold#5',
      '34000 exhale#6',
      '38000 hold#7',
    ]);
    expect(log.at(-1)).toEqual({ at: 42_000, event: { type: 'done' } });
  });

  it('several pauses add up exactly', () => {
    const { clock, phases } = setup(schedule(PATTERNS['slow-exhale'], 20));
    clock.start();
    for (let i = 0; i < 3; i++) {
      vi.advanceTimersByTime(1_500);
      clock.pause();
      vi.advanceTimersByTime(777);
      clock.resume();
    }
    // The exhale begins at elapsed 4 s = wall 4 s + two pauses of 777 ms; after the third pause every later
    // boundary moves by 3 × 777 ms.
    vi.advanceTimersByTime(30_000);
    expect(phases()).toEqual(['0 inhale#0', '5554 exhale#1', '12331 inhale#2', '16331 exhale#3']);
  });

  it('a late timer (background tab) reports only the current phase, not a burst of missed ones', () => {
    let fakeNow = 0;
    const timers: Array<() => void> = [];
    const clock = createPacerClock({
      schedule: schedule(PATTERNS.box, 64),
      now: () => fakeNow,
      setTimer: (fn) => timers.push(fn),
      clearTimer: () => {},
    });
    const seen: string[] = [];
    clock.subscribe((e) => {
      if (e.type === 'phase') seen.push(`${e.entry.phase}#${e.index}`);
    });
    clock.start();
    fakeNow = 37_000; // the timer for 4 s fires 33 s late
    timers.shift()?.();
    expect(seen).toEqual(['inhale#0', 'hold#9']);
    expect(clock.position()).toMatchObject({ phase: 'hold', index: 9, cycle: 2, remaining: 3 });
  });

  it('a timer that fires a hair early re-arms instead of skipping or looping', () => {
    let fakeNow = 0;
    const timers: Array<{ fn: () => void; ms: number }> = [];
    const clock = createPacerClock({
      schedule: schedule(PATTERNS.box, 16),
      now: () => fakeNow,
      setTimer: (fn, ms) => timers.push({ fn, ms }),
      clearTimer: () => {},
    });
    const seen: string[] = [];
    clock.subscribe((e) => e.type === 'phase' && seen.push(e.entry.phase));
    clock.start();
    expect(timers[0]?.ms).toBe(4000);
    fakeNow = 3_990; // 10 ms early
    timers.shift()?.fn();
    expect(seen).toEqual(['inhale']);
    expect(timers[0]?.ms).toBe(10);
    fakeNow = 4_000;
    timers.shift()?.fn();
    expect(seen).toEqual(['inhale', 'hold']);
  });

  it('stop ends it for good and silences every listener; start again begins at the first phase', () => {
    const { clock, log, phases } = setup(schedule(PATTERNS.box, 16));
    clock.start();
    vi.advanceTimersByTime(5_000);
    clock.stop();
    expect(clock.status).toBe('idle');
    expect(log.at(-1)?.event).toEqual({ type: 'stopped' });
    const count = log.length;
    vi.advanceTimersByTime(60_000);
    expect(log).toHaveLength(count);
    clock.start();
    expect(phases().at(-1)).toBe('65000 inhale#0');
  });

  it('a listener may pause the clock from a phase event without a timer left running', () => {
    const { clock, log } = setup(schedule(PATTERNS.box, 16));
    clock.subscribe((e) => {
      if (e.type === 'phase' && e.entry.phase === 'hold') clock.pause();
    });
    clock.start();
    vi.advanceTimersByTime(60_000);
    expect(clock.status).toBe('paused');
    expect(clock.elapsed()).toBe(4);
    expect(log.filter((l) => l.event.type === 'phase')).toHaveLength(2);
  });

  it.each([
    ['pause', 'idle'],
    ['resume', 'idle'],
    ['stop', 'idle'],
  ] as const)('%s before start does nothing', (method, status) => {
    const { clock, log } = setup(schedule(PATTERNS.box, 16));
    clock[method]();
    expect(clock.status).toBe(status);
    expect(log).toEqual([]);
  });

  it('an empty schedule is done at once', () => {
    const { clock, log } = setup([]);
    clock.start();
    expect(clock.status).toBe('done');
    expect(log.map((l) => l.event.type)).toEqual(['done']);
  });

  it('unsubscribed listeners hear nothing more', () => {
    const clock = createPacerClock({ schedule: schedule(PATTERNS.box, 16), now: () => Date.now() });
    const fn = vi.fn();
    const off = clock.subscribe(fn);
    clock.start();
    off();
    vi.advanceTimersByTime(20_000);
    expect(fn).toHaveBeenCalledTimes(2); // running + first phase
  });
});

import { describe, expect, it } from 'vitest';
import { sources as breathingSources } from '../../src/modules/grounding/breathing/content';
import { createActor } from 'xstate';
import * as v from 'valibot';
import { breathingMachine, scheduleFor, type BreathingEvent } from '../../src/modules/grounding/breathing/machine';
import breathing, { BreathingDataSchema, summarizeBreathing } from '../../src/modules/grounding/breathing/index';
import { breathingMeta } from '../../src/modules/grounding/breathing/meta';
import { choices, formatDuration } from '../../src/modules/grounding/breathing/content';
import { PATTERNS } from '../../src/flow/pacer';

function start(quick = false) {
  const actor = createActor(breathingMachine, { input: { quick } });
  actor.start();
  return actor;
}
type Actor = ReturnType<typeof start>;

const value = (a: Actor) => a.getSnapshot().value;
const ctx = (a: Actor) => a.getSnapshot().context;

/** Chosen, started and running: slow-exhale (4 in, 6 out) for 1 minute = 6 cycles, 12 phases. */
function running(pattern = 'slow-exhale', minutes = 1) {
  const a = start();
  a.send({ type: 'CHOOSE', pattern, minutes });
  a.send({ type: 'NEXT' });
  a.send({ type: 'START' });
  return a;
}

describe('breathing machine: choosing', () => {
  it('starts at the chooser with the gentlest pattern and 2 minutes, and keeps nothing yet', () => {
    const a = start();
    expect(value(a)).toBe('choose');
    expect(ctx(a)).toMatchObject({ pattern: 'slow-exhale', minutes: 2, chosen: false, data: null });
  });

  it('the person’s last choice (PRESET) is pre-selected', () => {
    const a = start();
    a.send({ type: 'PRESET', pattern: 'box', minutes: 4 });
    expect(value(a)).toBe('choose');
    expect(ctx(a)).toMatchObject({ pattern: 'box', minutes: 4, chosen: true });
  });

  it('a stored choice that is no longer valid falls back to the defaults, part by part', () => {
    const a = start();
    a.send({ type: 'PRESET', pattern: 'hyperventilate', minutes: 4 });
    expect(ctx(a)).toMatchObject({ pattern: 'slow-exhale', minutes: 4 });
    const b = start();
    b.send({ type: 'PRESET', pattern: 'coherent', minutes: 9 });
    expect(ctx(b)).toMatchObject({ pattern: 'coherent', minutes: 2 });
  });

  it('a late PRESET never overwrites what the person picked (e.g. after Back)', () => {
    const a = start();
    a.send({ type: 'CHOOSE', pattern: '4-7-8' });
    a.send({ type: 'PRESET', pattern: 'box', minutes: 5 });
    expect(ctx(a)).toMatchObject({ pattern: '4-7-8', minutes: 2 });

    const b = start();
    b.send({ type: 'NEXT' });
    b.send({ type: 'BACK' });
    b.send({ type: 'PRESET', pattern: 'box', minutes: 5 });
    expect(ctx(b)).toMatchObject({ pattern: 'slow-exhale', minutes: 2 });
  });

  it.each([
    [{ pattern: 'coherent' }, 'coherent', 2],
    [{ minutes: 1 }, 'slow-exhale', 1],
    [{ minutes: 5 }, 'slow-exhale', 5],
    [{ minutes: 0 }, 'slow-exhale', 2],
    [{ minutes: 2.5 }, 'slow-exhale', 2],
    [{ pattern: 'toString' }, 'slow-exhale', 2],
  ] as const)('CHOOSE %j → %s, %i min (only 1–5 whole minutes and known patterns)', (choice, pattern, minutes) => {
    const a = start();
    a.send({ type: 'CHOOSE', ...choice });
    expect(ctx(a)).toMatchObject({ pattern, minutes });
  });

  it('quick start (Ground me now) goes straight to the pacer with the last choice', () => {
    const a = start(true);
    expect(value(a)).toBe('choose'); // the stored choice is still loading
    a.send({ type: 'PRESET', pattern: 'box', minutes: 3 });
    expect(value(a)).toBe('ready');
    expect(ctx(a)).toMatchObject({ pattern: 'box', minutes: 3 });
    // Change → the chooser, where a second PRESET does not bounce the person back.
    a.send({ type: 'BACK' });
    a.send({ type: 'PRESET', pattern: 'box', minutes: 3 });
    expect(value(a)).toBe('choose');
  });

  it('NEXT → ready; BACK → choose; nothing is kept until Start', () => {
    const a = start();
    a.send({ type: 'NEXT' });
    expect(value(a)).toBe('ready');
    a.send({ type: 'BACK' });
    expect(value(a)).toBe('choose');
    a.send({ type: 'NEXT' });
    expect(ctx(a).data).toBeNull();
  });

  it.each(['choose', 'ready'] as const)('the session’s PAUSE/RESUME and clock events do nothing in %s', (state) => {
    const a = start();
    if (state === 'ready') a.send({ type: 'NEXT' });
    const before = ctx(a);
    for (const e of [
      { type: 'PAUSE' },
      { type: 'RESUME' },
      { type: 'PHASE', index: 3 },
      { type: 'TICK', elapsed: 12 },
      { type: 'FINISHED' },
      { type: 'STOP', elapsed: 3 },
      { type: 'FINISH' },
    ] satisfies BreathingEvent[]) {
      a.send(e);
    }
    expect(value(a)).toBe(state);
    expect(ctx(a)).toEqual(before);
  });
});

describe('breathing machine: running, pausing, ending', () => {
  it('START records the choice and begins at 0', () => {
    const a = running('box', 3);
    expect(value(a)).toBe('running');
    expect(ctx(a).data).toEqual({ pattern: 'box', minutes: 3, seconds: 0, cycles: 0, finishedEarly: false });
  });

  it('each PHASE moves the record to that phase’s start and counts the cycles before it', () => {
    const a = running(); // phases at 0, 4, 10, 14, 20 …
    a.send({ type: 'PHASE', index: 1 });
    expect(ctx(a)).toMatchObject({ elapsed: 4, data: { seconds: 4, cycles: 0 } });
    a.send({ type: 'PHASE', index: 2 });
    expect(ctx(a)).toMatchObject({ elapsed: 10, data: { seconds: 10, cycles: 1 } });
    a.send({ type: 'PHASE', index: 5 });
    expect(ctx(a)).toMatchObject({ elapsed: 24, data: { seconds: 24, cycles: 2 } });
  });

  it('time never runs backwards: a phase re-reported after a restore keeps the later time', () => {
    const a = running();
    a.send({ type: 'TICK', elapsed: 7.5 });
    a.send({ type: 'PHASE', index: 1 }); // began at 4 s
    expect(ctx(a)).toMatchObject({ elapsed: 7.5, data: { seconds: 7 } });
    a.send({ type: 'TICK', elapsed: 1000 });
    expect(ctx(a).elapsed).toBe(60); // never past the end
  });

  it('the person’s PAUSE → paused; their RESUME → running, with the elapsed time kept exactly', () => {
    const a = running();
    a.send({ type: 'TICK', elapsed: 6.789 });
    a.send({ type: 'PAUSE', by: 'person' });
    expect(value(a)).toBe('paused');
    expect(ctx(a).pausedBy).toEqual({ person: true, session: false });
    a.send({ type: 'RESUME', by: 'person' });
    expect(value(a)).toBe('running');
    expect(ctx(a)).toMatchObject({ elapsed: 6.789, data: { seconds: 6 } });
  });

  it('the session’s PAUSE/RESUME (grounding elsewhere) pause and continue it', () => {
    const a = running();
    a.send({ type: 'PAUSE' });
    expect(value(a)).toBe('paused');
    expect(ctx(a).pausedBy).toEqual({ person: false, session: true });
    a.send({ type: 'RESUME' });
    expect(value(a)).toBe('running');
  });

  it('a session RESUME does not override the person’s own pause', () => {
    const a = running();
    a.send({ type: 'PAUSE', by: 'person' });
    a.send({ type: 'PAUSE' }); // then they went to ground
    a.send({ type: 'RESUME' }); // back from grounding
    expect(value(a)).toBe('paused');
    expect(ctx(a).pausedBy).toEqual({ person: true, session: false });
    a.send({ type: 'RESUME', by: 'person' });
    expect(value(a)).toBe('running');
  });

  it('the exact pause time reported as the clock stops is kept while paused', () => {
    const a = running();
    a.send({ type: 'PAUSE' });
    a.send({ type: 'TICK', elapsed: 13.25 });
    expect(ctx(a)).toMatchObject({ elapsed: 13.25, data: { seconds: 13 } });
  });

  it('FINISHED → ended with every cycle and the whole length', () => {
    const a = running('4-7-8', 1); // 3 cycles of 19 s = 57 s
    a.send({ type: 'FINISHED' });
    expect(value(a)).toBe('ended');
    expect(ctx(a).data).toEqual({ pattern: '4-7-8', minutes: 1, seconds: 57, cycles: 3, finishedEarly: false });
  });

  it.each(['running', 'paused'] as const)('STOP from %s ends early and keeps what was done', (state) => {
    const a = running();
    a.send({ type: 'PHASE', index: 3 }); // 14 s, cycle 1
    if (state === 'paused') a.send({ type: 'PAUSE', by: 'person' });
    a.send({ type: 'STOP', elapsed: 17.4 });
    expect(value(a)).toBe('ended');
    expect(ctx(a).data).toEqual({ pattern: 'slow-exhale', minutes: 1, seconds: 17, cycles: 1, finishedEarly: true });
  });

  it('FINISH leaves the closing screen: done, with the record as output', () => {
    const a = running();
    a.send({ type: 'STOP', elapsed: 30 });
    a.send({ type: 'FINISH' });
    const snap = a.getSnapshot();
    expect(snap.value).toBe('done');
    expect(snap.status).toBe('done');
    expect(snap.output).toEqual({ pattern: 'slow-exhale', minutes: 1, seconds: 30, cycles: 0, finishedEarly: true });
  });

  it('after it ended, late clock events change nothing', () => {
    const a = running();
    a.send({ type: 'STOP', elapsed: 5 });
    const before = ctx(a);
    a.send({ type: 'TICK', elapsed: 20 });
    a.send({ type: 'PHASE', index: 4 });
    a.send({ type: 'PAUSE' });
    a.send({ type: 'RESUME' });
    expect(value(a)).toBe('ended');
    expect(ctx(a)).toEqual(before);
  });

  it('a persisted snapshot restores in the same state with the same record', () => {
    const a = running();
    a.send({ type: 'PHASE', index: 2 });
    a.send({ type: 'PAUSE', by: 'person' });
    const stored = JSON.parse(JSON.stringify(a.getPersistedSnapshot()));
    const b = createActor(breathingMachine, { snapshot: stored, input: { quick: false } });
    b.start();
    expect(b.getSnapshot().value).toBe('paused');
    expect(b.getSnapshot().context).toEqual(ctx(a));
  });
});

describe('breathing module: data, summary, metadata', () => {
  it('every offered pattern has a schedule that fits each length, and the data schema accepts the output', () => {
    for (const c of choices) {
      for (const minutes of [1, 2, 3, 4, 5]) {
        const s = scheduleFor(c.id, minutes);
        expect(s.length).toBeGreaterThan(0);
        expect(s.at(-1)!.end).toBeLessThanOrEqual(minutes * 60);
      }
      const a = running(c.id, 1);
      a.send({ type: 'FINISHED' });
      a.send({ type: 'FINISH' });
      expect(v.safeParse(BreathingDataSchema, a.getSnapshot().output).success).toBe(true);
    }
    expect(Object.keys(PATTERNS)).toEqual(expect.arrayContaining(choices.map((c) => c.id)));
  });

  it('the journal summary says what was chosen, for how long, and that stopping early was fine', () => {
    expect(
      summarizeBreathing({ pattern: 'box', minutes: 3, seconds: 95, cycles: 5, finishedEarly: true }),
    ).toBe('Box breathing, 3 minutes\nBreathed for 1 min 35 s (5 breaths)\nStopped early, when it felt right');
    expect(breathing.summarize({ pattern: 'slow-exhale', minutes: 1, seconds: 60, cycles: 6, finishedEarly: false })).toBe(
      'Slow out-breath, 1 minute\nBreathed for 1 min (6 breaths)',
    );
  });

  it('the summary never throws on stored data it does not recognise', () => {
    expect(breathing.summarize({ pattern: 42 } as never)).toBe('');
    expect(breathing.summarize(undefined as never)).toBe('');
  });

  it.each([
    [0, '0 s'],
    [45, '45 s'],
    [60, '1 min'],
    [61.9, '1 min 1 s'],
    [300, '5 min'],
  ])('formatDuration(%s) = %s', (s, text) => {
    expect(formatDuration(s)).toBe(text);
  });

  it('is a grounding module, offered in every phase, with a source for each technique', () => {
    expect(breathingMeta).toMatchObject({ id: 'breathing', family: 'grounding', minutes: 3 });
    expect(breathingMeta.phases).toContain('session');
    const cites = breathingSources.map((s) => s.citation).join('\n');
    for (const needle of ['Foa', 'Lehrer', 'Weil', 'Najavits', 'Balban']) expect(cites).toContain(needle);
  });
});

describe('breathing started for the moment (Ground me now)', () => {
  it('the slow out-breath variant goes straight to the pacer, and a stored held-breath preset cannot replace it', () => {
    const a = createActor(breathingMachine, { input: { quick: true, variant: 'slow-exhale' } }).start();
    expect(a.getSnapshot().value).toBe('ready');
    a.send({ type: 'PRESET', pattern: '4-7-8', minutes: 3 });
    expect(a.getSnapshot().context).toMatchObject({ pattern: 'slow-exhale', chosen: true });
    a.send({ type: 'START' });
    expect(a.getSnapshot().context.data?.pattern).toBe('slow-exhale');
  });
});

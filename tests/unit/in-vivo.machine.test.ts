/**
 * In-vivo exposure (issue 15; CLINICAL.md §4): every step keeps the person's words and ratings, grounding is
 * offered first at pre-SUDS ≥ 85 or presence ≤ 3 (the person may go on), a post-SUDS ≥ 85 or a rise of ≥ 30
 * shows the safety plan before anything else is asked, the timer stops with the session, and inside a session
 * GROUND, PAUSE and EXIT work from every state — leaving part-way after a hard rating ends with support.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, type AnyActorRef } from 'xstate';
import * as v from 'valibot';
import { inVivoMachine, needsSupport, type Choice, type InVivoEvent } from '../../src/modules/exposure/in-vivo/machine';
import inVivo, { summarizeInVivo } from '../../src/modules/exposure/in-vivo/index';
import { inVivoMeta } from '../../src/modules/exposure/in-vivo/meta';
import { InVivoDataSchema } from '../../src/storage/exposure.schema';
import { sessionMachine, type SessionContext } from '../../src/flow/session.machine';
import { fitsPhase } from '../../src/flow/phase';
import { DEFAULT_EXPOSURE_THRESHOLDS } from '../../src/flow/routing';
import { findModule } from '../../src/modules/registry';

const CHOICES: Choice[] = [
  { id: 'bus', text: 'Take the bus at rush hour', suds: 40 },
  { id: 'shop', text: 'The big supermarket on Saturday', suds: 60 },
];

beforeEach(() => vi.useFakeTimers({ now: Date.UTC(2026, 10, 30, 10, 0, 0) }));
afterEach(() => vi.useRealTimers());

function start() {
  const actor = createActor(inVivoMachine, { input: { quick: false } });
  actor.start();
  actor.send({ type: 'LOADED', choices: CHOICES });
  return actor;
}
type Actor = ReturnType<typeof start>;
const value = (a: { getSnapshot(): { value: unknown } }) => a.getSnapshot().value;

/** Events that reach each state, from `loading` (the first LOADED is part of every path). */
const LOADED: InVivoEvent = { type: 'LOADED', choices: CHOICES };
const PATHS: Record<string, InVivoEvent[]> = {
  loading: [],
  intro: [LOADED],
  choose: [LOADED, { type: 'NEXT' }],
  predict: [LOADED, { type: 'NEXT' }, { type: 'CHOOSE', id: 'bus' }, { type: 'NEXT' }],
};
PATHS['behaviours'] = [...PATHS['predict']!, { type: 'NEXT' }];
PATHS['ready'] = [...PATHS['behaviours']!, { type: 'NEXT' }];
PATHS['groundFirst'] = [...PATHS['ready']!, { type: 'RATE', field: 'preSuds', value: 90 }, { type: 'NEXT' }];
PATHS['during'] = [...PATHS['ready']!, { type: 'RATE', field: 'preSuds', value: 40 }, { type: 'NEXT' }];
PATHS['after'] = [...PATHS['during']!, { type: 'STOP' }];
PATHS['support'] = [...PATHS['after']!, { type: 'RATE', field: 'postSuds', value: 90 }, { type: 'NEXT' }];
PATHS['outcome'] = [...PATHS['after']!, { type: 'RATE', field: 'postSuds', value: 30 }, { type: 'NEXT' }];
const stateName = (v: unknown) => (typeof v === 'string' ? v : Object.keys(v as object)[0]);

describe('in-vivo machine: every step', () => {
  it('choose → predict → behaviours → ready → during (timer, peak) → after → outcome → done, with every field', () => {
    const a = start();
    expect(value(a)).toBe('intro');
    a.send({ type: 'NEXT' });
    a.send({ type: 'NEXT' });
    expect(value(a)).toBe('choose'); // nothing chosen: stays
    a.send({ type: 'CHOOSE', id: 'shop' });
    a.send({ type: 'NEXT' });
    expect(value(a)).toBe('predict');
    a.send({ type: 'TYPE', field: 'prediction', text: 'I will panic and have to leave' });
    a.send({ type: 'RATE', field: 'likelihood', value: 80 });
    a.send({ type: 'NEXT' });
    a.send({ type: 'TYPE', field: 'safetyBehaviours', text: 'holding my phone' });
    a.send({ type: 'NEXT' });
    expect(value(a)).toBe('ready');
    a.send({ type: 'RATE', field: 'preSuds', value: 50 });
    a.send({ type: 'RATE', field: 'presence', value: 7 });
    a.send({ type: 'NEXT' });
    expect(value(a)).toEqual({ during: 'running' });
    vi.advanceTimersByTime(10 * 60_000);
    a.send({ type: 'PEAK', value: 70 });
    a.send({ type: 'PAUSE' });
    vi.advanceTimersByTime(5 * 60_000); // paused time is not counted
    a.send({ type: 'RESUME' });
    vi.advanceTimersByTime(5 * 60_000);
    a.send({ type: 'STOP' });
    expect(value(a)).toBe('after');
    a.send({ type: 'RATE', field: 'postSuds', value: 30 });
    a.send({ type: 'NEXT' });
    expect(value(a)).toBe('outcome');
    a.send({ type: 'ANSWER', happened: 'no' });
    a.send({ type: 'TYPE', field: 'learned', text: 'I stayed and the panic passed' });
    a.send({ type: 'FINISH' });
    const snap = a.getSnapshot();
    expect(snap.status).toBe('done');
    expect(snap.output).toEqual({
      itemId: 'shop',
      situation: 'The big supermarket on Saturday',
      prediction: 'I will panic and have to leave',
      likelihood: 80,
      safetyBehaviours: 'holding my phone',
      preSuds: 50,
      presence: 7,
      peakSuds: 70,
      startedAt: Date.UTC(2026, 10, 30, 10, 0, 0),
      elapsedMs: 15 * 60_000,
      postSuds: 30,
      happened: 'no',
      learned: 'I stayed and the panic passed',
      needsSupport: false,
    });
    expect(v.safeParse(InVivoDataSchema, snap.output).success).toBe(true);
    expect(summarizeInVivo(snap.output!)).toContain('Distress: before 50, highest 70, after 30');
    expect(summarizeInVivo(snap.output!)).toContain('Practised for 15 min');
  });

  it('ratings are clamped to their scales; a choice not offered is ignored', () => {
    const a = start();
    for (const e of PATHS['ready']!.slice(1)) a.send(e);
    a.send({ type: 'RATE', field: 'presence', value: 14 });
    a.send({ type: 'RATE', field: 'preSuds', value: -5 });
    a.send({ type: 'RATE', field: 'likelihood', value: 101.4 });
    a.send({ type: 'CHOOSE', id: 'not-offered' });
    expect(a.getSnapshot().context.data).toMatchObject({ presence: 10, preSuds: 0, likelihood: 100, itemId: 'bus' });
  });

  it.each([
    ['pre-SUDS 85', 85, 6, 'groundFirst'],
    ['pre-SUDS 84', 84, 6, 'during'],
    ['presence 3', 40, 3, 'groundFirst'],
    ['presence 4', 40, 4, 'during'],
  ])('%s before the practice → %s (grounding is offered, never forced)', (_name, pre, presence, expected) => {
    const a = start();
    for (const e of PATHS['ready']!.slice(1)) a.send(e);
    a.send({ type: 'RATE', field: 'preSuds', value: pre });
    a.send({ type: 'RATE', field: 'presence', value: presence });
    a.send({ type: 'NEXT' });
    expect(stateName(value(a))).toBe(expected);
    if (expected === 'groundFirst') {
      a.send({ type: 'CONTINUE' });
      expect(value(a)).toEqual({ during: 'running' });
    }
  });

  it.each([
    ['post 85', 40, 85, 'support'],
    ['post 84', 60, 84, 'outcome'],
    ['a rise of 30', 20, 50, 'support'],
    ['a rise of 29', 20, 49, 'outcome'],
    ['not rated', 40, null, 'outcome'],
  ])('%s → %s: the safety plan comes before anything else is asked', (_name, pre, post, expected) => {
    const a = start();
    for (const e of PATHS['ready']!.slice(1)) a.send(e);
    a.send({ type: 'RATE', field: 'preSuds', value: pre });
    a.send({ type: 'NEXT' });
    a.send({ type: 'STOP' });
    if (post !== null) a.send({ type: 'RATE', field: 'postSuds', value: post });
    a.send({ type: 'NEXT' });
    expect(value(a)).toBe(expected);
    expect(a.getSnapshot().context.data.needsSupport).toBe(expected === 'support');
    if (expected === 'support') {
      a.send({ type: 'CONTINUE' });
      expect(value(a)).toBe('outcome');
    }
  });

  it('uses the thresholds it was given (a plan may make them more protective)', () => {
    const a = createActor(inVivoMachine, { input: { quick: false } }).start();
    a.send({ type: 'LOADED', choices: CHOICES, thresholds: { ...DEFAULT_EXPOSURE_THRESHOLDS, postSudsAtLeast: 70 } });
    for (const e of PATHS['after']!.slice(1)) a.send(e);
    a.send({ type: 'RATE', field: 'postSuds', value: 70 });
    a.send({ type: 'NEXT' });
    expect(value(a)).toBe('support');
  });

  it('a peak logged during the practice counts as the latest distress until a post-SUDS is given', () => {
    const data = { ...start().getSnapshot().context.data, preSuds: 40, peakSuds: 90 };
    expect(needsSupport(data, DEFAULT_EXPOSURE_THRESHOLDS)).toBe(true);
    expect(needsSupport({ ...data, postSuds: 40 }, DEFAULT_EXPOSURE_THRESHOLDS)).toBe(false);
  });
});

describe('in-vivo metadata', () => {
  it('is an exposure module in the registry, asks typing, and never fits the session or settling phases', () => {
    expect(findModule('in-vivo')).toBe(inVivoMeta);
    expect(inVivoMeta.family).toBe('exposure');
    expect(inVivoMeta.asksTyping).toBe(true);
    expect(inVivoMeta).toMatchObject({ ownChecks: true, noteAfter: true });
    expect(fitsPhase(inVivoMeta, 'session')).toBe(false);
    expect(fitsPhase(inVivoMeta, 'settling')).toBe(false);
    expect(fitsPhase(inVivoMeta, 'window')).toBe(true);
    expect(fitsPhase(inVivoMeta, 'between')).toBe(true);
    expect(inVivo.sources.map((s) => s.citation).join(' ')).toMatch(/Craske.*2008.*Craske.*2014/s);
  });
});

describe('in-vivo inside a session: GROUND, PAUSE and EXIT from every state', () => {
  function session(saved: SessionContext[]) {
    const machine = sessionMachine.provide({
      actors: {
        module: inVivoMachine,
        saveEntry: fromPromise(async ({ input: { context } }) => {
          saved.push(context);
          return 'entry-1';
        }),
      },
    });
    // As the runner starts it (inVivoMeta.ownChecks, noteAfter): no 0–10 check-in, straight into the module.
    const actor = createActor(machine, {
      input: { sessionId: 's1', moduleId: 'in-vivo', family: 'exposure', ownChecks: true, noteAfter: true },
    }).start();
    expect(actor.getSnapshot().value).toEqual({ flow: 'module' });
    return actor;
  }
  const mod = (actor: ReturnType<typeof session>) => actor.getSnapshot().children['module'] as AnyActorRef;

  for (const name of Object.keys(PATHS)) {
    it(`${name}: Ground me now and Pause keep the step and the words; Leave keeps them as an unfinished entry`, async () => {
      const saved: SessionContext[] = [];
      const actor = session(saved);
      for (const e of PATHS[name]!) mod(actor).send(e);
      mod(actor).send({ type: 'TYPE', field: 'learned', text: `words on ${name}` });
      const before = mod(actor).getSnapshot();
      expect(stateName(before.value)).toBe(name);

      actor.send({ type: 'GROUND' });
      expect(actor.getSnapshot().value).toBe('grounding');
      vi.advanceTimersByTime(60_000); // grounding time is not practice time
      actor.send({ type: 'RESUME' });
      expect(actor.getSnapshot().value).toEqual({ flow: 'module' });
      expect(stateName(mod(actor).getSnapshot().value)).toBe(name);
      expect(mod(actor).getSnapshot().context.data.elapsedMs).toBe(before.context.data.elapsedMs);

      actor.send({ type: 'PAUSE' });
      expect(actor.getSnapshot().value).toBe('paused');
      actor.send({ type: 'RESUME' });
      expect(stateName(mod(actor).getSnapshot().value)).toBe(name);
      expect(mod(actor).getSnapshot().context.data.learned).toBe(`words on ${name}`);

      const stored = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
      expect(JSON.stringify(stored)).toContain(`words on ${name}`);

      actor.send({ type: 'EXIT' });
      await vi.runOnlyPendingTimersAsync();
      expect(saved).toHaveLength(1);
      expect(saved[0]?.partial).toBe(true);
      expect(saved[0]?.data).toMatchObject({ learned: `words on ${name}` });
      expect(v.safeParse(InVivoDataSchema, saved[0]?.data).success).toBe(true);
      // Its after-questions were never reached: the way out always shows the safety plan, Help and grounding
      // (as for every module with its own checks; issue 15: never a dead end).
      expect(saved[0]?.moreSupport).toBe(true);
    });
  }

  it('presence is asked once: no session check-in or check-out; the optional note follows the module and is saved', async () => {
    const saved: SessionContext[] = [];
    const actor = session(saved);
    for (const e of PATHS['outcome']!) mod(actor).send(e);
    mod(actor).send({ type: 'ANSWER', happened: 'no' });
    mod(actor).send({ type: 'FINISH' });
    expect(actor.getSnapshot().value).toEqual({ flow: 'note' }); // not checkOut
    actor.send({ type: 'NOTE', text: 'the bus was fine' });
    actor.send({ type: 'FINISH' });
    await vi.runOnlyPendingTimersAsync();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ note: 'the bus was fine', partial: false, moreSupport: false, data: { postSuds: 30, happened: 'no' } });
    expect(saved[0]?.before).toBeUndefined();
    expect(saved[0]?.after).toBeUndefined();
  });

  it('support before paperwork: a post-SUDS of 90 shows the safety plan inside the module, before the note; the closing screen repeats it', async () => {
    const saved: SessionContext[] = [];
    const actor = session(saved);
    for (const e of PATHS['support']!) mod(actor).send(e);
    expect(stateName(mod(actor).getSnapshot().value)).toBe('support');
    expect(actor.getSnapshot().value).toEqual({ flow: 'module' }); // no note screen yet
    mod(actor).send({ type: 'CONTINUE' });
    mod(actor).send({ type: 'FINISH' });
    expect(actor.getSnapshot().value).toEqual({ flow: 'note' });
    expect(actor.getSnapshot().context.moreSupport).toBe(true);
    actor.send({ type: 'FINISH' });
    await vi.runOnlyPendingTimersAsync();
    expect(saved[0]).toMatchObject({ moreSupport: true, partial: false });
  });

  it('leaving during the practice after logging a peak of 90 ends with the safety plan and Help (never a dead end)', async () => {
    const saved: SessionContext[] = [];
    const actor = session(saved);
    for (const e of PATHS['during']!) mod(actor).send(e);
    mod(actor).send({ type: 'PEAK', value: 90 });
    actor.send({ type: 'EXIT' });
    await vi.runOnlyPendingTimersAsync();
    expect(actor.getSnapshot().context.moreSupport).toBe(true);
  });
});

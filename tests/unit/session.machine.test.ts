import { describe, expect, it } from 'vitest';
import { createActor, createMachine, fromPromise, type AnyActorRef } from 'xstate';
import { sessionMachine, storedHasContent, type SessionContext, type SessionInput } from '../../src/flow/session.machine';
import { createStepsMachine } from '../../src/flow/steps.machine';

const steps = createStepsMachine('test-steps', ['a', 'b', 'c']);

function start(input: Partial<SessionInput> = {}, saved: SessionContext[] = [], fail = { on: false }) {
  const machine = sessionMachine.provide({
    actors: {
      module: steps,
      saveEntry: fromPromise(async ({ input: { context } }) => {
        if (fail.on) throw new Error('QuotaExceededError');
        saved.push(context);
        return `entry-${saved.length}`;
      }),
    },
  });
  const actor = createActor(machine, {
    input: { sessionId: 's1', moduleId: 'test-steps', family: 'grounding', now: 1000, ...input },
  });
  actor.start();
  return actor;
}

const moduleOf = (actor: { getSnapshot(): { children: Record<string, AnyActorRef | undefined> } }) =>
  actor.getSnapshot().children['module'] as AnyActorRef;

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('session machine', () => {
  it('walks check-in → module → check-out → note → saved, keeping ratings, answers and note', async () => {
    const saved: SessionContext[] = [];
    const actor = start({}, saved);
    expect(actor.getSnapshot().value).toEqual({ flow: 'checkIn' });
    actor.send({ type: 'CHECK_IN', presence: 4, distress: 6 });
    expect(actor.getSnapshot().value).toEqual({ flow: 'module' });
    const mod = moduleOf(actor);
    mod.send({ type: 'TYPE', text: 'the lamp' });
    mod.send({ type: 'NEXT' });
    mod.send({ type: 'NOTICE', count: 2 });
    mod.send({ type: 'NEXT' });
    mod.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toEqual({ flow: 'checkOut' });
    actor.send({ type: 'CHECK_OUT', presence: 7, distress: 3 });
    actor.send({ type: 'NOTE', text: 'calmer now' });
    actor.send({ type: 'FINISH' });
    await settle();
    const snap = actor.getSnapshot();
    expect(snap.value).toBe('saved');
    expect(snap.status).toBe('done');
    expect(snap.output).toEqual({ entryId: 'entry-1', partial: false });
    const ctx = saved[0]!;
    expect(ctx.before).toMatchObject({ presence: 4, distress: 6 });
    expect(ctx.after).toMatchObject({ presence: 7, distress: 3 });
    expect(ctx.note).toBe('calmer now');
    expect(ctx.moreSupport).toBe(false);
    expect(ctx.data).toMatchObject({ a: { text: 'the lamp' }, b: { noticed: 2 } });
  });

  it('never requires a rating: check-in and check-out can be skipped', async () => {
    const saved: SessionContext[] = [];
    const actor = start({}, saved);
    actor.send({ type: 'SKIP_CHECK_IN' });
    for (let i = 0; i < 3; i++) moduleOf(actor).send({ type: 'NEXT' });
    actor.send({ type: 'SKIP_CHECK_OUT' });
    actor.send({ type: 'FINISH' });
    await settle();
    expect(actor.getSnapshot().value).toBe('saved');
    expect(saved[0]!.before).toBeUndefined();
  });

  it('quick start (from the Ground control) goes straight to the first step', () => {
    const actor = start({ quick: true });
    expect(actor.getSnapshot().value).toEqual({ flow: 'module' });
    expect(moduleOf(actor)).toBeDefined();
  });

  it('check-out with presence still ≤ 3 or distress still ≥ 8 shows support before the note', () => {
    for (const [presence, distress, expected] of [
      [3, 2, true],
      [4, 8, true],
      [4, 7, false],
      [9, 0, false],
    ] as const) {
      const actor = start({ quick: true });
      for (let i = 0; i < 3; i++) moduleOf(actor).send({ type: 'NEXT' });
      actor.send({ type: 'CHECK_OUT', presence, distress });
      expect(actor.getSnapshot().context.moreSupport, `${presence}/${distress}`).toBe(expected);
      expect(actor.getSnapshot().value, `${presence}/${distress}`).toEqual({ flow: expected ? 'support' : 'note' });
    }
  });

  it('distress that rose by 3 over the exercise shows support first; a rise of 2 goes to the note', () => {
    for (const [after, expected] of [
      [6, 'support'],
      [5, 'note'],
    ] as const) {
      const actor = start();
      actor.send({ type: 'CHECK_IN', presence: 6, distress: 3 });
      for (let i = 0; i < 3; i++) moduleOf(actor).send({ type: 'NEXT' });
      actor.send({ type: 'CHECK_OUT', presence: 6, distress: after });
      expect(actor.getSnapshot().value).toEqual({ flow: expected });
    }
  });

  it('support is never a dead end: the note can still be written, and everything is saved', async () => {
    const saved: SessionContext[] = [];
    const actor = start({ quick: true }, saved);
    for (let i = 0; i < 3; i++) moduleOf(actor).send({ type: 'NEXT' });
    actor.send({ type: 'CHECK_OUT', presence: 2, distress: 9 });
    actor.send({ type: 'CONTINUE' });
    expect(actor.getSnapshot().value).toEqual({ flow: 'note' });
    actor.send({ type: 'NOTE', text: 'called a friend' });
    actor.send({ type: 'FINISH' });
    await settle();
    expect(actor.getSnapshot().value).toBe('saved');
    expect(saved[0]).toMatchObject({ note: 'called a friend', after: { presence: 2, distress: 9 }, partial: false });
  });

  it('choosing another exercise from the support screen saves this one as finished', async () => {
    const saved: SessionContext[] = [];
    const actor = start({ quick: true }, saved);
    for (let i = 0; i < 3; i++) moduleOf(actor).send({ type: 'NEXT' });
    actor.send({ type: 'CHECK_OUT', presence: 1 });
    actor.send({ type: 'FINISH' });
    await settle();
    expect(actor.getSnapshot().value).toBe('saved');
    expect(saved[0]).toMatchObject({ partial: false, moreSupport: true });
  });

  it.each<[string, number, number, boolean]>([
    ['presence 3', 3, 2, true],
    ['presence 4', 4, 2, false],
    ['distress 8', 6, 8, true],
    ['distress 7', 6, 7, false],
  ])('leaving mid-exercise after a check-in at %s: support shown on the way out is %s', async (_n, presence, distress, expected) => {
    const actor = start();
    actor.send({ type: 'CHECK_IN', presence, distress });
    actor.send({ type: 'EXIT' });
    await settle();
    expect(actor.getSnapshot().value).toBe('saved');
    expect(actor.getSnapshot().context.moreSupport).toBe(expected);
  });

  it.each<[string, { presence?: number; distress?: number }, boolean]>([
    ['presence 3', { presence: 3 }, true],
    ['presence 4', { presence: 4 }, false],
    ['distress 8', { distress: 8 }, true],
    ['distress 7', { presence: 6, distress: 7 }, false],
  ])(
    'a rating chosen at the check-in but not yet confirmed (%s), then Leave: support on the way out as if confirmed',
    async (_n, rated, expected) => {
      const actor = start();
      actor.send({ type: 'RATE', ...rated });
      actor.send({ type: 'EXIT' });
      await settle();
      expect(actor.getSnapshot().context.moreSupport).toBe(expected);
    },
  );

  it('a hard rating chosen at the check-out but not yet confirmed, then Leave: support on the way out', async () => {
    for (const [rated, expected] of [
      [{ presence: 2 }, true],
      [{ distress: 6 }, true], // rose by 3 from the check-in's 3
      [{ presence: 6, distress: 5 }, false],
    ] as const) {
      const actor = start();
      actor.send({ type: 'CHECK_IN', presence: 6, distress: 3 });
      for (let i = 0; i < 3; i++) moduleOf(actor).send({ type: 'NEXT' });
      actor.send({ type: 'RATE', ...rated });
      actor.send({ type: 'EXIT' });
      await settle();
      expect(actor.getSnapshot().context.moreSupport, JSON.stringify(rated)).toBe(expected);
    }
  });

  it('leaving from the note after a hard check-out keeps the support flag', async () => {
    const actor = start({ quick: true });
    for (let i = 0; i < 3; i++) moduleOf(actor).send({ type: 'NEXT' });
    actor.send({ type: 'CHECK_OUT', presence: 6, distress: 8 });
    actor.send({ type: 'CONTINUE' });
    actor.send({ type: 'EXIT' });
    await settle();
    expect(actor.getSnapshot().context.moreSupport).toBe(true);
  });

  it('hands a variant to the module (Ground me now: feet and hands, the slow out-breath)', () => {
    const seen: unknown[] = [];
    const spy = createMachine({
      context: ({ input }: { input: unknown }) => {
        seen.push(input);
        return { data: undefined };
      },
    });
    const machine = sessionMachine.provide({ actors: { module: spy } });
    const input = { sessionId: 's', moduleId: 'x', family: 'grounding' as const, quick: true };
    createActor(machine, { input: { ...input, variant: 'anchor' } }).start();
    createActor(machine, { input }).start();
    expect(seen).toEqual([{ quick: true, variant: 'anchor' }, { quick: true }]);
  });

  it('offers grounding first before a non-grounding module when distress is high, and respects "continue"', () => {
    const actor = start({ family: 'exposure' });
    actor.send({ type: 'CHECK_IN', presence: 6, distress: 9 });
    expect(actor.getSnapshot().value).toEqual({ flow: 'offerGrounding' });
    actor.send({ type: 'CONTINUE' });
    expect(actor.getSnapshot().value).toEqual({ flow: 'module' });
  });

  // Every state a person can press the Ground control from, reached by the events that lead there.
  const reach: Record<string, (a: ReturnType<typeof start>) => void> = {
    checkIn: () => {},
    offerGrounding: (a) => a.send({ type: 'CHECK_IN', presence: 2, distress: 5 }),
    module: (a) => {
      a.send({ type: 'SKIP_CHECK_IN' });
      moduleOf(a).send({ type: 'NEXT' });
      moduleOf(a).send({ type: 'TYPE', text: 'half a thought' });
    },
    checkOut: (a) => {
      a.send({ type: 'SKIP_CHECK_IN' });
      for (let i = 0; i < 3; i++) moduleOf(a).send({ type: 'NEXT' });
    },
    note: (a) => {
      a.send({ type: 'SKIP_CHECK_IN' });
      for (let i = 0; i < 3; i++) moduleOf(a).send({ type: 'NEXT' });
      a.send({ type: 'SKIP_CHECK_OUT' });
      a.send({ type: 'NOTE', text: 'a note in progress' });
    },
  };

  for (const [state, go] of Object.entries(reach)) {
    it(`GROUND from ${state} suspends, and RESUME returns to the same step with every word kept`, () => {
      const actor = start({ family: 'reframing' });
      go(actor);
      const before = actor.getSnapshot();
      const moduleBefore = (before.children['module'] as AnyActorRef | undefined)?.getSnapshot().context;
      expect(before.value).toEqual({ flow: state });
      actor.send({ type: 'GROUND' });
      expect(actor.getSnapshot().value).toBe('grounding');
      actor.send({ type: 'RESUME' });
      const after = actor.getSnapshot();
      expect(after.value).toEqual({ flow: state });
      expect(after.context.note).toBe(before.context.note);
      expect((after.children['module'] as AnyActorRef | undefined)?.getSnapshot().context).toEqual(moduleBefore);
    });

    it(`PAUSE from ${state} and RESUME returns to the same step`, () => {
      const actor = start({ family: 'reframing' });
      go(actor);
      actor.send({ type: 'PAUSE' });
      expect(actor.getSnapshot().value).toBe('paused');
      actor.send({ type: 'RESUME' });
      expect(actor.getSnapshot().value).toEqual({ flow: state });
    });

    it(`EXIT from ${state} keeps whatever was written or rated`, async () => {
      const saved: SessionContext[] = [];
      const actor = start({ family: 'reframing' }, saved);
      go(actor);
      actor.send({ type: 'EXIT' });
      await settle();
      const snap = actor.getSnapshot();
      expect(snap.status).toBe('done');
      if (state === 'checkIn') {
        // Nothing was given yet: nothing to keep, no empty journal entry.
        expect(snap.value).toBe('left');
        expect(saved).toHaveLength(0);
      } else {
        expect(snap.value).toBe('saved');
        expect(saved).toHaveLength(1);
        if (state === 'module') {
          expect(saved[0]!.partial).toBe(true);
          expect(saved[0]!.data).toMatchObject({ b: { text: 'half a thought' } });
        }
        if (state === 'note') expect(saved[0]!.note).toBe('a note in progress');
      }
    });
  }

  it('EXIT while grounding keeps the words typed before grounding', async () => {
    const saved: SessionContext[] = [];
    const actor = start({}, saved);
    reach['module']!(actor);
    actor.send({ type: 'GROUND' });
    actor.send({ type: 'EXIT' });
    await settle();
    expect(saved[0]!.data).toMatchObject({ b: { text: 'half a thought' } });
  });

  it('a failed save (full disk) keeps everything and can be retried', async () => {
    const saved: SessionContext[] = [];
    const fail = { on: true };
    const actor = start({ quick: true }, saved, fail);
    moduleOf(actor).send({ type: 'TYPE', text: 'blue cup' });
    for (let i = 0; i < 3; i++) moduleOf(actor).send({ type: 'NEXT' });
    actor.send({ type: 'SKIP_CHECK_OUT' });
    actor.send({ type: 'FINISH' });
    await settle();
    expect(actor.getSnapshot().value).toBe('saveFailed');
    expect(actor.getSnapshot().context.error).toMatch(/Quota/);
    fail.on = false;
    actor.send({ type: 'RETRY' });
    await settle();
    expect(actor.getSnapshot().value).toBe('saved');
    expect(saved[0]!.data).toMatchObject({ a: { text: 'blue cup' } });
  });

  it('restores from a persisted snapshot mid-module, child words and all', () => {
    const actor = start({ family: 'reframing' });
    reach['module']!(actor);
    actor.send({ type: 'GROUND' });
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    actor.stop();

    const machine = sessionMachine.provide({ actors: { module: steps } });
    const restored = createActor(machine, { snapshot: persisted, input: undefined as never });
    restored.start();
    expect(restored.getSnapshot().value).toBe('grounding');
    restored.send({ type: 'RESUME' });
    expect(restored.getSnapshot().value).toEqual({ flow: 'module' });
    const child = moduleOf(restored);
    expect(child.getSnapshot().context.index).toBe(1);
    expect(child.getSnapshot().context.data.b.text).toBe('half a thought');
    // The restored child still drives the session forward.
    child.send({ type: 'NEXT' });
    child.send({ type: 'NEXT' });
    expect(restored.getSnapshot().value).toEqual({ flow: 'checkOut' });
  });

  it('a stored session says whether it holds anything: words in the module, a rating, or nothing at all', () => {
    const persisted = (a: ReturnType<typeof start>) => JSON.parse(JSON.stringify(a.getPersistedSnapshot()));
    const empty = start({ quick: true });
    moduleOf(empty).send({ type: 'NEXT' });
    expect(storedHasContent(persisted(empty))).toBe(false);
    const typed = start({ quick: true });
    moduleOf(typed).send({ type: 'TYPE', text: 'a green mug' });
    expect(storedHasContent(persisted(typed))).toBe(true);
    const rated = start();
    rated.send({ type: 'CHECK_IN', presence: 5 });
    expect(storedHasContent(persisted(rated))).toBe(true);
    expect(storedHasContent(undefined)).toBe(false);
  });

  it.each<[string, string, number, string]>([
    ['safe place (imagery) at presence 3 offers outward exercises first', 'safe-place', 3, 'offerGrounding'],
    ['safe place at presence 4 goes straight in', 'safe-place', 4, 'module'],
    ['breathing (breath focus) at presence 2 offers outward first', 'breathing', 2, 'offerGrounding'],
    ['body (muscle work) at presence 3 offers outward first', 'body', 3, 'offerGrounding'],
    ['5-4-3-2-1 (outward) at presence 0 goes straight in', 'five-senses', 0, 'module'],
  ])('%s', (_name, moduleId, presence, expected) => {
    const actor = start({ moduleId });
    actor.send({ type: 'CHECK_IN', presence });
    expect(actor.getSnapshot().value).toEqual({ flow: expected });
    if (expected === 'offerGrounding') {
      actor.send({ type: 'CONTINUE' }); // the person may still go on
      expect(actor.getSnapshot().value).toEqual({ flow: 'module' });
    }
  });
});

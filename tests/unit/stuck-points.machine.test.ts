import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, type AnyActorRef } from 'xstate';
import * as v from 'valibot';
import { stuckPointsMachine, type StuckPointsEvent } from '../../src/modules/reframing/stuck-points/machine';
import { StuckPointsDataSchema } from '../../src/modules/reframing/stuck-points/schema';
import stuckPoints from '../../src/modules/reframing/stuck-points/index';
import { stuckPointsMeta } from '../../src/modules/reframing/stuck-points/meta';
import { questions, sources, copy } from '../../src/modules/reframing/stuck-points/content';
import { sessionMachine, type SessionContext } from '../../src/flow/session.machine';
import { fitsPhase } from '../../src/flow/phase';

function start() {
  const actor = createActor(stuckPointsMachine, { input: { quick: false } });
  actor.start();
  return actor;
}
type Actor = { send(e: StuckPointsEvent): void };

const BELIEF = 'It was my fault.';
const ALT = 'I did what I could with what I knew then.';

describe('stuck points machine: every step', () => {
  it('intro → belief → rating → seven questions (one per screen) → alternative → rating again → review → done', () => {
    const a = start();
    expect(a.getSnapshot().value).toBe('intro');
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().value).toBe('belief');
    a.send({ type: 'TYPE', text: BELIEF });
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().value).toBe('rateBefore');
    a.send({ type: 'RATE', which: 'before', value: 80 });
    a.send({ type: 'NEXT' });
    const seen: number[] = [];
    for (const q of questions) {
      expect(a.getSnapshot().value).toBe('question');
      seen.push(a.getSnapshot().context.index);
      a.send({ type: 'TYPE', text: `thoughts on ${q.id}` });
      a.send({ type: 'NEXT' });
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(a.getSnapshot().value).toBe('alternative');
    a.send({ type: 'TYPE', text: ALT });
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().value).toBe('rateAfter');
    a.send({ type: 'RATE', which: 'after', value: 50 });
    a.send({ type: 'RATE', which: 'alternativeBelieved', value: 40 });
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().value).toBe('review');
    a.send({ type: 'FINISH' });
    const snap = a.getSnapshot();
    expect(snap.status).toBe('done');
    expect(snap.output).toMatchObject({ belief: BELIEF, before: 80, after: 50, alternative: ALT, alternativeBelieved: 40, skipped: [] });
    expect(snap.output!.answers.cost).toBe('thoughts on cost');
    expect(v.safeParse(StuckPointsDataSchema, snap.output).success).toBe(true);
  });

  it('any question can be skipped; answering it later takes it off the skipped list', () => {
    const a = start();
    a.send({ type: 'NEXT' });
    a.send({ type: 'NEXT' });
    a.send({ type: 'NEXT' });
    a.send({ type: 'SKIP' }); // habit
    a.send({ type: 'SKIP' }); // allOrNone
    a.send({ type: 'BACK' });
    expect(a.getSnapshot().context.index).toBe(1);
    a.send({ type: 'TYPE', text: 'sometimes, not always' });
    expect(a.getSnapshot().context.data.skipped).toEqual(['habit']);
    for (let i = 1; i < questions.length; i++) a.send({ type: 'SKIP' });
    expect(a.getSnapshot().value).toBe('alternative');
    expect(a.getSnapshot().context.data.skipped).toEqual(['habit', 'feelings', 'source', 'friend', 'whole', 'cost']);
    expect(a.getSnapshot().context.data.answers.allOrNone).toBe('sometimes, not always');
  });

  it('ratings are optional, clamped to 0–100, and only the ones on screen count', () => {
    const a = start();
    a.send({ type: 'NEXT' });
    a.send({ type: 'NEXT' });
    a.send({ type: 'RATE', which: 'after', value: 30 }); // not on this screen
    a.send({ type: 'RATE', which: 'before', value: 140 });
    expect(a.getSnapshot().context.data).toMatchObject({ before: 100, after: null });
    a.send({ type: 'NEXT' });
    for (const _ of questions) a.send({ type: 'NEXT' });
    a.send({ type: 'NEXT' });
    a.send({ type: 'NEXT' }); // no rating after
    expect(a.getSnapshot().value).toBe('review');
    expect(a.getSnapshot().context.data).toMatchObject({ after: null, alternativeBelieved: null });
  });

  it('Back walks every screen in reverse without losing a word', () => {
    const a = start();
    a.send({ type: 'NEXT' });
    a.send({ type: 'TYPE', text: BELIEF });
    a.send({ type: 'NEXT' });
    a.send({ type: 'NEXT' });
    for (const _ of questions) a.send({ type: 'NEXT' });
    a.send({ type: 'TYPE', text: ALT });
    a.send({ type: 'NEXT' });
    a.send({ type: 'NEXT' });
    const back: string[] = [];
    while (a.getSnapshot().value !== 'intro') {
      a.send({ type: 'BACK' });
      back.push(`${a.getSnapshot().value as string}${a.getSnapshot().value === 'question' ? a.getSnapshot().context.index : ''}`);
    }
    expect(back).toEqual(['rateAfter', 'alternative', 'question6', 'question5', 'question4', 'question3', 'question2', 'question1', 'question0', 'rateBefore', 'belief', 'intro']);
    expect(a.getSnapshot().context.data).toMatchObject({ belief: BELIEF, alternative: ALT });
  });
});

// Every state of the module, reached by the events a person would send.
const reach: Record<string, (a: Actor) => void> = {
  intro: () => {},
  belief: (a) => {
    a.send({ type: 'NEXT' });
    a.send({ type: 'TYPE', text: BELIEF });
  },
  rateBefore: (a) => {
    reach['belief']!(a);
    a.send({ type: 'NEXT' });
    a.send({ type: 'RATE', which: 'before', value: 70 });
  },
  question: (a) => {
    reach['rateBefore']!(a);
    a.send({ type: 'NEXT' });
    a.send({ type: 'SKIP' });
    a.send({ type: 'TYPE', text: 'half a thought' });
  },
  alternative: (a) => {
    reach['rateBefore']!(a);
    a.send({ type: 'NEXT' });
    for (const _ of questions) a.send({ type: 'NEXT' });
    a.send({ type: 'TYPE', text: ALT });
  },
  rateAfter: (a) => {
    reach['alternative']!(a);
    a.send({ type: 'NEXT' });
    a.send({ type: 'RATE', which: 'after', value: 40 });
  },
  review: (a) => {
    reach['rateAfter']!(a);
    a.send({ type: 'NEXT' });
  },
};

function inSession(saved: SessionContext[] = []) {
  const machine = sessionMachine.provide({
    actors: {
      module: stuckPointsMachine,
      saveEntry: fromPromise(async ({ input: { context } }) => {
        saved.push(context);
        return `entry-${saved.length}`;
      }),
    },
  });
  const session = createActor(machine, { input: { sessionId: 's1', moduleId: 'stuck-points', family: 'reframing' } });
  session.start();
  session.send({ type: 'SKIP_CHECK_IN' });
  const mod = () => session.getSnapshot().children['module'] as AnyActorRef;
  return { session, mod };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('stuck points inside a session: Ground, Pause and Leave from every step', () => {
  for (const [state, go] of Object.entries(reach)) {
    it(`GROUND from ${state} suspends; RESUME returns to the same step with every word kept`, () => {
      const { session, mod } = inSession();
      go(mod());
      const before = mod().getSnapshot();
      expect(before.value).toBe(state);
      session.send({ type: 'GROUND' });
      expect(session.getSnapshot().value).toBe('grounding');
      session.send({ type: 'RESUME' });
      expect(session.getSnapshot().value).toEqual({ flow: 'module' });
      expect(mod().getSnapshot().value).toBe(state);
      expect(mod().getSnapshot().context).toEqual(before.context);
    });

    it(`PAUSE from ${state} and RESUME returns to the same step`, () => {
      const { session, mod } = inSession();
      go(mod());
      const before = mod().getSnapshot().context;
      session.send({ type: 'PAUSE' });
      expect(session.getSnapshot().value).toBe('paused');
      session.send({ type: 'RESUME' });
      expect(mod().getSnapshot().value).toBe(state);
      expect(mod().getSnapshot().context).toEqual(before);
    });

    it(`EXIT from ${state} keeps whatever was written or rated`, async () => {
      const saved: SessionContext[] = [];
      const { session, mod } = inSession(saved);
      go(mod());
      const data = mod().getSnapshot().context.data;
      session.send({ type: 'EXIT' });
      await settle();
      expect(session.getSnapshot().status).toBe('done');
      // The check-in was skipped: an untouched intro leaves nothing worth a journal line.
      if (state === 'intro') expect(saved).toHaveLength(0);
      else {
        expect(saved).toHaveLength(1);
        expect(saved[0]!.partial).toBe(true);
        expect(saved[0]!.data).toEqual(data);
        expect(v.safeParse(StuckPointsDataSchema, saved[0]!.data).success).toBe(true);
      }
    });
  }

  it('survives a JSON snapshot round trip mid-question and hands its answers to the session', async () => {
    const saved: SessionContext[] = [];
    const { session, mod } = inSession(saved);
    reach['question']!(mod());
    const stored = JSON.parse(JSON.stringify(session.getPersistedSnapshot()));
    session.stop();
    const machine = sessionMachine.provide({
      actors: {
        module: stuckPointsMachine,
        saveEntry: fromPromise(async ({ input: { context } }) => {
          saved.push(context);
          return 'e';
        }),
      },
    });
    const restored = createActor(machine, { snapshot: stored, input: undefined as never });
    restored.start();
    const child = () => restored.getSnapshot().children['module'] as AnyActorRef;
    expect(child().getSnapshot().context.data.answers.allOrNone).toBe('half a thought');
    while (child().getSnapshot().value !== 'review') child().send({ type: 'NEXT' });
    child().send({ type: 'FINISH' });
    restored.send({ type: 'SKIP_CHECK_OUT' });
    restored.send({ type: 'FINISH' });
    await settle();
    expect(saved[0]?.data).toMatchObject({ belief: BELIEF, before: 70, skipped: ['habit'] });
  });
});

describe('stuck points: journal, copy and where it is offered', () => {
  it('summarises for the journal and search: belief, ratings, answers, skipped, alternative', () => {
    const data = {
      belief: BELIEF,
      before: 80,
      answers: { habit: 'a habit, mostly', allOrNone: '', feelings: '', source: '', friend: 'not your fault', whole: '', cost: '' },
      skipped: ['allOrNone' as const],
      alternative: ALT,
      after: 60,
      alternativeBelieved: 40,
    };
    expect(stuckPoints.summarize(data)).toBe(
      [
        'Stuck point: It was my fault.',
        'Believed: 80/100 at the start, 60/100 at the end',
        'A habit of thought, or a fact? a habit, mostly',
        'If a friend said it not your fault',
        'Skipped: All or nothing?',
        `Another way to see it: ${ALT}`,
        'Believed the other way: 40/100',
      ].join('\n'),
    );
    expect(stuckPoints.summarize({ ...data, belief: ' ', before: null, after: null, answers: { ...data.answers, habit: '', friend: '' }, skipped: [], alternative: '', alternativeBelieved: null })).toBe(
      'Looked at a stuck point (nothing written).',
    );
  });

  it('is reframing, asks typing, never in the session phase; minutes computed and at most ten', () => {
    expect(stuckPointsMeta).toMatchObject({ id: 'stuck-points', family: 'reframing', asksTyping: true });
    expect(stuckPointsMeta.phases).toEqual(['settling', 'window', 'consolidation', 'between']);
    expect(fitsPhase(stuckPointsMeta, 'session')).toBe(false);
    expect(stuckPointsMeta.minutes).toBe(9);
  });

  it('cites CPT as the inspiration and says the wording is its own; never argues with a real danger', () => {
    expect(sources.some((s) => s.citation.startsWith('Resick PA, Monson CM, Chard KM') && s.citation.includes('2017'))).toBe(true);
    expect(sources[0]!.use).toMatch(/original/);
    expect(copy.intro.body.join(' ')).toMatch(/danger that is real and happening now.*Help/);
    expect(questions.map((q) => q.id)).toEqual(['habit', 'allOrNone', 'feelings', 'source', 'friend', 'whole', 'cost']);
  });
});

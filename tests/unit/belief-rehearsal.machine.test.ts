import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, type AnyActorRef } from 'xstate';
import * as v from 'valibot';
import { beliefRehearsalMachine, type BeliefRehearsalEvent } from '../../src/modules/reframing/belief-rehearsal/machine';
import { BeliefRehearsalDataSchema } from '../../src/modules/reframing/belief-rehearsal/schema';
import beliefRehearsal from '../../src/modules/reframing/belief-rehearsal/index';
import { beliefRehearsalMeta } from '../../src/modules/reframing/belief-rehearsal/meta';
import { MAX_MINUTES } from '../../src/modules/reframing/belief-rehearsal/timing';
import { copy, sources } from '../../src/modules/reframing/belief-rehearsal/content';
import type { Suggestion } from '../../src/modules/reframing/belief-rehearsal/history';
import { sessionMachine, type SessionContext } from '../../src/flow/session.machine';
import { fitsPhase } from '../../src/flow/phase';

const ALT = 'I did what I could with what I knew then.';
const LAST = 'I am allowed to rest.';
const offered: Suggestion[] = [
  { text: ALT, from: 'stuck-points', at: 2000 },
  { text: LAST, from: 'rehearsal', at: 1000 },
];

function start() {
  const actor = createActor(beliefRehearsalMachine, { input: { quick: false } });
  actor.start();
  return actor;
}
type Actor = { send(e: BeliefRehearsalEvent): void };

describe('belief rehearsal machine: every step', () => {
  it('waits for the journal, prefills the newest offered belief, then rate → write → read back → rate → review → done', () => {
    const a = start();
    expect(a.getSnapshot().value).toBe('loading');
    a.send({ type: 'LOADED', suggestions: offered });
    expect(a.getSnapshot().value).toBe('choose');
    expect(a.getSnapshot().context.data).toMatchObject({ belief: ALT, from: 'stuck-points' });
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().value).toBe('rateBefore');
    a.send({ type: 'RATE', which: 'before', value: 30 });
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().value).toBe('write');
    a.send({ type: 'TYPE', text: ALT });
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().value).toBe('readBack');
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().value).toBe('rateAfter');
    a.send({ type: 'RATE', which: 'after', value: 50 });
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().value).toBe('review');
    a.send({ type: 'FINISH' });
    const snap = a.getSnapshot();
    expect(snap.status).toBe('done');
    expect(snap.output).toEqual({ belief: ALT, from: 'stuck-points', before: 30, written: ALT, after: 50 });
    expect(v.safeParse(BeliefRehearsalDataSchema, snap.output).success).toBe(true);
  });

  it('offers the last rehearsed belief too; typing their own marks it as theirs; nothing offered → empty', () => {
    const a = start();
    a.send({ type: 'LOADED', suggestions: offered });
    a.send({ type: 'USE', index: 1 });
    expect(a.getSnapshot().context.data).toMatchObject({ belief: LAST, from: 'rehearsal' });
    a.send({ type: 'TYPE', text: 'I am allowed to rest, even today.' });
    expect(a.getSnapshot().context.data.from).toBe('own');
    const b = start();
    b.send({ type: 'LOADED' });
    expect(b.getSnapshot().context.data).toMatchObject({ belief: '', from: 'own' });
  });

  it('goes on from choosing only with a belief (nothing to rehearse without one)', () => {
    const a = start();
    a.send({ type: 'LOADED' });
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().value).toBe('choose');
    a.send({ type: 'TYPE', text: '   ' });
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().value).toBe('choose');
    a.send({ type: 'TYPE', text: LAST });
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().value).toBe('rateBefore');
  });

  it('ratings are optional, clamped, and only the one on screen counts; Back walks every screen', () => {
    const a = start();
    a.send({ type: 'LOADED', suggestions: offered });
    a.send({ type: 'NEXT' });
    a.send({ type: 'RATE', which: 'after', value: 90 });
    a.send({ type: 'RATE', which: 'before', value: -5 });
    expect(a.getSnapshot().context.data).toMatchObject({ before: 0, after: null });
    for (let i = 0; i < 4; i++) a.send({ type: 'NEXT' });
    expect(a.getSnapshot().value).toBe('review');
    const back: string[] = [];
    while (a.getSnapshot().value !== 'choose') {
      a.send({ type: 'BACK' });
      back.push(a.getSnapshot().value as string);
    }
    expect(back).toEqual(['rateAfter', 'readBack', 'write', 'rateBefore', 'choose']);
  });

  it('a late LOADED never replaces words already typed', () => {
    const a = start();
    a.send({ type: 'LOADED' });
    a.send({ type: 'TYPE', text: 'mine' });
    a.send({ type: 'LOADED', suggestions: offered });
    expect(a.getSnapshot().context.data.belief).toBe('mine');
  });
});

const reach: Record<string, (a: Actor) => void> = {
  loading: () => {},
  choose: (a) => {
    a.send({ type: 'LOADED', suggestions: offered });
    a.send({ type: 'TYPE', text: `${ALT} Mostly.` });
  },
  rateBefore: (a) => {
    reach['choose']!(a);
    a.send({ type: 'NEXT' });
    a.send({ type: 'RATE', which: 'before', value: 20 });
  },
  write: (a) => {
    reach['rateBefore']!(a);
    a.send({ type: 'NEXT' });
    a.send({ type: 'TYPE', text: 'half of it' });
  },
  readBack: (a) => {
    reach['write']!(a);
    a.send({ type: 'NEXT' });
  },
  rateAfter: (a) => {
    reach['readBack']!(a);
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
      module: beliefRehearsalMachine,
      saveEntry: fromPromise(async ({ input: { context } }) => {
        saved.push(context);
        return `entry-${saved.length}`;
      }),
    },
  });
  const session = createActor(machine, { input: { sessionId: 's1', moduleId: 'belief-rehearsal', family: 'reframing' } });
  session.start();
  session.send({ type: 'CHECK_IN', presence: 6, distress: 3 });
  const mod = () => session.getSnapshot().children['module'] as AnyActorRef;
  return { session, mod };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('belief rehearsal inside a session: Ground, Pause and Leave from every step', () => {
  for (const [state, go] of Object.entries(reach)) {
    it(`GROUND from ${state} suspends; RESUME returns to the same step with every word kept`, () => {
      const { session, mod } = inSession();
      go(mod());
      const before = mod().getSnapshot();
      expect(before.value).toBe(state);
      session.send({ type: 'GROUND' });
      expect(session.getSnapshot().value).toBe('grounding');
      session.send({ type: 'RESUME' });
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

    it(`EXIT from ${state} keeps the check-in and whatever was written or rated`, async () => {
      const saved: SessionContext[] = [];
      const { session, mod } = inSession(saved);
      go(mod());
      const data = mod().getSnapshot().context.data;
      session.send({ type: 'EXIT' });
      await settle();
      expect(session.getSnapshot().value).toBe('saved');
      expect(saved).toHaveLength(1);
      expect(saved[0]!.partial).toBe(true);
      expect(saved[0]!.before).toMatchObject({ presence: 6, distress: 3 });
      expect(saved[0]!.data).toEqual(data);
      expect(v.safeParse(BeliefRehearsalDataSchema, saved[0]!.data).success).toBe(true);
    });
  }
});

describe('belief rehearsal: journal, copy and where it is offered', () => {
  it('summarises for the journal and search', () => {
    expect(beliefRehearsal.summarize({ belief: ALT, from: 'stuck-points', before: 30, written: `${ALT} Mostly.`, after: 50 })).toBe(
      `Rehearsed: ${ALT}\nHow believable: 30/100 before, 50/100 after\nWritten: ${ALT} Mostly.`,
    );
    expect(beliefRehearsal.summarize({ belief: LAST, from: 'own', before: null, written: LAST, after: 70 })).toBe(
      `Rehearsed: ${LAST}\nHow believable: — before, 70/100 after`,
    );
  });

  it('is reframing, asks typing, never in the session phase, and is short (≤ 10 minutes)', () => {
    expect(beliefRehearsalMeta).toMatchObject({ id: 'belief-rehearsal', family: 'reframing', asksTyping: true });
    expect(beliefRehearsalMeta.phases).toEqual(['settling', 'window', 'consolidation', 'between']);
    expect(fitsPhase(beliefRehearsalMeta, 'session')).toBe(false);
    expect(beliefRehearsalMeta.minutes).toBeLessThanOrEqual(MAX_MINUTES);
    expect(beliefRehearsal.EntryDetail).toBeDefined();
  });

  it('cites Price 2022 only as the reason for short repeated practice, and never claims its training or results', () => {
    const price = sources.find((s) => s.citation.startsWith('Price RB'));
    expect(price?.citation).toMatch(/Am J Psychiatry 2022/);
    expect(price?.use).toMatch(/not that trial’s training/);
    const words = JSON.stringify(copy);
    expect(words).not.toMatch(/Price|trial|study|studies|proven|research shows|70|80%/i);
  });
});

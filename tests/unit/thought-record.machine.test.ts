import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, type AnyActorRef } from 'xstate';
import * as v from 'valibot';
import { emptyThoughtRecord, rating, thoughtRecordMachine, type ThoughtRecordEvent } from '../../src/modules/reframing/thought-record/machine';
import { ThoughtRecordDataSchema, type ThoughtRecordData } from '../../src/modules/reframing/thought-record/schema';
import thoughtRecord from '../../src/modules/reframing/thought-record/index';
import { thoughtRecordMeta } from '../../src/modules/reframing/thought-record/meta';
import { sources } from '../../src/modules/reframing/thought-record/content';
import { sessionMachine, type SessionContext } from '../../src/flow/session.machine';
import { fitsPhase } from '../../src/flow/phase';
import { findModule } from '../../src/modules/registry';

function start(quick = false) {
  return createActor(thoughtRecordMachine, { input: { quick } }).start();
}
const value = (a: ReturnType<typeof start>) => a.getSnapshot().value;
const data = (a: ReturnType<typeof start>) => a.getSnapshot().context.data;

/** Events that bring a fresh record to each state (the danger screen through "yes" and through "not sure"). */
const PATHS: Record<string, ThoughtRecordEvent[]> = {
  intro: [],
  situation: [{ type: 'NEXT' }],
  check: [{ type: 'NEXT' }, { type: 'NEXT' }],
  danger: [{ type: 'NEXT' }, { type: 'NEXT' }, { type: 'ANSWER', danger: 'yes' }],
  dangerUnsure: [{ type: 'NEXT' }, { type: 'NEXT' }, { type: 'ANSWER', danger: 'unsure' }],
  thought: [{ type: 'NEXT' }, { type: 'NEXT' }, { type: 'ANSWER', danger: 'no' }],
  emotions: [{ type: 'NEXT' }, { type: 'NEXT' }, { type: 'ANSWER', danger: 'no' }, { type: 'NEXT' }],
  evidenceFor: [{ type: 'NEXT' }, { type: 'NEXT' }, { type: 'ANSWER', danger: 'no' }, { type: 'NEXT' }, { type: 'NEXT' }],
  evidenceAgainst: [
    { type: 'NEXT' }, { type: 'NEXT' }, { type: 'ANSWER', danger: 'no' }, { type: 'NEXT' }, { type: 'NEXT' }, { type: 'NEXT' },
  ],
  alternative: [
    { type: 'NEXT' }, { type: 'NEXT' }, { type: 'ANSWER', danger: 'no' }, { type: 'NEXT' }, { type: 'NEXT' }, { type: 'NEXT' },
    { type: 'NEXT' },
  ],
  rerate: [
    { type: 'NEXT' }, { type: 'NEXT' }, { type: 'ANSWER', danger: 'no' }, { type: 'NEXT' }, { type: 'NEXT' }, { type: 'NEXT' },
    { type: 'NEXT' }, { type: 'NEXT' },
  ],
};
const stateOf = (name: string) => (name === 'dangerUnsure' ? 'danger' : name);

const full: ThoughtRecordData = {
  situation: 'Sunday evening, my sister did not answer my message',
  thought: 'She is angry with me',
  beliefBefore: 80,
  emotions: [
    { name: 'anxious', before: 70, after: 40 },
    { name: 'sad', before: 60, after: 50 },
  ],
  evidenceFor: 'She usually answers within an hour',
  evidenceAgainst: 'She said she had a long shift today',
  alternative: 'She is probably tired; we talked happily on Friday',
  alternativeBelief: 60,
  beliefAfter: 35,
  dangerNow: false,
  dangerUnsure: false,
};

describe('thought record machine: every step, one per screen', () => {
  it('intro → situation → check → thought → emotions → evidence for → evidence against → alternative → rerate → done, keeping every field', () => {
    const a = start();
    expect(value(a)).toBe('intro');
    a.send({ type: 'NEXT' });
    expect(value(a)).toBe('situation');
    a.send({ type: 'TYPE', field: 'situation', text: full.situation });
    a.send({ type: 'NEXT' });
    expect(value(a)).toBe('check');
    a.send({ type: 'ANSWER', danger: 'no' });
    expect(value(a)).toBe('thought');
    a.send({ type: 'TYPE', field: 'thought', text: full.thought });
    a.send({ type: 'RATE', field: 'beliefBefore', value: 80 });
    a.send({ type: 'NEXT' });
    expect(value(a)).toBe('emotions');
    a.send({ type: 'ADD_EMOTION', name: 'anxious' });
    a.send({ type: 'RATE_EMOTION', index: 0, when: 'before', value: 70 });
    a.send({ type: 'ADD_EMOTION' });
    a.send({ type: 'NAME_EMOTION', index: 1, name: 'sad' });
    a.send({ type: 'RATE_EMOTION', index: 1, when: 'before', value: 60 });
    a.send({ type: 'NEXT' });
    expect(value(a)).toBe('evidenceFor');
    a.send({ type: 'TYPE', field: 'evidenceFor', text: full.evidenceFor });
    a.send({ type: 'NEXT' });
    expect(value(a)).toBe('evidenceAgainst');
    a.send({ type: 'TYPE', field: 'evidenceAgainst', text: full.evidenceAgainst });
    a.send({ type: 'NEXT' });
    expect(value(a)).toBe('alternative');
    a.send({ type: 'TYPE', field: 'alternative', text: full.alternative });
    a.send({ type: 'RATE', field: 'alternativeBelief', value: 60 });
    a.send({ type: 'NEXT' });
    expect(value(a)).toBe('rerate');
    a.send({ type: 'RATE_EMOTION', index: 0, when: 'after', value: 40 });
    a.send({ type: 'RATE_EMOTION', index: 1, when: 'after', value: 50 });
    a.send({ type: 'RATE', field: 'beliefAfter', value: 35 });
    a.send({ type: 'NEXT' });
    const snap = a.getSnapshot();
    expect(snap.status).toBe('done');
    expect(snap.output).toEqual(full);
    expect(v.safeParse(ThoughtRecordDataSchema, snap.output).success).toBe(true);
  });

  it('every step may be left empty: Next with nothing written goes on, and the output is still valid', () => {
    const a = start();
    for (const e of PATHS['rerate']!) a.send(e);
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().status).toBe('done');
    expect(a.getSnapshot().output).toEqual({ ...emptyThoughtRecord(), dangerNow: false });
    expect(v.safeParse(ThoughtRecordDataSchema, a.getSnapshot().output).success).toBe(true);
  });

  it('Back from every screen goes to the one before, and the words stay', () => {
    const order = ['intro', 'situation', 'check', 'thought', 'emotions', 'evidenceFor', 'evidenceAgainst', 'alternative', 'rerate'];
    for (let i = 1; i < order.length; i++) {
      const a = start();
      for (const e of PATHS[order[i]!]!) a.send(e);
      a.send({ type: 'TYPE', field: 'situation', text: 'kept' });
      a.send({ type: 'BACK' });
      expect(value(a), `Back from ${order[i]}`).toBe(order[i - 1]);
      expect(data(a).situation).toBe('kept');
    }
  });

  it('quick start skips the intro (the module contract)', () => {
    expect(value(start(true))).toBe('situation');
  });

  it('ratings are whole numbers 0–100 or null; a rating can be cleared', () => {
    expect([rating(-5), rating(104), rating(37.6), rating(null), rating(Number.NaN)]).toEqual([0, 100, 38, null, null]);
    const a = start();
    a.send({ type: 'RATE', field: 'beliefBefore', value: 55 });
    expect(data(a).beliefBefore).toBe(55);
    a.send({ type: 'RATE', field: 'beliefBefore', value: null });
    expect(data(a).beliefBefore).toBeNull();
  });

  it('feelings: added from a word or named freely, renamed, rated, removed; out-of-range indexes change nothing', () => {
    const a = start();
    a.send({ type: 'ADD_EMOTION', name: 'guilty' });
    a.send({ type: 'ADD_EMOTION' });
    a.send({ type: 'NAME_EMOTION', index: 1, name: 'heavy' });
    a.send({ type: 'RATE_EMOTION', index: 1, when: 'before', value: 90 });
    a.send({ type: 'RATE_EMOTION', index: 7, when: 'before', value: 10 });
    a.send({ type: 'NAME_EMOTION', index: -1, name: 'x' });
    a.send({ type: 'REMOVE_EMOTION', index: 0 });
    expect(data(a).emotions).toEqual([{ name: 'heavy', before: 90, after: null }]);
    for (let i = 0; i < 30; i++) a.send({ type: 'ADD_EMOTION', name: `f${i}` });
    expect(data(a).emotions).toHaveLength(20);
  });
});

describe('thought record: never argues with a danger happening now', () => {
  it('“yes” at the safety check stops the record: no way on to the thought, only Back, or ending here', () => {
    const a = start();
    for (const e of PATHS['danger']!) a.send(e);
    expect(value(a)).toBe('danger');
    expect(data(a)).toMatchObject({ dangerNow: true, dangerUnsure: false });
    a.send({ type: 'NEXT' });
    a.send({ type: 'CONTINUE' });
    expect(value(a)).toBe('danger');
    a.send({ type: 'BACK' });
    expect(value(a)).toBe('check');
    a.send({ type: 'ANSWER', danger: 'yes' });
    a.send({ type: 'FINISH' });
    expect(a.getSnapshot().status).toBe('done');
    expect(a.getSnapshot().output).toMatchObject({ dangerNow: true });
  });

  it('“not sure” offers the same safety first, and lets the person carry on once they say it is not happening now', () => {
    const a = start();
    a.send({ type: 'NEXT' });
    a.send({ type: 'TYPE', field: 'situation', text: 'a car followed me last week' });
    a.send({ type: 'NEXT' });
    a.send({ type: 'ANSWER', danger: 'unsure' });
    expect(value(a)).toBe('danger');
    expect(data(a)).toMatchObject({ dangerNow: null, dangerUnsure: true });
    a.send({ type: 'CONTINUE' });
    expect(value(a)).toBe('thought');
    expect(data(a)).toMatchObject({ dangerNow: false, dangerUnsure: false, situation: 'a car followed me last week' });
  });

  it('a wrong tap can be taken back: Back from the danger screen, then “no”', () => {
    const a = start();
    for (const e of PATHS['danger']!) a.send(e);
    a.send({ type: 'BACK' });
    a.send({ type: 'ANSWER', danger: 'no' });
    expect(value(a)).toBe('thought');
    expect(data(a).dangerNow).toBe(false);
  });
});

describe('thought record inside a session: GROUND, PAUSE and EXIT from every state', () => {
  function session(saved: SessionContext[]) {
    const machine = sessionMachine.provide({
      actors: {
        module: thoughtRecordMachine,
        saveEntry: fromPromise(async ({ input: { context } }) => {
          saved.push(context);
          return 'entry-1';
        }),
      },
    });
    const actor = createActor(machine, {
      input: { sessionId: 's1', moduleId: 'thought-record', family: 'reframing' },
    }).start();
    actor.send({ type: 'SKIP_CHECK_IN' });
    return actor;
  }
  const mod = (actor: ReturnType<typeof session>) => actor.getSnapshot().children['module'] as AnyActorRef;

  for (const name of Object.keys(PATHS)) {
    it(`${name}: Ground me now and Pause keep the step and the words; Leave keeps them as an unfinished entry`, async () => {
      const saved: SessionContext[] = [];
      const actor = session(saved);
      for (const e of PATHS[name]!) mod(actor).send(e);
      mod(actor).send({ type: 'TYPE', field: 'situation', text: `words on ${name}` });
      mod(actor).send({ type: 'ADD_EMOTION', name: 'tense' });
      const before = mod(actor).getSnapshot();
      expect(before.value).toBe(stateOf(name));

      actor.send({ type: 'GROUND' });
      expect(actor.getSnapshot().value).toBe('grounding');
      actor.send({ type: 'RESUME' });
      expect(actor.getSnapshot().value).toEqual({ flow: 'module' });
      expect(mod(actor).getSnapshot().value).toBe(stateOf(name));

      actor.send({ type: 'PAUSE' });
      expect(actor.getSnapshot().value).toBe('paused');
      actor.send({ type: 'RESUME' });
      expect(mod(actor).getSnapshot().value).toBe(stateOf(name));
      expect(mod(actor).getSnapshot().context.data).toEqual(before.context.data);

      // The snapshot the runner stores survives a JSON round trip with the words in it.
      const stored = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
      expect(JSON.stringify(stored)).toContain(`words on ${name}`);

      actor.send({ type: 'EXIT' });
      await new Promise((r) => setTimeout(r, 0));
      expect(saved).toHaveLength(1);
      expect(saved[0]?.partial).toBe(true);
      expect(saved[0]?.data).toMatchObject({ situation: `words on ${name}`, emotions: [{ name: 'tense' }] });
      expect(v.safeParse(ThoughtRecordDataSchema, saved[0]?.data).success).toBe(true);
    });
  }

  it('a restored session carries on where it was, and finishing hands everything to the check-out', async () => {
    const saved: SessionContext[] = [];
    const first = session(saved);
    for (const e of PATHS['evidenceFor']!) mod(first).send(e);
    mod(first).send({ type: 'TYPE', field: 'evidenceFor', text: 'half written' });
    const stored = JSON.parse(JSON.stringify(first.getPersistedSnapshot()));
    first.stop();
    const machine = sessionMachine.provide({
      actors: {
        module: thoughtRecordMachine,
        saveEntry: fromPromise(async ({ input: { context } }) => {
          saved.push(context);
          return 'entry-2';
        }),
      },
    });
    const restored = createActor(machine, { snapshot: stored, input: undefined as never }).start();
    const child = () => restored.getSnapshot().children['module'] as AnyActorRef;
    expect(child().getSnapshot().value).toBe('evidenceFor');
    expect(child().getSnapshot().context.data.evidenceFor).toBe('half written');
    for (let i = 0; i < 4; i++) child().send({ type: 'NEXT' });
    expect(restored.getSnapshot().value).toEqual({ flow: 'checkOut' });
    restored.send({ type: 'SKIP_CHECK_OUT' });
    restored.send({ type: 'FINISH' });
    await new Promise((r) => setTimeout(r, 0));
    expect(saved[0]?.partial).toBe(false);
    expect(saved[0]?.data).toMatchObject({ evidenceFor: 'half written', dangerNow: false });
  });
});

describe('thought record: journal summary', () => {
  it('the person’s words and ratings, step by step, so search finds them', () => {
    expect(thoughtRecord.summarize(full)).toBe(
      [
        'Thought record.',
        'Situation: Sunday evening, my sister did not answer my message',
        'Thought: She is angry with me (believed 80%)',
        'Feelings: anxious 70 → 40, sad 60 → 50',
        'What supports it: She usually answers within an hour',
        'What does not fit: She said she had a long shift today',
        'Balanced thought: She is probably tired; we talked happily on Friday (believed 60%)',
        'Belief in the first thought now: 35%',
      ].join('\n'),
    );
  });

  it('leaves out what was not written; a feeling rated only once shows that rating', () => {
    const d = {
      ...emptyThoughtRecord(),
      thought: ' I failed ',
      emotions: [
        { name: 'ashamed', before: 90, after: null },
        { name: ' ', before: 10, after: null },
        { name: 'tired', before: null, after: 20 },
        { name: 'numb', before: null, after: null },
      ],
      beliefAfter: 70,
    };
    expect(thoughtRecord.summarize(d)).toBe(
      ['Thought record.', 'Thought: I failed', 'Feelings: ashamed 90, tired → 20, numb', 'Belief in the first thought now: 70%'].join('\n'),
    );
  });

  it('says where it stopped when the safety check was “yes” or “not sure”', () => {
    const base = { ...emptyThoughtRecord(), situation: 'he is outside my door' };
    expect(thoughtRecord.summarize({ ...base, dangerNow: true })).toBe(
      'Stopped at the safety check: this was about a danger happening now.\nSituation: he is outside my door',
    );
    expect(thoughtRecord.summarize({ ...base, dangerUnsure: true })).toBe(
      'Stopped at the safety check: not sure whether this was about a danger happening now.\nSituation: he is outside my door',
    );
  });
});

describe('thought record: where and how it is offered', () => {
  it('is a reframing module asking for typing, never offered in the session phase', () => {
    expect(findModule('thought-record')).toBe(thoughtRecordMeta);
    expect(thoughtRecordMeta.family).toBe('reframing');
    expect(thoughtRecordMeta.asksTyping).toBe(true);
    expect(thoughtRecordMeta.phases).toEqual(['settling', 'window', 'consolidation', 'between']);
    expect(fitsPhase(thoughtRecordMeta, 'session')).toBe(false);
    for (const p of ['settling', 'window', 'consolidation', 'between'] as const) expect(fitsPhase(thoughtRecordMeta, p)).toBe(true);
  });

  it('computes its minutes from its steps and cites Beck, Greenberger & Padesky and FreeCBT', () => {
    expect(thoughtRecordMeta.minutes).toBe(8);
    expect(sources.map((s) => s.citation.split(' ')[0])).toEqual(['Beck', 'Greenberger', 'FreeCBT']);
  });
});

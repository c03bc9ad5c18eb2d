import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, type AnyActorRef } from 'xstate';
import * as v from 'valibot';
import { safePlaceMachine } from '../../src/modules/grounding/safe-place/machine';
import { SafePlaceDataSchema } from '../../src/modules/grounding/safe-place/schema';
import safePlace from '../../src/modules/grounding/safe-place/index';
import { sessionMachine, type SessionContext } from '../../src/flow/session.machine';

const lake = { name: 'the lake cabin', see: 'pine trees, still water', hear: 'loons', feel: 'a warm wool blanket', word: 'still' };

function start(quick = false) {
  const actor = createActor(safePlaceMachine, { input: { quick } });
  actor.start();
  return actor;
}

function typeAll(actor: ReturnType<typeof start>, words: Partial<typeof lake>) {
  for (const id of ['name', 'see', 'hear', 'feel', 'word'] as const) {
    if (words[id] !== undefined) actor.send({ type: 'TYPE', text: words[id] });
    actor.send({ type: 'NEXT' });
  }
}

describe('safe-place machine: first visit builds the place in the person’s words', () => {
  it('waits for the saved record, then invites before building', () => {
    const actor = start();
    expect(actor.getSnapshot().value).toBe('loading');
    actor.send({ type: 'LOADED' });
    expect(actor.getSnapshot().value).toBe('intro');
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toBe('build');
    expect(actor.getSnapshot().context.index).toBe(0);
  });

  it('name → see → hear → feel → word → review; every step optional; finishing without keeping keeps nothing', () => {
    const actor = start();
    actor.send({ type: 'LOADED' });
    actor.send({ type: 'NEXT' });
    typeAll(actor, { name: 'the lake cabin', hear: 'loons' });
    expect(actor.getSnapshot().value).toBe('review');
    actor.send({ type: 'FINISH' });
    const snap = actor.getSnapshot();
    expect(snap.status).toBe('done');
    expect(snap.output).toEqual({
      returning: false,
      words: { name: 'the lake cabin', see: '', hear: 'loons', feel: '', word: '' },
      edited: false,
      kept: false,
    });
    expect(v.safeParse(SafePlaceDataSchema, snap.output).success).toBe(true);
  });

  it('keeping is explicit: only KEPT marks the words as kept, and changing them afterwards un-marks them', () => {
    const actor = start();
    actor.send({ type: 'LOADED' });
    actor.send({ type: 'NEXT' });
    typeAll(actor, lake);
    expect(actor.getSnapshot().context.data.kept).toBe(false);
    actor.send({ type: 'KEPT', words: lake });
    expect(actor.getSnapshot().context.data.kept).toBe(true);
    expect(actor.getSnapshot().context.saved).toEqual(lake);
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().value).toBe('build');
    expect(actor.getSnapshot().context.index).toBe(4);
    actor.send({ type: 'TYPE', text: 'shore' });
    expect(actor.getSnapshot().context.data.kept).toBe(false);
    actor.send({ type: 'TYPE', text: 'still' });
    expect(actor.getSnapshot().context.data.kept).toBe(true);
  });

  it('Back moves between build steps and does nothing on the first', () => {
    const actor = start();
    actor.send({ type: 'LOADED' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().context.index).toBe(0);
    actor.send({ type: 'TYPE', text: 'garden' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().context.index).toBe(0);
    expect(actor.getSnapshot().context.data.words.name).toBe('garden');
  });

  it('a saved place with only empty words counts as no place', () => {
    const actor = start();
    actor.send({ type: 'LOADED', safePlace: { name: ' ', see: '', hear: '', feel: '' } });
    expect(actor.getSnapshot().value).toBe('intro');
  });

  it('quick start (Ground me now) skips the invitation', () => {
    const actor = start(true);
    actor.send({ type: 'LOADED' });
    expect(actor.getSnapshot().value).toBe('build');
  });
});

describe('safe-place machine: later visits read back the person’s own words', () => {
  it('walks only the parts they filled in, then back to the room, and keeps the words in the output', () => {
    const actor = start();
    actor.send({ type: 'LOADED', safePlace: { name: 'the lake cabin', see: '', hear: 'loons', feel: 'warm wool' } });
    expect(actor.getSnapshot().value).toBe('walkIntro');
    actor.send({ type: 'NEXT' });
    const seen: number[] = [];
    while (actor.getSnapshot().value === 'walk') {
      seen.push(actor.getSnapshot().context.index);
      actor.send({ type: 'NEXT' });
    }
    expect(seen).toEqual([0, 1, 2, 3]); // name, hear, feel, back to the room
    const out = actor.getSnapshot().output!;
    expect(out).toEqual({
      returning: true,
      words: { name: 'the lake cabin', see: '', hear: 'loons', feel: 'warm wool', word: '' },
      edited: false,
      kept: true,
    });
  });

  it('Back from the first walk screen returns to the opening; quick start goes straight to the walk', () => {
    const actor = start();
    actor.send({ type: 'LOADED', safePlace: lake });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().value).toBe('walkIntro');
    const quick = start(true);
    quick.send({ type: 'LOADED', safePlace: lake });
    expect(quick.getSnapshot().value).toBe('walk');
  });

  it('can change the place from the walk: prefilled build → review → keep the update', () => {
    const actor = start();
    actor.send({ type: 'LOADED', safePlace: lake });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'EDIT' });
    let snap = actor.getSnapshot();
    expect(snap.value).toBe('build');
    expect(snap.context.index).toBe(0);
    expect(snap.context.data.words).toEqual(lake);
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'TYPE', text: 'pine trees, still water, a red canoe' });
    expect(actor.getSnapshot().context.data).toMatchObject({ edited: true, kept: false });
    for (let i = 0; i < 4; i++) actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toBe('review');
    const changed = { ...lake, see: 'pine trees, still water, a red canoe' };
    actor.send({ type: 'KEPT', words: changed });
    actor.send({ type: 'FINISH' });
    snap = actor.getSnapshot();
    expect(snap.output).toEqual({ returning: true, words: changed, edited: true, kept: true });
  });

  it('“Leave it as it was” puts the kept words back and returns to the opening', () => {
    const actor = start();
    actor.send({ type: 'LOADED', safePlace: lake });
    actor.send({ type: 'EDIT' });
    actor.send({ type: 'TYPE', text: 'somewhere else' });
    actor.send({ type: 'CANCEL' });
    const snap = actor.getSnapshot();
    expect(snap.value).toBe('walkIntro');
    expect(snap.context.data).toMatchObject({ words: lake, edited: false, kept: true });
  });

  it('CANCEL means nothing on a first visit (there is nothing to go back to)', () => {
    const actor = start();
    actor.send({ type: 'LOADED' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'CANCEL' });
    expect(actor.getSnapshot().value).toBe('build');
  });
});

describe('safe-place machine inside a session', () => {
  it('ignores PAUSE/RESUME, survives a JSON snapshot round trip, and hands its words to the session', async () => {
    const saved: SessionContext[] = [];
    const machine = sessionMachine.provide({
      actors: {
        module: safePlaceMachine,
        saveEntry: fromPromise(async ({ input: { context } }) => {
          saved.push(context);
          return 'entry-1';
        }),
      },
    });
    const session = createActor(machine, { input: { sessionId: 's1', moduleId: 'safe-place', family: 'grounding' } });
    session.start();
    session.send({ type: 'SKIP_CHECK_IN' });
    const mod = () => session.getSnapshot().children['module'] as AnyActorRef;
    mod().send({ type: 'LOADED', safePlace: lake });
    mod().send({ type: 'NEXT' });
    session.send({ type: 'PAUSE' });
    session.send({ type: 'RESUME' });
    expect(mod().getSnapshot().value).toBe('walk');

    const stored = JSON.parse(JSON.stringify(session.getPersistedSnapshot()));
    session.stop();
    const restored = createActor(machine, { snapshot: stored, input: undefined as never });
    restored.start();
    const child = () => restored.getSnapshot().children['module'] as AnyActorRef;
    expect(child().getSnapshot().context.data.words).toEqual(lake);
    while (child().getSnapshot().value === 'walk') child().send({ type: 'NEXT' });
    restored.send({ type: 'SKIP_CHECK_OUT' });
    restored.send({ type: 'FINISH' });
    await new Promise((r) => setTimeout(r, 0));
    expect(saved[0]?.data).toMatchObject({ returning: true, words: lake });
  });

  it('summarises for the journal: what kind of visit, then their words', () => {
    expect(safePlace.summarize({ returning: false, words: lake, edited: false, kept: true })).toBe(
      [
        'Built a safe place. Kept on this device.',
        'Its name: the lake cabin',
        'You see: pine trees, still water',
        'You hear: loons',
        'You feel: a warm wool blanket',
        'Your word: still',
      ].join('\n'),
    );
    const empty = { name: '', see: '', hear: '', feel: '', word: '' };
    expect(safePlace.summarize({ returning: false, words: empty, edited: false, kept: false })).toBe(
      'Started building a safe place.',
    );
    expect(safePlace.summarize({ returning: true, words: { ...empty, name: 'home' }, edited: false, kept: true })).toBe(
      'Visited your safe place.\nIts name: home',
    );
  });
});

describe('safe place: where and how it is offered', () => {
  it('is not offered in the session phase (the first hours after a dose), and is in every later phase', async () => {
    const { safePlaceMeta } = await import('../../src/modules/grounding/safe-place/meta');
    expect(safePlaceMeta.phases).not.toContain('session');
    expect(safePlaceMeta.phases).toEqual(['settling', 'window', 'consolidation', 'between']);
  });

  it('says “may help”, never that a word “can bring back” the place, and cites stabilisation first', async () => {
    const { copy, walkScreens, sources } = await import('../../src/modules/grounding/safe-place/content');
    const words = JSON.stringify({ copy: { ...copy, back: { ...copy.back, word: copy.back.word('still') } }, walkScreens });
    expect(words).not.toMatch(/can bring/);
    expect(copy.back.word('still')).toBe('Your word, “still”, may help bring it back.');
    expect(walkScreens.name.heading).toBe('Your place');
    expect(sources.some((s) => s.citation.startsWith('Cloitre M') && s.citation.includes('2012'))).toBe(true);
  });
});

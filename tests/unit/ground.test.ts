/**
 * "Ground me now" as rules, with real storage: whatever runs is suspended with its words, a second press
 * does not start a second grounding, a reload still knows what to offer back, and the way back is right.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyActorRef } from 'xstate';
import { freshIndexedDB } from './fixtures/idb';
import { getDb } from '../../src/storage/db';
import { entriesRepo } from '../../src/storage/entries';
import { sessionsRepo } from '../../src/storage/sessions';
import { createRunner, type SessionHandle } from '../../src/flow/runner';
import { beginGrounding, returnTarget, startQuick } from '../../src/flow/ground';
import type { ModuleMeta } from '../../src/flow/module';
import { fiveSensesMeta } from '../../src/modules/grounding/five-senses/meta';
import { orientationMeta } from '../../src/modules/grounding/orientation/meta';
import { safePlaceMeta } from '../../src/modules/grounding/safe-place/meta';
import { bodyMeta } from '../../src/modules/grounding/body/meta';

// A second, non-grounding module with the same steps, so "an exercise" and "grounding" can both run.
const practiceMeta: ModuleMeta = { ...fiveSensesMeta, id: 'practice', family: 'reframing', title: 'Practice' };
const findModule = (id: string) => [fiveSensesMeta, practiceMeta, orientationMeta, safePlaceMeta, bodyMeta].find((m) => m.id === id);
const handles: SessionHandle[] = [];

function pageLoad() {
  const runner = createRunner({ entries: entriesRepo(), sessions: sessionsRepo(), findModule });
  return runner;
}

beforeEach(() => {
  freshIndexedDB();
});
afterEach(async () => {
  for (const h of handles.splice(0)) h.stop();
  (await getDb()).close();
});

async function exerciseOnStep2(runner: ReturnType<typeof pageLoad>, words: string) {
  const h = await runner.start('practice');
  handles.push(h);
  h.actor.send({ type: 'SKIP_CHECK_IN' });
  const m = h.module() as AnyActorRef;
  m.send({ type: 'NEXT' });
  m.send({ type: 'TYPE', text: words });
  await h.flush();
  return h;
}

describe('Ground me now', () => {
  it('suspends the running exercise with its words and quick-starts the chosen grounding at step 1', async () => {
    const runner = pageLoad();
    const exercise = await exerciseOnStep2(runner, 'half a thought');
    const { handle, interrupted } = await beginGrounding(runner, () => 'five-senses');
    handles.push(handle);
    expect(interrupted).toEqual({ sessionId: exercise.id, title: 'Practice' });
    expect(exercise.actor.getSnapshot().value).toBe('grounding');
    expect(handle.meta.id).toBe('five-senses');
    expect(handle.actor.getSnapshot().value).toEqual({ flow: 'module' });
    expect((await sessionsRepo().get(exercise.id))?.status).toBe('suspended');
  });

  it('pressed again after going back to the exercise: suspends it again and reuses the same grounding', async () => {
    const runner = pageLoad();
    const exercise = await exerciseOnStep2(runner, 'still here');
    const first = await beginGrounding(runner, () => 'five-senses');
    handles.push(first.handle);
    exercise.actor.send({ type: 'RESUME' }); // "Back to Practice"
    expect(exercise.actor.getSnapshot().value).toEqual({ flow: 'module' });

    const second = await beginGrounding(runner, () => 'five-senses');
    expect(second.handle).toBe(first.handle);
    expect(second.interrupted?.sessionId).toBe(exercise.id);
    expect(exercise.actor.getSnapshot().value).toBe('grounding');
    expect(runner.live().filter((h) => h.actor.getSnapshot().context.quick)).toHaveLength(1);
  });

  it('after a reload, finds the grounding under way and still offers the suspended exercise back', async () => {
    const before = pageLoad();
    const exercise = await exerciseOnStep2(before, 'kept across reload');
    const first = await beginGrounding(before, () => 'five-senses');
    await first.handle.flush();
    for (const h of handles.splice(0)) h.stop(); // the page goes away

    const after = pageLoad();
    const again = await beginGrounding(after, () => 'five-senses');
    handles.push(again.handle);
    expect(again.handle.id).toBe(first.handle.id);
    expect(again.interrupted).toEqual({ sessionId: exercise.id, title: 'Practice' });
    const resumed = await after.open(exercise.id);
    handles.push(resumed!);
    resumed!.actor.send({ type: 'RESUME' });
    const m = resumed!.module() as AnyActorRef;
    expect(m.getSnapshot().context.data.feel.text).toBe('kept across reload');
  });

  it('a finished grounding is not reused: the next press starts fresh', async () => {
    const runner = pageLoad();
    const first = await beginGrounding(runner, () => 'five-senses');
    handles.push(first.handle);
    first.handle.actor.send({ type: 'EXIT' });
    const second = await beginGrounding(runner, () => 'five-senses');
    handles.push(second.handle);
    expect(second.handle.id).not.toBe(first.handle.id);
    expect(second.interrupted).toBeUndefined();
  });

  it.each([
    ['#/journal/new', '#/journal/new'],
    ['#/today', '#/today'],
    ['#/ground', undefined],
    ['#/session/abc', undefined],
    ['#/exercise/five-senses', undefined],
    [undefined, undefined],
  ])('"Back to where you were" from %s leads to %s', (previous, expected) => {
    expect(returnTarget(previous)).toBe(expected);
  });

  it('pressed inside a grounding exercise that is safe in the moment: carries on with it, no second copy', async () => {
    const runner = pageLoad();
    const own = await runner.start('five-senses'); // opened from Today, at its check-in
    handles.push(own);
    const { handle, interrupted } = await beginGrounding(runner, () => 'five-senses');
    expect(handle).toBe(own);
    expect(interrupted).toBeUndefined();
    expect(own.actor.getSnapshot().value).toEqual({ flow: 'module' }); // straight to the steps
    expect(runner.live()).toHaveLength(1);
  });

  it('an unfinished 5-4-3-2-1 left earlier (not on screen): Ground starts it afresh at step 1, the old one kept in the journal — never two unfinished', async () => {
    const before = pageLoad();
    const old = await before.start('five-senses'); // opened from Today, left on step 1 with words
    handles.push(old);
    old.actor.send({ type: 'SKIP_CHECK_IN' });
    (old.module() as AnyActorRef).send({ type: 'TYPE', text: 'a mug from yesterday' });
    await old.flush();
    for (const h of handles.splice(0)) h.stop(); // the page goes away

    const runner = pageLoad();
    const { handle, interrupted } = await beginGrounding(runner, () => 'five-senses');
    handles.push(handle);
    expect(handle.id).not.toBe(old.id);
    expect(handle.actor.getSnapshot().value).toEqual({ flow: 'module' });
    expect(interrupted).toBeUndefined();
    await handle.flush();
    const unfinished = (await runner.unfinished()).filter((u) => u.meta.id === 'five-senses');
    expect(unfinished.map((u) => u.record.id)).toEqual([handle.id]);
    const kept = await entriesRepo().get(old.id);
    expect(kept?.complete).toBe(false);
    expect(JSON.stringify(kept?.data)).toContain('a mug from yesterday');
  });

  it('another exercise picked from the Ground screen’s list: one of it left unfinished earlier is ended first, words kept', async () => {
    const before = pageLoad();
    const old = await before.start('orientation');
    handles.push(old);
    old.actor.send({ type: 'CHECK_IN', presence: 5, distress: 4 });
    await old.flush();
    for (const h of handles.splice(0)) h.stop();

    const runner = pageLoad();
    const grounding = await beginGrounding(runner, () => 'five-senses');
    handles.push(grounding.handle);
    grounding.handle.actor.send({ type: 'EXIT' }); // the Ground screen leaves it for the one picked
    const picked = await startQuick(runner, 'orientation');
    handles.push(picked);
    await picked.flush();
    expect(picked.id).not.toBe(old.id);
    expect((await runner.unfinished()).filter((u) => u.meta.id === 'orientation').map((u) => u.record.id)).toEqual([picked.id]);
    expect((await entriesRepo().get(old.id))?.before?.presence).toBe(5);
  });

  it('pressed inside safe-place imagery: the imagery is suspended (offered back) and an outward exercise starts', async () => {
    const runner = pageLoad();
    const imagery = await runner.start('safe-place');
    handles.push(imagery);
    imagery.actor.send({ type: 'SKIP_CHECK_IN' });
    const { handle, interrupted } = await beginGrounding(runner, () => 'five-senses');
    handles.push(handle);
    expect(handle.meta.id).toBe('five-senses');
    expect(interrupted?.sessionId).toBe(imagery.id);
  });

  it('pressed inside muscle tensing when feet and hands helped most: no second "Body grounding" — the next best of the set starts', async () => {
    const runner = pageLoad();
    const pmr = await runner.start('body'); // opened from Today
    handles.push(pmr);
    pmr.actor.send({ type: 'SKIP_CHECK_IN' });
    (pmr.module() as AnyActorRef).send({ type: 'CHOOSE', part: 'pmr' });
    // The person's ranking: feet and hands first, then Here and now.
    const ranked = [{ moduleId: 'body', variant: 'anchor' }, { moduleId: 'orientation' }, { moduleId: 'five-senses' }];
    const { handle, interrupted } = await beginGrounding(runner, (avoid) => ranked.find((m) => !avoid.has(m.moduleId)) ?? ranked[0]!);
    handles.push(handle);
    expect(interrupted).toEqual({ sessionId: pmr.id, title: 'Body grounding' });
    expect(handle.meta.id).toBe('orientation');
    expect(runner.live().filter((h) => h.meta.id === 'body')).toHaveLength(1);
  });

  it('the safe place’s way out ends the imagery, words kept, and opens Here and now — never the imagery again', async () => {
    const runner = pageLoad();
    const imagery = await runner.start('safe-place', { quick: true }); // chosen from the list on the Ground screen
    handles.push(imagery);
    const m = imagery.module() as AnyActorRef;
    m.send({ type: 'LOADED' });
    m.send({ type: 'TYPE', text: 'a beach at dawn' });
    const { handle, interrupted } = await beginGrounding(runner, () => 'safe-place', { leaving: 'safe-place' });
    handles.push(handle);
    expect(handle.meta.id).toBe('orientation');
    expect(interrupted).toBeUndefined();
    await new Promise((r) => setTimeout(r, 50));
    expect(imagery.actor.getSnapshot().status).toBe('done');
    const kept = await entriesRepo().get(imagery.id);
    expect(kept?.complete).toBe(false);
    expect(JSON.stringify(kept?.data)).toContain('a beach at dawn');
    // Pressing Ground again carries on with Here and now.
    const again = await beginGrounding(runner, () => 'safe-place');
    expect(again.handle).toBe(handle);
  });

  it('a quick grounding that is not for the moment (safe place chosen from the list) is ended when Ground is pressed again', async () => {
    const runner = pageLoad();
    const imagery = await runner.start('safe-place', { quick: true });
    handles.push(imagery);
    const { handle } = await beginGrounding(runner, () => ({ moduleId: 'body', variant: 'anchor' }));
    handles.push(handle);
    expect(handle.meta.id).toBe('body');
    expect((handle.module() as AnyActorRef).getSnapshot().context.data.part).toBe('anchor');
    expect(imagery.actor.getSnapshot().status).toBe('done');
  });
});

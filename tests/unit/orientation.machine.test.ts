import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { orientationMachine } from '../../src/modules/grounding/orientation/machine';
import { OrientationDataSchema } from '../../src/modules/grounding/orientation/schema';
import orientation from '../../src/modules/grounding/orientation/index';
import * as v from 'valibot';
import { hasContent, type SessionContext } from '../../src/flow/session.machine';

function start() {
  const actor = createActor(orientationMachine, { input: { quick: false } });
  actor.start();
  return actor;
}

describe('orientation machine', () => {
  it('walks day → time → place → statement; confirmed lines and typed words end up in the output', () => {
    const actor = start();
    actor.send({ type: 'LOADED', place: 'my kitchen' });
    // The kept place is only a suggestion: the person chooses it (or writes another) each time.
    expect(actor.getSnapshot().context.data.place).toBe('');
    actor.send({ type: 'SET_PLACE', text: 'my kitchen' });
    actor.send({ type: 'SAY', text: 'Tuesday' });
    actor.send({ type: 'CONFIRM', shown: 'Today is Tuesday, 7 January 2025.' });
    expect(actor.getSnapshot().context.index).toBe(1);
    actor.send({ type: 'NEXT', shown: 'It is afternoon — 12:00.' });
    actor.send({ type: 'CONFIRM', shown: 'I am in my kitchen.' });
    actor.send({ type: 'CONFIRM', shown: 'That was then. This is now.' });
    const snap = actor.getSnapshot();
    expect(snap.status).toBe('done');
    expect(snap.output).toEqual({
      lines: {
        day: { shown: 'Today is Tuesday, 7 January 2025.', confirmed: true, said: 'Tuesday' },
        time: { shown: 'It is afternoon — 12:00.', confirmed: false, said: '' },
        place: { shown: 'I am in my kitchen.', confirmed: true, said: '' },
        statement: { shown: 'That was then. This is now.', confirmed: true, said: '' },
      },
      place: 'my kitchen',
      statement: '',
      kept: { place: false, statement: false },
    });
    expect(v.safeParse(OrientationDataSchema, snap.output).success).toBe(true);
  });

  it('starts with nothing that counts as an answer, so leaving at once keeps no empty entry', () => {
    const actor = start();
    const keeps = (data: unknown) => hasContent({ note: '', data } as SessionContext);
    expect(keeps(actor.getSnapshot().context.data)).toBe(false);
    actor.send({ type: 'SAY', text: 'Tuesday' });
    expect(keeps(actor.getSnapshot().context.data)).toBe(true);
  });

  it('never fills the place from last time (it is asked each time); fills the statement on first load, never over what was typed', () => {
    const fresh = start();
    fresh.send({ type: 'LOADED', place: 'my kitchen', statement: 'Now is now.' });
    expect(fresh.getSnapshot().context.data.place).toBe('');
    expect(fresh.getSnapshot().context.saved.place).toBe('my kitchen');
    expect(fresh.getSnapshot().context.data.statement).toBe('Now is now.');

    const actor = start();
    actor.send({ type: 'SET_PLACE', text: 'the clinic' });
    actor.send({ type: 'LOADED', place: 'my kitchen', statement: 'I am safe here.' });
    let ctx = actor.getSnapshot().context;
    expect(ctx.data.place).toBe('the clinic');
    expect(ctx.data.statement).toBe('I am safe here.');
    expect(ctx.saved).toEqual({ place: 'my kitchen', statement: 'I am safe here.' });
    // A later mount (after grounding, say) refreshes what is kept but leaves the words on screen alone.
    actor.send({ type: 'SET_STATEMENT', text: 'Now is now.' });
    actor.send({ type: 'LOADED', place: 'home', statement: 'Other' });
    ctx = actor.getSnapshot().context;
    expect(ctx.data.place).toBe('the clinic');
    expect(ctx.data.statement).toBe('Now is now.');
    expect(ctx.saved).toEqual({ place: 'home', statement: 'Other' });
  });

  it('keeping is explicit: only KEPT marks the place or statement as kept', () => {
    const actor = start();
    actor.send({ type: 'LOADED' });
    actor.send({ type: 'SET_PLACE', text: 'my kitchen' });
    expect(actor.getSnapshot().context.data.kept).toEqual({ place: false, statement: false });
    actor.send({ type: 'KEPT', what: 'place', value: ' my kitchen ' });
    const ctx = actor.getSnapshot().context;
    expect(ctx.data.kept).toEqual({ place: true, statement: false });
    expect(ctx.saved.place).toBe('my kitchen');
  });

  it('Back returns to the previous line and does nothing on the first', () => {
    const actor = start();
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().context.index).toBe(0);
    actor.send({ type: 'NEXT', shown: 'a' });
    actor.send({ type: 'NEXT', shown: 'b' });
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().context.index).toBe(1);
  });

  it('moving on keeps an earlier confirmation only if the line still reads the same', () => {
    const actor = start();
    actor.send({ type: 'NEXT', shown: 'day' });
    actor.send({ type: 'NEXT', shown: 'time' });
    actor.send({ type: 'CONFIRM', shown: 'I am in my kitchen.' });
    actor.send({ type: 'BACK' });
    actor.send({ type: 'NEXT', shown: 'I am in my kitchen.' });
    expect(actor.getSnapshot().context.data.lines.place.confirmed).toBe(true);
    actor.send({ type: 'BACK' });
    actor.send({ type: 'SET_PLACE', text: 'the garden' });
    actor.send({ type: 'NEXT', shown: 'I am in the garden.' });
    expect(actor.getSnapshot().context.data.lines.place).toMatchObject({ shown: 'I am in the garden.', confirmed: false });
  });

  it('ignores the session’s PAUSE and RESUME (no clock to stop) and keeps its place', () => {
    const actor = start();
    actor.send({ type: 'NEXT', shown: 'day' });
    actor.send({ type: 'PAUSE' } as never);
    actor.send({ type: 'RESUME' } as never);
    expect(actor.getSnapshot().context.index).toBe(1);
    expect(actor.getSnapshot().status).toBe('active');
  });

  it('survives a persisted snapshot round trip (JSON, as the runner stores it)', () => {
    const actor = start();
    actor.send({ type: 'LOADED', place: 'home' });
    actor.send({ type: 'SAY', text: 'Tuesday' });
    actor.send({ type: 'CONFIRM', shown: 'Today is Tuesday.' });
    const stored = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    const restored = createActor(orientationMachine, { snapshot: stored, input: { quick: false } });
    restored.start();
    expect(restored.getSnapshot().context).toEqual(actor.getSnapshot().context);
  });

  it('summarises for the journal: each line, whether it was confirmed, what was typed, and what was kept', () => {
    const actor = start();
    actor.send({ type: 'LOADED' });
    actor.send({ type: 'SAY', text: 'tuesday' });
    actor.send({ type: 'CONFIRM', shown: 'Today is Tuesday, 7 January 2025.' });
    actor.send({ type: 'NEXT', shown: 'It is afternoon — 12:00.' });
    actor.send({ type: 'SET_PLACE', text: 'my kitchen' });
    actor.send({ type: 'KEPT', what: 'place', value: 'my kitchen' });
    actor.send({ type: 'CONFIRM', shown: 'I am in my kitchen.' });
    actor.send({ type: 'CONFIRM', shown: 'That was then. This is now.' });
    expect(orientation.summarize(actor.getSnapshot().output!)).toBe(
      [
        'Today is Tuesday, 7 January 2025. (confirmed)',
        'You wrote: tuesday',
        'It is afternoon — 12:00.',
        'I am in my kitchen. (confirmed)',
        'That was then. This is now. (confirmed)',
        'Kept the place for next time.',
      ].join('\n'),
    );
  });
});

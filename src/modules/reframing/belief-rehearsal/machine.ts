/**
 * Belief rehearsal. The view reads the journal when it mounts and sends LOADED with what to offer:
 *   loading → choose (prefilled with the newest offered belief; the person may type their own or pick
 *   another) → rateBefore → write → readBack → rateAfter → review (the chart) → done.
 * Every word and rating is in `context.data` as soon as it is typed or chosen. No clock: PAUSE/RESUME are
 * ignored. Going on from `choose` needs a belief (there is nothing to rehearse without one); EXIT is
 * always there.
 */
import { assign, setup } from 'xstate';
import type { ModuleInput } from '../../../flow/module';
import type { Suggestion } from './history';
import type { BeliefRehearsalData } from './schema';

export type BeliefRehearsalEvent =
  | { type: 'LOADED'; suggestions?: Suggestion[] }
  | { type: 'NEXT' }
  | { type: 'BACK' }
  /** What the person typed on the current screen (the belief, or writing it out). */
  | { type: 'TYPE'; text: string }
  /** Take one of the offered beliefs. */
  | { type: 'USE'; index: number }
  | { type: 'RATE'; which: 'before' | 'after'; value: number }
  | { type: 'FINISH' };

export interface BeliefRehearsalContext {
  /** Offered from the journal, newest first. */
  suggestions: Suggestion[];
  data: BeliefRehearsalData;
}

export function emptyRehearsalData(): BeliefRehearsalData {
  return { belief: '', from: 'own', before: null, written: '', after: null };
}

export const beliefRehearsalMachine = setup({
  types: {
    context: {} as BeliefRehearsalContext,
    events: {} as BeliefRehearsalEvent,
    input: {} as ModuleInput,
    output: {} as BeliefRehearsalData,
  },
  guards: {
    hasBelief: ({ context }) => context.data.belief.trim() !== '',
  },
  actions: {
    load: assign(({ context, event }) => {
      if (event.type !== 'LOADED') return {};
      const suggestions = event.suggestions ?? [];
      const first = suggestions[0];
      // Prefill only an empty belief: words already typed (a restored session) are never replaced.
      const data =
        first && !context.data.belief.trim() ? { ...context.data, belief: first.text, from: first.from } : context.data;
      return { suggestions, data };
    }),
    typeBelief: assign({
      data: ({ context, event }) => {
        if (event.type !== 'TYPE') return context.data;
        const offered = context.suggestions.find((s) => s.text === event.text);
        return { ...context.data, belief: event.text, from: offered ? offered.from : 'own' };
      },
    }),
    use: assign({
      data: ({ context, event }) => {
        const s = event.type === 'USE' ? context.suggestions[event.index] : undefined;
        return s ? { ...context.data, belief: s.text, from: s.from } : context.data;
      },
    }),
    typeWritten: assign({
      data: ({ context, event }) => (event.type === 'TYPE' ? { ...context.data, written: event.text } : context.data),
    }),
    rate: assign({
      data: ({ context, event }) =>
        event.type === 'RATE'
          ? { ...context.data, [event.which]: Math.min(100, Math.max(0, Math.round(event.value))) }
          : context.data,
    }),
  },
}).createMachine({
  id: 'belief-rehearsal',
  context: () => ({ suggestions: [], data: emptyRehearsalData() }),
  initial: 'loading',
  states: {
    loading: { on: { LOADED: { target: 'choose', actions: 'load' } } },
    choose: {
      on: {
        TYPE: { actions: 'typeBelief' },
        USE: { actions: 'use' },
        NEXT: { guard: 'hasBelief', target: 'rateBefore' },
      },
    },
    rateBefore: {
      on: {
        RATE: { guard: ({ event }) => event.which === 'before', actions: 'rate' },
        NEXT: { target: 'write' },
        BACK: { target: 'choose' },
      },
    },
    write: { on: { TYPE: { actions: 'typeWritten' }, NEXT: { target: 'readBack' }, BACK: { target: 'rateBefore' } } },
    readBack: { on: { NEXT: { target: 'rateAfter' }, BACK: { target: 'write' } } },
    rateAfter: {
      on: {
        RATE: { guard: ({ event }) => event.which === 'after', actions: 'rate' },
        NEXT: { target: 'review' },
        BACK: { target: 'readBack' },
      },
    },
    review: { on: { FINISH: { target: 'done' }, BACK: { target: 'rateAfter' } } },
    done: { type: 'final' },
  },
  output: ({ context }) => context.data,
});

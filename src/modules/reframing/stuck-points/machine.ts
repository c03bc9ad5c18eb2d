/**
 * Stuck points: intro → belief → rateBefore → question (one per screen, each skippable) → alternative →
 * rateAfter → review → done. Every word and rating is in `context.data` the moment it is typed or chosen,
 * so the session snapshot (saved by the runner on every change) holds it. No clock: PAUSE/RESUME ignored.
 */
import { assign, setup } from 'xstate';
import type { ModuleInput } from '../../../flow/module';
import { QUESTION_IDS, type QuestionId } from './timing';
import type { StuckPointsData } from './schema';

export type StuckPointsEvent =
  | { type: 'NEXT' }
  | { type: 'BACK' }
  /** Move on from the current question without answering it. */
  | { type: 'SKIP' }
  /** What the person typed for the current screen (belief, question, alternative). */
  | { type: 'TYPE'; text: string }
  /** A 0–100 rating chosen on a rating screen. */
  | { type: 'RATE'; which: 'before' | 'after' | 'alternativeBelieved'; value: number }
  | { type: 'FINISH' };

export interface StuckPointsContext {
  /** Index of the current question. */
  index: number;
  data: StuckPointsData;
}

export function emptyStuckPointsData(): StuckPointsData {
  return {
    belief: '',
    before: null,
    answers: { habit: '', allOrNone: '', feelings: '', source: '', friend: '', whole: '', cost: '' },
    skipped: [],
    alternative: '',
    after: null,
    alternativeBelieved: null,
  };
}

const questionAt = (index: number): QuestionId => QUESTION_IDS[index] as QuestionId;
const LAST = QUESTION_IDS.length - 1;

function rating(value: number): number {
  return Math.min(100, Math.max(0, Math.round(value)));
}

export const stuckPointsMachine = setup({
  types: {
    context: {} as StuckPointsContext,
    events: {} as StuckPointsEvent,
    input: {} as ModuleInput,
    output: {} as StuckPointsData,
  },
  guards: {
    isLastQuestion: ({ context }) => context.index >= LAST,
    hasPrevious: ({ context }) => context.index > 0,
  },
  actions: {
    typeBelief: assign({
      data: ({ context, event }) => (event.type === 'TYPE' ? { ...context.data, belief: event.text } : context.data),
    }),
    typeAnswer: assign({
      data: ({ context, event }) => {
        if (event.type !== 'TYPE') return context.data;
        const id = questionAt(context.index);
        return {
          ...context.data,
          answers: { ...context.data.answers, [id]: event.text },
          // Writing something after skipping means it was answered after all.
          skipped: event.text.trim() ? context.data.skipped.filter((q) => q !== id) : context.data.skipped,
        };
      },
    }),
    typeAlternative: assign({
      data: ({ context, event }) => (event.type === 'TYPE' ? { ...context.data, alternative: event.text } : context.data),
    }),
    rate: assign({
      data: ({ context, event }) =>
        event.type === 'RATE' ? { ...context.data, [event.which]: rating(event.value) } : context.data,
    }),
    markSkipped: assign({
      data: ({ context }) => {
        const id = questionAt(context.index);
        // Words already written stay an answer: Skip only moves on.
        if (context.data.answers[id].trim()) return context.data;
        const skipped = context.data.skipped.includes(id) ? context.data.skipped : [...context.data.skipped, id];
        // Kept in question order, so the journal lists them the way they were met.
        return { ...context.data, skipped: QUESTION_IDS.filter((q) => skipped.includes(q)) };
      },
    }),
    unmarkSkipped: assign({
      data: ({ context }) => {
        const id = questionAt(context.index);
        if (!context.data.answers[id].trim()) return context.data;
        return { ...context.data, skipped: context.data.skipped.filter((q) => q !== id) };
      },
    }),
    first: assign({ index: 0 }),
    last: assign({ index: LAST }),
    forward: assign({ index: ({ context }) => context.index + 1 }),
    backward: assign({ index: ({ context }) => context.index - 1 }),
  },
}).createMachine({
  id: 'stuck-points',
  context: () => ({ index: 0, data: emptyStuckPointsData() }),
  initial: 'intro',
  states: {
    intro: { on: { NEXT: { target: 'belief' } } },
    belief: {
      on: { TYPE: { actions: 'typeBelief' }, NEXT: { target: 'rateBefore' }, BACK: { target: 'intro' } },
    },
    rateBefore: {
      on: { RATE: { guard: ({ event }) => event.which === 'before', actions: 'rate' }, NEXT: { target: 'question', actions: 'first' }, BACK: { target: 'belief' } },
    },
    question: {
      on: {
        TYPE: { actions: 'typeAnswer' },
        NEXT: [
          { guard: 'isLastQuestion', target: 'alternative', actions: 'unmarkSkipped' },
          { actions: ['unmarkSkipped', 'forward'] },
        ],
        SKIP: [
          { guard: 'isLastQuestion', target: 'alternative', actions: 'markSkipped' },
          { actions: ['markSkipped', 'forward'] },
        ],
        BACK: [{ guard: 'hasPrevious', actions: 'backward' }, { target: 'rateBefore' }],
      },
    },
    alternative: {
      on: { TYPE: { actions: 'typeAlternative' }, NEXT: { target: 'rateAfter' }, BACK: { target: 'question', actions: 'last' } },
    },
    rateAfter: {
      on: {
        RATE: { guard: ({ event }) => event.which !== 'before', actions: 'rate' },
        NEXT: { target: 'review' },
        BACK: { target: 'alternative' },
      },
    },
    review: { on: { FINISH: { target: 'done' }, BACK: { target: 'rateAfter' } } },
    done: { type: 'final' },
  },
  output: ({ context }) => context.data,
});

/**
 * Thought record, one screen per step (Beck 2021; Greenberger & Padesky 2016):
 *   intro → situation → check → thought → emotions → evidenceFor → evidenceAgainst → alternative → rerate → done
 * `check` asks, gently and early, whether this is about a danger happening now. "Yes" goes to `danger`, which
 * says plainly that a real, present danger is not something to argue with and offers Help and grounding; the
 * record never goes on from there (Back to the check is still there, for a wrong tap). "Not sure" goes to the
 * same screen, which then also lets the person carry on if it is not happening now.
 * Every field is in `context.data` the moment it is typed or rated (the runner saves the session snapshot on
 * every change). Every step may be left empty. No clock: PAUSE/RESUME are ignored.
 */
import { assign, setup } from 'xstate';
import type { ModuleInput } from '../../../flow/module';
import { TEXT_MAX_CHARS } from '../../../storage/limits';
import type { ThoughtRecordData } from './schema';
import { MAX_EMOTIONS, type TextField } from './timing';

export type RatingField = 'beliefBefore' | 'alternativeBelief' | 'beliefAfter';

export type ThoughtRecordEvent =
  | { type: 'NEXT' }
  | { type: 'BACK' }
  /** What the person typed into one of the text steps. */
  | { type: 'TYPE'; field: TextField; text: string }
  /** A 0–100 rating, or null to clear it. */
  | { type: 'RATE'; field: RatingField; value: number | null }
  /** Add a feeling: named from a suggested word, or empty for the person to name. */
  | { type: 'ADD_EMOTION'; name?: string }
  | { type: 'NAME_EMOTION'; index: number; name: string }
  | { type: 'RATE_EMOTION'; index: number; when: 'before' | 'after'; value: number | null }
  | { type: 'REMOVE_EMOTION'; index: number }
  /** The safety check's answer. */
  | { type: 'ANSWER'; danger: 'yes' | 'no' | 'unsure' }
  /** From the danger screen after "not sure": it is not happening now, carry on. */
  | { type: 'CONTINUE' }
  /** From the danger screen: end the record here. */
  | { type: 'FINISH' };

export interface ThoughtRecordContext {
  quick: boolean;
  data: ThoughtRecordData;
}

export function emptyThoughtRecord(): ThoughtRecordData {
  return {
    situation: '',
    thought: '',
    beliefBefore: null,
    emotions: [],
    evidenceFor: '',
    evidenceAgainst: '',
    alternative: '',
    alternativeBelief: null,
    beliefAfter: null,
    dangerNow: null,
    dangerUnsure: false,
  };
}

/** A whole number 0–100, or null. */
export function rating(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return Math.min(100, Math.max(0, Math.round(value)));
}

const text = (s: string) => (s.length > TEXT_MAX_CHARS ? s.slice(0, TEXT_MAX_CHARS) : s);
const validIndex = (context: ThoughtRecordContext, index: number) =>
  Number.isInteger(index) && index >= 0 && index < context.data.emotions.length;

export const thoughtRecordMachine = setup({
  types: {
    context: {} as ThoughtRecordContext,
    events: {} as ThoughtRecordEvent,
    input: {} as ModuleInput,
    output: {} as ThoughtRecordData,
  },
  guards: {
    isQuick: ({ context }) => context.quick,
    said: ({ event }, answer: 'yes' | 'no' | 'unsure') => event.type === 'ANSWER' && event.danger === answer,
    unsure: ({ context }) => context.data.dangerUnsure,
  },
  actions: {
    type: assign({
      data: ({ context, event }) =>
        event.type === 'TYPE' ? { ...context.data, [event.field]: text(event.text) } : context.data,
    }),
    rate: assign({
      data: ({ context, event }) =>
        event.type === 'RATE' ? { ...context.data, [event.field]: rating(event.value) } : context.data,
    }),
    addEmotion: assign({
      data: ({ context, event }) => {
        if (event.type !== 'ADD_EMOTION' || context.data.emotions.length >= MAX_EMOTIONS) return context.data;
        const name = text(event.name ?? '');
        return { ...context.data, emotions: [...context.data.emotions, { name, before: null, after: null }] };
      },
    }),
    nameEmotion: assign({
      data: ({ context, event }) => {
        if (event.type !== 'NAME_EMOTION' || !validIndex(context, event.index)) return context.data;
        const emotions = context.data.emotions.map((e, i) => (i === event.index ? { ...e, name: text(event.name) } : e));
        return { ...context.data, emotions };
      },
    }),
    rateEmotion: assign({
      data: ({ context, event }) => {
        if (event.type !== 'RATE_EMOTION' || !validIndex(context, event.index)) return context.data;
        const emotions = context.data.emotions.map((e, i) =>
          i === event.index ? { ...e, [event.when]: rating(event.value) } : e,
        );
        return { ...context.data, emotions };
      },
    }),
    removeEmotion: assign({
      data: ({ context, event }) => {
        if (event.type !== 'REMOVE_EMOTION' || !validIndex(context, event.index)) return context.data;
        return { ...context.data, emotions: context.data.emotions.filter((_, i) => i !== event.index) };
      },
    }),
    notNow: assign({ data: ({ context }) => ({ ...context.data, dangerNow: false, dangerUnsure: false }) }),
    dangerNow: assign({ data: ({ context }) => ({ ...context.data, dangerNow: true, dangerUnsure: false }) }),
    dangerUnsure: assign({ data: ({ context }) => ({ ...context.data, dangerNow: null, dangerUnsure: true }) }),
  },
}).createMachine({
  id: 'thought-record',
  context: ({ input }) => ({ quick: input?.quick ?? false, data: emptyThoughtRecord() }),
  initial: 'start',
  // Typing and rating count on whichever screen sent them, so a late input event is never lost.
  on: {
    TYPE: { actions: 'type' },
    RATE: { actions: 'rate' },
    ADD_EMOTION: { actions: 'addEmotion' },
    NAME_EMOTION: { actions: 'nameEmotion' },
    RATE_EMOTION: { actions: 'rateEmotion' },
    REMOVE_EMOTION: { actions: 'removeEmotion' },
  },
  states: {
    start: {
      always: [{ guard: 'isQuick', target: 'situation' }, { target: 'intro' }],
    },
    intro: { on: { NEXT: 'situation' } },
    situation: { on: { NEXT: 'check', BACK: 'intro' } },
    check: {
      on: {
        ANSWER: [
          { guard: { type: 'said', params: 'no' }, target: 'thought', actions: 'notNow' },
          { guard: { type: 'said', params: 'yes' }, target: 'danger', actions: 'dangerNow' },
          { guard: { type: 'said', params: 'unsure' }, target: 'danger', actions: 'dangerUnsure' },
        ],
        BACK: 'situation',
      },
    },
    danger: {
      on: {
        BACK: 'check',
        // Only after "not sure": the person says it is not happening now.
        CONTINUE: { guard: 'unsure', target: 'thought', actions: 'notNow' },
        FINISH: 'done',
      },
    },
    thought: { on: { NEXT: 'emotions', BACK: 'check' } },
    emotions: { on: { NEXT: 'evidenceFor', BACK: 'thought' } },
    evidenceFor: { on: { NEXT: 'evidenceAgainst', BACK: 'emotions' } },
    evidenceAgainst: { on: { NEXT: 'alternative', BACK: 'evidenceFor' } },
    alternative: { on: { NEXT: 'rerate', BACK: 'evidenceAgainst' } },
    rerate: { on: { NEXT: 'done', BACK: 'alternative' } },
    done: { type: 'final' },
  },
  output: ({ context }) => context.data,
});

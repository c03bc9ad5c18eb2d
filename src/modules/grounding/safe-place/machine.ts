/**
 * Safe place. The view reads the person's kept place when it mounts and sends LOADED:
 *   nothing kept → intro → build (name, see, hear, feel, word) → review (keep, or finish without keeping)
 *   a kept place → walkIntro → walk (their words, one screen each, then back to the room)
 *                  and from the walk they may change it: build (prefilled) → review.
 * Quick start (from Ground me now) skips the two intro screens, per the module contract. Keeping is the view's
 * job (an explicit tap), reported with KEPT, so this machine stays pure. No clock: PAUSE/RESUME are ignored.
 */
import { and, assign, setup } from 'xstate';
import type { ModuleInput } from '../../../flow/module';
import type { Personal } from '../../../storage/schema';
import { FIELD_IDS, type FieldId } from './content';
import type { SafePlaceData, SafePlaceWords } from './schema';
import { emptyWords, fromPersonal, sameWords, walkSteps } from './words';

export type SafePlaceEvent =
  | { type: 'LOADED'; safePlace?: Personal['safePlace'] }
  | { type: 'NEXT' }
  | { type: 'BACK' }
  /** What the person typed for the current build step. */
  | { type: 'TYPE'; text: string }
  /** From a later visit: change the kept place. */
  | { type: 'EDIT' }
  /** While changing: put it back as it was. */
  | { type: 'CANCEL' }
  /** The view kept these words on the device at the person's request. */
  | { type: 'KEPT'; words: SafePlaceWords }
  /** From the review: done (kept or not). */
  | { type: 'FINISH' };

export interface SafePlaceContext {
  quick: boolean;
  /** Index in the build steps or in the walk steps, depending on the state. */
  index: number;
  /** What is kept on the device (as read, or as kept during this session); null = nothing. */
  saved: SafePlaceWords | null;
  data: SafePlaceData;
}

export function emptySafePlaceData(): SafePlaceData {
  return { returning: false, words: emptyWords(), edited: false, kept: false };
}

const fieldAt = (index: number): FieldId => FIELD_IDS[index] as FieldId;

export const safePlaceMachine = setup({
  types: {
    context: {} as SafePlaceContext,
    events: {} as SafePlaceEvent,
    input: {} as ModuleInput,
    output: {} as SafePlaceData,
  },
  guards: {
    foundPlace: ({ event }) => event.type === 'LOADED' && fromPersonal(event.safePlace) !== null,
    isQuick: ({ context }) => context.quick,
    isLastBuild: ({ context }) => context.index >= FIELD_IDS.length - 1,
    isLastWalk: ({ context }) => context.index >= walkSteps(context.data.words).length - 1,
    hasPrevious: ({ context }) => context.index > 0,
    returning: ({ context }) => context.data.returning,
  },
  actions: {
    load: assign(({ context, event }) => {
      if (event.type !== 'LOADED') return {};
      const saved = fromPersonal(event.safePlace);
      const data: SafePlaceData = saved
        ? { returning: true, words: { ...saved }, edited: false, kept: true }
        : { ...context.data, returning: false };
      return { saved, data, index: 0 };
    }),
    first: assign({ index: 0 }),
    last: assign({ index: FIELD_IDS.length - 1 }),
    forward: assign({ index: ({ context }) => context.index + 1 }),
    backward: assign({ index: ({ context }) => context.index - 1 }),
    type: assign({
      data: ({ context, event }) => {
        if (event.type !== 'TYPE') return context.data;
        const words = { ...context.data.words, [fieldAt(context.index)]: event.text };
        const same = sameWords(words, context.saved);
        return {
          ...context.data,
          words,
          // "kept" describes these exact words; "edited" only means something on a later visit.
          kept: same && context.saved !== null,
          edited: context.data.returning && !same,
        };
      },
    }),
    restore: assign(({ context }) => ({
      index: 0,
      data: { ...context.data, words: { ...(context.saved ?? emptyWords()) }, edited: false, kept: context.saved !== null },
    })),
    kept: assign(({ context, event }) => {
      if (event.type !== 'KEPT') return {};
      const saved = { ...event.words };
      return { saved, data: { ...context.data, kept: sameWords(saved, context.data.words) } };
    }),
  },
}).createMachine({
  id: 'safe-place',
  context: ({ input }) => ({ quick: input?.quick ?? false, index: 0, saved: null, data: emptySafePlaceData() }),
  initial: 'loading',
  states: {
    loading: {
      on: {
        LOADED: [
          { guard: and(['foundPlace', 'isQuick']), target: 'walk', actions: 'load' },
          { guard: 'foundPlace', target: 'walkIntro', actions: 'load' },
          { guard: 'isQuick', target: 'build', actions: 'load' },
          { target: 'intro', actions: 'load' },
        ],
      },
    },
    intro: {
      on: { NEXT: { target: 'build', actions: 'first' } },
    },
    build: {
      on: {
        TYPE: { actions: 'type' },
        NEXT: [{ guard: 'isLastBuild', target: 'review' }, { actions: 'forward' }],
        BACK: { guard: 'hasPrevious', actions: 'backward' },
        CANCEL: { guard: 'returning', target: 'walkIntro', actions: 'restore' },
      },
    },
    review: {
      on: {
        KEPT: { actions: 'kept' },
        FINISH: { target: 'done' },
        BACK: { target: 'build', actions: 'last' },
      },
    },
    walkIntro: {
      on: {
        NEXT: { target: 'walk', actions: 'first' },
        EDIT: { target: 'build', actions: 'first' },
      },
    },
    walk: {
      on: {
        NEXT: [{ guard: 'isLastWalk', target: 'done' }, { actions: 'forward' }],
        BACK: [{ guard: 'hasPrevious', actions: 'backward' }, { target: 'walkIntro' }],
        EDIT: { target: 'build', actions: 'first' },
      },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => context.data,
});

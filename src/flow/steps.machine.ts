/**
 * A reusable machine for modules made of ordered steps, one per screen, where the person may type an
 * answer, tick what they noticed, or just move on. Five-senses, orientation, body grounding and others
 * use it with their own step ids; modules with timers or other behaviour write their own machine
 * against the same contract (context.data, final output = data).
 */
import { assign, setup } from 'xstate';
import type { ModuleInput } from './module';

export interface StepAnswer {
  /** What the person typed (optional). */
  text: string;
  /** How many things they ticked as noticed (optional). */
  noticed: number;
}

export type StepsData = Record<string, StepAnswer>;

export type StepsEvent =
  | { type: 'NEXT' }
  | { type: 'BACK' }
  | { type: 'TYPE'; text: string }
  | { type: 'NOTICE'; count: number };

export interface StepsContext {
  stepIds: readonly string[];
  index: number;
  data: StepsData;
}

export function emptyAnswer(): StepAnswer {
  return { text: '', noticed: 0 };
}

export function createStepsMachine(id: string, stepIds: readonly string[]) {
  if (stepIds.length === 0) throw new Error(`${id}: a steps module needs at least one step`);
  return setup({
    types: {
      context: {} as StepsContext,
      events: {} as StepsEvent,
      input: {} as ModuleInput,
      output: {} as StepsData,
    },
    guards: {
      isLast: ({ context }) => context.index >= context.stepIds.length - 1,
      isFirst: ({ context }) => context.index === 0,
    },
    actions: {
      forward: assign({ index: ({ context }) => context.index + 1 }),
      backward: assign({ index: ({ context }) => context.index - 1 }),
      type: assign({
        data: ({ context, event }) =>
          event.type === 'TYPE' ? patch(context, { text: event.text }) : context.data,
      }),
      notice: assign({
        data: ({ context, event }) =>
          event.type === 'NOTICE' ? patch(context, { noticed: Math.max(0, Math.round(event.count)) }) : context.data,
      }),
    },
  }).createMachine({
    id,
    context: () => ({
      stepIds,
      index: 0,
      data: Object.fromEntries(stepIds.map((s) => [s, emptyAnswer()])),
    }),
    initial: 'step',
    states: {
      step: {
        on: {
          TYPE: { actions: 'type' },
          NOTICE: { actions: 'notice' },
          NEXT: [{ guard: 'isLast', target: 'done' }, { actions: 'forward' }],
          BACK: { guard: ({ context }) => context.index > 0, actions: 'backward' },
        },
      },
      done: { type: 'final' },
    },
    output: ({ context }) => context.data,
  });
}

function currentId(context: StepsContext): string {
  return context.stepIds[context.index] as string;
}

function patch(context: StepsContext, change: Partial<StepAnswer>): StepsData {
  const id = currentId(context);
  return { ...context.data, [id]: { ...(context.data[id] ?? emptyAnswer()), ...change } };
}


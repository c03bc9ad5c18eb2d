/**
 * Orientation: one line per screen (day, time, place, statement). The person may confirm a line ("That's
 * right"), type it back, or just move on. "Where are you right now?" is asked every time (a kept place is a
 * suggestion, never stated as fact); they may change their statement and, only if they choose, keep either. The view does the storage (load on mount, keep on click) and reports it with LOADED and
 * KEPT, so this machine stays pure. No clock here: PAUSE/RESUME from the session are simply ignored.
 */
import { assign, setup } from 'xstate';
import type { ModuleInput } from '../../../flow/module';
import { LINE_IDS, type LineId } from './content';
import type { LineAnswer, OrientationData } from './schema';

export type OrientationEvent =
  /** The person's saved place and statement, read when the view mounts. */
  | { type: 'LOADED'; place?: string | undefined; statement?: string | undefined }
  /** What they typed back for the current line. */
  | { type: 'SAY'; text: string }
  /** "That's right": the line as shown is true for them; moves on. */
  | { type: 'CONFIRM'; shown: string }
  /** Move on without confirming. */
  | { type: 'NEXT'; shown?: string }
  | { type: 'BACK' }
  | { type: 'SET_PLACE'; text: string }
  | { type: 'SET_STATEMENT'; text: string }
  /** The view kept `value` on this device at the person's request. */
  | { type: 'KEPT'; what: 'place' | 'statement'; value: string };

export interface OrientationContext {
  index: number;
  /** The personal record has been read once: later reads must not overwrite what the person typed. */
  loaded: boolean;
  /** What is kept on the device now (as last read, or as kept during this session). */
  saved: { place: string; statement: string };
  data: OrientationData;
}

export function emptyLine(): LineAnswer {
  return { shown: '', confirmed: false, said: '' };
}

export function emptyOrientationData(): OrientationData {
  return {
    lines: { day: emptyLine(), time: emptyLine(), place: emptyLine(), statement: emptyLine() },
    place: '',
    statement: '',
    kept: { place: false, statement: false },
  };
}

const lineAt = (index: number): LineId => LINE_IDS[index] as LineId;

function patchLine(context: OrientationContext, change: Partial<LineAnswer>): OrientationData {
  const id = lineAt(context.index);
  return { ...context.data, lines: { ...context.data.lines, [id]: { ...context.data.lines[id], ...change } } };
}

export const orientationMachine = setup({
  types: {
    context: {} as OrientationContext,
    events: {} as OrientationEvent,
    input: {} as ModuleInput,
    output: {} as OrientationData,
  },
  guards: {
    isLast: ({ context }) => context.index >= LINE_IDS.length - 1,
    hasPrevious: ({ context }) => context.index > 0,
  },
  actions: {
    loaded: assign(({ context, event }) => {
      if (event.type !== 'LOADED') return {};
      const saved = { place: event.place?.trim() ?? '', statement: event.statement?.trim() ?? '' };
      if (context.loaded) return { saved };
      // First read: start from the person's own statement, unless they already typed something here. The
      // place is never filled in: where they are is asked each time, and the kept place is only offered as
      // a suggestion (the view), because it is not a fact about today.
      const data = {
        ...context.data,
        statement: context.data.statement || saved.statement,
      };
      return { saved, loaded: true, data };
    }),
    say: assign({ data: ({ context, event }) => (event.type === 'SAY' ? patchLine(context, { said: event.text }) : context.data) }),
    confirm: assign({
      data: ({ context, event }) =>
        event.type === 'CONFIRM' ? patchLine(context, { shown: event.shown, confirmed: true }) : context.data,
    }),
    /** Moving on keeps an earlier confirmation only if the line still reads the same. */
    pass: assign({
      data: ({ context, event }) => {
        if (event.type !== 'NEXT' || event.shown === undefined) return context.data;
        const previous = context.data.lines[lineAt(context.index)];
        return patchLine(context, { shown: event.shown, confirmed: previous.confirmed && previous.shown === event.shown });
      },
    }),
    forward: assign({ index: ({ context }) => context.index + 1 }),
    backward: assign({ index: ({ context }) => context.index - 1 }),
    setPlace: assign({
      data: ({ context, event }) => (event.type === 'SET_PLACE' ? { ...context.data, place: event.text } : context.data),
    }),
    setStatement: assign({
      data: ({ context, event }) =>
        event.type === 'SET_STATEMENT' ? { ...context.data, statement: event.text } : context.data,
    }),
    kept: assign(({ context, event }) => {
      if (event.type !== 'KEPT') return {};
      const value = event.value.trim();
      return {
        saved: { ...context.saved, [event.what]: value },
        data: { ...context.data, kept: { ...context.data.kept, [event.what]: true } },
      };
    }),
  },
}).createMachine({
  id: 'orientation',
  context: () => ({
    index: 0,
    loaded: false,
    saved: { place: '', statement: '' },
    data: emptyOrientationData(),
  }),
  initial: 'line',
  states: {
    line: {
      on: {
        LOADED: { actions: 'loaded' },
        SAY: { actions: 'say' },
        SET_PLACE: { actions: 'setPlace' },
        SET_STATEMENT: { actions: 'setStatement' },
        KEPT: { actions: 'kept' },
        CONFIRM: [{ guard: 'isLast', target: 'done', actions: 'confirm' }, { actions: ['confirm', 'forward'] }],
        NEXT: [{ guard: 'isLast', target: 'done', actions: 'pass' }, { actions: ['pass', 'forward'] }],
        BACK: { guard: 'hasPrevious', actions: 'backward' },
      },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => context.data,
});

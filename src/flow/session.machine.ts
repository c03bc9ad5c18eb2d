/**
 * One guided session: check-in → (grounding first?) → the module (a child actor) → check-out → (support
 * first, when the check-out was hard) → note → saved. A module with its own checks (ModuleMeta.ownChecks)
 * skips check-in and check-out: module → saved, or module → note → saved with ModuleMeta.noteAfter.
 * Global events: GROUND (suspend here, ground, RESUME returns to the same step through deep history),
 * PAUSE/RESUME, and EXIT (always allowed; whatever was written or rated is saved as an unfinished entry).
 *
 * The module runs as a *spawned* child, not an invoked one, so it survives GROUND and PAUSE: leaving the
 * `flow` state would stop an invoked actor and lose the words typed in it.
 * Side effects (saving the entry) are the `saveEntry` actor, provided from outside, so tests run in node.
 */
import { assign, enqueueActions, fromPromise, setup, spawnChild, stopChild, createMachine, type ActorRefFrom, type AnyStateMachine, type DoneActorEvent } from 'xstate';
import type { Check } from '../storage/schema';
import type { Family, ModuleInput } from './module';
import { DEFAULT_THRESHOLDS, shouldOfferGroundingFirst, supportAfterCheckOut, supportOnLeaving, type Thresholds } from './routing';
import { INWARD } from './ground';

export interface SessionInput {
  sessionId: string;
  moduleId: string;
  family: Family;
  /** Started from the Ground control: skip check-in, go straight to the first step. */
  quick?: boolean;
  /** Handed to the module (ModuleInput.variant): e.g. feet and hands, not muscle tensing. */
  variant?: string;
  thresholds?: Thresholds;
  now?: number;
  /** The module asks its own before/after questions (ModuleMeta.ownChecks): no check-in or check-out here. */
  ownChecks?: boolean;
  /** With ownChecks: the optional note screen still follows the module (ModuleMeta.noteAfter). */
  noteAfter?: boolean;
}

export interface SessionContext {
  sessionId: string;
  moduleId: string;
  family: Family;
  quick: boolean;
  variant?: string;
  thresholds: Thresholds;
  /** ModuleMeta.ownChecks (absent in sessions stored before it existed: false). */
  ownChecks?: boolean;
  /** ModuleMeta.noteAfter: a module with its own checks that still ends on the session's note screen. */
  noteAfter?: boolean;
  startedAt: number;
  before?: Check;
  after?: Check;
  note: string;
  /** The module's answers: its output when finished, or what it held when the person left. */
  data?: unknown;
  /** The module reached its end (its output is in `data`). */
  moduleDone: boolean;
  /** True when saved before the module finished (EXIT). */
  partial: boolean;
  /** After check-out (or on leaving): still low presence, high distress, or distress that rose → the view
   *  shows Help and other exercises at once (flow/routing.ts). */
  moreSupport: boolean;
  /** Ratings chosen on the check screen on show but not yet confirmed: kept like every other answer. */
  rating?: Rated;
  entryId?: string;
  error?: string;
}

export type Rated = { presence?: number; distress?: number };

export type SessionEvent =
  | ({ type: 'RATE' } & Rated) // a rating chosen on a check screen, before Continue
  | ({ type: 'CHECK_IN' } & Rated)
  | { type: 'SKIP_CHECK_IN' }
  | { type: 'CONTINUE' } // "carry on without grounding" after the grounding-first offer; on to the note after support
  | ({ type: 'CHECK_OUT' } & Rated)
  | { type: 'SKIP_CHECK_OUT' }
  | { type: 'NOTE'; text: string }
  | { type: 'FINISH' }
  | { type: 'GROUND' }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | { type: 'EXIT' }
  | { type: 'RETRY' }
  // Sent by XState itself when the spawned module reaches its final state.
  | DoneActorEvent<unknown, 'module'>;

export interface SaveEntryInput {
  context: SessionContext;
}

/** Placeholder module: replaced with the real module machine through `.provide({ actors: { module } })`. */
const placeholderModule: AnyStateMachine = createMachine({
  types: {} as { input: ModuleInput; context: { data: unknown }; output: unknown },
  context: { data: undefined },
  initial: 'done',
  states: { done: { type: 'final' } },
  output: ({ context }) => context.data,
});

export const sessionMachine = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    input: {} as SessionInput,
    output: {} as { entryId?: string; partial: boolean },
  },
  actors: {
    module: placeholderModule,
    saveEntry: fromPromise<string, SaveEntryInput>(async () => {
      throw new Error('saveEntry was not provided');
    }),
  },
  guards: {
    offerGroundingFirst: ({ context, event }) =>
      event.type === 'CHECK_IN' &&
      (shouldOfferGroundingFirst(context.family, check(event, 0), context.thresholds) ||
        // An inward grounding exercise (imagery, breath focus, muscle work) at presence ≤ 3: outward ones are
        // offered first (CLINICAL.md §2); the person may still go on.
        (INWARD.includes(context.moduleId) &&
          event.presence !== undefined &&
          event.presence <= context.thresholds.presenceAtMost)),
    isQuick: ({ context }) => context.quick,
    ownChecks: ({ context }) => context.ownChecks === true,
    ownChecksThenNote: ({ context }) => context.ownChecks === true && context.noteAfter === true,
    // Support before paperwork: a hard check-out shows Help and other exercises before the note screen.
    supportFirst: ({ context, event }) =>
      event.type === 'CHECK_OUT' && supportAfterCheckOut(context.before, check(event, 0), context.thresholds),
    // A finished exercise is worth a journal line even with nothing typed: the person did it.
    hasAnythingToKeep: ({ context }) => context.moduleDone || hasContent(context),
  },
  actions: {
    recordBefore: assign({
      before: ({ event }) => (event.type === 'CHECK_IN' ? check(event, Date.now()) : undefined),
    }),
    recordAfter: assign(({ context, event }) => {
      const after = event.type === 'CHECK_OUT' ? check(event, Date.now()) : undefined;
      return { after, moreSupport: supportAfterCheckOut(context.before, after, context.thresholds) };
    }),
    /**
     * Leaving after a hard rating shows the same support on the way out (never a dead end). A rating chosen
     * on the check screen but not yet confirmed with Continue counts too: the person said it, then left.
     */
    flagSupportOnLeaving: assign(({ context }) => ({
      moreSupport:
        context.moreSupport ||
        supportOnLeaving(
          context.before ?? (context.moduleDone ? undefined : pendingCheck(context)),
          context.after ?? (context.moduleDone ? pendingCheck(context) : undefined),
          context.thresholds,
        ) ||
        // A module with its own checks (exposure) left part-way: its after-questions were never asked, so
        // the way out always shows the safety plan, Help and grounding (issue 15: never a dead end).
        (context.ownChecks === true && !context.moduleDone) ||
        moduleAsksSupport(context.data),
    })),
    /** A module with its own checks says whether it showed (or wants) more support: the closing screen repeats it. */
    keepModuleSupport: assign({
      moreSupport: ({ context, event }) =>
        context.moreSupport ||
        (event.type === 'xstate.done.actor.module' &&
          ((event.output as { moreSupport?: unknown } | undefined)?.moreSupport === true || moduleAsksSupport(event.output))),
    }),
    startModule: spawnChild('module', {
      id: 'module',
      input: ({ context }): ModuleInput =>
        context.variant === undefined ? { quick: context.quick } : { quick: context.quick, variant: context.variant },
    }),
    keepModuleOutput: assign({
      data: ({ event }) => (event.type === 'xstate.done.actor.module' ? event.output : undefined),
      moduleDone: true,
    }),
    /** Leaving part-way: keep what the module holds right now. */
    keepModuleProgress: assign(({ context, self }) =>
      context.moduleDone ? { partial: false } : { data: moduleData(self) ?? context.data, partial: true },
    ),
    stopModule: stopChild('module'),
    /** Timed modules (breathing, timers) stop their clocks while the session is suspended or paused. */
    pauseModule: enqueueActions(({ enqueue, self }) => {
      if (moduleRunning(self)) enqueue.sendTo('module', { type: 'PAUSE' });
    }),
    resumeModule: enqueueActions(({ enqueue, self }) => {
      if (moduleRunning(self)) enqueue.sendTo('module', { type: 'RESUME' });
    }),
    keepRating: assign({
      rating: ({ event }) => {
        if (event.type !== 'RATE') return undefined;
        const { at: _at, ...rated } = check(event, 0);
        return rated;
      },
    }),
    clearRating: assign({ rating: undefined }),
    setNote: assign({ note: ({ context, event }) => (event.type === 'NOTE' ? event.text : context.note) }),
    keepEntryId: assign({
      entryId: ({ event }) => (event as unknown as { output: string }).output,
      error: undefined,
    }),
    keepError: assign({
      error: ({ event }) => String((event as unknown as { error: unknown }).error),
    }),
  },
}).createMachine({
  id: 'session',
  context: ({ input }) => ({
    sessionId: input.sessionId,
    moduleId: input.moduleId,
    family: input.family,
    quick: input.quick ?? false,
    ...(input.variant === undefined ? {} : { variant: input.variant }),
    thresholds: input.thresholds ?? DEFAULT_THRESHOLDS,
    ...(input.ownChecks ? { ownChecks: true } : {}),
    ...(input.ownChecks && input.noteAfter ? { noteAfter: true } : {}),
    startedAt: input.now ?? Date.now(),
    note: '',
    moduleDone: false,
    partial: false,
    moreSupport: false,
  }),
  initial: 'flow',
  states: {
    flow: {
      initial: 'start',
      on: {
        GROUND: { target: 'grounding' },
        PAUSE: { target: 'paused' },
        EXIT: { target: 'leaving', actions: ['keepModuleProgress', 'flagSupportOnLeaving'] },
      },
      states: {
        start: {
          always: [
            { guard: 'isQuick', target: 'module', actions: 'startModule' },
            { guard: 'ownChecks', target: 'module', actions: 'startModule' },
            { target: 'checkIn' },
          ],
        },
        checkIn: {
          on: {
            RATE: { actions: 'keepRating' },
            CHECK_IN: [
              { guard: 'offerGroundingFirst', target: 'offerGrounding', actions: ['recordBefore', 'clearRating'] },
              { target: 'module', actions: ['recordBefore', 'clearRating', 'startModule'] },
            ],
            // No rating is ever required to reach a tool (CLINICAL.md §6, FreeCBT's rule).
            SKIP_CHECK_IN: { target: 'module', actions: ['clearRating', 'startModule'] },
          },
        },
        offerGrounding: {
          // GROUND (handled on `flow`) takes the offer; CONTINUE respects the person's choice to go on.
          on: { CONTINUE: { target: 'module', actions: 'startModule' } },
        },
        module: {
          on: {
            'xstate.done.actor.module': [
              // The module showed its own support step already (support before paperwork); then the note.
              { guard: 'ownChecksThenNote', target: 'note', actions: ['keepModuleOutput', 'keepModuleSupport'] },
              { guard: 'ownChecks', target: '#session.saving', actions: ['keepModuleOutput', 'keepModuleSupport'] },
              { target: 'checkOut', actions: 'keepModuleOutput' },
            ],
          },
        },
        checkOut: {
          on: {
            RATE: { actions: 'keepRating' },
            CHECK_OUT: [
              { guard: 'supportFirst', target: 'support', actions: ['recordAfter', 'clearRating'] },
              { target: 'note', actions: ['recordAfter', 'clearRating'] },
            ],
            SKIP_CHECK_OUT: { target: 'note', actions: 'clearRating' },
          },
        },
        support: {
          description: 'Help and other exercises, shown before the note; the note can still be written after.',
          on: {
            CONTINUE: { target: 'note' },
            // Another exercise chosen from here: keep this one (ratings and all) as a finished entry.
            FINISH: { target: '#session.saving' },
          },
        },
        note: {
          on: {
            NOTE: { actions: 'setNote' },
            FINISH: { target: '#session.saving' },
          },
        },
        hist: { type: 'history', history: 'deep' },
      },
    },
    grounding: {
      description: 'Suspended while the person grounds; the module child and every word are kept.',
      entry: 'pauseModule',
      exit: 'resumeModule',
      on: {
        RESUME: { target: 'flow.hist' },
        EXIT: { target: 'leaving', actions: ['keepModuleProgress', 'flagSupportOnLeaving'] },
      },
    },
    paused: {
      entry: 'pauseModule',
      exit: 'resumeModule',
      on: {
        RESUME: { target: 'flow.hist' },
        GROUND: { target: 'grounding' },
        EXIT: { target: 'leaving', actions: ['keepModuleProgress', 'flagSupportOnLeaving'] },
      },
    },
    saving: {
      on: { NOTE: { actions: 'setNote' } },
      invoke: {
        src: 'saveEntry',
        input: ({ context }) => ({ context }),
        onDone: { target: 'saved', actions: ['keepEntryId', 'stopModule'] },
        onError: { target: 'saveFailed', actions: 'keepError' },
      },
    },
    leaving: {
      always: [{ guard: 'hasAnythingToKeep', target: 'saving' }, { target: 'left', actions: 'stopModule' }],
    },
    saveFailed: {
      description: 'Storage refused (full disk, another tab). Everything stays in memory and in the snapshot.',
      on: {
        RETRY: { target: 'saving' },
        NOTE: { actions: 'setNote' },
      },
    },
    saved: { type: 'final' },
    left: { type: 'final' },
  },
  output: ({ context }) => ({ entryId: context.entryId, partial: context.partial }),
});

export type SessionActor = ActorRefFrom<typeof sessionMachine>;

function check(rated: Rated, at: number): Check {
  const out: Check = { at };
  if (rated.presence !== undefined) out.presence = rated.presence;
  if (rated.distress !== undefined) out.distress = rated.distress;
  return out;
}

/** The rating chosen on the check screen on show, not yet confirmed (check-in before the module, check-out after). */
function pendingCheck(context: SessionContext): Check | undefined {
  const r = context.rating;
  return r && (r.presence !== undefined || r.distress !== undefined) ? check(r, Date.now()) : undefined;
}

function moduleRunning(self: { getSnapshot(): { children: Record<string, unknown> } }): boolean {
  const child = self.getSnapshot().children['module'] as { getSnapshot(): { status: string } } | undefined;
  return child?.getSnapshot().status === 'active';
}

/**
 * A module that rates distress itself (exposure: SUDS) keeps `needsSupport` in its data, current with what was
 * rated (flow/routing.ts safetyPlanAfterExposure); leaving part-way then ends with the same support.
 */
function moduleAsksSupport(data: unknown): boolean {
  return (data as { needsSupport?: unknown } | undefined)?.needsSupport === true;
}

function moduleData(self: { getSnapshot(): { children: Record<string, unknown> } }): unknown {
  const child = self.getSnapshot().children['module'] as { getSnapshot(): { context?: { data?: unknown } } } | undefined;
  return child?.getSnapshot().context?.data;
}

/** Anything the person gave: a rating, a note, or any non-empty answer inside the module's data. */
export function hasContent(context: SessionContext): boolean {
  const rated = (c?: Check) => c !== undefined && (c.presence !== undefined || c.distress !== undefined);
  return rated(context.before) || rated(context.after) || context.note.trim() !== '' || hasAnswer(context.data);
}

/**
 * The same for a stored session (its persisted snapshot): ratings and note from the session, answers from
 * the module child, which holds them until the session ends. Decides whether starting the exercise again
 * needs to ask "carry on or start afresh" — a session with nothing in it can simply make way.
 */
export function storedHasContent(snapshot: unknown): boolean {
  const snap = snapshot as { context?: Partial<SessionContext>; children?: { module?: { snapshot?: { context?: { data?: unknown } } } } };
  const ctx = snap?.context;
  if (!ctx) return false;
  const data = snap.children?.module?.snapshot?.context?.data ?? ctx.data;
  return hasContent({ ...(ctx as SessionContext), note: typeof ctx.note === 'string' ? ctx.note : '', data });
}

function hasAnswer(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return value > 0;
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.some(hasAnswer);
  if (value && typeof value === 'object') return Object.values(value).some(hasAnswer);
  return false;
}

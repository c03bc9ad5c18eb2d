/**
 * Runs guided sessions: creates the session actor with its module, saves the persisted snapshot on every
 * step (parent or module) and on pagehide, restores it on reopen, and saves the journal entry at the end.
 * Plain TypeScript: the views get a `SessionHandle` and only send events / read snapshots.
 */
import { createActor, fromPromise, type AnyActorRef, type Subscription } from 'xstate';
import * as v from 'valibot';
import type { ModuleImpl, ModuleMeta } from './module';
import { sessionMachine, type SessionActor, type SessionContext } from './session.machine';
import type { EntriesRepo } from '../storage/entries';
import type { SessionsRepo } from '../storage/sessions';
import type { Check, SessionRecord } from '../storage/schema';
import { newId } from '../storage/ids';

export interface RunnerDeps {
  entries: EntriesRepo;
  sessions: SessionsRepo;
  findModule: (id: string) => ModuleMeta | undefined;
  /** Called once after an entry is saved (e.g. to ask for persistent storage the first time). */
  onEntrySaved?: (entryId: string) => void;
  now?: () => number;
}

export interface SessionHandle {
  id: string;
  meta: ModuleMeta;
  impl: ModuleImpl;
  actor: SessionActor;
  /** The running module child, when there is one. */
  module(): AnyActorRef | undefined;
  /** Write the snapshot now (pagehide, route change). */
  flush(): Promise<void>;
  stop(): void;
}

/** A persisted snapshot must at least look like one of ours before we hand it to XState. */
const PersistedShape = v.object({
  status: v.picklist(['active', 'done', 'error', 'stopped']),
  value: v.union([v.string(), v.record(v.string(), v.unknown())]),
  context: v.object({ sessionId: v.string(), moduleId: v.string(), note: v.string() }),
});

export function createRunner(deps: RunnerDeps) {
  const now = deps.now ?? Date.now;
  const live = new Map<string, SessionHandle>();

  function saveEntryFor(meta: ModuleMeta, impl: ModuleImpl) {
    return fromPromise<string, { context: SessionContext }>(async ({ input: { context } }) => {
      const data = context.data === undefined ? undefined : v.safeParse(impl.dataSchema, context.data);
      // The session id doubles as the entry id, so a retried save overwrites instead of duplicating.
      const entry = await deps.entries.create({
        id: context.sessionId,
        createdAt: context.startedAt,
        kind: 'session',
        moduleId: meta.id,
        title: meta.title,
        body: context.note,
        before: context.before,
        after: context.after,
        data: data?.success ? data.output : context.data,
        complete: !context.partial,
      });
      deps.onEntrySaved?.(entry.id);
      return entry.id;
    });
  }

  function track(meta: ModuleMeta, impl: ModuleImpl, actor: SessionActor, startedAt: number): SessionHandle {
    const id = actor.getSnapshot().context.sessionId;
    let writing: Promise<void> = Promise.resolve();
    let queued = false;
    let childSub: Subscription | undefined;
    let child: AnyActorRef | undefined;

    // Coalesce writes: at most one in flight plus one queued, always of the latest snapshot.
    function persist(): Promise<void> {
      if (queued) return writing;
      queued = true;
      writing = writing.then(async () => {
        queued = false;
        const snap = actor.getSnapshot();
        if (snap.status === 'done') {
          await deps.sessions.remove(id);
          return;
        }
        const record: SessionRecord = {
          id,
          moduleId: meta.id,
          status: snap.matches('grounding') || snap.matches('paused') ? 'suspended' : 'active',
          startedAt,
          updatedAt: now(),
          snapshot: JSON.parse(JSON.stringify(actor.getPersistedSnapshot())),
        };
        await deps.sessions.put(record).catch(() => {
          // Reported by the repository; the session keeps running in memory and the next step retries.
        });
      });
      return writing;
    }

    /** Every change inside the module (each keystroke) is saved too, not only the session's steps. */
    function followModule(snap: { children: Record<string, unknown> }): void {
      const next = snap.children['module'] as AnyActorRef | undefined;
      if (next === child) return;
      childSub?.unsubscribe();
      child = next;
      childSub = child?.subscribe(() => void persist());
    }
    // A restored actor already has its module: follow it now, not at the session's next step.
    followModule(actor.getSnapshot());

    const sub = actor.subscribe({
      next(snap) {
        followModule(snap);
        void persist();
        if (snap.status === 'done') live.delete(id);
      },
      error() {
        void persist();
      },
    });

    const handle: SessionHandle = {
      id,
      meta,
      impl,
      actor,
      module: () => actor.getSnapshot().children['module'] as AnyActorRef | undefined,
      flush: persist,
      stop() {
        sub.unsubscribe();
        childSub?.unsubscribe();
        actor.stop();
        live.delete(id);
      },
    };
    live.set(id, handle);
    void persist();
    return handle;
  }

  function provide(meta: ModuleMeta, impl: ModuleImpl) {
    return sessionMachine.provide({ actors: { module: impl.machine, saveEntry: saveEntryFor(meta, impl) } });
  }

  return {
    /** Start a new session of a module. `quick`: from the Ground control, straight to the first step. */
    async start(moduleId: string, options: { quick?: boolean; variant?: string } = {}): Promise<SessionHandle> {
      const meta = deps.findModule(moduleId);
      if (!meta) throw new Error(`Unknown module ${moduleId}`);
      const impl = await meta.load();
      const startedAt = now();
      const actor = createActor(provide(meta, impl), {
        input: {
          sessionId: newId(),
          moduleId,
          family: meta.family,
          quick: options.quick ?? false,
          ...(options.variant === undefined ? {} : { variant: options.variant }),
          now: startedAt,
        },
      });
      const handle = track(meta, impl, actor, startedAt);
      actor.start();
      return handle;
    },

    /** The live handle, or one restored from its stored snapshot; undefined when it cannot be found. */
    async open(sessionId: string): Promise<SessionHandle | undefined> {
      const running = live.get(sessionId);
      if (running) return running;
      const record = await deps.sessions.get(sessionId);
      if (!record) return undefined;
      return restore(record);
    },

    /** Unfinished sessions to offer "carry on where you left off". */
    async unfinished(): Promise<{ record: SessionRecord; meta: ModuleMeta }[]> {
      const records = await deps.sessions.unfinished();
      return records.flatMap((record) => {
        const meta = deps.findModule(record.moduleId);
        return meta ? [{ record, meta }] : [];
      });
    },

    live(): SessionHandle[] {
      return [...live.values()];
    },

    /** Write every live snapshot now (pagehide). */
    async flushAll(): Promise<void> {
      await Promise.all([...live.values()].map((h) => h.flush()));
    },
  };

  async function restore(record: SessionRecord): Promise<SessionHandle | undefined> {
    const meta = deps.findModule(record.moduleId);
    const shape = v.safeParse(PersistedShape, record.snapshot);
    if (!meta || !shape.success || shape.output.status !== 'active') {
      await keepWhatWasWritten(record);
      return undefined;
    }
    const impl = await meta.load();
    try {
      const actor = createActor(provide(meta, impl), { snapshot: record.snapshot } as never);
      // Observe errors before starting: an actor restored into an error state rethrows asynchronously
      // (an uncaught window error) when nothing is listening.
      const guard = actor.subscribe({ error: () => {} });
      actor.start();
      // A snapshot from an older build can restore "successfully" into a state that no longer exists (the
      // child lands in status 'error' with its context gone). Check before tracking, because tracking
      // writes the new snapshot over the stored one — and with it the person's words.
      if (!healthy(actor)) {
        actor.stop();
        guard.unsubscribe();
        throw new Error('restored into an unknown state');
      }
      const handle = track(meta, impl, actor, record.startedAt);
      guard.unsubscribe();
      return handle;
    } catch {
      // A snapshot from an incompatible older build: never lose the words, keep them as an entry.
      await keepWhatWasWritten(record);
      return undefined;
    }
  }

  /** Last resort when a stored session cannot be resumed: save its context as an unfinished entry. */
  async function keepWhatWasWritten(record: SessionRecord): Promise<void> {
    const ctx = (record.snapshot as { context?: Partial<SessionContext> } | undefined)?.context;
    const childData = (record.snapshot as { children?: { module?: { snapshot?: { context?: { data?: unknown } } } } })
      ?.children?.module?.snapshot?.context?.data;
    const meta = deps.findModule(record.moduleId);
    const kept = {
      id: record.id,
      createdAt: record.startedAt,
      kind: 'session' as const,
      moduleId: record.moduleId,
      title: meta?.title ?? record.moduleId,
      body: typeof ctx?.note === 'string' ? ctx.note : '',
      data: childData ?? ctx?.data,
      complete: false,
    };
    try {
      await deps.entries.create({ ...kept, before: ctx?.before as Check | undefined, after: ctx?.after as Check | undefined });
    } catch {
      // Ratings from an older build may not pass today's schema: the words matter more than the numbers.
      await deps.entries.create(kept);
    }
    await deps.sessions.remove(record.id);
  }
}

export type Runner = ReturnType<typeof createRunner>;

function healthy(actor: SessionActor): boolean {
  const snap = actor.getSnapshot();
  if (snap.status === 'error') return false;
  return Object.values(snap.children).every((child) => (child as AnyActorRef | undefined)?.getSnapshot().status !== 'error');
}

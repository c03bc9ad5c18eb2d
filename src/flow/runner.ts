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
import { sessionKey, type SessionsRepo } from '../storage/sessions';
import type { Check, SessionRecord } from '../storage/schema';
import type { Thresholds } from './routing';
import { newId } from '../storage/ids';
import { createWriter } from '../storage/writer';
import { claim as claimTab, type Busy, type Claim, type Owned, type TabLockHandlers } from '../storage/tab-lock';
import { quarantineRepo, type QuarantineRepo } from '../storage/quarantine';
import { salvagedText } from '../storage/salvage';

export interface RunnerDeps {
  entries: EntriesRepo;
  sessions: SessionsRepo;
  findModule: (id: string) => ModuleMeta | undefined;
  /** Called once after an entry is saved (e.g. to ask for persistent storage the first time). */
  onEntrySaved?: (entryId: string) => void;
  now?: () => number;
  /** Cross-tab claim (storage/tab-lock.ts); every session this runner runs is claimed first. */
  claim?: (resource: string, handlers: TabLockHandlers) => Promise<Claim>;
  /** Where a snapshot that cannot be restored is kept, raw, before its words go into the journal. */
  quarantine?: QuarantineRepo;
  /** The routing thresholds for a new session (a therapist plan's, clamped; plans/active.ts); undefined or a
   *  failure means the defaults. */
  thresholds?: () => Promise<Thresholds | undefined>;
}


/** What opening a session found: the running session, another tab running it, or nothing to open. */
export type Opened =
  | { status: 'open'; handle: SessionHandle }
  | {
      status: 'busy';
      takeOver(): Promise<SessionHandle | undefined>;
      /** The lock once the other tab lets go (runner `whenFree` restores the session with it). */
      whenFree(signal: AbortSignal): Promise<Owned>;
    }
  | { status: 'missing' };

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
  const claim = deps.claim ?? claimTab;
  const quarantine = deps.quarantine ?? quarantineRepo();
  const live = new Map<string, SessionHandle>();
  /** The tab lock of every session this runner holds, by id (one claim per session, for every caller). */
  const locks = new Map<string, Owned>();
  /** Screens showing a session, told when another tab takes it over. */
  const lostListeners = new Map<string, Set<() => void>>();
  /** Sessions another tab has just taken over, while this tab saves and stops them. */
  const stopping = new Map<string, Promise<void>>();

  function lockHandlers(id: string): TabLockHandlers {
    return {
      // Another tab is about to take over: every step and word must be on disk before it reads them.
      onFlush: async () => {
        await live.get(id)?.flush();
      },
      async onLost() {
        locks.delete(id);
        let stopped!: () => void;
        const done = new Promise<void>((r) => (stopped = r));
        stopping.set(id, done);
        try {
          for (const l of lostListeners.get(id) ?? []) l();
          // Save first, then stop: a session stopped before its last write would be stored as stopped.
          const handle = live.get(id);
          if (handle) {
            await handle.flush();
            handle.stop();
          }
        } finally {
          if (stopping.get(id) === done) stopping.delete(id);
          stopped();
        }
      },
    };
  }

  /** Let go of a session's lock once its last write has settled. */
  function release(id: string, after?: Promise<unknown>): void {
    const lock = locks.get(id);
    locks.delete(id);
    lock?.release(after);
  }

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
    let childSub: Subscription | undefined;
    let child: AnyActorRef | undefined;

    let last: SessionRecord | null = null;
    /** The record as it stands now; `null` once the session is over (the record is removed). */
    function record(): SessionRecord | null {
      const snap = actor.getSnapshot();
      if (snap.status === 'done') return null;
      // Stopped in this page (tab going away, another tab took over): the record stays as it last was.
      if (snap.status === 'stopped') return last;
      return (last = {
        id,
        moduleId: meta.id,
        status: snap.matches('grounding') || snap.matches('paused') ? 'suspended' : 'active',
        startedAt,
        updatedAt: now(),
        snapshot: JSON.parse(JSON.stringify(actor.getPersistedSnapshot())),
      });
    }

    // The shared coalescing writer (storage/writer.ts): one write in flight, always of the latest snapshot;
    // until it is on disk the snapshot is kept in memory (`pendingWrites`) and retried when space returns.
    const writer = createWriter<SessionRecord | null>({
      key: sessionKey(id),
      write: (r) => (r ? deps.sessions.put(r) : deps.sessions.remove(id)),
    });

    function persist(): Promise<void> {
      writer.change(record);
      return writer.flush();
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
        if (snap.status === 'done') {
          live.delete(id);
          release(id, writer.flush());
        }
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
        if (writer.dirty) writer.change(record()); // the words as they are now, before the actor stops
        actor.stop();
        live.delete(id);
        release(id, writer.flush());
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
      const thresholds = await deps.thresholds?.().catch(() => undefined);
      const startedAt = now();
      const sessionId = newId();
      // A new id is never busy; claiming it now means another tab opening it later is told so.
      const claimed = await claim(`session:${sessionId}`, lockHandlers(sessionId));
      if (claimed.status === 'owned') locks.set(sessionId, claimed);
      const actor = createActor(provide(meta, impl), {
        input: {
          sessionId,
          moduleId,
          family: meta.family,
          quick: options.quick ?? false,
          ...(options.variant === undefined ? {} : { variant: options.variant }),
          ...(thresholds ? { thresholds } : {}),
          ...(meta.ownChecks ? { ownChecks: true } : {}),
          ...(meta.ownChecks && meta.noteAfter ? { noteAfter: true } : {}),
          now: startedAt,
        },
      });
      const handle = track(meta, impl, actor, startedAt);
      actor.start();
      return handle;
    },

    /**
     * The live handle, or one restored from its stored snapshot; undefined when it cannot be found or
     * another tab runs it (use `openOrBusy` to tell the two apart and offer to take over).
     */
    async open(sessionId: string): Promise<SessionHandle | undefined> {
      const opened = await openOrBusy(sessionId);
      return opened.status === 'open' ? opened.handle : undefined;
    },

    openOrBusy,

    /** "Let it go" from Today: leave the session (what was written is kept as an unfinished entry). */
    /**
     * "Let it go": end an unfinished session, keeping what was written as an unfinished journal entry.
     * 'kept' — an entry holds the words; 'nothing' — nothing had been written or rated, so nothing was kept;
     * 'failed' — the save failed (the storage notice says so, and the session stays offered back);
     * 'busy' — another tab has it open; 'missing' — it could not be restored (the runner has already
     * turned it into an entry).
     */
    async letGo(sessionId: string): Promise<'kept' | 'nothing' | 'failed' | 'busy' | 'missing'> {
      const opened = await openOrBusy(sessionId);
      if (opened.status !== 'open') return opened.status;
      const { actor } = opened.handle;
      if (actor.getSnapshot().status === 'active') actor.send({ type: 'EXIT' });
      const end = await new Promise<{ entryId?: string; failed: boolean }>((resolve) => {
        const check = () => {
          const snap = actor.getSnapshot();
          if (snap.status !== 'active' || snap.matches('saveFailed'))
            resolve({ entryId: (snap.output as { entryId?: string } | undefined)?.entryId, failed: snap.matches('saveFailed') });
        };
        actor.subscribe({ next: check, complete: check, error: check });
        check();
      });
      await opened.handle.flush();
      if (end.failed) return 'failed';
      return end.entryId ? 'kept' : 'nothing';
    },

    /**
     * Wait until no other tab runs the session (it closed, or it was busy and lets go), then restore it here:
     * the handle, or undefined when it cannot be restored. Waits in the lock's queue (tab-lock `whenFree`);
     * abort `signal` to stop waiting (leaving the screen, or "Carry on here instead" about to ask instead):
     * it then rejects, and a lock granted at that very moment is let go again, nothing restored.
     */
    async whenFree(sessionId: string, signal: AbortSignal): Promise<SessionHandle | undefined> {
      // Taken over a moment ago: this tab first saves and stops its copy (then it is no longer live here).
      await stopping.get(sessionId);
      const opened = await openOrBusy(sessionId);
      if (opened.status === 'open') return opened.handle;
      if (opened.status === 'missing') return undefined;
      const owned = await opened.whenFree(signal);
      if (signal.aborted) {
        owned.release();
        throw new DOMException('Stopped waiting for the session', 'AbortError');
      }
      const restored = await openClaimed(sessionId, owned);
      return restored.status === 'open' ? restored.handle : undefined;
    },

    /** Call `listener` when another tab takes this session over (this tab has saved and stopped it). */
    onLost(sessionId: string, listener: () => void): () => void {
      const set = lostListeners.get(sessionId) ?? new Set();
      lostListeners.set(sessionId, set);
      set.add(listener);
      return () => set.delete(listener);
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

  async function openOrBusy(sessionId: string): Promise<Opened> {
    const running = live.get(sessionId);
    if (running) return { status: 'open', handle: running };
    const claimed = await claim(`session:${sessionId}`, lockHandlers(sessionId));
    if (claimed.status === 'busy') return { status: 'busy', takeOver: () => takeOver(sessionId, claimed), whenFree: (signal) => claimed.whenFree(signal) };
    return openClaimed(sessionId, claimed);
  }

  async function takeOver(sessionId: string, busy: Busy): Promise<SessionHandle | undefined> {
    const opened = await openClaimed(sessionId, await busy.takeOver());
    return opened.status === 'open' ? opened.handle : undefined;
  }

  /** Restore a session this tab has just claimed; the lock is let go again when there is nothing to run. */
  async function openClaimed(sessionId: string, lock: Owned): Promise<Opened> {
    // Restored meanwhile by another caller in this page (it holds its own lock).
    const running = live.get(sessionId);
    if (running) {
      lock.release();
      return { status: 'open', handle: running };
    }
    locks.set(sessionId, lock);
    try {
      const record = await deps.sessions.get(sessionId);
      const handle = record ? await restore(record) : undefined;
      if (handle) return { status: 'open', handle };
      // A record on disk that is not even shaped like a session record (an older or newer build, damage):
      // the repository counted it as unreadable; its words still go to the journal, the raw record to the
      // quarantine — as for a snapshot that cannot be restored.
      if (!record) {
        const raw = await deps.sessions.raw?.(sessionId);
        if (raw !== undefined && raw !== null) await keepWhatWasWritten(asSessionRecord(sessionId, raw));
      }
    } catch {
      // Storage refused (reported by the repository): nothing to run.
    }
    if (locks.get(sessionId) === lock) release(sessionId);
    return { status: 'missing' };
  }

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

  /**
   * Last resort when a stored session cannot be resumed. Nothing the app cannot read is deleted: the raw
   * record goes to the quarantine first, then every string the person wrote (wherever in the snapshot it
   * is — an older or newer build may keep it elsewhere) goes into an unfinished entry's text. Only when
   * both are stored is the session record removed.
   */
  /** A record that failed the schema, read as well as it can be (every field it lacks filled safely). */
  function asSessionRecord(id: string, raw: unknown): SessionRecord {
    const r = (typeof raw === 'object' ? raw : {}) as Partial<Record<keyof SessionRecord, unknown>>;
    const startedAt = typeof r.startedAt === 'number' && Number.isInteger(r.startedAt) && r.startedAt >= 0 ? r.startedAt : now();
    // Its shape is unknown, so the whole record is walked for the person's words (ids and times are left out).
    return { id, moduleId: typeof r.moduleId === 'string' ? r.moduleId : '', status: 'active', startedAt, updatedAt: now(), snapshot: raw };
  }

  async function keepWhatWasWritten(record: SessionRecord): Promise<void> {
    const raw = (await deps.sessions.raw?.(record.id).catch(() => undefined)) ?? record;
    await quarantine.keep('sessions', record.id, raw, 'session snapshot could not be restored', { report: false });
    const ctx = (record.snapshot as { context?: Partial<SessionContext> } | undefined)?.context;
    const childData = (record.snapshot as { children?: { module?: { snapshot?: { context?: { data?: unknown } } } } })
      ?.children?.module?.snapshot?.context?.data;
    const meta = deps.findModule(record.moduleId);
    const note = typeof ctx?.note === 'string' ? ctx.note : '';
    const kept = {
      id: record.id,
      createdAt: record.startedAt,
      kind: 'session' as const,
      moduleId: record.moduleId,
      title: meta?.title ?? record.moduleId,
      body: salvagedText(record.snapshot, note),
      data: childData ?? ctx?.data,
      complete: false,
    };
    try {
      await deps.entries.create({ ...kept, before: ctx?.before as Check | undefined, after: ctx?.after as Check | undefined });
    } catch {
      // Ratings or data from an older build may not pass today's schema: the words matter more.
      await deps.entries.create({ ...kept, data: undefined });
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

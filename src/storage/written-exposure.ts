/**
 * Written exposure courses (written-exposure.schema.ts). The writing screen keeps every keystroke through
 * `writer(id)` — the shared coalescing writer (writer.ts): a write starts at the keystroke, only the latest
 * course is written, failures are retried, and a killed tab loses nothing already handed to IndexedDB.
 * Reads go through `pendingWrites` first (memory, then disk), so words not yet on disk come back wherever
 * the person returns (after Ground, after "Carry on"). A stored course this build cannot read is reported,
 * skipped and never written over.
 */
import * as v from 'valibot';
import { getDb, classify, committed, type Db } from './db';
import { pendingWrites } from './pending';
import { reportProblem } from './problems';
import { createWriter, type Writer } from './writer';
import { unreadableKeeper } from './quarantine';
import { holdRecord, type Hold, type HoldOptions } from './record-claim';
import { onStoresChanged } from './changes';
import { newId } from './ids';
import { opened, sealed } from './sealing';
import { WrittenCourseSchema, newCourse, type WrittenCourse } from './written-exposure.schema';

/** A course's key in `pendingWrites`. */
export const writtenExposureKey = (id: string) => `writtenExposure:${id}`;

export class UnreadableCourseError extends Error {
  constructor() {
    super('The stored course could not be read');
    this.name = 'UnreadableCourseError';
  }
}

export interface WrittenWriterOptions {
  onSaved?: (at: number) => void;
  onError?: (error: unknown) => void;
  backoffMs?: readonly number[];
}

export function writtenExposureRepo(db: () => Promise<Db> = getDb, now: () => number = Date.now) {
  const keepUnreadable = unreadableKeeper(db, now);
  /** A damaged course is copied raw to quarantine (once per page), reported and skipped. */
  async function parse(raw: unknown, key: string): Promise<WrittenCourse | undefined> {
    const parsed = v.safeParse(WrittenCourseSchema, raw);
    if (parsed.success) return parsed.output;
    await keepUnreadable('writtenExposure', key, raw);
    return undefined;
  }

  /**
   * Store a course. `known`: this page has already read or written this very record, so it is readable —
   * the writer passes it after its first write, so a keystroke in a long text does not read the whole
   * course back first (measured: bench/wet-typing.bench.mjs).
   */
  async function put(course: WrittenCourse, { known = false }: { known?: boolean } = {}): Promise<WrittenCourse> {
    try {
      const d = await db();
      const stored = known ? undefined : await d.get('writtenExposure', course.id);
      if (stored !== undefined && !v.safeParse(WrittenCourseSchema, (await opened('writtenExposure', [stored]))[0]).success) {
        // Writing over it would wipe the person's words: keep it for a later fix and say so.
        await keepUnreadable('writtenExposure', course.id, stored);
        throw new UnreadableCourseError();
      }
      const next = v.parse(WrittenCourseSchema, { ...course, updatedAt: now() });
      // Sealed (lock on) before the transaction opens: WebCrypto cannot run inside one.
      const value = await sealed('writtenExposure', next);
      const tx = d.transaction('writtenExposure', 'readwrite');
      await committed(tx, tx.store.put(value));
      return next;
    } catch (error) {
      if (!(error instanceof UnreadableCourseError)) reportProblem(classify(error));
      throw error;
    }
  }

  const repo = {
    /** Every readable course, newest first, unsaved words included. */
    async list(): Promise<WrittenCourse[]> {
      const stored = await opened('writtenExposure', await (await db()).getAll('writtenExposure'));
      const byId = new Map<string, WrittenCourse>();
      for (const raw of stored) {
        const id = (raw as { id?: unknown }).id;
        const course = await parse(raw, String(id));
        if (course) byId.set(course.id, course);
      }
      for (const [key, value] of pendingWrites.withPrefix<WrittenCourse | null>('writtenExposure:')) {
        const course = value ? v.safeParse(WrittenCourseSchema, value) : undefined;
        if (course?.success) byId.set(course.output.id, course.output);
        else if (value === null) byId.delete(key.slice('writtenExposure:'.length));
      }
      return [...byId.values()].sort((a, b) => b.createdAt - a.createdAt);
    },
    /** One course, memory first. */
    async get(id: string): Promise<WrittenCourse | undefined> {
      const unsaved = pendingWrites.get<WrittenCourse>(writtenExposureKey(id));
      if (unsaved) {
        const parsed = v.safeParse(WrittenCourseSchema, unsaved);
        if (parsed.success) return parsed.output;
      }
      const raw = await (await db()).get('writtenExposure', id);
      return raw === undefined ? undefined : parse((await opened('writtenExposure', [raw]))[0], id);
    },
    /** The course the person is working on: the newest one not set aside. */
    async current(): Promise<WrittenCourse | undefined> {
      return (await repo.list()).find((c) => c.status !== 'set-aside');
    },
    /** Begin a course about a new memory; an earlier unfinished one is set aside (kept, readable). */
    async start(name = ''): Promise<WrittenCourse> {
      for (const c of await repo.list()) if (c.status === 'active') await put({ ...c, status: 'set-aside' });
      return put(newCourse(newId(), now(), name));
    },
    put,
    /** The coalescing writer of one course: `change` at every keystroke, `flush` when leaving. */
    writer(id: string, options: WrittenWriterOptions = {}): Writer<WrittenCourse> {
      let known = false;
      return createWriter<WrittenCourse>({
        key: writtenExposureKey(id),
        write: async (course) => {
          await put(course, { known });
          known = true;
        },
        ...options,
      });
    },
    /** One tab at a time writes a course (record-claim.ts). */
    hold(id: string, options: HoldOptions<WrittenCourse>): Hold<WrittenCourse> {
      return holdRecord(writtenExposureKey(id), options);
    },
    /** Another tab changed a course: read again. */
    onChange(listener: () => void): () => void {
      return onStoresChanged(['writtenExposure'], listener);
    },
  };
  return repo;
}

export type WrittenExposureRepo = ReturnType<typeof writtenExposureRepo>;

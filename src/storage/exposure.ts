/**
 * Exposure repositories (migration 007): the fear hierarchy (one record, `mine`) and the record of each
 * in-vivo practice (store `exposures`, keyed by session id, indexed by hierarchy item). Every read is
 * parsed; a damaged record is copied raw to `quarantine` (once per page), reported, skipped — and never
 * written over without the person choosing to start afresh. Writes go through the shared coalescing
 * writer (writer.ts): a write starts at the keystroke, the latest value wins, failures are retried.
 */
import * as v from 'valibot';
import { getDb, classify, committed, type Db } from './db';
import { reportProblem } from './problems';
import { createWriter, type Writer } from './writer';
import { pendingWrites } from './pending';
import { opened, sealed } from './sealing';
import { holdRecord, type Hold, type HoldOptions } from './record-claim';
import { onStoresChanged } from './changes';
import { unreadableKeeper } from './quarantine';
import {
  ExposureRecordSchema,
  HierarchySchema,
  emptyHierarchy,
  type ExposureRecord,
  type Hierarchy,
} from './exposure.schema';

export const HIERARCHY_WRITER_KEY = 'hierarchy:mine';
export const exposureWriterKey = (id: string) => `exposures:${id}`;

export class UnreadableHierarchyError extends Error {
  constructor() {
    super('The stored fear hierarchy could not be read');
    this.name = 'UnreadableHierarchyError';
  }
}

export interface ExposureWriterOptions {
  onSaved?: (at: number) => void;
  onError?: (error: unknown) => void;
  backoffMs?: readonly number[];
}

export function exposureRepo(db: () => Promise<Db> = getDb, now: () => number = Date.now) {
  /** A damaged record is copied raw to quarantine once per page (quarantine.ts), reported, skipped. */
  const keepDamaged = unreadableKeeper(db, now);

  const hierarchy = {
    /** The hierarchy (unsaved words first); an empty one when none was written yet. A damaged record is
     *  quarantined and throws UnreadableHierarchyError. */
    async get(): Promise<Hierarchy> {
      const pending = pendingWrites.get(HIERARCHY_WRITER_KEY);
      if (pending !== undefined) {
        const parsed = v.safeParse(HierarchySchema, pending);
        if (parsed.success) return parsed.output;
      }
      const stored = await (await db()).get('hierarchy', 'mine');
      if (stored === undefined) return emptyHierarchy();
      const parsed = v.safeParse(HierarchySchema, (await opened('hierarchy', [stored]))[0]);
      if (!parsed.success) {
        await keepDamaged('hierarchy', 'mine', stored);
        throw new UnreadableHierarchyError();
      }
      return parsed.output;
    },

    /**
     * Store the whole hierarchy (`updatedAt` set here). A damaged stored record is never written over,
     * unless `overDamaged` (the person chose to start a new list; the old one is kept in quarantine).
     */
    async put(value: Hierarchy, { overDamaged = false } = {}): Promise<Hierarchy> {
      try {
        const d = await db();
        const stored = await d.get('hierarchy', 'mine');
        if (stored !== undefined && !v.safeParse(HierarchySchema, (await opened('hierarchy', [stored]))[0]).success) {
          await keepDamaged('hierarchy', 'mine', stored);
          if (!overDamaged) throw new UnreadableHierarchyError();
        }
        const next = v.parse(HierarchySchema, { ...value, id: 'mine', updatedAt: now() });
        // Sealed (lock on) before the transaction: WebCrypto cannot run inside one.
        const sealedNext = await sealed('hierarchy', next);
        const tx = d.transaction('hierarchy', 'readwrite');
        await committed(tx, tx.store.put(sealedNext));
        return next;
      } catch (error) {
        if (!(error instanceof UnreadableHierarchyError)) reportProblem(classify(error));
        throw error;
      }
    },

    writer(options: ExposureWriterOptions = {}): Writer<Hierarchy> {
      return createWriter<Hierarchy>({
        key: HIERARCHY_WRITER_KEY,
        write: async (value) => void (await hierarchy.put(value)),
        ...options,
      });
    },

    /** One tab at a time changes the list (record-claim.ts). */
    hold(options: HoldOptions<Hierarchy>): Hold<Hierarchy> {
      return holdRecord(HIERARCHY_WRITER_KEY, options);
    },
  };

  const records = {
    async get(id: string): Promise<ExposureRecord | undefined> {
      const pending = pendingWrites.get(exposureWriterKey(id));
      if (pending !== undefined) {
        const parsed = v.safeParse(ExposureRecordSchema, pending);
        if (parsed.success) return parsed.output;
      }
      const stored = await (await db()).get('exposures', id);
      if (stored === undefined) return undefined;
      const parsed = v.safeParse(ExposureRecordSchema, (await opened('exposures', [stored]))[0]);
      if (parsed.success) return parsed.output;
      await keepDamaged('exposures', id, stored);
      return undefined;
    },

    /** Every practice of one hierarchy item, oldest first, as stored. Damaged ones are quarantined and skipped. */
    async forItem(itemId: string): Promise<ExposureRecord[]> {
      const raw = await (await db()).getAllFromIndex('exposures', 'itemId', itemId);
      const open = await opened('exposures', raw);
      const byId = new Map<string, ExposureRecord>();
      for (const [i, stored] of raw.entries()) {
        const parsed = v.safeParse(ExposureRecordSchema, open[i]);
        if (parsed.success) byId.set(parsed.output.id, parsed.output);
        else await keepDamaged('exposures', String((stored as { id?: unknown }).id), stored);
      }
      return [...byId.values()].sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
    },

    /** How many practices each item has (for the hierarchy list), damaged ones not counted. */
    async countByItem(): Promise<Map<string, number>> {
      const counts = new Map<string, number>();
      for (const stored of await opened('exposures', await (await db()).getAll('exposures'))) {
        const parsed = v.safeParse(ExposureRecordSchema, stored);
        if (parsed.success) counts.set(parsed.output.itemId, (counts.get(parsed.output.itemId) ?? 0) + 1);
      }
      return counts;
    },

    async put(record: ExposureRecord): Promise<void> {
      try {
        const next = await sealed('exposures', v.parse(ExposureRecordSchema, { ...record, updatedAt: now() }));
        const tx = (await db()).transaction('exposures', 'readwrite');
        await committed(tx, tx.store.put(next));
      } catch (error) {
        reportProblem(classify(error));
        throw error;
      }
    },

    /** The coalescing writer of one practice's record. */
    writer(id: string, options: ExposureWriterOptions = {}): Writer<ExposureRecord> {
      return createWriter<ExposureRecord>({ key: exposureWriterKey(id), write: (r) => records.put(r), ...options });
    },
  };

  /** Another tab changed the list or a practice: read again. */
  function onChange(listener: () => void): () => void {
    return onStoresChanged(['hierarchy', 'exposures'], listener);
  }

  return { hierarchy, records, onChange };
}

export type ExposureRepo = ReturnType<typeof exposureRepo>;

/**
 * Questionnaire administrations (PHQ-9, GAD-7, PCL-5). Every answer is written as it is chosen through the
 * shared coalescing writer (writer.ts, key `measures:<id>`), so an unfinished questionnaire carries on after a
 * reload or a killed tab. Reads see unsaved answers first (`pendingWrites`). Every read is parsed; a record
 * that fails is reported and skipped, never deleted. Loaded on first use (`measures()` in the app context),
 * so none of it is on the first screen.
 */
import * as v from 'valibot';
import { getDb, classify, committed, type Db } from './db';
import { reportProblem, reportUnreadable } from './problems';
import { pendingWrites } from './pending';
import { createWriter, type Writer } from './writer';
import { unreadableKeeper } from './quarantine';
import { holdRecord, type Hold, type HoldOptions } from './record-claim';
import { onStoresChanged } from './changes';
import { newId } from './ids';
import { opened, sealed } from './sealing';
import { MeasureRecordSchema, type MeasureRecord } from './measures.schema';
import { emptyAnswers, score, type MeasureId } from '../measures/scoring';
import type { Period } from '../measures/content';

export const measureKey = (id: string) => `measures:${id}`;

/** Total, band and item 9 from the answers: what is stored always agrees with them. */
export function withScore(record: MeasureRecord): MeasureRecord {
  const s = score(record.measureId, record.answers);
  const { item9: _old, ...rest } = record;
  return { ...rest, total: s.total, band: record.completedAt !== undefined && s.complete ? s.band : null, ...(s.item9 !== undefined && { item9: s.item9 }) };
}

export interface MeasureWriterOptions {
  onSaved?: (at: number) => void;
  onError?: (error: unknown) => void;
  backoffMs?: readonly number[];
}

export function measuresRepo(db: () => Promise<Db> = getDb, now: () => number = Date.now) {
  const keepUnreadable = unreadableKeeper(db, now);
  function parse(raw: unknown, key: string): MeasureRecord | undefined {
    const parsed = v.safeParse(MeasureRecordSchema, raw);
    if (parsed.success) return parsed.output;
    reportUnreadable('measures', key);
    return undefined;
  }
  /** A stored record that fails is copied raw to quarantine (once per page), reported and skipped. */
  async function parseStored(raw: unknown, key: string): Promise<MeasureRecord | undefined> {
    const parsed = v.safeParse(MeasureRecordSchema, raw);
    if (parsed.success) return parsed.output;
    await keepUnreadable('measures', key, raw);
    return undefined;
  }

  const repo = {
    /** Every administration, oldest started first; unsaved answers included. */
    async list(): Promise<MeasureRecord[]> {
      const stored = await opened('measures', await (await db()).getAll('measures'));
      const byId = new Map<string, MeasureRecord>();
      for (const raw of stored) {
        const r = await parseStored(raw, String((raw as { id?: unknown })?.id));
        if (r) byId.set(r.id, r);
      }
      for (const [key, value] of pendingWrites.withPrefix<MeasureRecord | null>('measures:')) {
        const id = key.slice('measures:'.length);
        if (value === null) byId.delete(id);
        else {
          const r = parse(value, id);
          if (r) byId.set(id, r);
        }
      }
      return [...byId.values()].sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
    },

    async get(id: string): Promise<MeasureRecord | undefined> {
      if (pendingWrites.has(measureKey(id))) {
        const value = pendingWrites.get<MeasureRecord | null>(measureKey(id));
        return value ? parse(value, id) : undefined;
      }
      const raw = await (await db()).get('measures', id);
      return raw === undefined ? undefined : parseStored((await opened('measures', [raw]))[0], id);
    },

    /** A new, empty administration (not yet written: the first answer writes it). */
    create(measureId: MeasureId, period: Period): MeasureRecord {
      const at = now();
      return { id: newId(), measureId, answers: emptyAnswers(measureId), period, startedAt: at, updatedAt: at, total: 0, band: null };
    },

    async put(record: MeasureRecord): Promise<MeasureRecord> {
      const next = v.parse(MeasureRecordSchema, withScore({ ...record, updatedAt: now() }));
      try {
        const d = await db();
        const value = await sealed('measures', next);
        const tx = d.transaction('measures', 'readwrite');
        await committed(tx, tx.store.put(value));
        return next;
      } catch (error) {
        reportProblem(classify(error));
        throw error;
      }
    },

    /** Let an unfinished one go (the person chose to start afresh). */
    async remove(id: string): Promise<void> {
      try {
        const d = await db();
        const tx = d.transaction('measures', 'readwrite');
        await committed(tx, tx.store.delete(id));
        pendingWrites.delete(measureKey(id));
      } catch (error) {
        reportProblem(classify(error));
        throw error;
      }
    },

    /** The coalescing writer of one administration: `change` at every answer, `flush` when leaving. */
    writer(id: string, options: MeasureWriterOptions = {}): Writer<MeasureRecord> {
      return createWriter<MeasureRecord>({ key: measureKey(id), write: async (r) => void (await repo.put(r)), ...options });
    },

    /** One tab at a time answers a questionnaire under way (record-claim.ts). */
    hold(id: string, options: HoldOptions<MeasureRecord>): Hold<MeasureRecord> {
      return holdRecord(measureKey(id), options);
    },

    /** Another tab answered or finished a questionnaire: read again. */
    onChange(listener: () => void): () => void {
      return onStoresChanged(['measures'], listener);
    },
  };
  return repo;
}

export type MeasuresRepo = ReturnType<typeof measuresRepo>;


/**
 * Voice notes' audio (the `media` store, migration 005). A recording is written as it happens: `start`
 * creates the record, `append` adds each chunk MediaRecorder hands over (every second), so a reload or a
 * closed tab keeps everything up to the last second; `attach` ties it to its fragment entry when saved.
 * A recording never attached (the page went away mid-way) is offered again by `unfinished`.
 * Every read parses with the schema; a damaged record is reported and skipped, never deleted.
 */
import * as v from 'valibot';
import { getDb, classify, committed, changeOne, type Db } from './db';
import { MediaRecordSchema, type MediaRecord } from './media.schema';
import { EntrySchema } from './schema';
import { reportProblem, reportUnreadable } from './problems';
import { unreadableKeeper } from './quarantine';
import { newId } from './ids';
import { opened, sealed } from './sealing';

export function mediaRepo(db: () => Promise<Db> = getDb, now: () => number = Date.now) {
  async function write<T>(fn: (d: Db) => Promise<T>): Promise<T> {
    try {
      return await fn(await db());
    } catch (error) {
      reportProblem(classify(error));
      throw error;
    }
  }

  const keepUnreadable = unreadableKeeper(db, now);
  /** Reads: a damaged recording is copied raw to quarantine (once per page), reported and skipped. */
  async function parseKept(raw: unknown): Promise<MediaRecord | undefined> {
    const parsed = v.safeParse(MediaRecordSchema, raw);
    if (parsed.success) return parsed.output;
    await keepUnreadable('media', (raw as { id?: unknown } | undefined)?.id, raw);
    return undefined;
  }

  function parse(raw: unknown): MediaRecord | undefined {
    const parsed = v.safeParse(MediaRecordSchema, raw);
    if (parsed.success) return parsed.output;
    reportUnreadable('media', (raw as { id?: unknown } | undefined)?.id);
    return undefined;
  }

  async function change(id: string, fn: (current: MediaRecord) => MediaRecord): Promise<MediaRecord> {
    return write(async (d) => {
      const make = (stored: unknown) => {
        const current = stored === undefined ? undefined : parse(stored);
        if (!current) throw new Error(`No recording ${id}`);
        return v.parse(MediaRecordSchema, { ...fn(current), id, updatedAt: now() });
      };
      return await changeOne(d, 'media', id, make);
    });
  }

  return {
    /** A new, empty recording. */
    async start(mime: string): Promise<MediaRecord> {
      const at = now();
      const record = v.parse(MediaRecordSchema, { id: newId(), mime, durationMs: 0, status: 'recording', chunks: [], createdAt: at, updatedAt: at });
      await write(async (d) => {
        const stored = await sealed('media', record);
        const tx = d.transaction('media', 'readwrite');
        await committed(tx, tx.store.put(stored));
      });
      return record;
    },

    /** One more chunk, and the length recorded so far. Empty chunks are skipped. */
    async append(id: string, chunk: Blob, durationMs: number): Promise<MediaRecord> {
      return change(id, (r) => ({
        ...r,
        chunks: chunk.size > 0 ? [...r.chunks, chunk] : r.chunks,
        durationMs: Math.max(r.durationMs, Math.round(durationMs)),
      }));
    },

    /** The recording belongs to this fragment entry now. */
    async attach(id: string, entryId: string, durationMs?: number): Promise<MediaRecord> {
      return change(id, (r) => ({
        ...r,
        entryId,
        status: 'saved',
        durationMs: durationMs === undefined ? r.durationMs : Math.max(r.durationMs, Math.round(durationMs)),
      }));
    },

    async get(id: string): Promise<MediaRecord | undefined> {
      const raw = await (await db()).get('media', id);
      return raw === undefined ? undefined : parseKept((await opened('media', [raw]))[0]);
    },

    /** Recordings cut off before they were saved (a reload, a closed tab), newest first, with audio in them. */
    async unfinished(): Promise<MediaRecord[]> {
      const raw = await opened('media', await (await db()).getAllFromIndex('media', 'createdAt'));
      const out: MediaRecord[] = [];
      for (let i = raw.length - 1; i >= 0; i--) {
        const r = await parseKept(raw[i]);
        if (r && r.status === 'recording' && r.entryId === undefined && r.chunks.length > 0) out.push(r);
      }
      return out;
    },

    /** Remove a recording for good (the person discarded it; its entry is deleted by the entries repo). */
    async discard(id: string): Promise<void> {
      await write(async (d) => {
        const tx = d.transaction('media', 'readwrite');
        await committed(tx, tx.store.delete(id));
      });
    },

    /** Recordings whose fragment entry is gone for good (purged after the undo window). */
    async purgeOrphans(): Promise<number> {
      return write(async (d) => {
        const tx = d.transaction(['media', 'entries'], 'readwrite');
        const media = tx.objectStore('media');
        const entries = tx.objectStore('entries');
        let purged = 0;
        for (let cursor = await media.openCursor(); cursor; cursor = await cursor.continue()) {
          const entryId = (cursor.value as Partial<MediaRecord>).entryId;
          if (typeof entryId === 'string' && (await entries.count(entryId)) === 0) {
            await cursor.delete();
            purged++;
          }
        }
        await tx.done;
        return purged;
      });
    },

    /**
     * Whether any fragment was captured since `since` (ms) and not deleted: the window's invitation to
     * revisit them. Reads only fragment entries (the `kind` index), never the whole journal.
     */
    async fragmentsSince(since: number): Promise<number> {
      const raw = await opened('entries', await (await db()).getAllFromIndex('entries', 'kind', 'fragment'));
      let count = 0;
      for (const r of raw) {
        const parsed = v.safeParse(EntrySchema, r);
        if (parsed.success && parsed.output.deletedAt === undefined && parsed.output.createdAt >= since) count++;
      }
      return count;
    },
  };
}

export type MediaRepo = ReturnType<typeof mediaRepo>;

/** The recording as one playable Blob. */
export function audioOf(record: MediaRecord): Blob {
  return new Blob(record.chunks, { type: record.mime || 'audio/webm' });
}

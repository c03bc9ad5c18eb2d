/**
 * The dose log. Like entries: every read parses with the schema (a damaged record is reported and skipped,
 * never deleted), deletes are soft so "Undo" works, and deleted doses are purged after the undo window.
 * The repository takes instants; the screens turn a date and time the person typed into one.
 */
import * as v from 'valibot';
import { getDb, classify, changeOne, type Db } from './db';
import { opened, sealed } from './sealing';
import { DoseSchema, type Dose, type DoseSetting } from './doses.schema';
import { reportProblem } from './problems';
import { newId } from './ids';
/** Deleted doses stay restorable ("Undo") this long — the same day as journal entries (entries.ts). */
export const UNDO_KEEP_MS = 24 * 60 * 60 * 1000;

export interface NewDose {
  /** Epoch ms of the dose. Refused when later than now (plus a minute of clock slack). */
  takenAt: number;
  setting: DoseSetting;
  note?: string;
  /** IANA zone and offset at logging; default: this device's. Tests pass them to pin a place. */
  zone?: string;
  offsetMinutes?: number;
  id?: string;
}

export interface DosePatch {
  takenAt?: number;
  setting?: DoseSetting;
  note?: string;
}

/** A minute of slack: "now" taken on the screen a moment before saving must not count as the future. */
export const FUTURE_SLACK_MS = 60 * 1000;

export class FutureDoseError extends Error {
  constructor() {
    super('A dose cannot be logged for a time that has not come yet');
    this.name = 'FutureDoseError';
  }
}

/** The device's IANA zone, or '' when the browser cannot say. */
export function deviceZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  } catch {
    return '';
  }
}

export function dosesRepo(db: () => Promise<Db> = getDb, now: () => number = Date.now) {
  /** Damaged records are rare: the quarantine code loads only when one is met (off the first screen). */
  const keepUnreadable = async (store: string, key: unknown, raw: unknown) =>
    (await import('./quarantine')).unreadableKeeper(db, now)(store, key, raw);
  async function write<T>(fn: (d: Db) => Promise<T>): Promise<T> {
    try {
      const result = await fn(await db());
      return result;
    } catch (error) {
      if (!(error instanceof FutureDoseError)) reportProblem(classify(error));
      throw error;
    }
  }

  function checkNotFuture(takenAt: number): void {
    if (!Number.isFinite(takenAt) || takenAt > now() + FUTURE_SLACK_MS) throw new FutureDoseError();
  }

  /** Readable, not deleted doses; a damaged one is copied raw to quarantine (once per page), counted once. */
  async function parseAll(raw: unknown[]): Promise<Dose[]> {
    const out: Dose[] = [];
    for (const r of raw) {
      const parsed = v.safeParse(DoseSchema, r);
      if (!parsed.success) await keepUnreadable('doses', (r as { id?: unknown } | undefined)?.id, r);
      else if (parsed.output.deletedAt === undefined) out.push(parsed.output);
    }
    return out;
  }

  async function change(id: string, fn: (current: Dose) => Record<string, unknown>): Promise<Dose> {
    return write(async (d) => {
      const make = (stored: unknown) => {
        const current = v.safeParse(DoseSchema, stored);
        if (!current.success) throw new Error(`No readable dose ${id}`);
        return v.parse(DoseSchema, { ...fn(current.output), id, updatedAt: now() });
      };
      return await changeOne(d, 'doses', id, make);
    });
  }

  return {
    async add(input: NewDose): Promise<Dose> {
      checkNotFuture(input.takenAt);
      const at = now();
      const dose = v.parse(DoseSchema, {
        id: input.id ?? newId(),
        takenAt: new Date(input.takenAt).toISOString(),
        zone: input.zone ?? deviceZone(),
        offsetMinutes: input.offsetMinutes ?? -new Date(input.takenAt).getTimezoneOffset(),
        setting: input.setting,
        ...(input.note?.trim() ? { note: input.note.trim() } : {}),
        createdAt: at,
        updatedAt: at,
      });
      await write(async (d) => d.put('doses', await sealed('doses', dose)));
      return dose;
    },

    async update(id: string, patch: DosePatch): Promise<Dose> {
      if (patch.takenAt !== undefined) checkNotFuture(patch.takenAt);
      return change(id, (current) => {
        const next: Record<string, unknown> = { ...current };
        if (patch.setting) next.setting = patch.setting;
        if (patch.note !== undefined) {
          if (patch.note.trim()) next.note = patch.note.trim();
          else delete next.note;
        }
        if (patch.takenAt !== undefined) {
          next.takenAt = new Date(patch.takenAt).toISOString();
          next.offsetMinutes = -new Date(patch.takenAt).getTimezoneOffset();
          // A moved dose time moves the session: "effects passed" said before the new time means nothing.
          if (current.effectsPassedAt && Date.parse(current.effectsPassedAt) < patch.takenAt) delete next.effectsPassedAt;
        }
        return next;
      });
    },

    /** The person said the acute effects have passed (session mode's end, with at least 2 h gone). */
    async markEffectsPassed(id: string, at: number = now()): Promise<Dose> {
      return change(id, (current) => ({ ...current, effectsPassedAt: new Date(at).toISOString() }));
    },

    /** "Not yet" after all: session mode comes back. */
    async clearEffectsPassed(id: string): Promise<Dose> {
      return change(id, ({ effectsPassedAt: _gone, ...rest }) => rest);
    },

    async get(id: string): Promise<Dose | undefined> {
      const raw = await (await db()).get('doses', id);
      if (raw === undefined) return undefined;
      const parsed = v.safeParse(DoseSchema, (await opened('doses', [raw]))[0]);
      if (!parsed.success) {
        await keepUnreadable('doses', id, raw);
        return undefined;
      }
      return parsed.output.deletedAt === undefined ? parsed.output : undefined;
    },

    /** Every dose, newest taken first; soft-deleted ones left out. */
    async list(): Promise<Dose[]> {
      const raw = await (await db()).getAllFromIndex('doses', 'takenAt');
      return parseAll(await opened('doses', raw.reverse()));
    },

    /**
     * The newest `count` doses (by when taken), reading only as far back as needed: Today's phase needs
     * the latest dose, not the whole log.
     */
    async latest(count = 3): Promise<Dose[]> {
      const d = await db();
      const tx = d.transaction('doses');
      const raw: unknown[] = [];
      let kept = 0;
      for (let cursor = await tx.store.index('takenAt').openCursor(null, 'prev'); cursor && kept < count; cursor = await cursor.continue()) {
        raw.push(cursor.value);
        if ((cursor.value as Partial<Dose>).deletedAt === undefined) kept++;
      }
      await tx.done;
      return parseAll(await opened('doses', raw));
    },

    /** Soft delete: gone from the list and from the phase, back with "Undo". */
    async remove(id: string): Promise<void> {
      await change(id, (current) => ({ ...current, deletedAt: now() }));
    },

    async restore(id: string): Promise<void> {
      await write(async (d) => {
        const tx = d.transaction('doses', 'readwrite');
        const current = await tx.store.get(id);
        if (current) {
          const { deletedAt: _gone, ...rest } = current;
          await tx.store.put({ ...rest, updatedAt: now() });
        }
        await tx.done;
      });
    },

    /** Remove for good the doses deleted longer ago than the undo window. */
    async purgeDeleted(): Promise<number> {
      return write(async (d) => {
        const tx = d.transaction('doses', 'readwrite');
        let purged = 0;
        for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
          const deletedAt = (cursor.value as Partial<Dose>).deletedAt;
          if (typeof deletedAt === 'number' && now() - deletedAt > UNDO_KEEP_MS) {
            await cursor.delete();
            purged++;
          }
        }
        await tx.done;
        return purged;
      });
    },
  };
}

export type DosesRepo = ReturnType<typeof dosesRepo>;

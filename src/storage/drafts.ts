/**
 * Drafts: words being written, saved within a second of each keystroke and again on pagehide, so a
 * killed tab or a closed laptop loses at most the last second. A draft is removed only after the text
 * it holds has been saved somewhere else (an entry, a finished session).
 */
import * as v from 'valibot';
import { getDb, classify, type Db } from './db';
import { DraftSchema, type Draft } from './schema';
import { reportProblem } from './problems';

/** Quiet period after the last keystroke before a draft is written. */
export const DRAFT_SAVE_DELAY_MS = 300;
/**
 * Longest a change may wait while someone keeps typing (a pure debounce would never fire for a steady
 * typist). Below the product's promise — nothing older than 1 s is lost — with room for the write itself.
 */
export const DRAFT_MAX_WAIT_MS = 700;

export function draftsRepo(db: () => Promise<Db> = getDb, now: () => number = Date.now) {
  return {
    async get(id: string): Promise<Draft | undefined> {
      const raw = await (await db()).get('drafts', id);
      const parsed = v.safeParse(DraftSchema, raw);
      return parsed.success ? parsed.output : undefined;
    },
    async put(id: string, fields: Record<string, string>): Promise<void> {
      try {
        await (await db()).put('drafts', { id, fields, updatedAt: now() });
      } catch (error) {
        reportProblem(classify(error));
        throw error;
      }
    },
    async remove(id: string): Promise<void> {
      await (await db()).delete('drafts', id);
    },
  };
}

export type DraftsRepo = ReturnType<typeof draftsRepo>;

/**
 * Debounced autosave for one text box. `change` on every keystroke; the save lands DRAFT_SAVE_DELAY_MS
 * after the last one, or DRAFT_MAX_WAIT_MS after the first unsaved one, whichever is sooner; `flush`
 * writes at once (pagehide, route change). Failed saves keep the text
 * pending and retry on the next change, so a full disk never silently drops words.
 */
export function createAutosave(
  save: (fields: Record<string, string>) => Promise<void>,
  options: {
    delayMs?: number;
    maxWaitMs?: number;
    onSaved?: (at: number) => void;
    onError?: (error: unknown) => void;
  } = {},
) {
  const delay = options.delayMs ?? DRAFT_SAVE_DELAY_MS;
  const maxWait = options.maxWaitMs ?? DRAFT_MAX_WAIT_MS;
  let pending: Record<string, string> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let maxTimer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  /** Bumped by `cancel`: a save that fails after it must not bring cancelled words back. */
  let epoch = 0;

  function clearTimers(): void {
    if (timer) clearTimeout(timer);
    if (maxTimer) clearTimeout(maxTimer);
    timer = maxTimer = undefined;
  }

  function run(): Promise<void> {
    clearTimers();
    const fields = pending;
    if (!fields) return inFlight;
    pending = undefined;
    const startedIn = epoch;
    inFlight = inFlight
      .then(() => save(fields))
      .then(() => options.onSaved?.(Date.now()))
      .catch((error: unknown) => {
        if (startedIn === epoch) pending ??= fields; // keep the words for the next attempt
        options.onError?.(error);
      });
    return inFlight;
  }

  return {
    change(fields: Record<string, string>): void {
      pending = { ...fields };
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void run(), delay);
      maxTimer ??= setTimeout(() => void run(), maxWait);
    },
    flush: run,
    get dirty(): boolean {
      return pending !== undefined;
    },
    cancel(): void {
      epoch++;
      clearTimers();
      pending = undefined;
    },
  };
}

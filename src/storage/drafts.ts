/**
 * Drafts: words being written, saved within a second of each keystroke and again on pagehide, so a
 * killed tab or a closed laptop loses at most the last second. A draft is removed only after the text
 * it holds has been saved somewhere else (an entry, a finished session).
 */
import * as v from 'valibot';
import { getDb, classify, type Db } from './db';
import { DraftSchema, type Draft } from './schema';
import { reportProblem } from './problems';

/** Upper bound promised by the product: nothing older than this is lost. */
export const DRAFT_SAVE_DELAY_MS = 300;

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
 * after the last one, and `flush` writes at once (pagehide, route change). Failed saves keep the text
 * pending and retry on the next change, so a full disk never silently drops words.
 */
export function createAutosave(
  save: (fields: Record<string, string>) => Promise<void>,
  options: { delayMs?: number; onSaved?: (at: number) => void; onError?: (error: unknown) => void } = {},
) {
  const delay = options.delayMs ?? DRAFT_SAVE_DELAY_MS;
  let pending: Record<string, string> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  function run(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const fields = pending;
    if (!fields) return inFlight;
    pending = undefined;
    inFlight = inFlight
      .then(() => save(fields))
      .then(() => options.onSaved?.(Date.now()))
      .catch((error: unknown) => {
        pending ??= fields; // keep the words for the next attempt
        options.onError?.(error);
      });
    return inFlight;
  }

  return {
    change(fields: Record<string, string>): void {
      pending = { ...fields };
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void run(), delay);
    },
    flush: run,
    get dirty(): boolean {
      return pending !== undefined;
    },
    cancel(): void {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = undefined;
    },
  };
}

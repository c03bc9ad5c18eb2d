/**
 * A draft's writer: the shared coalescing writer (`writer.ts`) bound to one draft. Kept apart from
 * `drafts.ts` so the first screen, which only reads drafts (Today lists those waiting), does not load it.
 */
import { createWriter, type Writer } from './writer';
import { draftKey, type DraftsRepo } from './drafts';

export interface AutosaveOptions {
  onSaved?: (at: number) => void;
  onError?: (error: unknown) => void;
  /** The draft's key in `pendingWrites` (unsaved words are kept there for the life of the page). */
  key?: string;
  backoffMs?: readonly number[];
}

/** The writer of draft `id`: call `change` on every keystroke, `flush` when leaving. */
export function draftWriter(drafts: Pick<DraftsRepo, 'put'>, id: string, options: AutosaveOptions = {}): Writer<Record<string, string>> {
  return createAutosave((fields) => drafts.put(id, fields), { ...options, key: draftKey(id) });
}

let anonymous = 0;

/**
 * Autosave for one text box: `change` on every keystroke starts a write at once (or right after the one
 * in flight), `flush` writes the latest now (pagehide, route change). Failed saves keep the text pending
 * and are retried with backoff, so a full disk never silently drops words.
 */
export function createAutosave(save: (fields: Record<string, string>) => Promise<void>, options: AutosaveOptions = {}): Writer<Record<string, string>> {
  const writer = createWriter<Record<string, string>>({
    key: options.key ?? `autosave:${++anonymous}`,
    write: save,
    onSaved: options.onSaved,
    onError: options.onError,
    backoffMs: options.backoffMs,
  });
  return {
    change: (fields) => writer.change(typeof fields === 'function' ? fields : { ...fields }),
    flush: () => writer.flush(),
    get dirty() {
      return writer.dirty;
    },
    cancel: () => writer.cancel(),
  };
}

/**
 * Drafts: words being written outside a session (the journal editor), written at each keystroke by the
 * same coalescing writer as sessions (`writer.ts`: one write in flight, always of the latest text), so a
 * reload a moment after typing loses nothing. Until a draft is on disk it is kept in `pendingWrites`, and
 * `get` reads memory first: the words come back when the person returns, even while the disk is full.
 * A draft is removed only after the text it holds has been saved somewhere else (an entry).
 * A stored draft that fails its schema is never skipped silently nor overwritten: it is copied to the
 * quarantine first, and its words are still handed back.
 */
import * as v from 'valibot';
import { getDb, classify, putOne, type Db } from './db';
import { DraftSchema, type Draft } from './schema';
import { reportProblem } from './problems';
import { pendingWrites } from './pending';
import { createWriter, type Writer } from './writer';
import { quarantineRepo } from './quarantine';
import { TEXT_MAX_CHARS } from './limits';
import { claim, type Claim, type TabLockHandlers } from './tab-lock';

/**
 * One tab at a time per draft (`draft:<id>`), claimed here in the repository so every text box that
 * keeps a draft (journal today, notes and written exposures later) gets the same guard.
 */
export function claimDraft(id: string, handlers: TabLockHandlers): Promise<Claim> {
  return claim(`draft:${id}`, handlers);
}

/** The key of a draft in `pendingWrites`. */
export const draftKey = (id: string) => `drafts:${id}`;

export function draftsRepo(db: () => Promise<Db> = getDb, now: () => number = Date.now) {
  const quarantine = quarantineRepo(db, now);
  const repo = {
    /** The newest words for this text box: unsaved ones in memory first, then the stored draft. */
    async get(id: string): Promise<Draft | undefined> {
      const unsaved = pendingWrites.get<Record<string, string> | null>(draftKey(id));
      if (unsaved) return { id, fields: unsaved, updatedAt: now() };
      const raw = await (await db()).get('drafts', id);
      if (raw === undefined) return undefined;
      const parsed = v.safeParse(DraftSchema, raw);
      if (parsed.success) return parsed.output;
      // Keep it as it was before anything can write over it, then hand back every string it holds.
      await quarantine.keep('drafts', id, raw, 'draft failed its schema').catch(() => {});
      return { id, fields: salvageFields(raw), updatedAt: now() };
    },
    async put(id: string, fields: Record<string, string>): Promise<void> {
      try {
        await putOne(await db(), 'drafts', { id, fields, updatedAt: now() });
      } catch (error) {
        reportProblem(classify(error));
        throw error;
      }
    },
    async remove(id: string): Promise<void> {
      await (await db()).delete('drafts', id);
    },
    /**
     * Journal drafts with words in them that are not saved as an entry yet (a killed tab, a closed
     * laptop), newest first — unsaved ones in memory included — so Today and the journal can offer them.
     */
    async waiting(): Promise<WaitingDraft[]> {
      const byId = new Map<string, Draft>();
      for (const raw of await (await db()).getAll('drafts')) {
        const parsed = v.safeParse(DraftSchema, raw);
        const id = (raw as { id?: unknown } | undefined)?.id;
        if (parsed.success) byId.set(parsed.output.id, parsed.output);
        else if (typeof id === 'string') byId.set(id, { id, fields: salvageFields(raw), updatedAt: 0 });
      }
      for (const [key, fields] of pendingWrites.withPrefix<Record<string, string> | null>('drafts:')) {
        const id = key.slice('drafts:'.length);
        if (fields) byId.set(id, { id, fields, updatedAt: now() });
      }
      const out: WaitingDraft[] = [];
      for (const d of byId.values()) {
        if (!d.id.startsWith('journal:')) continue;
        const title = (d.fields['title'] ?? '').trim();
        const body = d.fields['body'] ?? '';
        if (!title && !body.trim()) continue;
        const rest = d.id.slice('journal:'.length);
        out.push({ id: d.id, entryId: rest === 'new' ? undefined : rest, title, preview: firstLine(body), updatedAt: d.updatedAt });
      }
      return out.sort((a, b) => b.updatedAt - a.updatedAt);
    },
    /** The draft's writer: call `change` on every keystroke. */
    writer(id: string, options: AutosaveOptions = {}): Writer<Record<string, string>> {
      return createAutosave((fields) => repo.put(id, fields), { ...options, key: draftKey(id) });
    },
  };
  return repo;
}

export type DraftsRepo = ReturnType<typeof draftsRepo>;

/** A journal draft to carry on: `entryId` when it edits a saved entry, otherwise a new entry. */
export interface WaitingDraft {
  id: string;
  entryId?: string;
  title: string;
  /** First non-empty line of the text, shortened for a list. */
  preview: string;
  updatedAt: number;
}

function firstLine(text: string, max = 140): string {
  const line = (text.split('\n').find((l) => l.trim()) ?? '').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Whatever strings a damaged draft holds, by field where there are fields. */
function salvageFields(raw: unknown): Record<string, string> {
  const fields = (raw as { fields?: unknown } | null)?.fields;
  const out: Record<string, string> = {};
  if (fields && typeof fields === 'object') {
    for (const [k, value] of Object.entries(fields)) if (typeof value === 'string') out[k] = value.slice(0, TEXT_MAX_CHARS);
  }
  return out;
}

export interface AutosaveOptions {
  onSaved?: (at: number) => void;
  onError?: (error: unknown) => void;
  /** The draft's key in `pendingWrites` (unsaved words are kept there for the life of the page). */
  key?: string;
  backoffMs?: readonly number[];
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

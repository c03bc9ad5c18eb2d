/**
 * Drafts: words being written outside a session (the journal editor), written at each keystroke by the
 * same coalescing writer as sessions (`draft-writer.ts` → `writer.ts`: one write in flight, always of the
 * latest text), so a
 * reload a moment after typing loses nothing. Until a draft is on disk it is kept in `pendingWrites`, and
 * `get` reads memory first: the words come back when the person returns, even while the disk is full.
 * A draft is removed only after the text it holds has been saved somewhere else (an entry).
 * A stored draft that fails its schema is never skipped silently nor overwritten: it is copied to the
 * quarantine first, and its words are still handed back.
 */
import * as v from 'valibot';
import { getDb, classify, putOne, type Db } from './db';
import { opened } from './sealing';
import { DraftSchema, type Draft } from './schema';
import { reportProblem } from './problems';
import { pendingWrites } from './pending';
import { TEXT_MAX_CHARS } from './limits';

/** The key of a draft in `pendingWrites`. */
export const draftKey = (id: string) => `drafts:${id}`;

export function draftsRepo(db: () => Promise<Db> = getDb, now: () => number = Date.now) {
  const repo = {
    /** The newest words for this text box: unsaved ones in memory first, then the stored draft. */
    async get(id: string): Promise<Draft | undefined> {
      const unsaved = pendingWrites.get<Record<string, string> | null>(draftKey(id));
      if (unsaved) return { id, fields: unsaved, updatedAt: now() };
      const raw = await (await db()).get('drafts', id);
      if (raw === undefined) return undefined;
      const parsed = v.safeParse(DraftSchema, (await opened('drafts', [raw]))[0]);
      if (parsed.success) return parsed.output;
      // Keep it as it was before anything can write over it, then hand back every string it holds.
      // (Loaded only here: the quarantine is off the first screen's path.)
      const { quarantineRepo } = await import('./quarantine');
      await quarantineRepo(db, now)
        .keep('drafts', id, raw, 'draft failed its schema')
        .catch(() => {});
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
      const unsaved = pendingWrites.withPrefix<Record<string, string> | null>('drafts:');
      // The disk cannot be read (a newer version took the database, reported by db.ts): drafts kept in
      // memory or in this tab's rescue copy are still offered, so "reload this tab" brings them back.
      let stored: unknown[] = [];
      try {
        stored = await opened('drafts', await (await db()).getAll('drafts'));
      } catch (error) {
        if (unsaved.size === 0) throw error;
      }
      for (const raw of stored) {
        const parsed = v.safeParse(DraftSchema, raw);
        const id = (raw as { id?: unknown } | undefined)?.id;
        if (parsed.success) byId.set(parsed.output.id, parsed.output);
        else if (typeof id === 'string') byId.set(id, { id, fields: salvageFields(raw), updatedAt: 0 });
      }
      for (const [key, fields] of unsaved) {
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

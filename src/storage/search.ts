/**
 * Journal search, pure: which entries match the words typed in the journal's search field. Shared by the
 * main thread and the search worker (journal/search.worker.ts), so both match by the same rules.
 */
import type { Entry } from './schema';

/** Case- and accent-insensitive search over title, body and the module's answers. */
export function matchesQuery(entry: Entry, query: string): boolean {
  return matchesHaystack(haystack(entry), query);
}

/** Everything the person wrote in an entry, folded for matching (computed once per entry by the scan). */
export function haystack(entry: Entry): string {
  // Only what the person wrote counts: module field names ("feel", "see") must not match.
  return fold([entry.title, entry.body, ...textsIn(entry.data)].join('\n'));
}

/** Whether a folded haystack holds every word of the query (an empty query matches everything). */
export function matchesHaystack(hay: string, query: string): boolean {
  const q = fold(query.trim());
  if (!q) return true;
  return q.split(/\s+/).every((word) => hay.includes(word));
}

function textsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) textsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) textsIn(v, out);
  return out;
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

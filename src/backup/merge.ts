/**
 * The merge rule of a restore, pure (tested as a table in tests/unit/backup.merge.test.ts). For each record
 * in the file and the record with the same key on this device, if any:
 *
 * - none here → **added**.
 * - the same record (every field equal but `updatedAt`) → **skipped**.
 * - policy 'add-missing' (settings, quarantine) → **skipped**: what is here stays.
 * - otherwise the newer `updatedAt` wins the key (a tie keeps this device's); the file's record is written
 *   only when it is the newer (**updated**). The older one is then looked at for words the newer lacks —
 *   a person's string (storage/salvage.ts `wordsIn`) found in no string of the newer — and, when it has
 *   some, nothing is silently lost (**kept both**):
 *     'copy'  (journal entries): the older is kept as a separate record with a new id and its title suffixed
 *             " (from backup)" or " (before restore)", so both versions are in the journal;
 *     'words' (sessions, drafts, doses, personal material, safety plan — singletons or records whose copies
 *             would change what the app does, e.g. a second dose): the newer stays alone and the words only
 *             the older has go into a new journal entry;
 *     'newer' (voice notes, which only ever grow): nothing is kept of the older.
 *   Without such words the older one is simply superseded (someone who kept writing after the backup
 *   restores it and gets no duplicates). A soft-deleted older copy is never brought back.
 */
import { wordsIn } from '../storage/salvage';
import { TEXT_MAX_CHARS } from '../storage/limits';
import type { MergePolicy } from './stores';

export type Outcome = 'added' | 'updated' | 'keptBoth' | 'skipped';

/** The wording stored in records a restore creates (from ui/copy/en-later.ts `backup.wording`). */
export interface MergeWording {
  fromBackup: string;
  beforeRestore: string;
  /** Title of the journal entry holding words only an older version had. */
  keptWordsTitle(label: string): string;
}

export interface MergeInput {
  policy: MergePolicy;
  key: 'id' | 'key';
  /** The store's label for a kept-words entry's title. */
  label: string;
  incoming: Record<string, unknown>;
  local: Record<string, unknown> | undefined;
  wording: MergeWording;
  now: number;
  newId: () => string;
}

export interface MergeDecision {
  outcome: Outcome;
  /** Written under its key in the same store. */
  put?: Record<string, unknown>;
  /** A further record to add: into the same store ('copy') or a journal entry ('words'). */
  extra?: { store: string; record: Record<string, unknown> };
}

export function decide(input: MergeInput): MergeDecision {
  const { incoming, local, policy } = input;
  if (local === undefined) return { outcome: 'added', put: incoming };
  if (sameContent(incoming, local)) return { outcome: 'skipped' };
  if (policy === 'add-missing') return { outcome: 'skipped' };
  const incomingNewer = stamp(incoming) > stamp(local);
  const newer = incomingNewer ? incoming : local;
  const older = incomingNewer ? local : incoming;
  const put = incomingNewer ? incoming : undefined;
  const extra = policy === 'newer' || older['deletedAt'] !== undefined ? undefined : keptOlder(input, older, newer, !incomingNewer);
  if (extra) return { outcome: 'keptBoth', put, extra };
  return put ? { outcome: 'updated', put } : { outcome: 'skipped' };
}

function keptOlder(input: MergeInput, older: Record<string, unknown>, newer: Record<string, unknown>, olderFromFile: boolean) {
  const missing = wordsMissing(older, newer);
  if (missing.length === 0) return undefined;
  const { wording } = input;
  if (input.policy === 'copy') {
    const suffix = olderFromFile ? wording.fromBackup : wording.beforeRestore;
    const title = typeof older['title'] === 'string' ? older['title'] : '';
    const record = { ...older, [input.key]: input.newId(), title: (title + suffix).slice(0, TEXT_MAX_CHARS) };
    return { store: 'entries', record };
  }
  const body = missing.join('\n\n').slice(0, TEXT_MAX_CHARS);
  return {
    store: 'entries',
    record: {
      id: input.newId(),
      kind: 'free',
      createdAt: input.now,
      updatedAt: input.now,
      title: wording.keptWordsTitle(input.label),
      body,
      complete: true,
    },
  };
}

/** Every string the person wrote in `older` that appears in no string of `newer`. */
export function wordsMissing(older: unknown, newer: unknown): string[] {
  const have = wordsIn(newer);
  return wordsIn(older).filter((w) => !have.some((h) => h.includes(w)));
}

function stamp(r: Record<string, unknown>): number {
  return typeof r['updatedAt'] === 'number' ? r['updatedAt'] : 0;
}

/** Equal in every field but `updatedAt` (key order and Blob identity ignored: a Blob compares by type and size). */
export function sameContent(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const { updatedAt: _a, ...ra } = a;
  const { updatedAt: _b, ...rb } = b;
  return canonical(ra) === canonical(rb);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof Blob !== 'undefined' && v instanceof Blob) return `blob:${v.type}:${v.size}`;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

/**
 * Pure rules over the person's journal for belief rehearsal: which belief to offer (their latest
 * alternative from stuck points or a thought record, or the belief they last rehearsed), and how
 * believable one belief has felt over the sessions (the chart and its table). No DOM; tested in node.
 */
import * as v from 'valibot';
import { BeliefRehearsalDataSchema, type BeliefOrigin } from './schema';

/** The part of a journal entry these rules read. */
export interface EntryLike {
  moduleId?: string;
  createdAt: number;
  data?: unknown;
  deletedAt?: number;
}

export interface Suggestion {
  text: string;
  from: Exclude<BeliefOrigin, 'own'>;
  at: number;
}

/** One rehearsal session on the chart: believability before and after (null = not rated). */
export interface Point {
  at: number;
  before: number | null;
  after: number | null;
}

/** Same belief, whatever the spacing or case. */
export function sameBelief(a: string, b: string): boolean {
  return fold(a) === fold(b) && fold(a) !== '';
}

function fold(s: string): string {
  return s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function field(data: unknown, ...keys: string[]): string {
  if (!data || typeof data !== 'object') return '';
  for (const key of keys) {
    const value = (data as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return '';
}

/**
 * What a person may want to rehearse, newest first, one per origin, no two the same: the alternative from
 * their latest stuck points, the balanced alternative from their latest thought record (whichever of the
 * usual field names it uses), and the belief they last rehearsed.
 */
export function suggestBeliefs(entries: readonly EntryLike[]): Suggestion[] {
  const newest = [...entries].filter((e) => e.deletedAt === undefined).sort((a, b) => b.createdAt - a.createdAt);
  const out: Suggestion[] = [];
  const add = (from: Suggestion['from'], text: string, at: number) => {
    if (!text || out.some((s) => s.from === from || sameBelief(s.text, text))) return;
    out.push({ text, from, at });
  };
  for (const e of newest) {
    if (e.moduleId === 'stuck-points') add('stuck-points', field(e.data, 'alternative'), e.createdAt);
    else if (e.moduleId === 'thought-record')
      add('thought-record', field(e.data, 'alternative'), e.createdAt);
    else if (e.moduleId === 'belief-rehearsal') add('rehearsal', field(e.data, 'belief'), e.createdAt);
  }
  return out;
}

/** Every rehearsal of this belief, oldest first. */
export function believabilityOverSessions(entries: readonly EntryLike[], belief: string): Point[] {
  const points: Point[] = [];
  for (const e of entries) {
    if (e.moduleId !== 'belief-rehearsal' || e.deletedAt !== undefined) continue;
    const parsed = v.safeParse(BeliefRehearsalDataSchema, e.data);
    if (!parsed.success || !sameBelief(parsed.output.belief, belief)) continue;
    points.push({ at: e.createdAt, before: parsed.output.before, after: parsed.output.after });
  }
  return points.sort((a, b) => a.at - b.at);
}

/** The first rating before and the latest after, for the one-line summary. */
export function firstAndLatest(points: readonly Point[]): { first: number | null; latest: number | null } {
  const first = points.find((p) => p.before !== null)?.before ?? null;
  const latest = [...points].reverse().find((p) => p.after !== null)?.after ?? null;
  return { first, latest };
}

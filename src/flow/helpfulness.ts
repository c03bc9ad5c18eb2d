/**
 * "What helps right now": ranks grounding exercises by the person's own before/after ratings, so the
 * Ground control can start the one that has helped them most. Pure; tested in node.
 * Only the person's own check-in/check-out changes count; nothing is inferred from how often they used it,
 * so nobody is nudged towards an exercise that merely got used a lot.
 */
import type { Entry } from '../storage/schema';

export interface Helpfulness {
  moduleId: string;
  /** Sessions with both a before and an after rating. */
  rated: number;
  /** Mean change per rated session: presence gained + distress eased (each 0–10 scale). */
  meanChange: number;
}

/** A change this small is noise on a 0–10 self-rating; below it we do not say "helped you most". */
export const MIN_HELPFUL_CHANGE = 1;
/** One session is an anecdote: "helped you most" is said only after this many rated sessions (issue 12). */
export const MIN_RATED_FOR_CLAIM = 2;

export function helpfulness(entries: readonly Entry[]): Map<string, Helpfulness> {
  const out = new Map<string, Helpfulness>();
  for (const e of entries) {
    if (e.kind !== 'session' || !e.moduleId || !e.before || !e.after) continue;
    const presence = delta(e.before.presence, e.after.presence);
    const distress = delta(e.after.distress, e.before.distress);
    // Only a complete before/after pair says anything; a lone rating is not a change.
    if (presence === undefined && distress === undefined) continue;
    const change = (presence ?? 0) + (distress ?? 0);
    const h = out.get(e.moduleId) ?? { moduleId: e.moduleId, rated: 0, meanChange: 0 };
    h.meanChange = (h.meanChange * h.rated + change) / (h.rated + 1);
    h.rated += 1;
    out.set(e.moduleId, h);
  }
  return out;
}

/** How much `b` exceeds `a`, or undefined when either rating is missing. */
function delta(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined ? undefined : b - a;
}

export interface Ranked<M> {
  module: M;
  stats?: Helpfulness;
  /** True for the exercises shown as "helped you most": helped, over at least MIN_RATED_FOR_CLAIM sessions. */
  helpedMost: boolean;
}

/**
 * Order: exercises that helped (mean change ≥ MIN_HELPFUL_CHANGE), best first; then the rest in their
 * given order (the registry's, which starts with the gentlest). Ties keep the given order. A single rated
 * session already orders the list, but the "helped you most" claim waits for MIN_RATED_FOR_CLAIM.
 */
export function rankByHelpfulness<M extends { id: string }>(modules: readonly M[], entries: readonly Entry[]): Ranked<M>[] {
  const stats = helpfulness(entries);
  const ranked = modules.map((module, index) => {
    const s = stats.get(module.id);
    const helped = !!s && s.meanChange >= MIN_HELPFUL_CHANGE;
    return { module, stats: s, helped, helpedMost: helped && s.rated >= MIN_RATED_FOR_CLAIM, index };
  });
  ranked.sort((a, b) => {
    if (a.helped !== b.helped) return a.helped ? -1 : 1;
    if (a.helped && b.helped) return (b.stats?.meanChange ?? 0) - (a.stats?.meanChange ?? 0) || a.index - b.index;
    return a.index - b.index;
  });
  return ranked.map(({ module, stats: s, helpedMost }) => ({ module, stats: s, helpedMost }));
}

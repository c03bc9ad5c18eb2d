/**
 * The fear hierarchy's edits and choices, pure (tested in node). The person's order is the stored order;
 * "Sort by SUDS" sorts it, and a new item goes in at its SUDS place so the list stays sorted unless the
 * person moved things by hand. A suggestion to start near SUDS 40 and climb (CLINICAL.md §4, PE practice).
 */
import type { Hierarchy, HierarchyItem, ItemStatus, SafetyAnswer, SudsAnchors } from '../../storage/exposure.schema';

/** Where Prolonged Exposure suggests starting: a moderate item, around SUDS 40 (CLINICAL.md §4). */
export const START_NEAR_SUDS = 40;

export function clampSuds(n: number): number {
  return Math.min(100, Math.max(0, Math.round(Number.isFinite(n) ? n : 0)));
}

const active = (i: HierarchyItem) => i.retiredAt === undefined;

/** Add an item at its SUDS place among the items (after any with the same SUDS). */
export function addItem(h: Hierarchy, item: Pick<HierarchyItem, 'id' | 'text' | 'suds' | 'createdAt'>): Hierarchy {
  const next: HierarchyItem = { ...item, suds: clampSuds(item.suds), status: 'not-yet', safe: 'unchecked' };
  const at = h.items.findIndex((i) => i.suds > next.suds);
  const items = [...h.items];
  items.splice(at === -1 ? items.length : at, 0, next);
  return { ...h, items };
}

export function changeItem(h: Hierarchy, id: string, change: Partial<Pick<HierarchyItem, 'text' | 'suds' | 'status' | 'safe'>>): Hierarchy {
  return {
    ...h,
    items: h.items.map((i) => (i.id === id ? { ...i, ...change, ...(change.suds === undefined ? {} : { suds: clampSuds(change.suds) }) } : i)),
  };
}

export function setStatus(h: Hierarchy, id: string, status: ItemStatus): Hierarchy {
  return changeItem(h, id, { status });
}

/**
 * After a completed practice of an item: "not yet" becomes "practising". Never back, and never "done" by
 * itself — done is the person's choice. Unchanged (the same object) when there is nothing to move.
 */
export function afterPractice(h: Hierarchy, id: string): Hierarchy {
  const item = h.items.find((i) => i.id === id);
  return item?.status === 'not-yet' ? setStatus(h, id, 'practising') : h;
}

/** The realistic-safety answer. "No" also takes the item out of practice (back to "not yet"). */
export function setSafe(h: Hierarchy, id: string, safe: SafetyAnswer): Hierarchy {
  const item = h.items.find((i) => i.id === id);
  return changeItem(h, id, safe === 'no' && item?.status === 'practising' ? { safe, status: 'not-yet' } : { safe });
}

/** Move one place up (-1) or down (+1) among the items shown (retired items keep their place apart). */
export function moveItem(h: Hierarchy, id: string, by: -1 | 1): Hierarchy {
  const item = h.items.find((i) => i.id === id);
  if (!item) return h;
  const sameGroup = h.items.filter((i) => active(i) === active(item));
  const k = sameGroup.indexOf(item);
  const other = sameGroup[k + by];
  if (!other) return h;
  const items = [...h.items];
  const a = items.indexOf(item);
  const b = items.indexOf(other);
  items[a] = other;
  items[b] = item;
  return { ...h, items };
}

/** Lowest expected SUDS first; equal SUDS keep their order (the sort is stable). */
export function sortBySuds(h: Hierarchy): Hierarchy {
  return { ...h, items: [...h.items].sort((a, b) => a.suds - b.suds) };
}

export function retireItem(h: Hierarchy, id: string, at: number): Hierarchy {
  return { ...h, items: h.items.map((i) => (i.id === id ? { ...i, retiredAt: at } : i)) };
}

export function unretireItem(h: Hierarchy, id: string): Hierarchy {
  return {
    ...h,
    items: h.items.map((i) => {
      if (i.id !== id) return i;
      const { retiredAt: _gone, ...rest } = i;
      return rest;
    }),
  };
}

export function setAnchors(h: Hierarchy, anchors: SudsAnchors): Hierarchy {
  return { ...h, anchors };
}

export function activeItems(h: Hierarchy): HierarchyItem[] {
  return h.items.filter(active);
}

export function retiredItems(h: Hierarchy): HierarchyItem[] {
  return h.items.filter((i) => !active(i));
}

/** Items that may be practised with coaching: not retired, and checked as realistically safe. */
export function practicable(h: Hierarchy): HierarchyItem[] {
  return h.items.filter((i) => active(i) && i.safe === 'yes');
}

/**
 * A place to start: among active items not yet done and not judged unsafe, the one whose expected SUDS is
 * nearest 40 (ties: the lower one, then the person's order). Undefined when there is none.
 */
export function suggestedStart(h: Hierarchy): HierarchyItem | undefined {
  let best: HierarchyItem | undefined;
  for (const i of h.items) {
    if (!active(i) || i.status === 'done' || i.safe === 'no') continue;
    if (!best) best = i;
    else {
      const d = Math.abs(i.suds - START_NEAR_SUDS);
      const bd = Math.abs(best.suds - START_NEAR_SUDS);
      if (d < bd || (d === bd && i.suds < best.suds)) best = i;
    }
  }
  return best;
}

/** Anchors count as set when at least one of the three has words. */
export function hasAnchors(h: Pick<Hierarchy, 'anchors'>): boolean {
  const a = h.anchors;
  return !!a && (a.a0.trim() !== '' || a.a50.trim() !== '' || a.a100.trim() !== '');
}

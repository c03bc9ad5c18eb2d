/**
 * Editing the safety plan: pure changes to a plan (add, change, remove, move an item), tested in node. The
 * screen applies them and hands the result to the plan's writer. Nothing here touches storage.
 */
import type { SafetyPlan, SafetyPlanItem, SafetyPlanSectionId } from '../storage/safety-plan.schema';

export const SECTION_IDS: readonly SafetyPlanSectionId[] = ['warningSigns', 'coping', 'distraction', 'people', 'professionals', 'environment'];

function newItemId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  return c?.randomUUID ? c.randomUUID() : `i-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function withSection(plan: SafetyPlan, id: SafetyPlanSectionId, items: SafetyPlanItem[]): SafetyPlan {
  return { ...plan, sections: { ...plan.sections, [id]: items } };
}

export function addItem(plan: SafetyPlan, section: SafetyPlanSectionId, text = '', id = newItemId()): { plan: SafetyPlan; id: string } {
  return { plan: withSection(plan, section, [...plan.sections[section], { id, text }]), id };
}

export function changeItem(plan: SafetyPlan, section: SafetyPlanSectionId, id: string, text: string): SafetyPlan {
  return withSection(plan, section, plan.sections[section].map((item) => (item.id === id ? { ...item, text } : item)));
}

/** Remove an item; returns where it was, so "Undo" can put it back in the same place. */
export function removeItem(plan: SafetyPlan, section: SafetyPlanSectionId, id: string): { plan: SafetyPlan; removed?: { item: SafetyPlanItem; index: number } } {
  const items = plan.sections[section];
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) return { plan };
  return { plan: withSection(plan, section, items.filter((item) => item.id !== id)), removed: { item: items[index]!, index } };
}

export function restoreItem(plan: SafetyPlan, section: SafetyPlanSectionId, removed: { item: SafetyPlanItem; index: number }): SafetyPlan {
  const items = plan.sections[section].filter((item) => item.id !== removed.item.id);
  items.splice(Math.min(removed.index, items.length), 0, removed.item);
  return withSection(plan, section, items);
}

/** Move an item one place up (-1) or down (+1); at either end it stays put. */
export function moveItem(plan: SafetyPlan, section: SafetyPlanSectionId, id: string, by: -1 | 1): SafetyPlan {
  const items = [...plan.sections[section]];
  const from = items.findIndex((item) => item.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= items.length) return plan;
  [items[from], items[to]] = [items[to]!, items[from]!];
  return withSection(plan, section, items);
}

/** The items worth showing when the plan is read: those with words in them. */
export function filled(items: readonly SafetyPlanItem[]): SafetyPlanItem[] {
  return items.filter((item) => item.text.trim() !== '');
}

export function planHasWords(plan: SafetyPlan): boolean {
  return SECTION_IDS.some((id) => filled(plan.sections[id]).length > 0);
}

/**
 * The full English copy: what the first screen has (en.ts) and what later screens add (en-later.ts). A
 * section present in both (journal, dose, phase, safetyPlan, tabs) is merged key by key, so later screens
 * read `t.journal.saved` and the first screen `t.journal.carryOnDraft` from the same section name.
 */
import { en } from './en';
import { enLater } from './en-later';

type Merged<A, B> = {
  readonly [K in keyof A | keyof B]: K extends keyof A ? (K extends keyof B ? A[K] & B[K] : A[K]) : K extends keyof B ? B[K] : never;
};

function merge<A extends object, B extends object>(a: A, b: B): Merged<A, B> {
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = prev && typeof prev === 'object' && v && typeof v === 'object' ? { ...prev, ...v } : v;
  }
  return out as Merged<A, B>;
}

export const t = merge(en, enLater);

/**
 * Pulling a person's words out of a record the app can no longer read. The record's shape is unknown (an
 * older or newer build, a damaged snapshot), so every string is walked, and those that are machinery —
 * state names, ids, module and event names, timestamps — are left out. What remains is what the person
 * wrote, in the order it appears, each once.
 */
import { TEXT_MAX_CHARS } from './limits';

/** Keys whose strings are never the person's own words (XState snapshot fields and our ids). */
const MACHINERY_KEYS = new Set([
  'id', 'sessionId', 'moduleId', 'entryId', 'planId', 'doseId', 'family', 'status', 'value', 'historyValue',
  'src', 'systemId', 'syncSnapshot', 'type', 'error', 'kind', 'phase', 'part', 'variant', 'pattern',
  'soundscape', 'step', 'stepId', 'key', 'store', 'reason', 'shown',
]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** A camelCase / kebab / dotted identifier like `checkIn`, `five-senses`, `xstate.done.actor.module`. */
const IDENTIFIER = /^[a-z][a-zA-Z0-9]*([.-][a-zA-Z0-9]+)*$/;

function looksWritten(s: string): boolean {
  const t = s.trim();
  if (!t) return false;
  if (UUID.test(t) || ISO_DATE.test(t)) return false;
  // One lower-case word with no space could be a person's word ("rain") or a state name ("checkIn"):
  // keep it unless it has the camelCase hump, a dot or a dash of an identifier.
  if (IDENTIFIER.test(t) && /[A-Z.-]/.test(t)) return false;
  return true;
}

/** Every string in `raw` that looks like something the person wrote, each once, in order. */
export function wordsIn(raw: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visited = new Set<object>();
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      if (!looksWritten(value) || seen.has(value)) return;
      seen.add(value);
      out.push(value);
    } else if (value && typeof value === 'object') {
      if (visited.has(value)) return;
      visited.add(value);
      if (Array.isArray(value)) for (const item of value) walk(item);
      else for (const [k, item] of Object.entries(value)) if (!MACHINERY_KEYS.has(k)) walk(item);
    }
  };
  walk(raw);
  return out;
}

/** The salvaged words as one text (blank line between pieces), within the size policy. */
export function salvagedText(raw: unknown, first = ''): string {
  const pieces = [first, ...wordsIn(raw).filter((w) => w !== first)].filter((s) => s.trim() !== '');
  return pieces.join('\n\n').slice(0, TEXT_MAX_CHARS);
}

/**
 * The window's honesty rules (CLINICAL.md §1) over every word the dose phases and reframing show: the window
 * is a likely opportunity, never a percentage or a promise of relief; nothing counts down, nothing is
 * "missed", no streaks. Copy is walked as data, so a new string anywhere in these files is checked too.
 */
import { describe, expect, it } from 'vitest';
import { PHASE_COPY } from '../../src/flow/phase-copy';
import { enPhaseCard } from '../../src/ui/copy/en-phase-card';
import { enLater } from '../../src/ui/copy/en-later';
import * as thoughtRecord from '../../src/modules/reframing/thought-record/content';
import * as stuckPoints from '../../src/modules/reframing/stuck-points/content';
import * as beliefRehearsal from '../../src/modules/reframing/belief-rehearsal/content';
import { CAPTURE_COPY } from '../../src/journal/capture.content';

/** Every string in a copy object, with its path; functions are called with sample arguments. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const out = (value as (...a: unknown[]) => unknown)('2', 'Tue 1 Dec, 09:00', 'Days after');
    return typeof out === 'string' ? [[`${path}()`, out]] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

const SOURCES = {
  PHASE_COPY,
  enPhaseCard,
  'enLater.sessionMode': enLater.sessionMode,
  'enLater.gate': enLater.gate,
  'enLater.dose': enLater.dose,
  thoughtRecord: { ...thoughtRecord, sources: [] },
  stuckPoints: { ...stuckPoints, sources: [] },
  beliefRehearsal: { ...beliefRehearsal, sources: [] },
  CAPTURE_COPY,
};

const all = Object.entries(SOURCES).flatMap(([name, copy]) => strings(copy, name));

describe('the window is described honestly (CLINICAL.md §1)', () => {
  it('walks a real amount of copy (so the checks below cannot pass on nothing)', () => {
    expect(all.length).toBeGreaterThan(150);
    expect(all.some(([, s]) => /likely opportunity, not a guarantee/.test(s))).toBe(true);
  });

  it('no percentage in the copy itself (never "70–80 %"; the person\'s own ratings may show as %)', () => {
    expect(all.filter(([path, s]) => !path.endsWith('()') && /\d\s*%|per ?cent/i.test(s))).toEqual([]);
  });

  it.each([
    ['a guarantee, other than "not a guarantee"', /(?<!not a )guarantee/i],
    ['promised relief', /\bwill (feel|be|get) (better|well)|relief (is|will)|cure/i],
    ['something missed', /\bmiss(ed)?\b|too late|run(ning)? out of time/i],
    ['a streak', /\bstreak/i],
    ['a countdown', /\d+ (hours?|minutes?|days?) (left|remaining)|countdown|time (left|remaining)/i],
  ])('never %s', (_name, pattern) => {
    expect(all.filter(([, s]) => pattern.test(s))).toEqual([]);
  });
});

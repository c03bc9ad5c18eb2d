/**
 * Paced breathing by dose phase (modules/grounding/breathing/offer.ts): in the session phase only the slow
 * out-breath — no held breaths (4-7-8, box) while the dose acts (CLINICAL.md §1 and §2) — through the chooser,
 * a saved favourite and a restored Start screen alike. A breathing exercise already started keeps its pattern.
 */
import { describe, expect, it } from 'vitest';
import { patternShown, patternsOffered, presetFor, remembersChoice } from '../../src/modules/grounding/breathing/offer';
import { choices, holdsBreath } from '../../src/modules/grounding/breathing/content';
import { IN_THE_MOMENT } from '../../src/flow/ground';
import { ALL_PHASES } from '../../src/flow/module';

const ALL = choices.map((c) => c.id);

describe('breathing patterns offered by dose phase', () => {
  it('session phase: the slow out-breath only (the one Ground me now starts), no held breath', () => {
    expect(patternsOffered('session')).toEqual(['slow-exhale']);
    expect(patternsOffered('session')).toEqual([IN_THE_MOMENT.find((m) => m.moduleId === 'breathing')?.variant]);
    expect(patternsOffered('session').some(holdsBreath)).toBe(false);
  });

  it.each(ALL_PHASES.filter((p) => p !== 'session'))('%s: every pattern, in the chooser’s order', (phase) => {
    expect(patternsOffered(phase)).toEqual(ALL);
  });

  it('outside a session (no phase given): every pattern', () => {
    expect(patternsOffered(undefined)).toEqual(ALL);
  });

  it('a pattern already under way (started before the dose, or restored) keeps it', () => {
    expect(patternsOffered('session', 'box')).toEqual(['slow-exhale', 'box']);
    expect(patternsOffered('session', 'slow-exhale')).toEqual(['slow-exhale']);
  });
});

describe('the saved favourite in the session phase', () => {
  const session = patternsOffered('session');

  it('a held-breath favourite is held back (not pre-selected, not replaced); an offered one is pre-selected', () => {
    expect(presetFor({ pattern: 'box', minutes: 4 }, session)).toBeNull();
    expect(presetFor({ pattern: '4-7-8', minutes: 1 }, session)).toBeNull();
    expect(presetFor({ pattern: 'slow-exhale', minutes: 4 }, session)).toEqual({ pattern: 'slow-exhale', minutes: 4 });
    expect(presetFor({ pattern: 'box', minutes: 4 }, patternsOffered('between'))).toEqual({ pattern: 'box', minutes: 4 });
  });

  it('an unknown saved pattern (an older build) passes on: the machine ignores it and takes the minutes', () => {
    expect(presetFor({ pattern: 'gone', minutes: 3 }, session)).toEqual({ pattern: 'gone', minutes: 3 });
  });

  it('the chooser shows, and goes on with, an offered pattern only', () => {
    expect(patternShown('box', session)).toBe('slow-exhale');
    expect(patternShown('slow-exhale', session)).toBe('slow-exhale');
    expect(patternShown('box', ALL)).toBe('box');
  });

  it('Start remembers the choice only when every pattern was there to choose from', () => {
    expect(remembersChoice(session)).toBe(false);
    expect(remembersChoice(patternsOffered('window'))).toBe(true);
    expect(remembersChoice(patternsOffered(undefined))).toBe(true);
  });
});

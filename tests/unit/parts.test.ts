/**
 * Parts of a module by dose phase (flow/parts.ts): in the session phase body grounding offers only feet and
 * hands — the part Ground me now starts — never tense and let go (CLINICAL.md §1: session mode asks the least;
 * §2: muscle work is inward). A part already under way is always kept, so nothing a person began is lost.
 */
import { describe, expect, it } from 'vitest';
import { partsOffered } from '../../src/flow/parts';
import { IN_THE_MOMENT } from '../../src/flow/ground';
import { ALL_PHASES } from '../../src/flow/module';

const BODY = ['anchor', 'pmr'] as const;

describe('parts offered in a dose phase', () => {
  it('session phase: body grounding offers feet and hands only', () => {
    expect(partsOffered('body', BODY, 'session')).toEqual(['anchor']);
    expect(partsOffered('body', BODY, 'session', null)).toEqual(['anchor']);
    expect(partsOffered('body', BODY, 'session', 'anchor')).toEqual(['anchor']);
  });

  it('the part kept in the session phase is the one Ground me now starts', () => {
    const ground = IN_THE_MOMENT.find((m) => m.moduleId === 'body')?.variant;
    expect(partsOffered('body', BODY, 'session')).toEqual([ground]);
  });

  it.each(ALL_PHASES.filter((p) => p !== 'session'))('%s: both parts, in their order', (phase) => {
    expect(partsOffered('body', BODY, phase)).toEqual(['anchor', 'pmr']);
  });

  it('outside a session (no phase given): both parts', () => {
    expect(partsOffered('body', BODY, undefined)).toEqual(['anchor', 'pmr']);
  });

  it('tense and let go already under way (begun before the dose was logged, or restored) stays offered', () => {
    expect(partsOffered('body', BODY, 'session', 'pmr')).toEqual(['anchor', 'pmr']);
  });

  it('a module whose every part is safe in the moment keeps them all', () => {
    expect(partsOffered('five-senses', ['a', 'b'], 'session')).toEqual(['a', 'b']);
  });
});

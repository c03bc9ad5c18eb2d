/** The exposure gate (issue 15): no exposure in session or settling, no written exposure within 24 h of a
 *  dose, none without a plan or the person's stated agreement with their clinician. */
import { describe, expect, it } from 'vitest';
import { exposureGate, WRITTEN_AFTER_DOSE_MS, type GateInput } from '../../src/flow/exposure-gate';
import { ALL_PHASES } from '../../src/flow/module';
import { SETTING_DEFAULTS } from '../../src/storage/schema';
import { DEFAULT_EXPOSURE_THRESHOLDS } from '../../src/flow/routing';

const HOUR = 60 * 60 * 1000;
const now = Date.parse('2026-11-30T12:00:00Z');
const agreement = { agreedAt: now - 1000, words: 'We agreed this with Dr Okafor on Monday.' };
const base: GateInput = { kind: 'in-vivo', phase: 'between', now, planAssigns: false, agreement };

describe('exposureGate', () => {
  it.each(['session', 'settling'] as const)('%s phase: never, for either kind, plan or not', (phase) => {
    for (const kind of ['in-vivo', 'written'] as const) {
      expect(exposureGate({ ...base, kind, phase, planAssigns: true })).toEqual({ ok: false, reason: 'phase' });
    }
  });

  it.each(['window', 'consolidation', 'between'] as const)('%s phase with agreement: in-vivo may start', (phase) => {
    expect(exposureGate({ ...base, phase })).toEqual({ ok: true });
  });

  it('written exposure: refused until exactly 24 h after the latest dose, and says until when', () => {
    const taken = now - 23 * HOUR;
    expect(exposureGate({ ...base, kind: 'written', phase: 'window', lastDoseTakenAt: taken })).toEqual({
      ok: false,
      reason: 'dose-24h',
      until: taken + WRITTEN_AFTER_DOSE_MS,
    });
    expect(exposureGate({ ...base, kind: 'written', phase: 'window', lastDoseTakenAt: now - 24 * HOUR + 1 }).ok).toBe(false);
    expect(exposureGate({ ...base, kind: 'written', phase: 'window', lastDoseTakenAt: now - 24 * HOUR })).toEqual({ ok: true });
  });

  it('settling says when exposure opens (its end; written exposure not before 24 h); the session phase promises no time', () => {
    const taken = now - 20 * HOUR;
    const settlingEnds = taken + 24 * HOUR;
    const settling = { ...base, phase: 'settling' as const, lastDoseTakenAt: taken, phaseEndsAt: settlingEnds };
    expect(exposureGate(settling)).toEqual({ ok: false, reason: 'phase', until: settlingEnds });
    expect(exposureGate({ ...settling, kind: 'written' })).toEqual({ ok: false, reason: 'phase', until: settlingEnds });
    // A settling phase that ended earlier (other boundaries): written exposure still waits for 24 h.
    expect(exposureGate({ ...settling, kind: 'written', phaseEndsAt: taken + 12 * HOUR })).toEqual({ ok: false, reason: 'phase', until: taken + WRITTEN_AFTER_DOSE_MS });
    expect(exposureGate({ ...settling, phase: 'session' })).toEqual({ ok: false, reason: 'phase' });
    expect(exposureGate({ ...settling, phaseEndsAt: undefined })).toEqual({ ok: false, reason: 'phase' });
  });

  it('in-vivo is not held by the 24 h rule (only by the phase)', () => {
    expect(exposureGate({ ...base, phase: 'window', lastDoseTakenAt: now - 20 * HOUR })).toEqual({ ok: true });
  });

  it('without a plan or an agreement: refused, whatever the phase that allows it', () => {
    for (const phase of ALL_PHASES.filter((p) => p !== 'session' && p !== 'settling')) {
      expect(exposureGate({ ...base, phase, agreement: null })).toEqual({ ok: false, reason: 'no-agreement' });
      expect(exposureGate({ ...base, phase, agreement: undefined, planAssigns: true })).toEqual({ ok: true });
    }
  });

  it('the stored default is "no agreement" and the stored thresholds are the clinical defaults', () => {
    expect(SETTING_DEFAULTS.exposureAgreement).toBeNull();
    expect(SETTING_DEFAULTS.exposureThresholds).toEqual(DEFAULT_EXPOSURE_THRESHOLDS);
  });
});

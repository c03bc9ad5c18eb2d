/**
 * The exposure gate as the shell applies it (issue 15): for every module of family 'exposure' the shell
 * reads the person's agreement from settings and whether a plan assigns exposure (not yet: false), and asks
 * flow/exposure-gate.ts. No exposure in session or settling; written exposure not within 24 h of a dose;
 * none without a plan or the agreement — and once the person agrees (in their words), it opens.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { freshIndexedDB } from './fixtures/idb';
import { exposureAccess, exposureKind, exposurePlanAssigned } from '../../src/shell/exposure-access';
import { settings } from '../../src/shell/services';
import { MODULES } from '../../src/modules/registry';

const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
const HOUR = 3_600_000;
beforeEach(() => {
  freshIndexedDB();
});

describe('exposure access, gathered by the shell', () => {
  it('no plan yet: exposurePlanAssigned() answers false until plans are wired', async () => {
    expect(await exposurePlanAssigned()).toBe(false);
  });

  it('every exposure module in the registry is gated; written exposure is the written kind', () => {
    const exposure = MODULES.filter((m) => m.family === 'exposure');
    expect(exposure.map((m) => m.id)).toContain('in-vivo');
    expect(exposureKind({ id: 'in-vivo' })).toBe('in-vivo');
    expect(exposureKind({ id: 'written-exposure' })).toBe('written');
  });

  it('without the agreement: refused with "no-agreement"; after agreeing in their words: allowed; taken back: refused', async () => {
    expect(await exposureAccess({ id: 'in-vivo' }, 'between', undefined, NOW)).toEqual({ ok: false, reason: 'no-agreement' });
    await settings.set('exposureAgreement', { agreedAt: NOW, words: 'Dr Rivera and I agreed the bus practice' });
    expect(await exposureAccess({ id: 'in-vivo' }, 'between', undefined, NOW)).toEqual({ ok: true });
    await settings.set('exposureAgreement', null);
    expect((await exposureAccess({ id: 'in-vivo' }, 'between', undefined, NOW)).ok).toBe(false);
  });

  it.each(['session', 'settling'] as const)('never in the %s phase, agreement or not', async (phase) => {
    await settings.set('exposureAgreement', { agreedAt: NOW, words: 'agreed' });
    expect(await exposureAccess({ id: 'in-vivo' }, phase, NOW - HOUR, NOW)).toEqual({ ok: false, reason: 'phase' });
  });

  it('written exposure waits 24 h after a dose (and says until when); in-vivo in the window does not', async () => {
    await settings.set('exposureAgreement', { agreedAt: NOW, words: 'agreed' });
    const dose = NOW - 23 * HOUR;
    expect(await exposureAccess({ id: 'written-exposure' }, 'window', dose, NOW)).toEqual({ ok: false, reason: 'dose-24h', until: dose + 24 * HOUR });
    expect(await exposureAccess({ id: 'in-vivo' }, 'window', dose, NOW)).toEqual({ ok: true });
    expect(await exposureAccess({ id: 'written-exposure' }, 'window', NOW - 24 * HOUR, NOW)).toEqual({ ok: true });
  });
});

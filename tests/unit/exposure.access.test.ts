/**
 * The exposure gate as the shell applies it (issue 15): for every module of family 'exposure' the shell
 * reads the person's agreement from settings and whether the accepted plan assigns exposure, and asks
 * flow/exposure-gate.ts. No exposure in session or settling; written exposure not within 24 h of a dose;
 * none without a plan or the agreement — and once the person agrees (in their words), it opens.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { freshIndexedDB } from './fixtures/idb';
import { exposureAccess, exposureKind, exposurePlanAssigned } from '../../src/shell/exposure-access';
import { settings, plans } from '../../src/shell/services';
import { decodePayload, encodePayload } from '../../src/plans/codec';
import { MODULES } from '../../src/modules/registry';

const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
const HOUR = 3_600_000;
beforeEach(() => {
  freshIndexedDB();
});

describe('exposure access, gathered by the shell', () => {
  it('a plan that assigns exposure opens the gate without a separate agreement; no plan, or a plan stopped: asked again (issue 16)', async () => {
    expect(await exposurePlanAssigned()).toBe(false);
    const repo = (await plans()).repo;
    const plan = {
      v: 1 as const,
      id: 'p1',
      createdAt: NOW,
      title: 'Window days',
      clinician: { name: 'Dr Rivera', contact: '' },
      modules: [{ moduleId: 'in-vivo', day: 2 as const }],
    };
    await repo.accept(await decodePayload(await encodePayload({ plan })), 'unsigned');
    expect(await exposurePlanAssigned()).toBe(true);
    expect(await exposureAccess({ id: 'in-vivo' }, 'between', undefined, NOW)).toEqual({ ok: true });
    // The phase rules still hold under a plan.
    expect((await exposureAccess({ id: 'in-vivo' }, 'session', undefined, NOW)).ok).toBe(false);
    await repo.endActive();
    expect(await exposurePlanAssigned()).toBe(false);
    expect(await exposureAccess({ id: 'in-vivo' }, 'between', undefined, NOW)).toEqual({ ok: false, reason: 'no-agreement' });
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

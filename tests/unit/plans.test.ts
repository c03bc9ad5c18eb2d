/**
 * Therapist plans (issue 16), the pure core in node: the schema and codec round trip (link and file), the
 * signature and the changed-key warning, clamping against the documented limits, what a replacement
 * changes, Today's schedule, and the effects other parts read.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { freshIndexedDB } from './fixtures/idb';
import { getDb } from '../../src/storage/db';
import { decodePayload, encodePayload, planFileText, readPlanFile, PlanError, ignoredFields } from '../../src/plans/codec';
import { canonicalJson, fromBase64Url, toBase64Url } from '../../src/plans/bytes';
import { clinicianKeys, signPlan, verifyPlan, publicPart, fingerprint } from '../../src/plans/keys';
import { clampThresholds, clampExposureThresholds, planEffects } from '../../src/plans/clamp';
import { SESSION_LIMITS, EXPOSURE_LIMITS, PLAN_LIMITS } from '../../src/plans/limits.content';
import { plansRepo } from '../../src/plans/store';
import { activePlanEffects, activePlanThresholds } from '../../src/plans/active';
import { planDifferences, describePlan } from '../../src/plans/preview';
import { planSchedule, completionsSince } from '../../src/plans/schedule';
import { draftToPlan, emptyDraft, planToDraft } from '../../src/plans/compose';
import { planIcs } from '../../src/plans/ics';
import { DEFAULT_EXPOSURE_THRESHOLDS, DEFAULT_THRESHOLDS } from '../../src/flow/routing';
import type { Plan } from '../../src/plans/schema';

function samplePlan(over: Partial<Plan> = {}): Plan {
  return {
    v: 1,
    id: 'plan-a',
    createdAt: 1_764_000_000_000,
    title: 'Window days after session 3',
    clinician: { name: 'Dr Rowan Lee', contact: 'rowan@clinic.example, 020 7946 0000' },
    modules: [
      { moduleId: 'belief-rehearsal', day: 1, instruction: 'The belief we wrote together: "I can ask for help".' },
      { moduleId: 'written-exposure', day: 2 },
      { moduleId: 'five-senses', day: 'any', instruction: 'Whenever you need it.' },
    ],
    thresholds: { presenceAtMost: 4 },
    measures: [
      { id: 'phq9', everyDays: 7 },
      { id: 'pcl5', everyDays: 14 },
    ],
    contacts: [{ region: 'London', name: 'Clinic duty line', number: '020 7946 0001' }],
    note: 'Go gently. <b>not html</b>',
    ...over,
  };
}

async function signed(plan: Plan) {
  const keys = await clinicianKeys(getDb);
  const withKeys: Plan = {
    ...plan,
    clinician: { ...plan.clinician, signingKey: publicPart(keys.publicJwk.signing), reportKey: publicPart(keys.publicJwk.report) },
  };
  return { plan: withKeys, sig: await signPlan(withKeys, keys.signing.privateKey) };
}

/** Another device's key pair (another clinician, or someone pretending). */
async function otherKeySigned(plan: Plan) {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const jwk = publicPart(await crypto.subtle.exportKey('jwk', pair.publicKey));
  const withKey: Plan = { ...plan, clinician: { ...plan.clinician, signingKey: jwk } };
  return { plan: withKey, sig: await signPlan(withKey, pair.privateKey) };
}

beforeEach(() => {
  freshIndexedDB();
});
afterEach(async () => {
  (await getDb()).close();
});

describe('base64url and canonical JSON', () => {
  it('round-trips any bytes, and refuses non-canonical or foreign characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
      }),
    );
    expect(fromBase64Url('AB')).toBeUndefined(); // trailing bits set: another spelling of "AA"
    expect(fromBase64Url('AA')).toEqual(new Uint8Array([0]));
    expect(fromBase64Url('A+/=')).toBeUndefined();
    expect(fromBase64Url('A')).toBeUndefined();
  });

  it('gives the same bytes whatever order the keys were written in', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"y":2,"z":1}]},"b":1}');
  });
});

describe('codec', () => {
  it('a signed plan survives the link and the file unchanged, and is verified', async () => {
    const s = await signed(samplePlan());
    const viaLink = await decodePayload(await encodePayload(s));
    expect(viaLink.plan).toEqual(s.plan);
    expect(viaLink.signed).toBe(true);
    const viaFile = await readPlanFile(planFileText(s));
    expect(viaFile.plan).toEqual(s.plan);
    expect(viaFile.signed).toBe(true);
  });

  it('an unsigned plan decodes as not signed', async () => {
    const d = await decodePayload(await encodePayload({ plan: samplePlan() }));
    expect(d.signed).toBe(false);
  });

  it('a plan changed after signing is refused as tampered', async () => {
    const s = await signed(samplePlan());
    const changed = { ...s, plan: { ...s.plan, thresholds: { presenceAtMost: 3, distressAtLeast: 9 } } };
    await expect(decodePayload(await encodePayload(changed))).rejects.toMatchObject({ reason: 'tampered' });
    // Even a field the app ignores is covered by the signature.
    const extra = { ...s, plan: { ...s.plan, item9Rule: false } as Plan };
    await expect(decodePayload(await encodePayload(extra))).rejects.toMatchObject({ reason: 'tampered' });
  });

  it('names fields the app refuses (no plan field can switch off the item 9 rule) and drops them', async () => {
    const raw = { ...samplePlan(), item9Rule: false, builtInContacts: [], thresholds: { presenceAtMost: 4, off: true } };
    const d = await decodePayload(await encodePayload({ plan: raw as Plan }));
    expect(d.ignored.sort()).toEqual(['builtInContacts', 'item9Rule', 'thresholds.off']);
    expect(d.plan).not.toHaveProperty('item9Rule');
    expect(ignoredFields(samplePlan())).toEqual([]);
  });

  it('refuses each kind of bad input with its own reason', async () => {
    const good = await encodePayload({ plan: samplePlan() });
    const cases: [string, string][] = [
      ['', 'empty'],
      ['x'.repeat(PLAN_LIMITS.payloadChars + 1), 'too-large'],
      ['not base64!', 'damaged'],
      [good.slice(0, Math.floor(good.length / 2)), 'damaged'],
      [toBase64Url(new TextEncoder().encode('hello')), 'damaged'],
    ];
    for (const [payload, reason] of cases) await expect(decodePayload(payload), payload.slice(0, 20)).rejects.toMatchObject({ reason });
    const enc = async (json: string) => {
      const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
      const body = new Uint8Array(await new Response(stream).arrayBuffer());
      const sum = new Uint8Array(await crypto.subtle.digest('SHA-256', body)).subarray(0, 4);
      return toBase64Url(new Uint8Array([...body, ...sum]));
    };
    await expect(decodePayload(await enc('{"plan":{"v":1}}'))).rejects.toMatchObject({ reason: 'malformed' });
    await expect(decodePayload(await enc('[1,2'))).rejects.toMatchObject({ reason: 'malformed' });
    await expect(decodePayload(await enc('{"plan":{"v":2,"title":"from the future"}}'))).rejects.toMatchObject({ reason: 'unsupported-version' });
    // A zip bomb: a small link that would inflate to megabytes stops at the cap.
    const bomb = await enc(`{"plan":{"note":"${'a'.repeat(5_000_000)}"}}`);
    expect(bomb.length).toBeLessThan(PLAN_LIMITS.payloadChars);
    await expect(decodePayload(bomb)).rejects.toMatchObject({ reason: 'too-large' });
    await expect(readPlanFile('{"hello":1}')).rejects.toMatchObject({ reason: 'not-a-plan-file' });
    await expect(readPlanFile('not json')).rejects.toMatchObject({ reason: 'not-a-plan-file' });
  });

  it('property: 1,000 mutated or truncated links are all refused with a PlanError, and nothing is stored', async () => {
    const s = await signed(samplePlan());
    const payload = await encodePayload(s);
    const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const repo = plansRepo(getDb);
    const mutation = fc.oneof(
      // truncate
      fc.integer({ min: 0, max: payload.length - 1 }).map((n) => payload.slice(0, n)),
      // replace one character with a different one
      fc
        .tuple(fc.integer({ min: 0, max: payload.length - 1 }), fc.integer({ min: 1, max: 63 }))
        .map(([i, k]) => payload.slice(0, i) + ALPHA[(ALPHA.indexOf(payload[i]!) + k) % 64] + payload.slice(i + 1)),
      // insert or delete characters
      fc.tuple(fc.integer({ min: 0, max: payload.length }), fc.string({ minLength: 1, maxLength: 4 })).map(([i, x]) => payload.slice(0, i) + x + payload.slice(i)),
      fc.tuple(fc.integer({ min: 0, max: payload.length - 1 }), fc.integer({ min: 1, max: 8 })).map(([i, n]) => payload.slice(0, i) + payload.slice(i + n)),
    );
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(mutation, async (bad) => {
        fc.pre(bad !== payload);
        const error = await decodePayload(bad).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error, bad).toBeInstanceOf(PlanError);
        refused++;
      }),
      { numRuns: 1000, seed: 0x916a },
    );
    expect(refused).toBeGreaterThanOrEqual(990); // fc.pre skips the rare mutation that equals the original
    expect(await repo.history()).toEqual([]);
    expect(await (await getDb()).count('plans')).toBe(0);
  }, 60_000);
});

describe('plan files', () => {
  it('property: 1,000 mutated or truncated files are refused with a PlanError, or (a change JSON ignores, like spacing) read as exactly the signed plan', async () => {
    const s = await signed(samplePlan());
    const text = planFileText(s);
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.integer({ min: 0, max: text.length - 1 }).map((n) => text.slice(0, n)),
          fc.tuple(fc.integer({ min: 0, max: text.length - 1 }), fc.string({ minLength: 1, maxLength: 1 })).map(([i, c]) => text.slice(0, i) + c + text.slice(i + 1)),
          fc.tuple(fc.integer({ min: 0, max: text.length - 1 }), fc.integer({ min: 1, max: 8 })).map(([i, n]) => text.slice(0, i) + text.slice(i + n)),
        ),
        async (bad) => {
          fc.pre(bad !== text);
          const out = await readPlanFile(bad).then(
            (d) => d,
            (e: unknown) => e,
          );
          if (out instanceof PlanError) return void refused++;
          expect(out, bad).toMatchObject({ plan: s.plan, signed: true });
        },
      ),
      { numRuns: 1000, seed: 0xf11e },
    );
    expect(refused).toBeGreaterThan(900);
    expect(await (await getDb()).count('plans')).toBe(0);
  }, 60_000);
});

describe('keys and trust', () => {
  it('makes one clinician key pair per device, private keys not extractable', async () => {
    const a = await clinicianKeys(getDb);
    const b = await clinicianKeys(getDb);
    expect(a.publicJwk).toEqual(b.publicJwk);
    expect(a.signing.privateKey.extractable).toBe(false);
    expect(a.report.privateKey.extractable).toBe(false);
    expect(a.report.privateKey.algorithm.name).toBe('ECDH');
    expect(await fingerprint(publicPart(a.publicJwk.signing))).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
  });

  it('a signature verifies only for the key and bytes it was made with', async () => {
    const s = await signed(samplePlan());
    expect(await verifyPlan(s.plan, s.sig, s.plan.clinician.signingKey!)).toBe(true);
    expect(await verifyPlan({ ...s.plan, title: 'x' }, s.sig, s.plan.clinician.signingKey!)).toBe(false);
    const other = await otherKeySigned(samplePlan());
    expect(await verifyPlan(s.plan, s.sig, other.plan.clinician.signingKey!)).toBe(false);
    expect(await verifyPlan(s.plan, 'short', s.plan.clinician.signingKey!)).toBe(false);
  });

  it('first plan is "first seen"; the same key later is known; another key claiming the same clinician is flagged', async () => {
    const repo = plansRepo(getDb);
    const first = await decodePayload(await encodePayload(await signed(samplePlan())));
    expect(await repo.trustOf(first)).toBe('first-seen');
    await repo.accept(first, 'first-seen');
    const again = await decodePayload(await encodePayload(await signed(samplePlan({ id: 'plan-b', title: 'Next week' }))));
    expect(await repo.trustOf(again)).toBe('known');
    const impostor = await decodePayload(
      await encodePayload(await otherKeySigned(samplePlan({ clinician: { name: '  dr ROWAN   lee ', contact: 'x' } }))),
    );
    expect(await repo.trustOf(impostor)).toBe('changed-key');
    // Accepting it anyway never replaces the first key remembered.
    await repo.accept(impostor, 'changed-key');
    expect(await repo.trustOf(again)).toBe('known');
    expect(await repo.trustOf(await decodePayload(await encodePayload({ plan: samplePlan() })))).toBe('unsigned');
  });

  it('accepting replaces the active plan, keeping the old one as history', async () => {
    let at = 1000;
    const repo = plansRepo(getDb, () => at++);
    await repo.accept(await decodePayload(await encodePayload({ plan: samplePlan() })), 'unsigned');
    await repo.accept(await decodePayload(await encodePayload({ plan: samplePlan({ title: 'Second' }) })), 'unsigned');
    expect((await repo.active())?.plan.title).toBe('Second');
    const history = await repo.history();
    expect(history.map((h) => [h.plan.title, h.replacedAt !== undefined])).toEqual([
      ['Second', false],
      ['Window days after session 3', true],
    ]);
    expect((await activePlanEffects(getDb)).thresholds.presenceAtMost).toBe(4);
    expect((await activePlanThresholds(getDb))?.presenceAtMost).toBe(4);
    await repo.endActive();
    expect(await activePlanThresholds(getDb)).toBeUndefined();
    expect((await activePlanEffects(getDb)).thresholds).toEqual(DEFAULT_THRESHOLDS);
  });
});

describe('clamping: a plan can add, never weaken', () => {
  const table: [keyof typeof SESSION_LIMITS, number | undefined, number][] = [
    ['presenceAtMost', undefined, 3],
    ['presenceAtMost', 4, 4], // more protective: kept
    ['presenceAtMost', 10, 10],
    ['presenceAtMost', 2, 3], // less protective than the limit: clamped
    ['presenceAtMost', 0, 3],
    ['distressAtLeast', 6, 6],
    ['distressAtLeast', 9, 9], // the documented one step
    ['distressAtLeast', 10, 9],
    ['afterDistressAtLeast', 10, 9],
    ['riseAtLeast', 2, 2],
    ['riseAtLeast', 4, 4],
    ['riseAtLeast', 9, 4],
    ['riseAtLeast', 0, 1],
  ];
  it.each(table)('%s asked %s → %s', (key, asked, used) => {
    const { value } = clampThresholds(asked === undefined ? {} : { [key]: asked });
    expect(value[key]).toBe(used);
  });

  const exposure: [keyof typeof EXPOSURE_LIMITS, number, number][] = [
    ['preSudsAtLeast', 70, 70],
    ['preSudsAtLeast', 90, 90],
    ['preSudsAtLeast', 100, 90],
    ['postSudsAtLeast', 95, 90],
    ['presenceAtMost', 2, 3],
    ['presenceAtMost', 5, 5],
    ['riseAtLeast', 60, 40],
  ];
  it.each(exposure)('exposure %s asked %s → %s', (key, asked, used) => {
    expect(clampExposureThresholds({ [key]: asked }).value[key]).toBe(used);
  });

  it('every limit is at most one documented step from the default and has its reason', () => {
    for (const l of [...Object.values(SESSION_LIMITS), ...Object.values(EXPOSURE_LIMITS)]) {
      expect(l.reason.length).toBeGreaterThan(40);
      const weaker = l.direction === 'atMost' ? l.default - l.weakest : l.weakest - l.default;
      expect(weaker).toBeGreaterThanOrEqual(0);
      expect(weaker).toBeLessThanOrEqual(10);
    }
    expect(clampThresholds(undefined).value).toEqual(DEFAULT_THRESHOLDS);
    expect(clampExposureThresholds(undefined).value).toEqual(DEFAULT_EXPOSURE_THRESHOLDS);
    // The limits file states the same defaults as the routing code.
    for (const [k, l] of Object.entries(SESSION_LIMITS)) expect(l.default, k).toBe(DEFAULT_THRESHOLDS[k as keyof typeof DEFAULT_THRESHOLDS]);
    for (const [k, l] of Object.entries(EXPOSURE_LIMITS)) expect(l.default, k).toBe(DEFAULT_EXPOSURE_THRESHOLDS[k as keyof typeof DEFAULT_EXPOSURE_THRESHOLDS]);
  });

  it('with no plan the effects are the defaults; contacts only add', () => {
    const none = planEffects(undefined);
    expect(none.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(none.contacts).toEqual([]);
    expect(none.exposureAssigned).toBe(false);
    const some = planEffects(samplePlan());
    expect(some.exposureAssigned).toBe(true);
    expect(some.contacts).toHaveLength(1);
    expect(some.measures).toEqual([
      { id: 'phq9', everyDays: 7 },
      { id: 'pcl5', everyDays: 14 },
    ]);
  });
});

describe('preview and replacement', () => {
  it('names modules not in this version of the app, and thresholds the plan changes or asked beyond the limit', () => {
    const d = describePlan(samplePlan({ thresholds: { presenceAtMost: 1, distressAtLeast: 7 } }), (id) =>
      id === 'written-exposure' ? undefined : id,
    );
    expect(d.modules.map((m) => m.title)).toEqual(['belief-rehearsal', undefined, 'five-senses']);
    expect(d.thresholds).toEqual([
      { key: 'presenceAtMost', from: 3, to: 3, asked: 1 },
      { key: 'distressAtLeast', from: 8, to: 7 },
    ]);
  });

  it('lists what a newer plan changes', () => {
    const a = samplePlan();
    const b = samplePlan({
      title: 'Next',
      modules: [{ moduleId: 'belief-rehearsal', day: 2, instruction: 'new words' }, { moduleId: 'in-vivo', day: 3 }],
      thresholds: {},
      measures: [{ id: 'phq9', everyDays: 14 }],
      contacts: [],
    });
    expect(planDifferences(a, b)).toEqual([
      { kind: 'title', from: 'Window days after session 3', to: 'Next' },
      { kind: 'module-moved', moduleId: 'belief-rehearsal', from: 1, to: 2 },
      { kind: 'instruction', moduleId: 'belief-rehearsal' },
      { kind: 'module-added', moduleId: 'in-vivo', day: 3 },
      { kind: 'module-removed', moduleId: 'written-exposure', day: 2 },
      { kind: 'module-removed', moduleId: 'five-senses', day: 'any' },
      { kind: 'threshold', key: 'presenceAtMost', from: 4, to: 3 },
      { kind: 'measure-changed', id: 'phq9', from: 7, to: 14 },
      { kind: 'measure-removed', id: 'pcl5', everyDays: 14 },
      { kind: 'contact-removed', name: 'Clinic duty line' },
    ]);
    expect(planDifferences(a, a)).toEqual([]);
  });
});

describe('schedule: Today follows the plan', () => {
  const plan = { modules: samplePlan().modules.concat([{ moduleId: 'belief-rehearsal', day: 3 }]) };
  it('places modules by day after the dose; done ones ticked; missed ones stay, never overdue', () => {
    const items = planSchedule(plan, 2, new Map([['belief-rehearsal', 1]]));
    expect(items.map((i) => [i.moduleId, i.day, i.when, i.done])).toEqual([
      ['belief-rehearsal', 1, 'earlier', true],
      ['written-exposure', 2, 'today', false],
      ['five-senses', 'any', 'any', false],
      ['belief-rehearsal', 3, 'later', false],
    ]);
    expect(planSchedule(plan, undefined, new Map()).map((i) => i.when)).toEqual(['needs-dose', 'needs-dose', 'any', 'needs-dose']);
  });

  it('counts only completed sessions since the dose', () => {
    const c = completionsSince(
      [
        { kind: 'session', moduleId: 'five-senses', createdAt: 50, complete: true },
        { kind: 'session', moduleId: 'five-senses', createdAt: 150, complete: true },
        { kind: 'session', moduleId: 'five-senses', createdAt: 160, complete: false },
        { kind: 'free', createdAt: 170, complete: true },
      ],
      100,
    );
    expect([...c]).toEqual([['five-senses', 1]]);
  });
});

describe('clinician mode storage', () => {
  it('composed plans are saved, listed newest first, and deleted; a damaged record is skipped, not deleted', async () => {
    let at = 1;
    const repo = plansRepo(getDb, () => at++);
    await repo.putComposed('a', { ...emptyDraft(), title: 'A' });
    await repo.putComposed('b', { ...emptyDraft(), title: 'B' });
    await (await getDb()).put('plans', { id: 'broken', kind: 'composed' } as never);
    expect((await repo.listComposed()).map((p) => p.draft.title)).toEqual(['B', 'A']);
    await repo.removeComposed('a');
    expect((await repo.listComposed()).map((p) => p.id)).toEqual(['b']);
    expect(await (await getDb()).get('plans', 'broken')).toBeDefined();
    // The composer's writer stores the latest draft.
    const w = repo.composedWriter('b');
    w.change({ ...emptyDraft(), title: 'B2' });
    await w.flush();
    expect((await repo.getComposed('b'))?.draft.title).toBe('B2');
  });
});

describe('composer', () => {
  it('a draft becomes a valid plan; an empty one says what is missing', async () => {
    expect(draftToPlan(emptyDraft(), 'p1', undefined, 1).ok).toBe(false);
    const draft = planToDraft(samplePlan());
    const out = draftToPlan(draft, 'plan-a', undefined, samplePlan().createdAt);
    expect(out).toEqual({ ok: true, plan: samplePlan() });
  });
});

describe('.ics export', () => {
  it('one all-day event per dated module from the dose, measures repeating', () => {
    const ics = planIcs(samplePlan(), {
      doseTakenAt: new Date(2026, 10, 28, 10).getTime(),
      measuresFrom: new Date(2026, 10, 28, 12).getTime(),
      titleOf: (id) => id,
      measureName: (id) => id.toUpperCase(),
      copy: { calendarName: (t) => `Groundwork: ${t}`, moduleSummary: (t) => `Groundwork: ${t}`, measureSummary: (n) => n, description: 'No reminders.' },
    });
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261129');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261130');
    expect(ics).toContain('RRULE:FREQ=DAILY;INTERVAL=7');
    expect(ics).toContain('RRULE:FREQ=DAILY;INTERVAL=14');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(4);
  });
});

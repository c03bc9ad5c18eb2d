/**
 * The plans repository (migration 010): the patient's accepted plan and its history, the first key
 * accepted per clinician, and — in clinician mode — plans being composed. Every read is parsed; a record
 * that fails is reported and skipped, never deleted. Accepting is one transaction: the old plan is marked
 * replaced, the new one stored, and a first-seen clinician key remembered, all or nothing.
 */
import * as v from 'valibot';
import { getDb, classify, committed, type Db } from '../storage/db';
import { reportProblem } from '../storage/problems';
import { createWriter, type Writer } from '../storage/writer';
import { opened, sealed } from '../storage/sealing';
import { unreadableKeeper } from '../storage/quarantine';
import { holdRecord, type Hold, type HoldOptions } from '../storage/record-claim';
import { onStoresChanged } from '../storage/changes';
import {
  AcceptedPlanSchema,
  ComposedPlanSchema,
  TrustedKeySchema,
  type AcceptedPlan,
  type ComposedDraft,
  type ComposedPlan,
} from '../storage/plans.schema';
import type { DecodedPlan } from './codec';
import { clinicianIdentity, sameKey } from './signature';

export type Trust = AcceptedPlan['trust'];

export function plansRepo(db: () => Promise<Db> = getDb, now: () => number = Date.now) {
  /** A damaged plan is copied raw to quarantine (once per page), reported and skipped. */
  const keepUnreadable = unreadableKeeper(db, now);
  async function accepted(d: Db): Promise<AcceptedPlan[]> {
    // Accepted plans are never sealed (storage/sealed-fields.ts); opened all the same, as every read is.
    const raw = await opened('plans', await d.getAllFromIndex('plans', 'kind', 'accepted'));
    const out: AcceptedPlan[] = [];
    for (const r of raw) {
      const parsed = v.safeParse(AcceptedPlanSchema, r);
      if (parsed.success) out.push(parsed.output);
      else await keepUnreadable('plans', (r as { id?: unknown }).id, r);
    }
    return out.sort((a, b) => b.acceptedAt - a.acceptedAt);
  }

  const repo = {
    /** The plan in use: the newest accepted one not replaced. */
    async active(): Promise<AcceptedPlan | undefined> {
      return (await accepted(await db())).find((p) => p.replacedAt === undefined);
    },

    /** Every accepted plan, newest first (the active one and the ones it replaced). */
    async history(): Promise<AcceptedPlan[]> {
      return accepted(await db());
    },

    /**
     * What to tell the person about who signed this plan: 'unsigned' (no signature), 'first-seen' (signed,
     * no plan from this clinician accepted before), 'known' (the same key as the first accepted one), or
     * 'changed-key' (a plan claiming the same clinician, signed by another key).
     */
    async trustOf(decoded: Pick<DecodedPlan, 'plan' | 'signed'>): Promise<Trust> {
      const key = decoded.plan.clinician.signingKey;
      if (!decoded.signed || !key) return 'unsigned';
      const stored = await (await db()).get('keys', `trust:${clinicianIdentity(decoded.plan.clinician.name)}`);
      if (stored === undefined) return 'first-seen';
      const parsed = v.safeParse(TrustedKeySchema, stored);
      if (!parsed.success) return 'first-seen';
      return sameKey(parsed.output.signingKey, key) ? 'known' : 'changed-key';
    },

    /** Store the plan as the active one (the person accepted it after the preview). */
    async accept(decoded: DecodedPlan, trust: Trust): Promise<AcceptedPlan> {
      try {
        const d = await db();
        const at = now();
        const tx = d.transaction(['plans', 'keys'], 'readwrite');
        const plans = tx.objectStore('plans');
        const writes: Promise<unknown>[] = [];
        for (const r of await plans.index('kind').getAll('accepted')) {
          const parsed = v.safeParse(AcceptedPlanSchema, r);
          if (parsed.success && parsed.output.replacedAt === undefined) writes.push(plans.put({ ...parsed.output, replacedAt: at }));
        }
        const record = v.parse(AcceptedPlanSchema, {
          id: `accepted:${decoded.plan.id}:${at}`,
          kind: 'accepted',
          plan: decoded.plan,
          ...(decoded.sig ? { sig: decoded.sig } : {}),
          trust,
          acceptedAt: at,
        });
        writes.push(plans.put(record));
        const key = decoded.plan.clinician.signingKey;
        if (decoded.signed && key) {
          const id = `trust:${clinicianIdentity(decoded.plan.clinician.name)}`;
          // Only the first accepted key is remembered: a later plan from another key never replaces it.
          if ((await tx.objectStore('keys').get(id)) === undefined) {
            writes.push(tx.objectStore('keys').put({ id, name: decoded.plan.clinician.name, signingKey: key, firstAcceptedAt: at }));
          }
        }
        await committed(tx, ...writes);
        return record;
      } catch (error) {
        reportProblem(classify(error));
        throw error;
      }
    },

    /** Stop following the active plan (kept in history). */
    async endActive(): Promise<void> {
      const d = await db();
      const current = await repo.active();
      if (!current) return;
      const tx = d.transaction('plans', 'readwrite');
      await committed(tx, tx.store.put({ ...current, replacedAt: now() }));
    },

    // ——— clinician mode ———

    async listComposed(): Promise<ComposedPlan[]> {
      const raw = await opened('plans', await (await db()).getAllFromIndex('plans', 'kind', 'composed'));
      const out: ComposedPlan[] = [];
      for (const r of raw) {
        const parsed = v.safeParse(ComposedPlanSchema, r);
        if (parsed.success) out.push(parsed.output);
        else await keepUnreadable('plans', (r as { id?: unknown }).id, r);
      }
      return out.sort((a, b) => b.updatedAt - a.updatedAt);
    },

    async getComposed(id: string): Promise<ComposedPlan | undefined> {
      const raw = await (await db()).get('plans', id);
      if (raw === undefined) return undefined;
      const parsed = v.safeParse(ComposedPlanSchema, (await opened('plans', [raw]))[0]);
      if (!parsed.success) {
        await keepUnreadable('plans', id, raw);
        return undefined;
      }
      return parsed.output;
    },

    async putComposed(id: string, draft: ComposedDraft, createdAt?: number): Promise<ComposedPlan> {
      try {
        const d = await db();
        const at = now();
        const existing = createdAt ?? (await repo.getComposed(id))?.createdAt ?? at;
        const record = v.parse(ComposedPlanSchema, { id, kind: 'composed', draft, createdAt: existing, updatedAt: at });
        // What the clinician types is sealed while the lock is on (before the transaction: WebCrypto).
        const value = await sealed('plans', record);
        const tx = d.transaction('plans', 'readwrite');
        await committed(tx, tx.store.put(value));
        return record;
      } catch (error) {
        reportProblem(classify(error));
        throw error;
      }
    },

    async removeComposed(id: string): Promise<void> {
      const d = await db();
      const tx = d.transaction('plans', 'readwrite');
      await committed(tx, tx.store.delete(id));
    },

    /** The composer's coalescing writer: every change is written at once (latest wins, retried). */
    composedWriter(id: string): Writer<ComposedDraft> {
      return createWriter<ComposedDraft>({ key: `plans:${id}`, write: async (draft) => void (await repo.putComposed(id, draft)) });
    },

    /** One tab at a time composes a plan (record-claim.ts). */
    holdComposed(id: string, options: HoldOptions<ComposedDraft>): Hold<ComposedDraft> {
      return holdRecord(`plans:${id}`, options);
    },

    /** Another tab accepted, ended or composed a plan: read again. */
    onChange(listener: () => void): () => void {
      return onStoresChanged(['plans'], listener);
    },
  };
  return repo;
}

export type PlansRepo = ReturnType<typeof plansRepo>;

/**
 * The safety plan's promises (issue 15; CLINICAL.md §6): it lives in its own store (migration 006, from
 * every older fixture database), reads back exactly as written, every keystroke reaches the disk through the
 * coalescing writer with the latest words winning, a damaged plan is never written over, the schema holds
 * the text size policy, the edits (add, change, move, remove, undo) are pure, and phone numbers the person
 * typed become tap-to-call links.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { unwrap } from 'idb';
import { freshIndexedDB, rawGet, rawGetAll, rawPut, recordProblems } from './fixtures/idb';
import { v1 } from './fixtures/v1';
import { v2 } from './fixtures/v2';
import { v3 } from './fixtures/v3';
import { v4 } from './fixtures/v4';
import { SCHEMA_VERSION, openGroundwork, type Db } from '../../src/storage/db';
import { MIGRATIONS } from '../../src/storage/migrations';
import { SAFETY_PLAN_WRITER_KEY, UnreadablePlanError, safetyPlanRepo } from '../../src/storage/safety-plan';
import { SafetyPlanSchema, SAFETY_PLAN_SECTION_IDS, emptySafetyPlan, type SafetyPlan } from '../../src/storage/safety-plan.schema';
import { TEXT_MAX_CHARS } from '../../src/storage/limits';
import { pendingWrites } from '../../src/storage/pending';
import { addItem, changeItem, filled, moveItem, planHasWords, removeItem, restoreItem, SECTION_IDS } from '../../src/safety/plan-edit';
import { phoneParts } from '../../src/safety/phone';
import { SAFETY_PLAN_SECTIONS, SAFETY_PLAN_SOURCES, SAFETY_PLAN_INTRO } from '../../src/safety/safety-plan.content';
import type { StorageProblem } from '../../src/storage/problems';

const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
let problems: StorageProblem[];
let stop: () => void;
const opened: Db[] = [];

beforeEach(() => {
  freshIndexedDB();
  ({ problems, stop } = recordProblems());
});
afterEach(() => {
  stop();
  for (const db of opened.splice(0)) db.close();
});

async function open(version?: number): Promise<Db> {
  const db = await openGroundwork(version === undefined ? {} : { version });
  opened.push(db);
  return db;
}

function planWith(sections: Partial<SafetyPlan['sections']>): SafetyPlan {
  const empty = emptySafetyPlan();
  return { ...empty, sections: { ...empty.sections, ...sections } };
}

describe('migration 006: the safetyPlan store', () => {
  it('is migration number 6, after 004 (005 lands from another branch)', () => {
    expect(MIGRATIONS.map((m) => m.version)).toContain(6);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(6);
  });

  it.each([
    [1, v1],
    [2, v2],
    [3, v3],
    [4, v4],
  ] as const)('from v%i: the store is added, the plan starts empty, older records are kept, and a plan can be saved', async (version, fixture) => {
    const old = await openGroundwork({ version });
    await rawPut(unwrap(old), fixture.stores);
    old.close();
    const db = await open();
    expect(db.version).toBe(SCHEMA_VERSION);
    expect([...db.objectStoreNames]).toContain('safetyPlan');
    const repo = safetyPlanRepo(async () => db, () => NOW);
    expect(await repo.get()).toEqual(emptySafetyPlan());
    expect(await rawGetAll(unwrap(db), 'entries')).toHaveLength(fixture.stores.entries.length);
    if ('doses' in fixture.stores) expect(await rawGetAll(unwrap(db), 'doses')).toEqual([...fixture.stores.doses]);
    const saved = await repo.put(planWith({ coping: [{ id: 'a', text: 'Cold water on my hands' }] }));
    expect(saved.updatedAt).toBe(NOW);
    expect(await repo.get()).toEqual(saved);
    expect(problems).toEqual([]);
  });
});

describe('the safety plan repository', () => {
  it('reads back every step exactly as written, in order, with the time it was saved', async () => {
    const db = await open();
    const repo = safetyPlanRepo(async () => db, () => NOW);
    const plan = planWith({
      warningSigns: [{ id: 'w1', text: 'Not answering messages' }, { id: 'w2', text: 'مشاعر ثقيلة' }],
      people: [{ id: 'p1', text: 'Sam — 07700 900123' }],
      environment: [{ id: 'e1', text: 'Ask Sam to keep my tablets' }],
    });
    await repo.put(plan);
    expect(await repo.get()).toEqual({ ...plan, updatedAt: NOW });
    expect(await rawGet(unwrap(db), 'safetyPlan', 'mine')).toEqual({ ...plan, updatedAt: NOW });
  });

  it('a plan it cannot read is reported and never written over: the words stay on disk', async () => {
    const db = await open();
    const damaged = { id: 'mine', updatedAt: 'yesterday', sections: { coping: [{ text: 'my own words' }] } };
    await rawPut(unwrap(db), { safetyPlan: [damaged] });
    const repo = safetyPlanRepo(async () => db, () => NOW);
    await expect(repo.get()).rejects.toBeInstanceOf(UnreadablePlanError);
    await expect(repo.put(emptySafetyPlan())).rejects.toBeInstanceOf(UnreadablePlanError);
    expect(await rawGet(unwrap(db), 'safetyPlan', 'mine')).toEqual(damaged);
    expect(problems).toContainEqual({ kind: 'invalid-records', count: 1 });
  });

  it('every keystroke is written through the coalescing writer; the latest words win and nothing stays pending', async () => {
    const db = await open();
    const repo = safetyPlanRepo(async () => db, () => NOW);
    const writer = repo.writer();
    let plan = addItem(emptySafetyPlan(), 'coping', '', 'c1').plan;
    const typed = 'A slow walk';
    for (let i = 1; i <= typed.length; i++) {
      plan = changeItem(plan, 'coping', 'c1', typed.slice(0, i));
      writer.change(plan);
    }
    expect(pendingWrites.has(SAFETY_PLAN_WRITER_KEY)).toBe(true); // in memory until on disk
    await writer.flush();
    expect((await repo.get()).sections.coping).toEqual([{ id: 'c1', text: 'A slow walk' }]);
    expect(pendingWrites.has(SAFETY_PLAN_WRITER_KEY)).toBe(false);
    expect(writer.dirty).toBe(false);
  });

  it('a failed write keeps the words and the next attempt stores them', async () => {
    const db = await open();
    let fail = true;
    const repo = safetyPlanRepo(async () => {
      if (fail) throw new DOMException('disk full', 'QuotaExceededError');
      return db;
    }, () => NOW);
    const writer = repo.writer({ backoffMs: [5] });
    writer.change(planWith({ people: [{ id: 'p', text: 'Ana' }] }));
    await writer.flush();
    expect(writer.dirty).toBe(true);
    expect(problems).toContainEqual({ kind: 'quota' });
    fail = false;
    await new Promise((r) => setTimeout(r, 30));
    await writer.flush();
    expect(writer.dirty).toBe(false);
    expect((await safetyPlanRepo(async () => db).get()).sections.people).toEqual([{ id: 'p', text: 'Ana' }]);
  });
});

describe('the safety plan schema', () => {
  it('accepts text up to the one size limit, and refuses longer', () => {
    const at = planWith({ coping: [{ id: 'x', text: 'a'.repeat(TEXT_MAX_CHARS) }] });
    expect(v.safeParse(SafetyPlanSchema, at).success).toBe(true);
    const over = planWith({ coping: [{ id: 'x', text: 'a'.repeat(TEXT_MAX_CHARS + 1) }] });
    expect(v.safeParse(SafetyPlanSchema, over).success).toBe(false);
  });

  it('a step missing from an older record reads as an empty list; a wrong id or item shape is refused', () => {
    const parsed = v.parse(SafetyPlanSchema, { id: 'mine', updatedAt: 1, sections: { coping: [{ id: 'a', text: 'x' }] } });
    expect(parsed.sections.warningSigns).toEqual([]);
    expect(parsed.sections.coping).toEqual([{ id: 'a', text: 'x' }]);
    expect(v.safeParse(SafetyPlanSchema, { ...emptySafetyPlan(), id: 'yours' }).success).toBe(false);
    expect(v.safeParse(SafetyPlanSchema, planWith({ people: [{ text: 'no id' } as never] })).success).toBe(false);
  });
});

describe('the six steps as content', () => {
  it('are Stanley & Brown’s six steps, in their order, each with a prompt and examples, cited', () => {
    expect(SAFETY_PLAN_SECTIONS.map((s) => s.id)).toEqual([...SAFETY_PLAN_SECTION_IDS]);
    expect(SECTION_IDS).toEqual([...SAFETY_PLAN_SECTION_IDS]);
    expect(SAFETY_PLAN_SECTIONS.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const s of SAFETY_PLAN_SECTIONS) {
      expect(s.prompt.length).toBeGreaterThan(20);
      expect(s.examples.length).toBeGreaterThan(0);
    }
    expect(SAFETY_PLAN_SOURCES[0]!.citation).toMatch(/Stanley.*Brown.*Cognitive and Behavioral Practice 2012;19.*256/);
    expect(SAFETY_PLAN_INTRO.notAContract).toMatch(/not .*"no-suicide contract"/);
    expect(SAFETY_PLAN_INTRO.clinician).toMatch(/clinician/);
  });
});

describe('editing the plan (pure)', () => {
  const base = planWith({ people: [{ id: 'a', text: 'Ana' }, { id: 'b', text: 'Ben' }, { id: 'c', text: 'Cy' }] });

  it('adds an item at the end of its step only', () => {
    const { plan, id } = addItem(base, 'coping', 'Tea', 'new');
    expect(id).toBe('new');
    expect(plan.sections.coping).toEqual([{ id: 'new', text: 'Tea' }]);
    expect(plan.sections.people).toBe(base.sections.people);
  });

  it('moves up and down, and stays put at either end', () => {
    expect(moveItem(base, 'people', 'b', -1).sections.people.map((i) => i.id)).toEqual(['b', 'a', 'c']);
    expect(moveItem(base, 'people', 'b', 1).sections.people.map((i) => i.id)).toEqual(['a', 'c', 'b']);
    expect(moveItem(base, 'people', 'a', -1)).toBe(base);
    expect(moveItem(base, 'people', 'c', 1)).toBe(base);
  });

  it('removes an item and Undo puts it back in the same place', () => {
    const { plan, removed } = removeItem(base, 'people', 'b');
    expect(plan.sections.people.map((i) => i.id)).toEqual(['a', 'c']);
    expect(restoreItem(plan, 'people', removed!)).toEqual(base);
  });

  it('only items with words count when the plan is read', () => {
    const p = planWith({ coping: [{ id: 'x', text: '   ' }] });
    expect(filled(p.sections.coping)).toEqual([]);
    expect(planHasWords(p)).toBe(false);
    expect(planHasWords(changeItem(p, 'coping', 'x', 'Breathe'))).toBe(true);
  });
});

describe('phone numbers in the person’s words become links', () => {
  it.each([
    ['Sam — 07700 900123', [{ text: 'Sam — ' }, { text: '07700 900123', tel: '07700900123' }]],
    ['Ana +44 (20) 7946-0000 evenings', [{ text: 'Ana ' }, { text: '+44 (20) 7946-0000', tel: '+442079460000' }, { text: ' evenings' }]],
    ['Dr Lee 555.123.4567', [{ text: 'Dr Lee ' }, { text: '555.123.4567', tel: '5551234567' }]],
    ['Samaritans 116 123', [{ text: 'Samaritans ' }, { text: '116 123', tel: '116123' }]],
    ['I have 2 cats and 12345', [{ text: 'I have 2 cats and 12345' }]],
    ['since 2026-11-30', [{ text: 'since 2026-11-30' }]],
    ['no numbers at all', [{ text: 'no numbers at all' }]],
  ] as const)('%s', (text, parts) => {
    expect(phoneParts(text)).toEqual(parts);
  });
});

/**
 * Every schema upgrade, tested from real old data (DESIGN.md §4, STYLE.md habit 6): a database is built at
 * an older version exactly as that build left it (tests/unit/fixtures/v<N>.ts), closed, and reopened by
 * today's code. Nothing the person wrote may be lost or changed by an upgrade.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { unwrap, wrap } from 'idb';
import { freshIndexedDB, rawGet, rawGetAll, rawOpen, rawPut, recordProblems, shapeOf } from './fixtures/idb';
import { v1, v1DamagedEntries, ids, FIXTURE_NOW } from './fixtures/v1';
import { v2 } from './fixtures/v2';
import { v3 } from './fixtures/v3';
import { v4 } from './fixtures/v4';
import { v5 } from './fixtures/v5';
import { v6 } from './fixtures/v6';
import { v7 } from './fixtures/v7';
import { v8 } from './fixtures/v8';
import { v9 } from './fixtures/v9';
import { DB_NAME, SCHEMA_VERSION, openGroundwork, type Db } from '../../src/storage/db';
import { MIGRATIONS, type Migration } from '../../src/storage/migrations';
import { DraftSchema, EntrySchema, PersonalSchema, QuarantineRecordSchema, SessionRecordSchema, SettingRecordSchema } from '../../src/storage/schema';
import { UNDO_KEEP_MS, entriesRepo } from '../../src/storage/entries';
import { entryReadsRepo } from '../../src/storage/entry-reads';
import { draftsRepo } from '../../src/storage/drafts';
import { settingsRepo } from '../../src/storage/settings';
import { personalRepo } from '../../src/storage/personal';
import { sessionsRepo } from '../../src/storage/sessions';
import { createRunner } from '../../src/flow/runner';
import { fiveSensesMeta } from '../../src/modules/grounding/five-senses/meta';
import type { StorageProblem } from '../../src/storage/problems';
import { DoseSchema } from '../../src/storage/doses.schema';
import { dosesRepo } from '../../src/storage/doses';
import { mediaRepo } from '../../src/storage/media';
import { SafetyPlanSchema } from '../../src/storage/safety-plan.schema';
import { safetyPlanRepo } from '../../src/storage/safety-plan';
import { exposureRepo } from '../../src/storage/exposure';
import { ExposureRecordSchema, HierarchySchema } from '../../src/storage/exposure.schema';
import { WrittenCourseSchema } from '../../src/storage/written-exposure.schema';
import { MeasureRecordSchema } from '../../src/storage/measures.schema';
import { measuresRepo } from '../../src/storage/measures';
import { writtenExposureRepo } from '../../src/storage/written-exposure';

/** Fixture databases by the version that wrote them (one per released version below today's). */
const FIXTURES = { 1: v1, 2: v2, 3: v3, 4: v4, 5: v5, 6: v6, 7: v7, 8: v8, 9: v9 } as const;

let problems: StorageProblem[];
let stopRecording: () => void;
const open: Db[] = [];

beforeEach(() => {
  freshIndexedDB();
  ({ problems, stop: stopRecording } = recordProblems());
});

afterEach(() => {
  stopRecording();
  for (const db of open.splice(0)) db.close();
});

async function openAt(version?: number): Promise<Db> {
  const db = await openGroundwork(version === undefined ? {} : { version });
  open.push(db);
  return db;
}

/** Build the database as version `version` left it, with `extra` records planted raw beside the fixture. */
async function seedAt(version: keyof typeof FIXTURES, extra: Record<string, readonly unknown[]> = {}): Promise<void> {
  const db = await openGroundwork({ version });
  expect(db.version).toBe(version);
  const stores: Record<string, readonly unknown[]> = { ...FIXTURES[version].stores };
  for (const [store, rows] of Object.entries(extra)) stores[store] = [...(stores[store] ?? []), ...rows];
  await rawPut(unwrap(db), stores);
  db.close();
}

const byId = (a: unknown, b: unknown) => String((a as { id: string }).id).localeCompare(String((b as { id: string }).id));
const byKey = (a: unknown, b: unknown) => String((a as { key: string }).key).localeCompare(String((b as { key: string }).key));

describe('the migration list', () => {
  // Versions only need to increase: migrations from branches developed in parallel (003, 004) may land
  // out of order before a release, and the upgrade runs every migration newer than the stored version.
  it('starts at 1, increases strictly, and SCHEMA_VERSION is the newest migration', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions[0]).toBe(1);
    for (let i = 1; i < versions.length; i++) expect(versions[i]).toBeGreaterThan(versions[i - 1]!);
    expect(SCHEMA_VERSION).toBe(versions[versions.length - 1]);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(4);
  });

  it('every older version has a fixture database to upgrade from', () => {
    for (const { version } of MIGRATIONS) {
      if (version < SCHEMA_VERSION) expect(Object.keys(FIXTURES)).toContain(String(version));
    }
  });
});

describe('fresh install', () => {
  it('opens at the newest version with every store and index', async () => {
    const db = await openAt();
    expect(db.version).toBe(SCHEMA_VERSION);
    expect(db.name).toBe(DB_NAME);
    expect(shapeOf(unwrap(db))).toEqual({
      version: SCHEMA_VERSION,
      stores: {
        drafts: { keyPath: 'id', autoIncrement: false, indexes: {} },
        entries: {
          keyPath: 'id',
          autoIncrement: false,
          indexes: {
            createdAt: { keyPath: 'createdAt', unique: false, multiEntry: false },
            kind: { keyPath: 'kind', unique: false, multiEntry: false },
            updatedAt: { keyPath: 'updatedAt', unique: false, multiEntry: false },
          },
        },
        doses: {
          keyPath: 'id',
          autoIncrement: false,
          indexes: {
            takenAt: { keyPath: 'takenAt', unique: false, multiEntry: false },
            updatedAt: { keyPath: 'updatedAt', unique: false, multiEntry: false },
          },
        },
        media: {
          keyPath: 'id',
          autoIncrement: false,
          indexes: {
            createdAt: { keyPath: 'createdAt', unique: false, multiEntry: false },
            entryId: { keyPath: 'entryId', unique: false, multiEntry: false },
          },
        },
        measures: {
          keyPath: 'id',
          autoIncrement: false,
          indexes: {
            measureId: { keyPath: 'measureId', unique: false, multiEntry: false },
            startedAt: { keyPath: 'startedAt', unique: false, multiEntry: false },
          },
        },
        personal: { keyPath: 'id', autoIncrement: false, indexes: {} },
        quarantine: {
          keyPath: 'id',
          autoIncrement: false,
          indexes: { at: { keyPath: 'at', unique: false, multiEntry: false } },
        },
        sessions: {
          keyPath: 'id',
          autoIncrement: false,
          indexes: { updatedAt: { keyPath: 'updatedAt', unique: false, multiEntry: false } },
        },
        safetyPlan: { keyPath: 'id', autoIncrement: false, indexes: {} },
        hierarchy: { keyPath: 'id', autoIncrement: false, indexes: {} },
        exposures: {
          keyPath: 'id',
          autoIncrement: false,
          indexes: {
            itemId: { keyPath: 'itemId', unique: false, multiEntry: false },
            startedAt: { keyPath: 'startedAt', unique: false, multiEntry: false },
          },
        },
        plans: {
          keyPath: 'id',
          autoIncrement: false,
          indexes: { kind: { keyPath: 'kind', unique: false, multiEntry: false } },
        },
        keys: { keyPath: 'id', autoIncrement: false, indexes: {} },
        settings: { keyPath: 'key', autoIncrement: false, indexes: {} },
        writtenExposure: { keyPath: 'id', autoIncrement: false, indexes: {} },
      },
    });
    expect(problems).toEqual([]);
  });

  it('starts empty: no entries, default settings, empty personal material', async () => {
    const get = () => openAt();
    expect(await entryReadsRepo(get).list()).toEqual([]);
    expect(await settingsRepo(get).get('volume')).toBe(0.6);
    expect(await personalRepo(get).get()).toEqual({ id: 'mine', updatedAt: 0 });
  });
});

describe.each(Object.values(FIXTURES).map((f) => [f.version, f] as const))('upgrade from v%i', (version, fixture) => {
  it('ends in exactly the same shape as a fresh install', async () => {
    await seedAt(version);
    const upgraded = shapeOf(unwrap(await openAt()));
    freshIndexedDB();
    const fresh = shapeOf(unwrap(await openAt()));
    expect(upgraded).toEqual(fresh);
  });

  it('keeps every record byte for byte: entries, drafts, sessions, settings', async () => {
    await seedAt(version);
    const db = unwrap(await openAt());
    expect(db.version).toBe(SCHEMA_VERSION);
    expect((await rawGetAll(db, 'entries')).sort(byId)).toEqual([...fixture.stores.entries].sort(byId));
    expect((await rawGetAll(db, 'drafts')).sort(byId)).toEqual([...fixture.stores.drafts].sort(byId));
    expect((await rawGetAll(db, 'sessions')).sort(byId)).toEqual([...fixture.stores.sessions].sort(byId));
    expect((await rawGetAll(db, 'settings')).sort(byKey)).toEqual([...fixture.stores.settings].sort(byKey));
    if ('personal' in fixture.stores) expect(await rawGetAll(db, 'personal')).toEqual([...fixture.stores.personal]);
    expect(await rawGetAll(db, 'quarantine')).toEqual('quarantine' in fixture.stores ? [...fixture.stores.quarantine] : []);
    expect((await rawGetAll(db, 'doses')).sort(byId)).toEqual('doses' in fixture.stores ? [...fixture.stores.doses].sort(byId) : []);
    expect(await rawGetAll(db, 'media')).toEqual([]);
    expect(await rawGetAll(db, 'safetyPlan')).toEqual('safetyPlan' in fixture.stores ? [...fixture.stores.safetyPlan] : []);
    expect(await rawGetAll(db, 'hierarchy')).toEqual('hierarchy' in fixture.stores ? [...fixture.stores.hierarchy] : []);
    expect(await rawGetAll(db, 'exposures')).toEqual('exposures' in fixture.stores ? [...fixture.stores.exposures] : []);
    expect(await rawGetAll(db, 'writtenExposure')).toEqual('writtenExposure' in fixture.stores ? [...fixture.stores.writtenExposure] : []);
    expect((await rawGetAll(db, 'measures')).sort(byId)).toEqual('measures' in fixture.stores ? [...fixture.stores.measures].sort(byId) : []);
    expect(await rawGetAll(db, 'plans')).toEqual([]);
    expect(await rawGetAll(db, 'keys')).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('every record it wrote is still valid under today’s schema', async () => {
    await seedAt(version);
    const db = unwrap(await openAt());
    const check = async (store: string, schema: v.GenericSchema) => {
      for (const record of await rawGetAll(db, store)) {
        const parsed = v.safeParse(schema, record);
        expect(parsed.issues?.map((i) => `${store}: ${i.message}`) ?? []).toEqual([]);
      }
    };
    await check('entries', EntrySchema);
    await check('drafts', DraftSchema);
    await check('sessions', SessionRecordSchema);
    await check('settings', SettingRecordSchema);
    await check('personal', PersonalSchema);
    await check('quarantine', QuarantineRecordSchema);
    await check('doses', DoseSchema);
    await check('safetyPlan', SafetyPlanSchema);
    await check('hierarchy', HierarchySchema);
    await check('exposures', ExposureRecordSchema);
    await check('writtenExposure', WrittenCourseSchema);
    await check('measures', MeasureRecordSchema);
  });
});

describe('upgrade from v1 to today', () => {
  it('journal lists v1 entries newest first, the deleted one left out, with nothing reported', async () => {
    await seedAt(1);
    const list = await entryReadsRepo(() => openAt()).list();
    expect(list.map((e) => e.id)).toEqual([ids.unfinished, ids.session, ids.untitled, ids.free]);
    const session = list.find((e) => e.id === ids.session);
    expect(session?.before).toEqual(v1.stores.entries[2].before);
    expect(session?.data).toEqual(v1.stores.entries[2].data);
    expect(problems).toEqual([]);
  });

  it('the new updatedAt index covers entries written before it existed', async () => {
    await seedAt(1);
    const db = await openAt();
    const byUpdated = await db.getAllFromIndex('entries', 'updatedAt');
    expect(byUpdated).toHaveLength(v1.stores.entries.length);
    const times = byUpdated.map((e) => e.updatedAt);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('the new personal store exists, starts empty, and takes the person’s orientation statement', async () => {
    await seedAt(1);
    const db = await openAt();
    expect([...db.objectStoreNames]).toContain('personal');
    const personal = personalRepo(async () => db, () => 42);
    expect(await personal.get()).toEqual({ id: 'mine', updatedAt: 0 });
    await personal.update({ orientationStatement: 'I am in my flat, it is 2026, I am safe.' });
    expect(await personal.get()).toMatchObject({ orientationStatement: 'I am in my flat, it is 2026, I am safe.', updatedAt: 42 });
  });

  it('drafts typed under v1 come back in the editor after the upgrade', async () => {
    await seedAt(1);
    const draft = await draftsRepo(() => openAt()).get('journal:new');
    expect(draft?.fields).toEqual({ title: 'Tuesday', body: 'Started writing about the dream with the' });
  });

  it('settings chosen under v1 are kept after the upgrade', async () => {
    await seedAt(1);
    const settings = settingsRepo(() => openAt());
    expect(await settings.get('sound')).toBe(true);
    expect(await settings.get('volume')).toBe(0.35);
    expect(await settings.get('persistAsked')).toBe(true);
    // A key v1 never wrote reads as its default.
    expect(await settings.get('breathing')).toEqual({ pattern: 'slow-exhale', minutes: 2 });
  });

  it('a session left open under v1 is carried on after the upgrade, at the same step with the same words', async () => {
    await seedAt(1);
    const db = await openAt();
    const get = async () => db;
    const runner = createRunner({
      entries: entriesRepo(get),
      sessions: sessionsRepo(get),
      findModule: (id) => (id === fiveSensesMeta.id ? fiveSensesMeta : undefined),
    });
    expect((await runner.unfinished()).map((u) => u.record.id)).toEqual([ids.runningSession]);
    const handle = await runner.open(ids.runningSession);
    expect(handle).toBeDefined();
    const mod = handle!.module()!.getSnapshot() as { context: { index: number; data: Record<string, { text: string }> } };
    expect(handle!.actor.getSnapshot().value).toEqual({ flow: 'module' });
    expect(mod.context.index).toBe(1);
    expect(mod.context.data['see']?.text).toBe('the blue mug, rain on the window, my hands');
    expect(mod.context.data['feel']?.text).toBe('socks on the rug');
    handle!.stop();
  });

  it('invalid record is kept, not deleted: reported as invalid-records and skipped by list()', async () => {
    await seedAt(1, { entries: v1DamagedEntries });
    const db = await openAt();
    const entries = entriesRepo(async () => db, () => FIXTURE_NOW);
    const reads = entryReadsRepo(async () => db);

    const list = await reads.list();
    expect(list.map((e) => e.id)).toEqual([ids.unfinished, ids.session, ids.untitled, ids.free]);
    expect(problems).toEqual([{ kind: 'invalid-records', count: 2 }]);

    // Still on disk, untouched, for a later build (or a backup) to recover.
    for (const damaged of v1DamagedEntries) expect(await rawGet(unwrap(db), 'entries', damaged.id)).toEqual(damaged);
    expect(await db.count('entries')).toBe(v1.stores.entries.length + v1DamagedEntries.length);

    // Reading one directly deletes nothing, and the notice still counts two records, not three or one:
    // each unreadable record is counted once however often it is read.
    expect(await entries.get(v1DamagedEntries[0].id)).toBeUndefined();
    expect(await reads.list()).toHaveLength(4);
    expect(problems.at(-1)).toEqual({ kind: 'invalid-records', count: 2 });

    // Housekeeping does not sweep them away either (they were never deleted by the person), even once
    // the undo window of the entry the person did delete has passed.
    const later = entriesRepo(async () => db, () => FIXTURE_NOW + UNDO_KEEP_MS + 60 * 60 * 1000);
    expect(await later.purgeDeleted()).toBe(1);
    expect(await rawGet(unwrap(db), 'entries', ids.deleted)).toBeUndefined();
    for (const damaged of v1DamagedEntries) expect(await rawGet(unwrap(db), 'entries', damaged.id)).toEqual(damaged);
  });

  it('an upgrade that fails part-way leaves the database at its old version with every record intact', async () => {
    await seedAt(1);
    // A broken future migration: it creates a store, then throws. The versionchange transaction must
    // roll back both, so the person keeps a working v2 database.
    const broken: Migration = {
      version: SCHEMA_VERSION + 1,
      name: 'test: broken',
      up(db, tx) {
        // idb leaves the upgrade transaction's `done` promise unhandled when it aborts; this is the expected
        // abort, so mark it handled (the cached promise is reachable through wrap()).
        wrap(tx).done.catch(() => {});
        db.createObjectStore('halfDone', { keyPath: 'id' });
        throw new Error('migration bug');
      },
    };
    await openAt().then((db) => db.close()); // now at SCHEMA_VERSION
    const list = MIGRATIONS as Migration[];
    list.push(broken);
    try {
      await expect(openGroundwork({ version: SCHEMA_VERSION + 1 })).rejects.toThrow();
    } finally {
      list.splice(list.indexOf(broken), 1);
    }
    const db = await rawOpen(DB_NAME);
    try {
      expect(db.version).toBe(SCHEMA_VERSION);
      expect([...db.objectStoreNames]).not.toContain('halfDone');
      expect(await rawGetAll(db, 'entries')).toHaveLength(v1.stores.entries.length);
    } finally {
      db.close();
    }
  });
});

describe('upgrade from v4 to today (voice notes, migration 005)', () => {
  it('keeps the dose log as it was: the live dose listed, the deleted one still restorable on disk', async () => {
    await seedAt(4);
    const db = await openAt();
    const doses = dosesRepo(async () => db);
    expect((await doses.list()).map((d) => d.id)).toEqual(['d-0001']);
    expect(await rawGet(unwrap(db), 'doses', 'd-0002')).toEqual(v4.stores.doses[1]);
    expect(problems).toEqual([]);
  });

  it('the new media store takes a voice note, and v4 entries and fragments sit side by side in the journal', async () => {
    await seedAt(4);
    const db = await openAt();
    let clock = FIXTURE_NOW;
    const get = async () => db;
    const media = mediaRepo(get, () => clock);
    const entries = entriesRepo(get, () => clock);
    const reads = entryReadsRepo(get);
    const before = (await reads.list()).map((e) => e.id);

    const rec = await media.start('audio/webm;codecs=opus');
    await media.append(rec.id, new Blob(['one'], { type: 'audio/webm' }), 1000);
    const fragment = await entries.create({ kind: 'fragment', title: '', body: '', complete: true, mediaId: rec.id });
    await media.attach(rec.id, fragment.id, 1200);

    clock += 1;
    const list = await reads.list();
    expect(list[0]).toMatchObject({ id: fragment.id, kind: 'fragment', mediaId: rec.id });
    expect(list.slice(1).map((e) => e.id)).toEqual(before);
    expect(await media.get(rec.id)).toMatchObject({ entryId: fragment.id, status: 'saved', durationMs: 1200 });
    expect(problems).toEqual([]);
  });
});

describe('upgrade from v6 to today (fear hierarchy and exposures, migration 007)', () => {
  it('keeps the safety plan as written and opens empty hierarchy and exposure stores that take a list', async () => {
    await seedAt(6);
    const get = () => openAt();
    const plan = await safetyPlanRepo(get).get();
    expect(plan.sections.coping.map((c) => c.text)).toEqual(['Cold water on my wrists', '5-4-3-2-1 by the window']);
    const repo = exposureRepo(get);
    expect((await repo.hierarchy.get()).items).toEqual([]);
    const saved = await repo.hierarchy.put({
      id: 'mine',
      updatedAt: 0,
      anchors: { a0: 'lying on the beach', a50: 'a job interview', a100: 'the night of the crash' },
      items: [{ id: 'i1', text: 'Sit in the front seat of a car', suds: 40, status: 'not-yet', safe: 'yes', createdAt: 1 }],
    });
    expect((await repo.hierarchy.get()).items[0]!.text).toBe('Sit in the front seat of a car');
    expect(saved.anchors?.a50).toBe('a job interview');
    expect(await repo.records.forItem('i1')).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('upgrade from v7 to today (written exposure, migration 008)', () => {
  it('keeps the fear list, its anchors and the practice as written, and opens an empty written-exposure store', async () => {
    await seedAt(7);
    const get = () => openAt();
    const repo = exposureRepo(get);
    const list = await repo.hierarchy.get();
    expect(list.anchors?.a100).toBe('the night of the crash');
    expect(list.items.map((i) => i.text)).toEqual(['Sit in the passenger seat for ten minutes', 'Walk past the junction']);
    const practices = await repo.records.forItem('item-car');
    expect(practices.map((p) => [p.data.preSuds, p.data.peakSuds, p.data.postSuds, p.data.learned])).toEqual([
      [50, 70, 30, 'The fear peaked and came down while I stayed'],
    ]);
    const db = await get();
    expect(db.objectStoreNames.contains('writtenExposure')).toBe(true);
    expect(await db.count('writtenExposure')).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe('upgrade from v8 to today (questionnaires, migration 009)', () => {
  it('keeps the written-exposure course word for word, caret and timer included, and opens an empty measures store', async () => {
    await seedAt(8);
    const get = () => openAt();
    const course = await writtenExposureRepo(get).get('course-v8');
    expect(course?.sessions[0]!.text).toBe(v8.stores.writtenExposure[0].sessions[0].text);
    expect(course?.sessions[1]).toMatchObject({ status: 'writing', caret: { start: 22, end: 22 }, timer: { remainingMs: 18 * 60_000 } });
    const db = await get();
    expect(await db.count('measures')).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe('upgrade from v9 to today (therapist plans, migration 010)', () => {
  it('keeps the questionnaires as answered (the unfinished one carries on) and opens empty plan and key stores', async () => {
    await seedAt(9);
    const get = () => openAt();
    const list = await measuresRepo(get).list();
    expect(list.map((r) => [r.id, r.total, r.completedAt !== undefined]).sort()).toEqual([
      ['gad7-v9', 3, false],
      ['phq9-v9', 11, true],
    ]);
    expect((await measuresRepo(get).get('gad7-v9'))?.answers.slice(0, 3)).toEqual([2, 1, null]);
    const db = await get();
    for (const store of ['plans', 'keys'] as const) expect(db.objectStoreNames.contains(store)).toBe(true);
    expect(problems).toEqual([]);
  });
});

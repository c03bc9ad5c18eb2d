/**
 * Issue 17, encryption at rest: with the app lock on, the words in every store are sealed on disk
 * (AES-GCM-256 under a data key wrapped by the lock's record key) and open again through the repositories;
 * the wrong key, a locked app or a removed lock fail with a clear error, never silently; turning the lock on
 * or off re-encrypts every record, resumes after an interruption and ends with every record in one form.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unwrap } from 'idb';
import { freshIndexedDB } from './fixtures/idb';
import { getDb, SCHEMA_VERSION, type Db } from '../../src/storage/db';
import { entriesRepo } from '../../src/storage/entries';
import { entryReadsRepo } from '../../src/storage/entry-reads';
import { draftsRepo } from '../../src/storage/drafts';
import { sessionsRepo } from '../../src/storage/sessions';
import { personalRepo } from '../../src/storage/personal';
import { dosesRepo } from '../../src/storage/doses';
import { quarantineRepo } from '../../src/storage/quarantine';
import { mediaRepo } from '../../src/storage/media';
import { safetyPlanRepo } from '../../src/storage/safety-plan';
import { settingsRepo } from '../../src/storage/settings';
import { emptySafetyPlan } from '../../src/storage/safety-plan.schema';
import { exposureRepo } from '../../src/storage/exposure';
import { writtenExposureRepo } from '../../src/storage/written-exposure';
import { measuresRepo } from '../../src/storage/measures';
import { plansRepo } from '../../src/plans/store';
import type { ComposedDraft } from '../../src/storage/plans.schema';
import { buildIndex, searchIndex } from '../../src/storage/search-scan';
import { SEALED, makeSealer } from '../../src/storage/sealed-fields';
import { SealedError, isSealed, openMany, setSealer } from '../../src/storage/sealer';
import {
  changePassphrase,
  closeAtRest,
  closeChannel,
  onResealProgress,
  reseal,
  resealing,
  turnOff,
  turnOn,
  unlockAtRest,
  type AtRest,
  type LockRecordValue,
} from '../../src/storage/at-rest';

const SENTENCE = 'the lighthouse keeper sang to the tide';
const LOCK: LockRecordValue = { v: 1, iterations: 600_000, salt: 'c2FsdA==', verifier: 'dmVyaWZpZXI=' };

/** A record key as openLock gives it (AES-GCM, wrap/unwrap, non-extractable), without 600,000 iterations. */
const recordKey = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['wrapKey', 'unwrapKey']);

/** Every string and every byte buffer in a raw record, as text: what someone reading the disk would see. */
function visibleText(raw: unknown): string {
  if (raw instanceof ArrayBuffer) return new TextDecoder('latin1').decode(raw);
  if (ArrayBuffer.isView(raw)) return new TextDecoder('latin1').decode(raw as Uint8Array);
  if (typeof raw === 'string') return raw;
  if (raw && typeof raw === 'object') return Object.values(raw).map(visibleText).join(' ');
  return String(raw);
}

/** The `atRest` setting as stored (storage/at-rest.ts reads and writes it). */
const atRestSetting = async () => ((await (await getDb()).get('settings', 'atRest'))?.value ?? null) as AtRest | null;

async function rawAll(d: Db, store: Parameters<Db['getAll']>[0]): Promise<unknown[]> {
  return d.getAll(store);
}

async function seedEntries(n: number) {
  const entries = entriesRepo();
  for (let i = 0; i < n; i++) {
    await entries.create({ kind: 'free', title: `entry ${i}`, body: i === 7 ? SENTENCE : `words ${i}`, complete: true, createdAt: 1_000 + i });
  }
}

beforeEach(() => {
  freshIndexedDB();
  setSealer(undefined);
  onResealProgress(() => {});
});
afterEach(async () => {
  await resealing()?.catch(() => undefined);
  closeChannel();
  setSealer(undefined);
  (await getDb()).close();
});

describe('the registry (storage/sealed-fields.ts)', () => {
  it('has a line for every store in the database, so a new store cannot be left out by accident', async () => {
    const d = await getDb();
    expect(d.version).toBe(SCHEMA_VERSION);
    expect(Object.keys(SEALED).sort()).toEqual([...d.objectStoreNames].sort());
  });
});

describe('sealing every store through its repository', () => {
  it('keeps no plaintext on disk, and reads back the same words', async () => {
    const d = await getDb();
    await turnOn(d, LOCK, await recordKey()).then((r) => r.job);
    const entry = await entriesRepo().create({ kind: 'free', title: 'Tide', body: SENTENCE, data: { answer: SENTENCE }, complete: true });
    await entriesRepo().update(entry.id, { body: `${SENTENCE} again` });
    await draftsRepo().put('journal:new', { title: 'Tide', body: SENTENCE });
    await sessionsRepo().put({ id: 's1', moduleId: 'five-senses', status: 'active', startedAt: 1, updatedAt: 2, snapshot: { context: { see: SENTENCE } } });
    await personalRepo().update({ orientationStatement: SENTENCE });
    const dose = await dosesRepo().add({ takenAt: Date.now() - 60_000, setting: 'clinic', note: SENTENCE });
    await quarantineRepo().keep('drafts', 'x', { fields: { body: SENTENCE } }, 'test', { report: false });
    const media = mediaRepo();
    const rec = await media.start('audio/webm');
    await media.append(rec.id, new Blob([SENTENCE], { type: 'audio/webm' }), 1000);
    const plan = emptySafetyPlan();
    plan.sections.warningSigns = [{ id: 'w1', text: SENTENCE }] as never;
    await safetyPlanRepo().put(plan);
    const exposures = exposureRepo();
    await exposures.hierarchy.put({
      id: 'mine',
      updatedAt: 0,
      anchors: { a0: SENTENCE, a50: 'x', a100: 'y' },
      items: [{ id: 'i1', text: SENTENCE, suds: 40, status: 'not-yet', safe: 'yes', createdAt: 1 }],
    });
    await exposures.records.put({
      id: 'x1',
      kind: 'in-vivo',
      itemId: 'i1',
      startedAt: 5,
      updatedAt: 5,
      complete: true,
      data: {
        itemId: 'i1', situation: SENTENCE, prediction: SENTENCE, likelihood: 60, safetyBehaviours: '', preSuds: 50, presence: 5,
        peakSuds: 70, startedAt: 5, elapsedMs: 1000, postSuds: 20, happened: 'no', learned: SENTENCE, needsSupport: false,
      },
    });
    const written = writtenExposureRepo();
    const course = await written.start('lighthouse memory');
    course.sessions[0]!.text = SENTENCE;
    await written.put(course);
    const measures = measuresRepo();
    const phq = measures.create('phq9', 'two-weeks');
    await measures.put({ ...phq, answers: [3, 3, 3, 3, 3, 3, 3, 3, 2], completedAt: 9 });
    const draft: ComposedDraft = {
      title: SENTENCE, clinician: { name: 'Dr Tide', contact: '' }, modules: [], thresholds: {}, exposureThresholds: {}, measures: [], contacts: [], note: SENTENCE,
    };
    await plansRepo().putComposed('p1', draft);

    const stores = ['entries', 'drafts', 'sessions', 'personal', 'doses', 'quarantine', 'media', 'safetyPlan', 'hierarchy', 'exposures', 'writtenExposure', 'measures', 'plans'] as const;
    for (const store of stores) {
      const raws = await rawAll(d, store);
      expect(raws.length, store).toBeGreaterThan(0);
      for (const raw of raws) {
        expect(isSealed(raw), store).toBe(true);
        expect(visibleText(raw), store).not.toContain('lighthouse');
      }
    }
    // Indexed fields stay plain: paging and the kind index still work.
    const rawEntry = (await d.get('entries', entry.id)) as unknown as Record<string, unknown>;
    expect(rawEntry).toMatchObject({ id: entry.id, kind: 'free' });
    expect(rawEntry.title).toBeUndefined();

    expect((await entriesRepo().get(entry.id))?.body).toBe(`${SENTENCE} again`);
    expect((await entryReadsRepo().page()).entries[0]?.data).toEqual({ answer: SENTENCE });
    expect((await draftsRepo().get('journal:new'))?.fields.body).toBe(SENTENCE);
    expect(((await sessionsRepo().get('s1'))?.snapshot as { context: { see: string } }).context.see).toBe(SENTENCE);
    expect((await personalRepo().get()).orientationStatement).toBe(SENTENCE);
    expect((await dosesRepo().get(dose.id))?.note).toBe(SENTENCE);
    expect(JSON.stringify((await quarantineRepo().list())[0]?.raw)).toContain(SENTENCE);
    const audio = (await media.get(rec.id))!.chunks[0]!;
    expect(audio.type).toBe('audio/webm');
    expect(await audio.text()).toBe(SENTENCE);
    expect(JSON.stringify((await safetyPlanRepo().get()).sections)).toContain(SENTENCE);
    const h = await exposures.hierarchy.get();
    expect([h.items[0]?.text, h.anchors?.a0]).toEqual([SENTENCE, SENTENCE]);
    expect((await exposures.records.forItem('i1'))[0]?.data.learned).toBe(SENTENCE);
    expect((await exposures.records.countByItem()).get('i1')).toBe(1);
    expect((await written.get(course.id))?.sessions[0]?.text).toBe(SENTENCE);
    expect((await written.list())[0]?.name).toBe('lighthouse memory');
    const taken = await measures.get(phq.id);
    expect([taken?.answers[8], taken?.item9, taken?.total]).toEqual([2, 2, 26]);
    // What was taken and when stays plain (the due rhythm counts them); the answers and the score do not.
    const rawMeasure = (await d.get('measures', phq.id)) as unknown as Record<string, unknown>;
    expect(rawMeasure).toMatchObject({ measureId: 'phq9', startedAt: phq.startedAt });
    expect([rawMeasure.answers, rawMeasure.total, rawMeasure.item9, rawMeasure.band]).toEqual([undefined, undefined, undefined, undefined]);
    expect((await plansRepo().getComposed('p1'))?.draft.note).toBe(SENTENCE);
  });

  it('an accepted plan (the clinician’s, needed by Help while locked) stays as it is; a composed one is sealed', async () => {
    const sealer = makeSealer(await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']));
    const accepted = { id: 'accepted:p:1', kind: 'accepted', plan: { title: 'x' }, trust: 'unsigned', acceptedAt: 1 };
    expect(await sealer.seal('plans', accepted)).toBe(accepted);
    expect(isSealed(await sealer.seal('plans', { id: 'p1', kind: 'composed', draft: { note: SENTENCE }, createdAt: 1, updatedAt: 1 }))).toBe(true);
  });

  it('search opens sealed entries in memory and finds the words', async () => {
    await seedEntries(12);
    const d = await getDb();
    await (await turnOn(d, LOCK, await recordKey())).job;
    const index = await buildIndex(unwrap(d) as unknown as IDBDatabase, undefined, undefined, (raws) => openMany('entries', raws));
    expect(index && searchIndex(index, 'lighthouse keeper')).toHaveLength(1);
    // …and that is nothing written back: the records are still sealed.
    expect((await rawAll(d, 'entries')).every(isSealed)).toBe(true);
  });
});

describe('when a sealed record cannot be opened', () => {
  it('another key: the entry is reported unreadable and left as it was (not thrown, not deleted)', async () => {
    await seedEntries(3);
    const d = await getDb();
    await (await turnOn(d, LOCK, await recordKey())).job;
    const before = await rawAll(d, 'entries');
    setSealer(makeSealer(await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])));
    expect((await entryReadsRepo().page()).entries).toEqual([]);
    expect(await rawAll(d, 'entries')).toEqual(before);
  });

  it('locked: a clear error that says to unlock', async () => {
    await seedEntries(2);
    const d = await getDb();
    await (await turnOn(d, LOCK, await recordKey())).job;
    closeAtRest();
    await expect(entryReadsRepo().list()).rejects.toThrow(SealedError);
    await expect(entryReadsRepo().list()).rejects.toMatchObject({ reason: 'locked' });
  });

  it('read with the lock off: a clear error that it is encrypted, not an empty journal', async () => {
    await seedEntries(2);
    const d = await getDb();
    await (await turnOn(d, LOCK, await recordKey())).job;
    setSealer(undefined);
    await expect(entryReadsRepo().page()).rejects.toThrow('sealed');
  });

  it('while locked, a write waits for the key instead of landing in the clear', async () => {
    const d = await getDb();
    const key = await recordKey();
    await (await turnOn(d, LOCK, key)).job;
    closeAtRest();
    let saved = false;
    const writing = draftsRepo()
      .put('journal:new', { body: SENTENCE })
      .then(() => (saved = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(saved).toBe(false);
    expect(await d.get('drafts', 'journal:new')).toBeUndefined();
    await unlockAtRest(d, key);
    await writing;
    expect(isSealed(await d.get('drafts', 'journal:new'))).toBe(true);
  });
});

describe('turning it on, changing it, removing it', () => {
  it('an interrupted sealing resumes at the next unlock and ends with every record sealed and readable', async () => {
    await seedEntries(450);
    const d = await getDb();
    const key = await recordKey();
    let kill = true;
    onResealProgress((p) => {
      if (kill && p && p.done >= 200) {
        kill = false;
        throw new Error('browser killed');
      }
    });
    await expect((await turnOn(d, LOCK, key)).job).rejects.toThrow('browser killed');
    const mid = await rawAll(d, 'entries');
    expect(mid.filter(isSealed).length).toBeGreaterThan(0);
    expect(mid.filter(isSealed).length).toBeLessThan(450);
    expect((await atRestSetting())?.job).toBe('seal');

    // The next start: locked, then the passphrase again.
    closeAtRest();
    const { job } = await unlockAtRest(d, key);
    // Mixed meanwhile, and every entry readable.
    expect((await entryReadsRepo().list()).length).toBe(450);
    await job;
    expect((await rawAll(d, 'entries')).every(isSealed)).toBe(true);
    expect((await atRestSetting())?.job).toBe('none');
    const all = await entryReadsRepo().list();
    expect(all).toHaveLength(450);
    expect(all.some((e) => e.body === SENTENCE)).toBe(true);
  });

  it('changing the passphrase re-wraps the data key only: no record changes, the new key opens them', async () => {
    await seedEntries(8);
    const d = await getDb();
    const oldKey = await recordKey();
    await (await turnOn(d, LOCK, oldKey)).job;
    const before = await rawAll(d, 'entries');
    const newKey = await recordKey();
    await changePassphrase(d, { ...LOCK, salt: 'bmV3' }, oldKey, newKey);
    expect(await rawAll(d, 'entries')).toEqual(before);
    closeAtRest();
    await expect(unlockAtRest(d, oldKey)).rejects.toThrow();
    await unlockAtRest(d, newKey);
    expect((await entryReadsRepo().list()).map((e) => e.body)).toContain(SENTENCE);
  });

  it('removing it opens every record (after an interruption too), then deletes the lock and the key together', async () => {
    await seedEntries(450);
    const d = await getDb();
    const key = await recordKey();
    await (await turnOn(d, LOCK, key)).job;
    let kill = true;
    onResealProgress((p) => {
      if (kill && p && p.done >= 200) {
        kill = false;
        throw new Error('browser killed');
      }
    });
    await expect((await turnOff(d, key)).job).rejects.toThrow('browser killed');
    // Killed half-way: the lock and its key are still there, so every record can still be read.
    expect(await settingsRepo().get('appLock')).not.toBeNull();
    expect((await atRestSetting())?.job).toBe('open');
    closeAtRest();
    const resumed = await unlockAtRest(d, key);
    expect(resumed.removing).toBe(true);
    await resumed.job;
    expect(await settingsRepo().get('appLock')).toBeNull();
    expect(await atRestSetting()).toBeNull();
    const raws = await rawAll(d, 'entries');
    expect(raws.some(isSealed)).toBe(false);
    expect(visibleText(raws)).toContain('lighthouse');
    setSealer(undefined);
    expect(await entryReadsRepo().list()).toHaveLength(450);
  });

  it('reseal is idempotent: a second run changes nothing', async () => {
    await seedEntries(10);
    const d = await getDb();
    const key = await recordKey();
    await (await turnOn(d, LOCK, key)).job;
    const { dataKey } = await import('../../src/storage/sealed-fields').then(async (m) => ({
      dataKey: await m.unwrapDataKey((await atRestSetting())!, key),
    }));
    expect((await reseal(d, 'seal', makeSealer(dataKey))).changed).toBe(0);
  });
});

describe('search with the lock on', () => {
  it('the worker’s scan (no key) refuses sealed entries rather than missing them, so the client searches on the main thread', async () => {
    await seedEntries(3);
    const d = await getDb();
    await (await turnOn(d, LOCK, await recordKey())).job;
    await expect(buildIndex(unwrap(d) as unknown as IDBDatabase)).rejects.toThrow('sealed');
    const ids = await entryReadsRepo().searchIds('words 2');
    expect(ids).toHaveLength(1);
  });

  it('the main thread keeps its index between searches, sees a new entry, and drops it when the app locks', async () => {
    await seedEntries(3);
    const d = await getDb();
    const key = await recordKey();
    await (await turnOn(d, LOCK, key)).job;
    expect(await entryReadsRepo().searchIds('lantern')).toEqual([]);
    const added = await entriesRepo().create({ kind: 'free', title: 'Lantern', body: 'a lantern by the door', complete: true });
    expect(await entryReadsRepo().searchIds('lantern')).toEqual([added.id]);
    closeAtRest();
    // Locked: nothing kept answers; the search needs the key again.
    await expect(entryReadsRepo().searchIds('lantern')).rejects.toMatchObject({ reason: 'locked' });
    await unlockAtRest(d, key);
    expect(await entryReadsRepo().searchIds('lantern')).toEqual([added.id]);
  });
});

describe('other tabs (BroadcastChannel groundwork:at-rest)', () => {
  const other = () => new BroadcastChannel('groundwork:at-rest');
  const tick = () => new Promise((r) => setTimeout(r, 20));

  it('another tab removing the lock says "opening": this one writes plain from then on, and still opens sealed records', async () => {
    await seedEntries(2);
    const d = await getDb();
    await (await turnOn(d, LOCK, await recordKey())).job;
    const tab = other();
    try {
      tab.postMessage('opening');
      await tick();
      await draftsRepo().put('journal:new', { body: SENTENCE });
      expect(isSealed(await d.get('drafts', 'journal:new'))).toBe(false);
      expect(await entryReadsRepo().list()).toHaveLength(2);
    } finally {
      tab.close();
    }
  });

  it('a write waiting in a locked tab goes on, plain, once another tab says the lock is off', async () => {
    const d = await getDb();
    await (await turnOn(d, LOCK, await recordKey())).job;
    closeAtRest();
    const writing = draftsRepo().put('journal:new', { body: SENTENCE });
    await tick();
    expect(await d.get('drafts', 'journal:new')).toBeUndefined();
    const tab = other();
    try {
      tab.postMessage('off');
      await writing;
      expect(isSealed(await d.get('drafts', 'journal:new'))).toBe(false);
    } finally {
      tab.close();
    }
  });

  it('removing the lock tells the other tabs "opening" first and "off" at the end', async () => {
    const d = await getDb();
    const key = await recordKey();
    await (await turnOn(d, LOCK, key)).job;
    const heard: unknown[] = [];
    const tab = other();
    tab.onmessage = (e) => heard.push(e.data);
    try {
      await (await turnOff(d, key)).job;
      await tick();
      expect(heard).toEqual(['opening', 'off']);
    } finally {
      tab.close();
    }
  });
});

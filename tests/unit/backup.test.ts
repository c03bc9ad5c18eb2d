/**
 * Backup and restore (issue 17) against fake-indexeddb: a backup made on one "device" restores on a fresh
 * one to identical data (voice notes' bytes included), encrypted or plain; every kind of bad file is refused
 * with its own reason before the database is touched; restoring twice changes nothing; and a restore that
 * fails part-way leaves the database exactly as it was.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshIndexedDB } from './fixtures/idb';
import { dump, labelOf, sampleRecords, seeded, wording } from './fixtures/backup';
import { openGroundwork, type Db } from '../../src/storage/db';
import { exportBackup, sealBackup, backupFileName } from '../../src/backup/export';
import { BackupError, readBackup, MAX_DEPTH } from '../../src/backup/file';
import { applyRestore, planRestore } from '../../src/backup/restore';
import { BACKUP_STORES, SKIPPED_STORES } from '../../src/backup/stores';
import { sealPlain, sealWithPassphrase } from '../../src/crypto/envelope';
import { TEXT_MAX_CHARS } from '../../src/storage/limits';

const open: Db[] = [];
beforeEach(() => {
  freshIndexedDB();
});
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function device(records?: Record<string, readonly unknown[]>): Promise<Db> {
  freshIndexedDB();
  const db = records ? await seeded(records) : await openGroundwork();
  open.push(db);
  return db;
}

async function plainFile(db: Db, now = 1_900_000_000_000): Promise<Uint8Array> {
  const { plain } = await exportBackup({ db: async () => db, now: () => now });
  return new Uint8Array(await (await sealBackup(plain, { plain: true })).arrayBuffer());
}

function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A plain backup document built from parts. */
async function document(over: Record<string, unknown> = {}, stores: Record<string, unknown[]> = {}): Promise<Uint8Array> {
  const doc = { format: 'groundwork-backup', version: 1, createdAt: 1, schemaVersion: 6, skipped: [], stores, ...over };
  return sealPlain(bytes(JSON.stringify(doc)), 'groundwork-backup');
}

const opts = (db: Db) => ({ db: async () => db, wording, labelOf, now: () => 1_950_000_000_000, newId: (() => { let n = 0; return () => `new-${++n}`; })() });

describe('round trip', () => {
  it('a backup restored on a fresh device gives identical records in every store, voice notes’ bytes included', async () => {
    const source = await device(sampleRecords());
    const before = JSON.parse(await dump(source));
    const file = await plainFile(source);

    const target = await device();
    const contents = await readBackup(file, null);
    const plan = await planRestore(contents, opts(target));
    expect(plan.stores.find((s) => s.store === 'entries')?.counts).toEqual({ added: 3, updated: 0, keptBoth: 0, skipped: 0 });
    expect(plan.ignored).toBe(0); // persistAsked belongs to the device: never even exported
    await applyRestore(contents, opts(target));
    const after = JSON.parse(await dump(target));
    for (const store of BACKUP_STORES.map((s) => s.name).filter((n) => n !== 'settings')) expect(after[store]).toEqual(before[store]);
    expect(after.settings).toEqual([
      { key: 'lastBackupAt', value: 1_900_000_000_000 },
      { key: 'region', value: 'uk' },
      { key: 'sound', value: true },
    ]);
    expect(after.media[0].chunks[0]).toEqual({ blob: 'audio/webm', bytes: 'GkXfowD/gA==' });
  });

  it('encrypted with a passphrase: opens with it, refuses a wrong one and asks when none is given', async () => {
    const source = await device(sampleRecords());
    const { plain } = await exportBackup({ db: async () => source });
    const file = new Uint8Array(await (await sealBackup(plain, { passphrase: 'correct horse' })).arrayBuffer());
    expect(new TextDecoder().decode(file)).not.toContain('the rain on the roof');
    await expect(readBackup(file, 'wrong horse')).rejects.toMatchObject({ reason: 'wrong-passphrase' });
    await expect(readBackup(file, null)).rejects.toMatchObject({ reason: 'needs-passphrase' });
    const contents = await readBackup(file, 'correct horse');
    expect(contents.stores.get('entries')).toHaveLength(3);
  }, 30_000);

  it('restoring the same backup twice changes nothing the second time', async () => {
    const db = await device(sampleRecords());
    const file = await plainFile(db);
    await applyRestore(await readBackup(file, null), opts(db));
    const once = await dump(db);
    const plan = await applyRestore(await readBackup(file, null), opts(db));
    expect(plan.writes).toBe(0);
    expect(plan.stores.every((s) => s.counts.added + s.counts.updated + s.counts.keptBoth === 0)).toBe(true);
    expect(await dump(db)).toBe(once);
  });

  it('edits on both sides: newer wins, a changed entry is kept both ways, the safety plan’s other words land in an entry', async () => {
    const at = 1_800_000_000_000;
    const old = sampleRecords('a', at);
    const db = await device(old);
    const file = await plainFile(db);
    // This device, after the backup: the first entry rewritten, the safety plan changed.
    const changed = sampleRecords('a', at);
    changed.entries[0] = { ...changed.entries[0]!, updatedAt: at + 100, body: 'sunshine now' };
    changed.safetyPlan[0] = { ...changed.safetyPlan[0]!, updatedAt: at + 100, sections: { ...changed.safetyPlan[0]!.sections, coping: [{ id: 'c2', text: 'call Sam' }] } };
    const db2 = await device(changed);
    const plan = await applyRestore(await readBackup(file, null), opts(db2));
    expect(plan.stores.find((s) => s.store === 'entries')?.counts).toEqual({ added: 0, updated: 0, keptBoth: 1, skipped: 2 });
    const after = JSON.parse(await dump(db2));
    const copy = after.entries.find((e: { title: string }) => e.title === 'Rain (from backup)');
    expect(copy.body).toBe(old.entries[0]!.body);
    expect(after.entries.find((e: { id: string }) => e.id === 'a-e1').body).toBe('sunshine now');
    expect(after.safetyPlan[0].sections.coping).toEqual([{ id: 'c2', text: 'call Sam' }]);
    expect(after.entries.find((e: { title: string }) => e.title === 'Words kept from safetyPlan').body).toBe('walk the dog');
  });

  it('a restore that fails part-way leaves the database exactly as it was (one transaction)', async () => {
    const db = await device(sampleRecords('here'));
    const before = await dump(db);
    const other = await device();
    const many = { entries: Array.from({ length: 1200 }, (_, i) => ({ id: `x${i}`, kind: 'free', createdAt: i, updatedAt: i, title: '', body: `entry ${i}`, complete: true })) };
    await (await import('./fixtures/idb')).rawPut((await import('idb')).unwrap(other), many);
    const contents = await readBackup(await plainFile(other), null);
    // A record IndexedDB refuses in the last batch (its key is not a valid key): the first 1,000 puts succeed first.
    contents.stores.get('entries')!.push({ id: { not: 'a key' } } as never);
    await expect(applyRestore(contents, opts(db))).rejects.toThrow();
    expect(await dump(db)).toBe(before);
  });

  it('the file is named by date and holds no device-only setting', async () => {
    expect(backupFileName(new Date(2026, 10, 30, 23, 59).getTime())).toBe('groundwork-backup-2026-11-30.json');
    const db = await device(sampleRecords());
    const { plain } = await exportBackup({ db: async () => db });
    expect(new TextDecoder().decode(plain)).not.toContain('persistAsked');
  });
});

describe('every bad file is refused with its reason, before anything is written', () => {
  const entry = { id: 'e', kind: 'free', createdAt: 1, updatedAt: 1, title: 't', body: 'b', complete: true };
  const cases: [string, () => Promise<Uint8Array>, string][] = [
    ['random bytes', async () => new Uint8Array([1, 2, 3, 250]), 'not-a-backup'],
    ['an empty file', async () => new Uint8Array(), 'not-a-backup'],
    ['a progress report', async () => sealPlain(bytes('{}'), 'groundwork-report'), 'a-report'],
    ['contents cut short', async () => sealPlain(bytes('{"format":"groundwork-backup","vers'), 'groundwork-backup'), 'damaged'],
    ['JSON that is not a backup', async () => sealPlain(bytes('[1,2]'), 'groundwork-backup'), 'not-a-backup'],
    ['a newer version', async () => document({ version: 2 }), 'newer-version'],
    ['a version as text', async () => document({ version: '1' }), 'wrong-version'],
    ['version 0', async () => document({ version: 0 }), 'wrong-version'],
    ['a plain file with one byte changed', async () => {
      const ok = await document({}, { entries: [entry] });
      const i = ok.indexOf(0x0a) + 40;
      const out = ok.slice();
      out[i] = out[i] === 0x41 ? 0x42 : 0x41;
      return out;
    }, 'damaged'],
    ['a backup from a newer database', async () => document({ schemaVersion: 99 }), 'newer-version'],
    ['an unknown store', async () => document({}, { secrets: [] }), 'unknown-store'],
    ['a record of the wrong type', async () => document({}, { entries: [{ ...entry, createdAt: 'yesterday' }] }), 'invalid-record'],
    ['a key twice', async () => document({}, { entries: [entry, entry] }), 'invalid-record'],
    ['a setting of the wrong type', async () => document({}, { settings: [{ key: 'sound', value: 'loud' }] }), 'invalid-record'],
    ['a voice note chunk that is not base64', async () => document({}, { media: [{ id: 'm', mime: 'audio/webm', durationMs: 1, status: 'saved', chunks: [{ type: 'audio/webm', data: ['%%%'] }], createdAt: 1, updatedAt: 1 }] }), 'invalid-record'],
    ['a string longer than the text limit', async () => document({}, { entries: [{ ...entry, data: 'x'.repeat(TEXT_MAX_CHARS + 1) }] }), 'damaged'],
    ['nesting deeper than the limit', async () => {
      let deep: unknown = 'x';
      for (let i = 0; i < MAX_DEPTH + 5; i++) deep = [deep];
      return document({}, { entries: [{ ...entry, data: deep }] });
    }, 'damaged'],
  ];
  for (const [name, make, reason] of cases) {
    it(`${name} → ${reason}`, async () => {
      const db = await device(sampleRecords());
      const before = await dump(db);
      const error = await readBackup(await make(), 'any').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BackupError);
      expect((error as BackupError).reason).toBe(reason);
      expect((error as BackupError).message.length).toBeGreaterThan(10);
      expect(await dump(db)).toBe(before);
    });
  }
});

describe('the store list', () => {
  it('every store of the database is backed up or skipped with a note — a new store cannot be forgotten', async () => {
    const db = await device();
    const listed = new Set([...BACKUP_STORES.map((s) => s.name), ...SKIPPED_STORES.map((s) => s.name)]);
    expect([...db.objectStoreNames].filter((n) => !listed.has(n))).toEqual([]);
  });
});

/**
 * Issue 17's app lock and "Delete everything", the parts that are plain TypeScript: the passphrase check
 * (PBKDF2-SHA-256 ≥ 600,000 → HKDF verifier; only salt and verifier stored), when the lock closes by
 * itself, what Settings says about storage, and that the deletion removes every database, cache, worker
 * and saved key, looks again, and stops this page from making the database anew.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unwrap } from 'idb';
import { freshIndexedDB, rawPut } from './fixtures/idb';
import { createLock, fromBase64, LOCK_ITERATIONS, openLock } from '../../src/crypto/lock-key';
import { shouldLock } from '../../src/shell/lock/idle';
import { formatBytes, likelyPrivate, readStorageFacts } from '../../src/shell/lock/storage-info';
import { deleteEverything } from '../../src/shell/lock/wipe';
import { DB_NAME, getDb, resetConnection } from '../../src/storage/db';
import { settingsRepo } from '../../src/storage/settings';
import { pendingWrites } from '../../src/storage/pending';

describe('the passphrase check (crypto/lock-key.ts)', () => {
  it('stores only a version, the iterations (≥ 600,000), a 16-byte salt and a 32-byte verifier — never the passphrase', async () => {
    const record = await createLock('river stone quiet lamp');
    expect(Object.keys(record).sort()).toEqual(['iterations', 'salt', 'v', 'verifier']);
    expect(record.iterations).toBe(600_000);
    expect(fromBase64(record.salt)).toHaveLength(16);
    expect(fromBase64(record.verifier)).toHaveLength(32);
    expect(JSON.stringify(record)).not.toContain('river');
  });

  it('opens with the right passphrase, not with a wrong one, and gives a non-extractable AES-GCM key for records', async () => {
    const record = await createLock('river stone quiet lamp');
    const opened = await openLock('river stone quiet lamp', record);
    expect(opened?.recordKey.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    expect(opened?.recordKey.extractable).toBe(false);
    expect(await openLock('river stone quiet lam', record)).toBeUndefined();
    expect(await openLock('River stone quiet lamp', record)).toBeUndefined();
  });

  it('the same words typed as composed or decomposed accents open it (Unicode NFC)', async () => {
    const record = await createLock('caf\u00e9 au lait');
    expect(await openLock('cafe\u0301 au lait', record)).toBeDefined();
  });

  it('a new salt each time: the same passphrase twice gives two different records', async () => {
    const [a, b] = await Promise.all([createLock('same words here'), createLock('same words here')]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.verifier).not.toBe(b.verifier);
  });

  it('refuses fewer than 600,000 iterations', async () => {
    await expect(createLock('river stone quiet lamp', 1000)).rejects.toThrow();
    expect(LOCK_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });
});

describe('the appLock setting', () => {
  beforeEach(() => {
    freshIndexedDB();
  });
  afterEach(async () => {
    (await getDb()).close();
  });

  it('is off by default; a stored record with too few iterations, or damaged, reads as off', async () => {
    const settings = settingsRepo();
    expect(await settings.get('appLock')).toBeNull();
    expect(await settings.get('lockAfterMinutes')).toBe(5);
    const raw = unwrap(await getDb());
    await rawPut(raw, { settings: [{ key: 'appLock', value: { v: 1, iterations: 1000, salt: 'AA==', verifier: 'AA==' } }] });
    expect(await settings.get('appLock')).toBeNull();
    await rawPut(raw, { settings: [{ key: 'appLock', value: 'on' }] });
    expect(await settings.get('appLock')).toBeNull();
  });
});

describe('when the lock closes by itself (shell/lock/idle.ts)', () => {
  const M = 60_000;
  it.each([
    ['used 4 min ago, 5 min setting', { now: 10 * M, lastActive: 6 * M, minutes: 5 }, false],
    ['used exactly 5 min ago', { now: 10 * M, lastActive: 5 * M, minutes: 5 }, true],
    ['used 1 min ago, 1 min setting', { now: 10 * M, lastActive: 9 * M, minutes: 1 }, true],
    ['hidden 2 min ago, 5 min setting', { now: 10 * M, lastActive: 8 * M, hiddenAt: 8 * M, minutes: 5 }, false],
    ['hidden 5 min ago (used just before hiding)', { now: 10 * M, lastActive: 5 * M - 1, hiddenAt: 5 * M, minutes: 5 }, true],
  ])('%s → %s', (_, state, expected) => {
    expect(shouldLock(state)).toBe(expected);
  });
});

describe('what Settings says about storage (shell/lock/storage-info.ts)', () => {
  it('a quota under 300 MB reads as a private window; gigabytes, or no quota, do not', () => {
    expect(likelyPrivate({ quota: 100_000_000 })).toBe(true);
    expect(likelyPrivate({ quota: 60_000_000_000 })).toBe(false);
    expect(likelyPrivate({})).toBe(false);
  });

  it.each([
    [0, '0 bytes'],
    [999, '999 bytes'],
    [1_234, '1.2 KB'],
    [340_000, '340 KB'],
    [1_000_000, '1 MB'],
    [12_500_000_000, '12.5 GB'],
  ])('%i bytes reads "%s"', (n, text) => {
    expect(formatBytes(n)).toBe(text);
  });

  it('reads usage, quota and persistence, and says nothing it was not told', async () => {
    const storage = { estimate: async () => ({ usage: 5, quota: 10 }), persisted: async () => true } as unknown as StorageManager;
    expect(await readStorageFacts(storage)).toEqual({ usage: 5, quota: 10, persisted: true });
    expect(await readStorageFacts(undefined)).toEqual({});
  });
});

describe('Delete everything (shell/lock/wipe.ts)', () => {
  function fakeStorage(keys: string[]): Storage {
    const map = new Map(keys.map((k) => [k, '1']));
    return {
      get length() {
        return map.size;
      },
      clear: () => map.clear(),
      getItem: (k: string) => map.get(k) ?? null,
      key: (i: number) => [...map.keys()][i] ?? null,
      removeItem: (k: string) => void map.delete(k),
      setItem: (k: string, v: string) => void map.set(k, v),
    };
  }

  it('removes every database, cache, service worker and saved key, then finds nothing left', async () => {
    freshIndexedDB();
    await settingsRepo().set('sound', true); // the app's database exists and is open in this page
    // Another database of this origin goes too.
    await new Promise((res) => (indexedDB.open('other').onsuccess = (e) => res((e.target as IDBOpenDBRequest).result.close())));
    const cacheNames = new Set(['workbox-precache-v2-x']);
    const workers = [{ unregister: async () => workers.splice(0, 1).length > 0 }];
    const local = fakeStorage(['groundwork:lock', 'groundwork:welcome-folded']);
    const session = fakeStorage(['groundwork:pending']);
    pendingWrites.set('drafts:journal:new', () => ({ fields: { body: 'unsaved' } }));

    const report = await deleteEverything({
      indexedDB,
      caches: { keys: async () => [...cacheNames], delete: async (k: string) => cacheNames.delete(k) },
      serviceWorker: { getRegistrations: async () => [...workers] as unknown as ServiceWorkerRegistration[] },
      localStorage: local,
      sessionStorage: session,
    });

    expect(report.databases.sort()).toEqual([DB_NAME, 'other']);
    expect(report.caches).toEqual(['workbox-precache-v2-x']);
    expect(report.workers).toBe(1);
    expect(report.savedKeys).toBe(3);
    expect(report.left).toEqual({ databases: [], caches: [], workers: 0, savedKeys: 0 });
    expect(report.ok).toBe(true);
    expect(await indexedDB.databases()).toEqual([]);
    // Unsaved words are not kept to come back after a reload.
    expect(pendingWrites.size).toBe(0);

    // Nothing in this page makes the database again: a later read waits (for the reload) instead.
    const late = await Promise.race([getDb().then(() => 'opened'), new Promise((r) => setTimeout(() => r('waiting'), 100))]);
    expect(late).toBe('waiting');
    expect(await indexedDB.databases()).toEqual([]);
    resetConnection();
  });

  it('says so when something is still there afterwards', async () => {
    freshIndexedDB();
    await getDb();
    const report = await deleteEverything({
      indexedDB,
      // A cache that will not go (a browser refusing, another tab's worker writing it again).
      caches: { keys: async () => ['stubborn'], delete: async () => false },
    });
    expect(report.ok).toBe(false);
    expect(report.left.caches).toEqual(['stubborn']);
    resetConnection();
  });
});

/**
 * What Settings says about storage (issue 17), from `navigator.storage.estimate()` and `persisted()`.
 * Pure, tested in node. Private windows cannot be asked about directly; their quota gives them away in
 * Chromium (incognito gets a small, memory-backed quota, ~100 MB or less, where a normal profile gets a share
 * of the disk — gigabytes). Firefox's and Safari's private windows keep data in memory too; where their
 * quota looks ordinary, nothing is claimed.
 */
export interface StorageFacts {
  usage?: number | undefined;
  quota?: number | undefined;
  persisted?: boolean | undefined;
}

/** Below this quota, the browser is almost certainly a private window (or a device nearly out of space). */
export const SMALL_QUOTA = 300 * 1000 * 1000;

export function likelyPrivate(facts: StorageFacts): boolean {
  return facts.quota !== undefined && facts.quota > 0 && facts.quota < SMALL_QUOTA;
}

/** "1.2 MB", "340 KB", "12 GB": decimal units, as the device's own storage settings show them. */
export function formatBytes(n: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  const shown = i === 0 || v >= 100 ? Math.round(v).toString() : v.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${units[i]}`;
}

export async function readStorageFacts(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<StorageFacts> {
  if (!storage) return {};
  const [estimate, persisted] = await Promise.all([
    storage.estimate?.().catch(() => undefined),
    storage.persisted?.().catch(() => undefined),
  ]);
  return { usage: estimate?.usage, quota: estimate?.quota, persisted };
}

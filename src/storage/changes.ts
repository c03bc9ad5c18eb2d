/**
 * Edits in one tab show in the other. Every committed write transaction says which stores it changed
 * (`committed` in db.ts calls `announceChanged`), over one BroadcastChannel per page, `groundwork-changes`;
 * a screen showing a list or a record of those stores listens (`onStoresChanged`) and reads again. A
 * BroadcastChannel never delivers to itself, so a tab is not told about its own writes. Only store names
 * travel — never a word the person wrote. Without BroadcastChannel nothing is announced (each tab still
 * reads the newest when it opens a screen). Plain TypeScript; the channel is injectable for node tests.
 */

export const CHANGES_CHANNEL = 'groundwork-changes';

export interface ChangesChannel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

let channel: ChangesChannel | null | undefined;

function getChannel(): ChangesChannel | null {
  if (channel !== undefined) return channel;
  try {
    channel = typeof BroadcastChannel === 'function' ? (new BroadcastChannel(CHANGES_CHANNEL) as unknown as ChangesChannel) : null;
  } catch {
    channel = null;
  }
  return channel;
}

/** Tests only: use this channel (a fake) from now on; `undefined` = the browser's again. */
export function useChangesChannel(next: ChangesChannel | null | undefined): void {
  channel = next;
}

/** Tell the other tabs these stores changed (after the write committed). Never throws. */
export function announceChanged(stores: Iterable<string>): void {
  const list = [...stores];
  if (list.length === 0) return;
  try {
    getChannel()?.postMessage({ type: 'changed', stores: list });
  } catch {
    // A closed channel: the other tabs read the newest the next time they open the screen.
  }
}

/** Call `listener` when another tab changed any of `stores`. Returns the way to stop listening. */
export function onStoresChanged(stores: readonly string[], listener: (changed: string[]) => void): () => void {
  const ch = getChannel();
  if (!ch) return () => {};
  const onMessage = (event: { data: unknown }) => {
    const m = event.data as { type?: unknown; stores?: unknown } | null;
    if (!m || m.type !== 'changed' || !Array.isArray(m.stores)) return;
    const hit = (m.stores as unknown[]).filter((s): s is string => typeof s === 'string' && stores.includes(s));
    if (hit.length) listener(hit);
  };
  ch.addEventListener('message', onMessage);
  return () => ch.removeEventListener('message', onMessage);
}

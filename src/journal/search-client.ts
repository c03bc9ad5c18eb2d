/**
 * The journal's search: asks the search worker (search.worker.ts) for matching ids, newest first; where
 * Workers are unavailable (or the worker fails), scans on this thread with the same rules
 * (entries.searchIds, handed in through the app context). Only the latest search answers: starting a new
 * one cancels the one before (its promise resolves undefined).
 */
export interface SearchProgress {
  scanned: number;
  total: number;
}

export type MainThreadSearch = (
  query: string,
  options: { onProgress?: (p: SearchProgress) => void; signal?: AbortSignal },
) => Promise<string[] | undefined>;

export interface Searcher {
  search(query: string, onProgress?: (p: SearchProgress) => void): Promise<string[] | undefined>;
  /** The person is about to search (the field got focus): let the worker read the journal now. */
  warm(): void;
  /** Let the search in flight go (the query was cleared). */
  cancel(): void;
  /** Let any search in flight go, and stop the worker. */
  dispose(): void;
}

type Reply =
  | { type: 'progress'; id: number; scanned: number; total: number }
  | { type: 'done'; id: number; ids: string[] }
  | { type: 'error'; id: number };

export function createSearcher(mainThread: MainThreadSearch): Searcher {
  let worker: Worker | undefined;
  let workerBroken = typeof Worker === 'undefined';
  let seq = 0;
  let pending: { id: number; resolve: (ids: string[] | undefined) => void; onProgress?: (p: SearchProgress) => void; query: string } | undefined;
  let abort: AbortController | undefined;

  function fallback(query: string, onProgress?: (p: SearchProgress) => void): Promise<string[] | undefined> {
    abort = new AbortController();
    return mainThread(query, { onProgress, signal: abort.signal }).catch(() => undefined);
  }

  function startWorker(): Worker | undefined {
    if (worker || workerBroken) return worker;
    try {
      worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      workerBroken = true;
      return undefined;
    }
    worker.onmessage = (event: MessageEvent<Reply>) => {
      const reply = event.data;
      if (!pending || reply.id !== pending.id) return;
      if (reply.type === 'progress') pending.onProgress?.({ scanned: reply.scanned, total: reply.total });
      else if (reply.type === 'done') {
        pending.resolve(reply.ids);
        pending = undefined;
      } else failOver();
    };
    worker.onerror = () => failOver();
    return worker;
  }

  /** The worker could not load or open the database: answer this search (and later ones) on this thread. */
  function failOver() {
    workerBroken = true;
    worker?.terminate();
    worker = undefined;
    const p = pending;
    pending = undefined;
    if (p) void fallback(p.query, p.onProgress).then(p.resolve);
  }

  return {
    search(query, onProgress) {
      pending?.resolve(undefined);
      pending = undefined;
      abort?.abort();
      const w = startWorker();
      if (!w) return fallback(query, onProgress);
      const id = ++seq;
      return new Promise((resolve) => {
        pending = { id, resolve, onProgress, query };
        w.postMessage({ type: 'search', id, query });
      });
    },
    warm() {
      startWorker()?.postMessage({ type: 'warm' });
    },
    cancel() {
      pending?.resolve(undefined);
      pending = undefined;
      abort?.abort();
    },
    dispose() {
      pending?.resolve(undefined);
      pending = undefined;
      abort?.abort();
      worker?.terminate();
      worker = undefined;
    },
  };
}

/**
 * A restore's voice notes decoded into Blobs in a worker (backup/blobs.worker.ts) while the page checks the
 * other stores: Blob creation waits on the browser process for every chunk, and the 6,000 chunks of 200
 * notes took ~1.5 s of the page's time (bench/backup.bench.mjs). Only a head start: every record is still
 * checked by file.ts exactly as before, and whatever this cannot give (no Worker, as in node tests; a worker
 * that fails; a record of an unexpected shape) is decoded there, on the page, as before.
 */
/** Per record: its chunks as [type, base64 pieces], or null when the record is not of that shape. */
export type BlobJob = ([string, string[]][] | null)[];
export type BlobReply = (Blob[] | null)[];

function jobOf(rows: readonly unknown[]): BlobJob {
  return rows.map((row) => {
    const chunks = (row as { chunks?: unknown } | null)?.chunks;
    if (!Array.isArray(chunks)) return null;
    const out: [string, string[]][] = [];
    for (const c of chunks) {
      const { type, data } = (c ?? {}) as { type?: unknown; data?: unknown };
      if (typeof type !== 'string' || !Array.isArray(data) || !data.every((p) => typeof p === 'string')) return null;
      out.push([type, data as string[]]);
    }
    return out;
  });
}

/** Starts decoding `rows`' chunks off the main thread; resolves undefined when no worker can do it. */
export function decodeBlobsAhead(rows: readonly unknown[]): Promise<BlobReply | undefined> {
  if (typeof Worker === 'undefined' || rows.length === 0) return Promise.resolve(undefined);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./blobs.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<BlobReply>) => {
      worker.terminate();
      resolve(Array.isArray(event.data) && event.data.length === rows.length ? event.data : undefined);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(undefined);
    };
    try {
      worker.postMessage(jobOf(rows));
    } catch {
      worker.terminate();
      resolve(undefined);
    }
  });
}

/** The Blobs the worker made for record `index`, one per chunk of `chunks`, when it made them. */
export function aheadFor(reply: BlobReply | undefined, index: number, chunks: readonly unknown[]): Blob[] | undefined {
  const blobs = reply?.[index];
  return blobs && blobs.length === chunks.length && blobs.every((b) => b instanceof Blob) ? blobs : undefined;
}

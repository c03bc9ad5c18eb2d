/**
 * The backup's envelope operations, in a worker where there is one (backup/envelope.worker.ts) so the page
 * never freezes on a large file, and on this thread where there is none (node tests, a worker that fails
 * to start). Same results either way: bytes, or the envelope's own EnvelopeError.
 */
import { EnvelopeError, openEnvelope, sealPlain, sealWithPassphrase } from '../crypto/envelope';

export type EnvelopeRequest = { op: 'seal' | 'open'; bytes: Uint8Array; passphrase: string | null };
export type EnvelopeReply =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; envelope: { reason: EnvelopeError['reason']; message: string } }
  | { ok: false; other: string };

function direct(req: EnvelopeRequest): Promise<Uint8Array> {
  if (req.op === 'seal') return req.passphrase === null ? Promise.resolve(sealPlain(req.bytes, 'groundwork-backup')) : sealWithPassphrase(req.bytes, req.passphrase, 'groundwork-backup');
  return openEnvelope(req.bytes, 'groundwork-backup', req.passphrase === null ? null : { passphrase: req.passphrase });
}

/** One worker per operation: a backup is made or opened rarely, and a finished worker frees its memory. */
function inWorker(req: EnvelopeRequest): Promise<Uint8Array> | undefined {
  if (typeof Worker === 'undefined') return undefined;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./envelope.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
  return new Promise<Uint8Array>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<EnvelopeReply>) => {
      worker.terminate();
      const r = event.data;
      if (r.ok) resolve(r.bytes);
      else if ('envelope' in r) reject(new EnvelopeError(r.envelope.reason, r.envelope.message));
      else reject(new Error(r.other));
    };
    worker.onerror = (event) => {
      worker.terminate();
      event.preventDefault();
      // The worker could not run (its file missing from the cache): do the work here instead.
      direct(req).then(resolve, reject);
    };
    // A copy is transferred, so the caller's bytes stay usable (a second try with another passphrase).
    const copy = req.bytes.slice();
    worker.postMessage({ ...req, bytes: copy }, [copy.buffer]);
  });
}

export function sealBytes(bytes: Uint8Array, passphrase: string | null): Promise<Uint8Array> {
  const req: EnvelopeRequest = { op: 'seal', bytes, passphrase };
  return inWorker(req) ?? direct(req);
}

export function openBytes(bytes: Uint8Array, passphrase: string | null): Promise<Uint8Array> {
  const req: EnvelopeRequest = { op: 'open', bytes, passphrase };
  return inWorker(req) ?? direct(req);
}

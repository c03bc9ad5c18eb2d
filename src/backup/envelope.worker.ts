/**
 * Sealing and opening a backup's envelope off the main thread. The envelope (crypto/envelope.ts) encodes
 * and checks its base64url body in plain JavaScript: for a 50 MB backup that is seconds of work, which on
 * the main thread froze the page (bench: one 9 s task). Here it runs in a module worker (same origin,
 * precached; the CSP's `worker-src 'self'` already allows it), and the bytes travel as transferred buffers.
 */
import { EnvelopeError, openEnvelope, sealPlain, sealWithPassphrase } from '../crypto/envelope';
import type { EnvelopeRequest, EnvelopeReply } from './envelope-client';

self.onmessage = async (event: MessageEvent<EnvelopeRequest>) => {
  const req = event.data;
  try {
    const out =
      req.op === 'seal'
        ? req.passphrase === null
          ? sealPlain(req.bytes, 'groundwork-backup')
          : await sealWithPassphrase(req.bytes, req.passphrase, 'groundwork-backup')
        : await openEnvelope(req.bytes, 'groundwork-backup', req.passphrase === null ? null : { passphrase: req.passphrase });
    const reply: EnvelopeReply = { ok: true, bytes: out };
    (self as unknown as Worker).postMessage(reply, [out.buffer]);
  } catch (error) {
    const reply: EnvelopeReply =
      error instanceof EnvelopeError
        ? { ok: false, envelope: { reason: error.reason, message: error.message } }
        : { ok: false, other: String((error as Error)?.message ?? error) };
    (self as unknown as Worker).postMessage(reply);
  }
};

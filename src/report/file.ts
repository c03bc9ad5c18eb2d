/**
 * The report as a file: its JSON sealed in the shared envelope (crypto/envelope.ts, kind
 * 'groundwork-report'), to the clinician's public key when their plan gave one, else with the person's
 * passphrase. Opening maps every failure to one reason the clinician's screen explains kindly.
 */
import {
  EnvelopeError,
  inspectEnvelope,
  openEnvelope,
  sealToPublicKey,
  sealWithPassphrase,
  type EnvelopeMode,
} from '../crypto/envelope';
import { ReportFormatError, decodeReport, encodeReport, type Report } from './schema';
import { dateStamp } from './shape';

export const REPORT_EXTENSION = '.groundwork-report';

export type ReportLock = { passphrase: string } | { recipient: JsonWebKey };

export async function sealReport(report: Report, lock: ReportLock): Promise<Uint8Array> {
  const bytes = encodeReport(report);
  return 'recipient' in lock
    ? sealToPublicKey(bytes, lock.recipient, 'groundwork-report')
    : sealWithPassphrase(bytes, lock.passphrase, 'groundwork-report');
}

export function reportFileName(report: Report): string {
  return `groundwork-report-${dateStamp(report.createdAt, report.zone)}${REPORT_EXTENSION}`;
}

export type OpenFailure =
  | 'malformed'
  | 'wrong-kind'
  | 'unsupported-version'
  | 'wrong-secret-passphrase'
  | 'wrong-secret-key'
  | 'needs-key'
  | 'too-large';

export class ReportOpenError extends Error {
  constructor(readonly reason: OpenFailure) {
    super(reason);
    this.name = 'ReportOpenError';
  }
}

/** Which secret the file asks for; throws ReportOpenError when it is not a report at all. */
export function reportMode(bytes: Uint8Array): EnvelopeMode {
  try {
    const info = inspectEnvelope(bytes);
    if (info.kind !== 'groundwork-report') throw new ReportOpenError('wrong-kind');
    return info.mode;
  } catch (e) {
    throw toOpenError(e, 'passphrase');
  }
}

export async function openReport(
  bytes: Uint8Array,
  secret: { passphrase: string } | { privateKey: CryptoKey } | null,
): Promise<Report> {
  const mode = 'privateKey' in (secret ?? {}) ? 'key' : 'passphrase';
  try {
    return decodeReport(await openEnvelope(bytes, 'groundwork-report', secret));
  } catch (e) {
    throw toOpenError(e, mode);
  }
}

function toOpenError(e: unknown, mode: 'passphrase' | 'key'): ReportOpenError {
  if (e instanceof ReportOpenError) return e;
  if (e instanceof ReportFormatError) return new ReportOpenError(e.reason);
  if (e instanceof EnvelopeError) {
    switch (e.reason) {
      case 'wrong-secret':
        return new ReportOpenError(mode === 'key' ? 'wrong-secret-key' : 'wrong-secret-passphrase');
      case 'needs-key':
        return new ReportOpenError('needs-key');
      case 'needs-passphrase':
        return new ReportOpenError('wrong-secret-passphrase');
      case 'wrong-kind':
      case 'unsupported-version':
      case 'too-large':
      case 'malformed':
        return new ReportOpenError(e.reason);
    }
  }
  return new ReportOpenError('malformed');
}

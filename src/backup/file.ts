/**
 * The backup file: one versioned JSON document inside the shared envelope (crypto/envelope.ts, kind
 * 'groundwork-backup'; passphrase by default, plain only when the person chose it knowingly).
 *
 *   { "format": "groundwork-backup", "version": 1, "createdAt": <ms>, "schemaVersion": <db version>,
 *     "skipped": [{ "store", "note" }], "stores": { "<store>": [record, …], … } }
 *
 * Accidental damage (a truncated download, a flipped bit) is the envelope's to catch: AES-GCM's tag for a
 * passphrase file, length + CRC-32 for a plain one. Reading a file (`readBackup`) checks everything before
 * the database is touched, in this order, each failure a BackupError with its own reason and message:
 *   envelope (not a backup / a report / wrong passphrase / damaged) → UTF-8 → JSON → size limits (no string
 *   longer than the text limit, nesting ≤ MAX_DEPTH) → format and version (and a database version no newer
 *   than this app's) → store names → every record against its storage schema (Blobs decoded from base64;
 *   a list where the schema has a map is refused too), and no key twice in a store.
 * The envelope is opened in a worker (backup/envelope-client.ts): its base64 work takes seconds at 50 MB.
 */
import * as v from 'valibot';
import { EnvelopeError } from '../crypto/envelope';
import { openBytes } from './envelope-client';
import { TEXT_MAX_CHARS } from '../storage/limits';
import { SCHEMA_VERSION } from '../storage/db';
import { SettingSchemas } from '../storage/schema';
import { BACKUP_STORES, DEVICE_SETTINGS, backupStore, type BackupStore } from './stores';
import { aheadFor, decodeBlobsAhead, type BlobReply } from './blobs';

export const BACKUP_FORMAT = 'groundwork-backup';
export const BACKUP_VERSION = 1;
/** Deeper than any record the app writes (a session snapshot is ~15 levels); deeper means crafted or damaged. */
export const MAX_DEPTH = 100;

export type BackupErrorReason =
  | 'not-a-backup'
  | 'a-report'
  | 'damaged'
  | 'newer-version'
  | 'wrong-version'
  | 'unknown-store'
  | 'invalid-record'
  | 'needs-passphrase'
  | 'wrong-passphrase'
  | 'too-large';

export class BackupError extends Error {
  constructor(
    readonly reason: BackupErrorReason,
    message: string,
    readonly detail?: { store?: string; index?: number },
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface SkippedStore {
  store: string;
  note: string;
}

const HeaderSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  createdAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  skipped: v.array(v.object({ store: v.pipe(v.string(), v.maxLength(100)), note: v.pipe(v.string(), v.maxLength(1000)) })),
  stores: v.record(v.string(), v.array(v.unknown())),
});

export interface BackupContents {
  createdAt: number;
  schemaVersion: number;
  skipped: SkippedStore[];
  /** Store name → records as they will be stored (Blobs decoded), in file order. */
  stores: Map<string, Record<string, unknown>[]>;
  /** Settings left out on purpose: device-only or unknown to this version. */
  ignored: number;
}

export type ReadProgress = (done: number, total: number) => void;

/**
 * Whether to ask for a passphrase before opening: a quick look at the envelope's first line (its JSON
 * header, per crypto/envelope.ts) without reading the body. Only a hint — the envelope decides, and a
 * file that is not what it says is refused when it is opened.
 */
export function needsPassphrase(bytes: Uint8Array): boolean {
  return firstLine(bytes)?.['mode'] === 'passphrase';
}

function firstLine(bytes: Uint8Array): Record<string, unknown> | undefined {
  const end = bytes.subarray(0, 4096).indexOf(0x0a);
  if (end < 0) return undefined;
  try {
    const json: unknown = JSON.parse(new TextDecoder().decode(bytes.subarray(0, end)));
    return json && typeof json === 'object' ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Open, parse and validate a whole backup file; throws BackupError, never touches the database. */
export async function readBackup(bytes: Uint8Array, passphrase: string | null, onProgress: ReadProgress = () => {}): Promise<BackupContents> {
  let plain: Uint8Array;
  try {
    plain = await openBytes(bytes, passphrase || null);
  } catch (error) {
    throw fromEnvelope(error, bytes);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch {
    throw new BackupError('damaged', 'The backup’s contents are not complete JSON (cut short or changed).');
  }
  await yieldNow();
  checkLimits(parsed);
  const header = checkHeader(parsed);
  return checkRecords(header, onProgress);
}

function checkHeader(parsed: unknown): v.InferOutput<typeof HeaderSchema> {
  if (!parsed || typeof parsed !== 'object' || (parsed as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupError('not-a-backup', 'This file is not a Groundwork backup.');
  }
  const version = (parsed as { version?: unknown }).version;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    throw new BackupError('newer-version', `This backup is version ${version}; this app reads version ${BACKUP_VERSION}.`);
  }
  if (version !== BACKUP_VERSION) throw new BackupError('wrong-version', `This backup’s version (${String(version).slice(0, 20)}) is not one this app knows.`);
  const header = v.safeParse(HeaderSchema, parsed);
  if (!header.success) throw new BackupError('damaged', `The backup’s header is not as expected (${pathOf(header.issues[0])}).`);
  const mismatch = firstKindMismatch(parsed, header.output);
  if (mismatch !== undefined) throw new BackupError('damaged', `The backup’s header is not as expected (${mismatch.slice(0, 100)}).`);
  // Records from a newer database may hold fields this version would drop: update the app first.
  if (header.output.schemaVersion > SCHEMA_VERSION) throw new BackupError('newer-version', 'This backup was made by a newer version of Groundwork.');
  return header.output;
}

async function checkRecords(header: v.InferOutput<typeof HeaderSchema>, onProgress: ReadProgress): Promise<BackupContents> {
  const stores = new Map<string, Record<string, unknown>[]>();
  let ignored = 0;
  const names = Object.keys(header.stores);
  for (const name of names) {
    if (!backupStore(name)) throw new BackupError('unknown-store', `This backup holds “${name.slice(0, 100)}”, which this app does not know.`, { store: name });
  }
  const total = names.reduce((n, name) => n + header.stores[name]!.length, 0);
  let done = 0;
  // Voice notes' Blobs are made in a worker meanwhile (backup/blobs.ts); each record is still checked here.
  const ahead = new Map(names.filter((name) => backupStore(name)!.codec).map((name) => [name, decodeBlobsAhead(header.stores[name]!)]));
  for (const name of names) {
    const store = backupStore(name)!;
    const seen = new Set<unknown>();
    const out: Record<string, unknown>[] = [];
    const rows = header.stores[name]!;
    const blobs = await ahead.get(name);
    for (let i = 0; i < rows.length; i++) {
      const record = checkRecord(store, rows[i], i, blobs);
      if (record === 'ignore') ignored++;
      else {
        const key = record[store.key];
        if (seen.has(key)) throw new BackupError('invalid-record', `Record ${i + 1} of ${name} repeats a key.`, { store: name, index: i });
        seen.add(key);
        out.push(record);
      }
      // Records holding Blobs (voice notes) are decoded here: yield every few, not every 500.
      if (++done % 500 === 0 || (store.codec && done % 8 === 0)) {
        onProgress(done, total);
        await yieldNow();
      }
    }
    stores.set(name, out);
  }
  onProgress(total, total);
  return { createdAt: header.createdAt, schemaVersion: header.schemaVersion, skipped: header.skipped, stores, ignored };
}

function checkRecord(store: BackupStore, raw: unknown, index: number, blobs?: BlobReply): Record<string, unknown> | 'ignore' {
  const bad = (why: string) => new BackupError('invalid-record', `Record ${index + 1} of ${store.name} is not valid (${why}).`, { store: store.name, index });
  let value = raw;
  if (store.codec) {
    const file = v.safeParse(store.codec.fileSchema, raw);
    if (!file.success) throw bad(pathOf(file.issues[0]));
    const made = aheadFor(blobs, index, (raw as { chunks: unknown[] }).chunks);
    value = made ? { ...(raw as object), chunks: made } : store.codec.decode(raw);
  }
  const parsed = v.safeParse(store.schema, value);
  if (!parsed.success) throw bad(pathOf(parsed.issues[0]));
  const record = parsed.output as Record<string, unknown>;
  // valibot's record() takes an array as an object ({ "0": … }): a list where a map belongs is refused too.
  const kindsMismatch = firstKindMismatch(store.codec ? { ...(raw as object), chunks: [] } : raw, store.codec ? { ...record, chunks: [] } : record);
  if (kindsMismatch !== undefined) throw bad(`${kindsMismatch}: a list where a map belongs, or the reverse`);
  if (store.name === 'settings') {
    const key = record['key'] as string;
    if (DEVICE_SETTINGS.includes(key) || !(key in SettingSchemas)) return 'ignore';
    if (!v.safeParse(SettingSchemas[key as keyof typeof SettingSchemas], record['value']).success) throw bad(`setting ${key.slice(0, 100)}`);
  }
  return record;
}

/** The path of the first place where `input` has a list and `output` a map (or the reverse), if any. */
function firstKindMismatch(input: unknown, output: unknown, path = ''): string | undefined {
  if (!output || typeof output !== 'object' || !input || typeof input !== 'object') return undefined;
  if (Array.isArray(input) !== Array.isArray(output)) return path || '(record)';
  for (const [k, item] of Object.entries(output)) {
    const found = firstKindMismatch((input as Record<string, unknown>)[k], item, path ? `${path}.${k}` : k);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * No string longer than the text limit, no nesting deeper than MAX_DEPTH. Iterative, so a crafted file
 * nested a million deep is refused rather than overflowing the stack.
 */
function checkLimits(root: unknown): void {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.length > TEXT_MAX_CHARS) throw new BackupError('damaged', 'The backup holds a text longer than Groundwork ever writes.');
    } else if (value && typeof value === 'object') {
      if (depth >= MAX_DEPTH) throw new BackupError('damaged', 'The backup is nested deeper than Groundwork ever writes.');
      for (const item of Array.isArray(value) ? value : Object.values(value)) {
        if (item && typeof item === 'object') stack.push([item, depth + 1]);
        else if (typeof item === 'string' && item.length > TEXT_MAX_CHARS) stack.push([item, depth + 1]);
      }
      if (!Array.isArray(value)) for (const k of Object.keys(value)) if (k.length > TEXT_MAX_CHARS) throw new BackupError('damaged', 'The backup holds a name longer than Groundwork ever writes.');
    }
  }
}

function fromEnvelope(error: unknown, bytes: Uint8Array): BackupError {
  if (error instanceof BackupError) return error;
  if (!(error instanceof EnvelopeError)) return new BackupError('damaged', `The file could not be opened (${String(error).slice(0, 200)}).`);
  switch (error.reason) {
    case 'malformed':
      // The envelope says "damaged" and "not an envelope" with one reason; its first line tells them apart.
      return firstLine(bytes)?.['groundwork'] === 'envelope'
        ? new BackupError('damaged', 'The backup is damaged: cut short, or changed after it was made.')
        : new BackupError('not-a-backup', 'This file is not a Groundwork backup.');
    case 'wrong-secret':
      return new BackupError('wrong-passphrase', 'The passphrase does not open this backup (or the file was changed).');
    case 'needs-passphrase':
      return new BackupError('needs-passphrase', 'This backup is locked with a passphrase.');
    case 'needs-key':
    case 'wrong-kind':
      return new BackupError('a-report', 'This file is a progress report, not a backup.');
    case 'unsupported-version':
      return new BackupError('newer-version', 'This file was made by a newer version of Groundwork.');
    case 'too-large':
      return new BackupError('too-large', 'This file is larger than a backup can be.');
    default:
      return new BackupError('not-a-backup', 'This file is not a Groundwork backup, or it is damaged.');
  }
}

function pathOf(issue: v.BaseIssue<unknown> | undefined): string {
  const path = issue?.path?.map((p) => String((p as { key?: unknown }).key)).join('.') ?? '';
  return (path ? `${path}: ` : '') + (issue?.message ?? 'invalid').slice(0, 200);
}

/** Let the page paint and take input between batches. */
export function yieldNow(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export { BACKUP_STORES };

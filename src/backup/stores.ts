/**
 * What a backup holds: one line per IndexedDB store, saying how a record is checked (the storage schema
 * itself, so a backup can never bring in a record the app could not read) and how it is merged on restore.
 * Export, validation and restore are generic over this list; nothing else names a store.
 *
 * Adding a store (the lead, at merge, for measures and plans; hierarchy, exposures and written exposure are in):
 *   1. import its record schema from storage/ (`import { HierarchyItemSchema } from '../storage/hierarchy.schema'`);
 *   2. add ONE line to BACKUP_STORES, e.g.
 *        { name: 'hierarchy', key: 'id', schema: HierarchyItemSchema, policy: 'words' },
 *      choosing the policy by the record's nature (see MergePolicy below; 'words' is the safe default for
 *      anything a person writes in that is not a journal entry);
 *   3. add its label to `backup.stores` in ui/copy/en-later.ts (optional: the store name is shown without one).
 * A store holding CryptoKeys that cannot be exported (the clinician's private keys, plans helper, CONTRACTS C)
 * goes in SKIPPED_STORES instead, with a note: a backup says it was left out, and a restore never touches it.
 * A store in neither list is simply not backed up — tests/unit/backup.stores.test.ts fails when the database
 * has a store that is in neither, so a new store cannot be forgotten.
 */
import * as v from 'valibot';
import { DraftSchema, EntrySchema, PersonalSchema, QuarantineRecordSchema, SessionRecordSchema, SettingRecordSchema } from '../storage/schema';
import { DoseSchema } from '../storage/doses.schema';
import { MediaRecordSchema } from '../storage/media.schema';
import { SafetyPlanSchema } from '../storage/safety-plan.schema';
import { WrittenCourseSchema } from '../storage/written-exposure.schema';
import { ExposureRecordSchema, HierarchySchema } from '../storage/exposure.schema';
import { MeasureRecordSchema } from '../storage/measures.schema';
import { PlanRecordSchema } from '../storage/plans.schema';
import { BASE64_PIECE_CHARS, base64PiecesToBlob, blobToBase64Pieces } from './base64';

/**
 * How a record from the file meets a record with the same key on this device (backup/merge.ts):
 * - 'copy': newer `updatedAt` takes the id; if the older one holds words the newer lacks, it is kept as
 *   a separate record with a new id and a title suffix (journal entries).
 * - 'words': newer wins; words only the older one holds go into a new journal entry (singletons such as
 *   the safety plan, and records whose copies would change what the app does, such as doses).
 * - 'newer': newer wins, the older is dropped — only for records that only ever grow (a recording's chunks).
 * - 'add-missing': a record already here is never replaced (settings, quarantine).
 */
export type MergePolicy = 'copy' | 'words' | 'newer' | 'add-missing';

export interface BackupStore {
  /** The IndexedDB store name, and the name in the file. */
  readonly name: string;
  /** The record's key field (its object store's keyPath). */
  readonly key: 'id' | 'key';
  /** The storage schema of one record as it is kept in IndexedDB. */
  readonly schema: v.GenericSchema;
  readonly policy: MergePolicy;
  /** Records that hold Blobs: how they are written into JSON and read back (base64). */
  readonly codec?: { encode(record: unknown): Promise<unknown>; fileSchema: v.GenericSchema; decode(record: unknown): unknown };
}

/**
 * Settings that describe this device, not the person: never exported, never restored. The app lock's
 * verifier above all: in a backup file it would let anyone holding the file guess the lock passphrase offline.
 * And the data key of encryption at rest (`atRest`, wrapped by the lock): it belongs to this device's lock,
 * and sealed records are written opened into a backup (backup/export.ts), so nothing in a file needs it.
 */
export const DEVICE_SETTINGS: readonly string[] = ['persistAsked', 'lastBackupAt', 'appLock', 'lockAfterMinutes', 'atRest'];

/** A voice note in the file: each Blob as its type and base64 pieces (no string in a backup exceeds the text limit). */
const FileChunk = v.object({
  type: v.pipe(v.string(), v.maxLength(200)),
  data: v.array(v.pipe(v.string(), v.maxLength(BASE64_PIECE_CHARS), v.regex(/^[A-Za-z0-9+/]*={0,2}$/))),
});

const mediaCodec: NonNullable<BackupStore['codec']> = {
  async encode(record) {
    const r = record as { chunks: Blob[] };
    const chunks = [];
    for (const blob of r.chunks) chunks.push({ type: blob.type, data: await blobToBase64Pieces(blob) });
    return { ...r, chunks };
  },
  fileSchema: v.object({ chunks: v.array(FileChunk) }),
  decode(record) {
    const r = record as { chunks: v.InferOutput<typeof FileChunk>[] };
    return { ...r, chunks: r.chunks.map((c) => base64PiecesToBlob(c.data, c.type)) };
  },
};

export const BACKUP_STORES: readonly BackupStore[] = [
  { name: 'entries', key: 'id', schema: EntrySchema, policy: 'copy' },
  { name: 'sessions', key: 'id', schema: SessionRecordSchema, policy: 'words' },
  { name: 'drafts', key: 'id', schema: DraftSchema, policy: 'words' },
  { name: 'settings', key: 'key', schema: SettingRecordSchema, policy: 'add-missing' },
  { name: 'personal', key: 'id', schema: PersonalSchema, policy: 'words' },
  { name: 'quarantine', key: 'id', schema: QuarantineRecordSchema, policy: 'add-missing' },
  { name: 'doses', key: 'id', schema: DoseSchema, policy: 'words' },
  { name: 'media', key: 'id', schema: MediaRecordSchema, policy: 'newer', codec: mediaCodec },
  { name: 'safetyPlan', key: 'id', schema: SafetyPlanSchema, policy: 'words' },
  // One active course at a time: a second copy would be a second course, so the older's words go to an entry.
  { name: 'writtenExposure', key: 'id', schema: WrittenCourseSchema, policy: 'words' },
  // The fear list is one record ('mine'); a practice copied would count twice in its charts.
  { name: 'hierarchy', key: 'id', schema: HierarchySchema, policy: 'words' },
  { name: 'exposures', key: 'id', schema: ExposureRecordSchema, policy: 'words' },
  // Answers only, no words: the newer administration wins (a copy would count twice in the trends).
  { name: 'measures', key: 'id', schema: MeasureRecordSchema, policy: 'newer' },
  // Accepted plans (with their history) and, in clinician mode, composed plans: the newer wins.
  { name: 'plans', key: 'id', schema: PlanRecordSchema, policy: 'newer' },
];

/** Stores deliberately left out of every backup, with the reason shown to the person. */
export const SKIPPED_STORES: readonly { name: string; note: string }[] = [
  {
    name: 'keys',
    note: 'Clinician keys cannot leave this browser (a new device makes new ones, and plans made with them are signed anew). The clinicians’ keys this device had learned are learned again from the next plan each sends.',
  },
];

export function backupStore(name: string): BackupStore | undefined {
  return BACKUP_STORES.find((s) => s.name === name);
}

/**
 * A voice note's recording (migration 005). Kept apart from schema.ts so the first screen never loads it.
 * `chunks` are the Blobs MediaRecorder gave, in order; played back as one Blob of `mime`.
 */
import * as v from 'valibot';

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const Millis = v.pipe(v.number(), v.integer(), v.minValue(0));

export const MEDIA_STATUSES = ['recording', 'saved'] as const;

export const MediaRecordSchema = v.object({
  id: Id,
  /** The fragment entry it belongs to; absent while recording (and for a recording cut off by a reload). */
  entryId: v.optional(Id),
  /** What MediaRecorder produced, e.g. `audio/webm;codecs=opus`. Only audio is stored. */
  mime: v.pipe(v.string(), v.maxLength(200), v.check((m) => m === '' || m.startsWith('audio/'), 'audio only')),
  /** Length recorded so far (ms): counted by the app, since a streamed recording carries no duration. */
  durationMs: Millis,
  status: v.picklist(MEDIA_STATUSES),
  chunks: v.array(v.instance(Blob)),
  createdAt: Millis,
  updatedAt: Millis,
});
export type MediaRecord = v.InferOutput<typeof MediaRecordSchema>;

/**
 * One administration of a questionnaire (PHQ-9, GAD-7, PCL-5; CLINICAL.md §5), completed or in progress.
 * Answers are kept as given, one per item (`null` = not answered yet), so an unfinished one carries on after a
 * reload. `total`, `band` and `item9` are derived from the answers when written (measures/scoring.ts) and
 * recomputed whenever shown; they are stored so a reader of the raw data (a backup, a report) sees them too.
 */
import * as v from 'valibot';
import { MEASURE_IDS, SCORING } from '../measures/scoring';

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const Millis = v.pipe(v.number(), v.integer(), v.minValue(0));
const Answer = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(4)));

export const MeasureRecordSchema = v.pipe(
  v.object({
    id: Id,
    measureId: v.picklist(MEASURE_IDS),
    answers: v.pipe(v.array(Answer), v.maxLength(20)),
    /** PHQ-9 and GAD-7's unscored last question (how difficult these problems made daily life), 0–3. */
    difficulty: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3)))),
    /** Which wording was asked: the last two weeks (PHQ-9, GAD-7), the past month or the past week (PCL-5). */
    period: v.picklist(['two-weeks', 'month', 'week']),
    startedAt: Millis,
    updatedAt: Millis,
    completedAt: v.optional(Millis),
    total: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(80)),
    /** The band of a completed administration (null while in progress). */
    band: v.nullable(v.string()),
    /** PHQ-9 item 9 as answered. */
    item9: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3))),
  }),
  v.check((r) => r.answers.length === SCORING[r.measureId].items, 'answers do not match the questionnaire'),
  v.check((r) => r.answers.every((a) => a === null || a <= SCORING[r.measureId].maxAnswer), 'an answer is out of range'),
);
export type MeasureRecord = v.InferOutput<typeof MeasureRecordSchema>;

import * as v from 'valibot';
import { PersonText } from '../../../storage/limits';

const Text = PersonText;

/** One line: the words shown when the person moved on, whether they confirmed them, and what they typed back. */
const LineAnswerSchema = v.object({ shown: Text, confirmed: v.boolean(), said: Text });

/** What an orientation session keeps in the journal (and validates when it is read back). */
export const OrientationDataSchema = v.object({
  lines: v.object({ day: LineAnswerSchema, time: LineAnswerSchema, place: LineAnswerSchema, statement: LineAnswerSchema }),
  /** The place as it stood at the end ('' = not named). */
  place: PersonText,
  /** The person's own statement ('' = the suggested words were used). */
  statement: PersonText,
  /** Which of them the person chose to keep on this device during this session. */
  kept: v.object({ place: v.boolean(), statement: v.boolean() }),
});

export type LineAnswer = v.InferOutput<typeof LineAnswerSchema>;
export type OrientationData = v.InferOutput<typeof OrientationDataSchema>;

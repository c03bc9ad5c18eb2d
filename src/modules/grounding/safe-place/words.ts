/** Small pure rules about the person's safe-place words. */
import type { Personal } from '../../../storage/schema';
import { FIELD_IDS, type FieldId } from './content';
import type { SafePlaceWords } from './schema';

export type WalkStepId = FieldId | 'back';

export function emptyWords(): SafePlaceWords {
  return { name: '', see: '', hear: '', feel: '', word: '' };
}

/** From the stored record (where the cue word is optional) to the words the module works with. */
export function fromPersonal(saved: Personal['safePlace'] | undefined): SafePlaceWords | null {
  if (!saved) return null;
  const words = { name: saved.name, see: saved.see, hear: saved.hear, feel: saved.feel, word: saved.word ?? '' };
  return hasWords(words) ? words : null;
}

/** What the stored record takes: trimmed, and no cue word field when there is none. */
export function toPersonal(words: SafePlaceWords): NonNullable<Personal['safePlace']> {
  const w = trimmed(words);
  const out: NonNullable<Personal['safePlace']> = { name: w.name, see: w.see, hear: w.hear, feel: w.feel };
  if (w.word) out.word = w.word;
  return out;
}

export function hasWords(words: SafePlaceWords | null | undefined): words is SafePlaceWords {
  return !!words && FIELD_IDS.some((id) => words[id].trim() !== '');
}

export function sameWords(a: SafePlaceWords | null, b: SafePlaceWords | null): boolean {
  const x = trimmed(a ?? emptyWords());
  const y = trimmed(b ?? emptyWords());
  return FIELD_IDS.every((id) => x[id] === y[id]);
}

/** The walk-through: one screen per field the person filled in, then the way back to the room. */
export function walkSteps(words: SafePlaceWords): WalkStepId[] {
  return [...FIELD_IDS.filter((id) => words[id].trim() !== ''), 'back'];
}

/** "Keep" is offered when there is something to keep that is not already kept exactly as it is. */
export function canKeepWords(words: SafePlaceWords, saved: SafePlaceWords | null): boolean {
  return hasWords(words) && !sameWords(words, saved);
}

function trimmed(words: SafePlaceWords): SafePlaceWords {
  return {
    name: words.name.trim(),
    see: words.see.trim(),
    hear: words.hear.trim(),
    feel: words.feel.trim(),
    word: words.word.trim(),
  };
}

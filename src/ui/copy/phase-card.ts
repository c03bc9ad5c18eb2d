/**
 * `t` for Today's phase card: the first screen's copy (en.ts) with the card's own sections merged in, key by
 * key as in ./later.ts, so the card reads `t.phase.noDose` (en.ts) and `t.phase.dayOf` (en-phase-card.ts)
 * from one section without loading the later screens' copy.
 */
import { en } from './en';
import { enPhaseCard } from './en-phase-card';

export const t = {
  today: en.today,
  phase: { ...en.phase, ...enPhaseCard.phase },
  dose: { ...en.dose, ...enPhaseCard.dose },
};

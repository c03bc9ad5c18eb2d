import { createStepsMachine } from '../../../flow/steps.machine';
import { steps } from './content';

/** One screen per sense, in the order of the exercise (5 see … 1 taste). */
export const fiveSensesMachine = createStepsMachine(
  'five-senses',
  steps.map((s) => s.id),
);

/**
 * Belief rehearsal: a short practice (a few minutes, never more than ten) with a belief the person wants to
 * strengthen — often the other way to see it they found in stuck points or a thought record. They rate how
 * believable it feels (0–100), write it out, read it back slowly, and rate again (CLINICAL.md §3).
 * Why short and repeated in the days after a dose: in one trial, brief training sessions repeated over days
 * 1–4 after a ketamine infusion went with lower depression scores for a month (Price et al. 2022). This is
 * not that training and claims nothing of its results; the trial is only the reason short, repeated
 * practice is offered in those days. Original wording.
 */
import type { Source } from '../../../flow/module';
import type { BeliefOrigin } from './schema';

export const copy = {
  choose: {
    heading: 'A belief to strengthen',
    body: [
      'This is a short practice, a few minutes at most: a belief you would like to feel more true, written out and read back slowly.',
      'It works best with your own words — a fairer or kinder way to see something, not a slogan. It does not need to feel true yet.',
    ],
    label: 'The belief you want to strengthen',
    hint: 'For example: “I did the best I could with what I knew then.”',
    offered: 'From your journal',
    use: 'Use this one',
    from: {
      'stuck-points': 'Your other way to see it, from stuck points',
      'thought-record': 'Your balanced thought, from a thought record',
      rehearsal: 'The belief you rehearsed last time',
    } satisfies Record<Exclude<BeliefOrigin, 'own'>, string>,
    empty: 'Write the belief first, or choose one from your journal. You can also leave whenever you like.',
  },
  rateBefore: {
    heading: 'How true does it feel right now?',
    label: 'How believable it feels now, before writing it',
    prompt: 'Not how true it should be — just how it feels right now. This is optional.',
  },
  write: {
    heading: 'Write it out',
    prompt: 'Write the belief out again, slowly, in your own words. You can add a line about why it might be true, if something comes.',
    label: 'Write it out',
    hint: 'Copying it word for word is fine.',
  },
  readBack: {
    heading: 'Read it back',
    prompt: [
      'Read what you wrote slowly, once or twice. Out loud, if you like and if you have the privacy.',
      'Notice anything that rises — doubt, relief, nothing much. All of it is fine.',
    ],
  },
  rateAfter: {
    heading: 'How true does it feel now?',
    label: 'How believable it feels now, after reading it back',
    prompt: 'Optional. It may change a little, a lot or not at all; beliefs usually shift slowly, over several practices.',
  },
  scale: { low: 'not at all', high: 'completely' },
  review: {
    heading: 'How it has felt over your practices',
    again: 'If it helps, you could come back to this for a few minutes on the next days.',
  },
  chart: {
    title: 'How believable it felt, before and after each practice',
    legendBefore: 'Before',
    legendAfter: 'After',
    table: 'Show as a table',
    columns: { session: 'Practice', when: 'When', before: 'Before', after: 'After' },
    axis: '0–100',
    session: (n: number) => `${n}`,
    notRated: '—',
    summary: (sessions: number, first: number | null, latest: number | null) => {
      const times = sessions === 1 ? '1 practice' : `${sessions} practices`;
      if (first === null && latest === null) return `${times} of this belief, not rated.`;
      if (first === null) return `${times} of this belief; after the latest it felt ${latest} out of 100.`;
      if (latest === null) return `${times} of this belief; before the first it felt ${first} out of 100.`;
      return `${times} of this belief: ${first} out of 100 before the first, ${latest} after the latest.`;
    },
    none: 'No practices of this belief yet.',
    loading: 'Reading your earlier practices…',
    failed: 'Your earlier practices could not be read just now; this one is kept.',
  },
  summary: {
    belief: (text: string) => `Rehearsed: ${text}`,
    none: 'Belief rehearsal (nothing written).',
    ratings: (before: string, after: string) => `How believable: ${before} before, ${after} after`,
    written: (text: string) => `Written: ${text}`,
    rating: (n: number | null) => (n === null ? '—' : `${n}/100`),
  },
};

export const sources: readonly Source[] = [
  {
    citation: 'Beck JS. Cognitive Behavior Therapy: Basics and Beyond, 3rd ed. Guilford Press, 2020.',
    use: 'Strengthening an alternative belief through repeated practice, rating how much it is believed (0–100) before and after.',
  },
  {
    citation:
      'Resick PA, Monson CM, Chard KM. Cognitive Processing Therapy for PTSD: A Comprehensive Manual. Guilford Press, 2017.',
    use: 'Alternative beliefs arrived at by examining stuck points (the wording here is original).',
  },
  {
    citation:
      'Price RB, Spotts C, Panny B, et al. A novel, brief, fully automated intervention to extend the antidepressant effect of a single ketamine infusion: a randomized clinical trial. Am J Psychiatry 2022;179(12):959–968.',
    use: 'Only the reason short, repeated practice is offered in days 1–4 after a dose. This exercise is not that trial’s training and does not claim its results.',
  },
];

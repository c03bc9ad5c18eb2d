/**
 * Stuck points: a belief that keeps the person stuck, looked at again through a few generic Socratic
 * questions, one per screen, each one skippable; then another way to see it, in their own words.
 * The questions are in the spirit of Cognitive Processing Therapy's challenging questions (Resick, Monson &
 * Chard 2017); those worksheets are copyrighted, so every word here is original (CLINICAL.md §3).
 * Self-blame is met gently, and a danger that is real and current is never argued with: the intro says so
 * and points to Help instead.
 */
import type { Source } from '../../../flow/module';
import type { QuestionId } from './timing';
export { QUESTION_IDS, type QuestionId } from './timing';

export interface Question {
  id: QuestionId;
  /** Short name, used as the heading and in the journal summary. */
  heading: string;
  prompt: string;
  /** A small nudge under the prompt. */
  hint: string;
}

export const questions: readonly Question[] = [
  {
    id: 'habit',
    heading: 'A habit of thought, or a fact?',
    prompt: 'Is this something you know to be true — or something you have told yourself so many times that it has come to feel true?',
    hint: 'Thoughts we repeat often can start to sound like facts. Noticing that is enough for now.',
  },
  {
    id: 'allOrNone',
    heading: 'All or nothing?',
    prompt: 'Does the belief use words like “always”, “never”, “everyone” or “completely”? Is there anything in between?',
    hint: 'You could look for one exception, however small.',
  },
  {
    id: 'feelings',
    heading: 'A feeling, or a fact?',
    prompt: 'Does it seem true mostly because it feels true? Strong feelings are real and they matter — and they are not always a reliable guide to what happened or what is.',
    hint: 'For example, feeling guilty is not the same as being to blame.',
  },
  {
    id: 'source',
    heading: 'Where did it come from?',
    prompt: 'Who or what first gave you this idea? Were they in a good position to know — and might they have had their own reasons to say it?',
    hint: 'It may have come from one person, one moment, or from a time when you had little choice.',
  },
  {
    id: 'friend',
    heading: 'If a friend said it',
    prompt: 'If someone you care about told you this about themselves, what would you want to say to them?',
    hint: 'Many of us are kinder to others than to ourselves.',
  },
  {
    id: 'whole',
    heading: 'The whole picture',
    prompt: 'Does the belief leave anything out — what else was going on, what you could and could not have known, or the choices you really had at the time?',
    hint: 'Looking back, we often know things we could not have known then.',
  },
  {
    id: 'cost',
    heading: 'What it costs, what it protects',
    prompt: 'What does holding this belief cost you? Is there anything it has protected you from?',
    hint: 'A belief that once kept you safe can make sense and still weigh on you now.',
  },
];

export const copy = {
  intro: {
    heading: 'Looking again at a stuck point',
    body: [
      'A stuck point is a belief that keeps you stuck — about yourself, other people, or the world. For example: “It was my fault”, “I can’t trust anyone”, “I should have stopped it”.',
      'You will name one, then look at it through a few questions, one at a time. Skip any question you like. There are no right answers, and you do not have to change your mind.',
      'If you notice blame turned on yourself, you could go gently. Blame is a common part of stuck points, not a sign that you are doing this wrong.',
      'If the belief is about a danger that is real and happening now, this is not the exercise for it. Please use Help or your safety plan, and talk to someone you trust or your care team.',
    ],
    begin: 'Begin',
  },
  belief: {
    heading: 'The belief that keeps you stuck',
    prompt: 'In a sentence, what is the belief? Write it the way it sounds in your head.',
    label: 'The stuck point',
    hint: 'For example: “If I had acted differently, it would not have happened.”',
  },
  rateBefore: {
    heading: 'How much do you believe it?',
    prompt: 'Right now, how much does this belief feel true? This is optional.',
    label: 'How much you believe it right now',
  },
  question: {
    label: 'Your thoughts (optional)',
    skip: 'Skip this question',
    stepOf: (n: number, total: number) => `Question ${n} of ${total}`,
    skipped: 'Skipped',
  },
  alternative: {
    heading: 'Another way to see it',
    prompt: 'Having looked at it from these sides, is there another way to put it — one that feels fairer or more balanced, even a little?',
    label: 'Another way to see it (optional)',
    hint: 'It does not have to be the opposite, or positive. For example: “I did what I could with what I knew then.”',
  },
  rateAfter: {
    heading: 'How much now?',
    prompt: 'Both ratings are optional. A small change, or none, is fine: beliefs often shift slowly.',
    stuck: 'How much you believe the stuck point now',
    alternative: 'How much you believe the other way to see it',
  },
  scale: { low: 'not at all', high: 'completely' },
  review: {
    heading: 'What you looked at',
    belief: 'The stuck point',
    alternative: 'Another way to see it',
    before: 'Believed at the start',
    after: 'Believed now',
    alternativeBelieved: 'Believed the other way',
    notRated: 'not rated',
    nothing: 'Nothing written this time — that is okay.',
    rehearse:
      'If you would like to strengthen the other way to see it, “Belief rehearsal” can offer it to you for a few minutes on the days that follow.',
  },
  summary: {
    title: 'Stuck point',
    belief: (text: string) => `Stuck point: ${text}`,
    none: 'Looked at a stuck point (nothing written).',
    ratings: (before: string, after: string) => `Believed: ${before} at the start, ${after} at the end`,
    alternative: (text: string) => `Another way to see it: ${text}`,
    alternativeBelieved: (n: number) => `Believed the other way: ${n}/100`,
    skipped: (names: string) => `Skipped: ${names}`,
    rating: (n: number | null) => (n === null ? '—' : `${n}/100`),
  },
};

export const sources: readonly Source[] = [
  {
    citation:
      'Resick PA, Monson CM, Chard KM. Cognitive Processing Therapy for PTSD: A Comprehensive Manual. Guilford Press, 2017.',
    use: 'The idea of stuck points and of looking at them through challenging questions (the questions here are in its spirit; the wording is original).',
  },
  {
    citation: 'Beck JS. Cognitive Behavior Therapy: Basics and Beyond, 3rd ed. Guilford Press, 2020.',
    use: 'Generic Socratic questions for examining a belief, and rating how much it is believed (0–100) before and after.',
  },
  {
    citation:
      'Substance Abuse and Mental Health Services Administration. SAMHSA’s Concept of Trauma and Guidance for a Trauma-Informed Approach. HHS Publication No. (SMA) 14-4884, 2014.',
    use: 'Invitation rather than instruction; every question optional; choice and safety first.',
  },
];

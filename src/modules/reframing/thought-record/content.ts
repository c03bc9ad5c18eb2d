/**
 * Thought record (CLINICAL.md §3): situation → automatic thought (and how much it is believed) → feelings and
 * their intensity 0–100 → what supports the thought → what does not fit it → a balanced alternative → the
 * feelings and the belief rated again. The column structure is the one in Greenberger & Padesky (2016) and
 * Beck (2021); FreeCBT shows the same flow as free software. All wording here is original.
 *
 * Two rules shape the copy:
 * - It never asks a person to argue with a danger that is real and happening now. An early check asks; "yes"
 *   says so plainly and offers Help, their safety plan and grounding instead — the record does not go on.
 * - Self-blame is met gently: writing a thought down is not agreeing with it, and the questions invite the
 *   kindness one would show a friend, never a verdict.
 */
import type { Source } from '../../../flow/module';
import type { TextField } from './timing';
export { STEP_IDS, TEXT_FIELDS, MAX_EMOTIONS, type StepId, type TextField } from './timing';

export interface TextStep {
  heading: string;
  prompt: string;
  label: string;
  /** An example or reassurance under the box. */
  hint: string;
  /** A gentle line shown with the prompt (self-blame, when nothing comes). */
  gentle?: string;
}

export const textSteps: Record<TextField, TextStep> = {
  situation: {
    heading: 'What happened',
    prompt:
      'Think of one moment when your mood shifted. Where were you, who was there, what was going on? Just what a camera would have caught, for now.',
    label: 'The situation (optional)',
    hint: 'For example: “Sunday evening. I sent my sister a message and she has not answered.”',
  },
  thought: {
    heading: 'The thought',
    prompt: 'What went through your mind just then? Write it the way it sounded to you, even if it seems harsh or odd.',
    label: 'The thought (optional)',
    hint: 'For example: “She is angry with me.” or “I always ruin things.”',
    gentle:
      'If the thought blames you, you can still write it exactly as it came. Putting it on the page is not agreeing with it — it is taking a look at it.',
  },
  evidenceFor: {
    heading: 'What seems to support the thought',
    prompt: 'What makes this thought feel true? Try to stay with things that happened, rather than guesses about what others think.',
    label: 'What supports it (optional)',
    hint: 'Your side belongs here too. Nothing you write is being judged.',
    gentle: 'A thought can feel completely true and still leave things out. Both can be so.',
  },
  evidenceAgainst: {
    heading: 'What does not quite fit',
    prompt: 'What does the thought leave out? Is there anything that does not fit it, or shows another side?',
    label: 'What does not fit (optional)',
    hint: 'A few questions that sometimes help are below. Use any, or none.',
  },
  alternative: {
    heading: 'A fairer way to see it',
    prompt:
      'With both sides in view, is there a way of putting it that fits everything you wrote? It does not need to be cheerful — only fair, and kind.',
    label: 'A balanced thought (optional)',
    hint: 'For example: “She may just be busy. Even if she is upset, we have talked things through before.”',
    gentle: 'If nothing comes yet, that is all right. Noticing the first thought is already something.',
  },
};

/** Optional questions on the "does not fit" screen, in the spirit of widely published Socratic questions. */
export const againstQuestions: readonly string[] = [
  'If a friend told you they had this thought about themselves, what would you say to them?',
  'Has there been a time when this was not true?',
  'Is this a fact, or a feeling that seems like a fact?',
  'Are you holding yourself responsible for something that was not fully in your hands?',
];

/** A few common words offered as optional chips; the person may name any feeling in their own words. */
export const emotionWords: readonly string[] = [
  'sad',
  'anxious',
  'scared',
  'angry',
  'ashamed',
  'guilty',
  'lonely',
  'hurt',
  'numb',
  'frustrated',
];

export const copy = {
  intro: {
    heading: 'A thought record',
    body: [
      'When something upsets us, a thought often arrives so quickly that it feels like a fact. This exercise slows one thought down so you can look at it on the page.',
      'You will write what happened, what you thought and felt, what supports the thought and what does not — and then a way of seeing it that fits all of that.',
      'Every step is optional. You can go back, leave a box empty, or stop whenever you like. There are no right answers here.',
    ],
    begin: 'Begin',
  },
  check: {
    heading: 'One question first',
    prompt: 'Is this about a danger that is happening now — something or someone that could hurt you today?',
    why: 'This exercise is for thoughts about things that happened or might happen. A danger that is real and present is not something to argue with.',
    legend: 'Is this about a danger happening now?',
    no: 'No, not now',
    yes: 'Yes, it is happening now',
    unsure: 'I’m not sure',
  },
  danger: {
    heading: 'Your safety comes first',
    body: [
      'If you are in danger now, that is not a thought to question. It is real, and what matters most is getting safe.',
      'You could turn to your safety plan if you have one, reach out to someone you trust, or open Help for people you can call. If you are in immediate danger, call your local emergency number.',
      'This exercise will be here later, whenever you want it.',
    ],
    unsureHeading: 'It is okay to put safety first',
    unsureBody: [
      'If part of you is not sure you are safe right now, that matters. It is okay to look after your safety before anything else.',
      'You could turn to your safety plan if you have one, reach out to someone you trust, or open Help for people you can call. If you are in immediate danger, call your local emergency number.',
      'If you feel unsettled, grounding may help you come back to the room first.',
    ],
    help: 'Open Help',
    ground: 'Ground yourself',
    carryOn: 'It is not happening now — carry on',
    finish: 'End the thought record here',
  },
  belief: {
    before: 'How much do you believe this thought right now?',
    alternative: 'How much do you believe the balanced thought?',
    after: 'How much do you believe the first thought now?',
    low: 'not at all',
    high: 'completely',
  },
  emotions: {
    heading: 'What you felt',
    prompt: 'Which feelings came with the thought? Name them in your own words, and how strong each was, from 0 to 100.',
    suggestions: 'Some words people use (optional)',
    addOwn: 'Add a feeling in my own words',
    nameLabel: (n: number) => `Feeling ${n}`,
    strength: (name: string) => `How strong was ${name.trim() || 'this feeling'}?`,
    remove: (name: string) => `Remove ${name.trim() || 'this feeling'}`,
    none: 'No feelings named yet — that is okay. Some moments are hard to put a name to.',
    full: 'That is as many feelings as one record holds.',
    low: 'barely',
    high: 'as strong as it gets',
  },
  rerate: {
    heading: 'Looking again',
    prompt: 'Having written all of this, how strong are those feelings now, and how much do you believe the first thought?',
    yourThought: 'The first thought',
    feelingNow: (name: string) => `${name.trim()} now`,
    atFirst: (n: number) => `At first: ${n} out of 100`,
    change: 'Any change is fine, and so is no change. Feelings often shift slowly, over days.',
  },
  rating: {
    notRated: 'Not rated',
    value: (n: number) => `${n} out of 100`,
    rate: 'Rate it',
    clear: 'Clear',
  },
  /** Under every step: stopping is always fine. */
  out: {
    before: 'If this stirs up too much, you can stop or ',
    link: 'ground yourself first',
    after: ' — your words are kept.',
  },
  next: 'Next',
  skip: 'Skip',
  summary: {
    head: 'Thought record.',
    stoppedDanger: 'Stopped at the safety check: this was about a danger happening now.',
    stoppedUnsure: 'Stopped at the safety check: not sure whether this was about a danger happening now.',
    believed: (n: number) => `believed ${n}%`,
    labels: {
      situation: 'Situation',
      thought: 'Thought',
      feelings: 'Feelings',
      evidenceFor: 'What supports it',
      evidenceAgainst: 'What does not fit',
      alternative: 'Balanced thought',
      beliefAfter: 'Belief in the first thought now',
    },
  },
};

export const sources: readonly Source[] = [
  {
    citation: 'Beck JS. Cognitive Behavior Therapy: Basics and Beyond, 3rd ed. Guilford Press, 2021.',
    use: 'Thought records: catching an automatic thought, rating belief and emotion, weighing it, responding with a balanced thought.',
  },
  {
    citation: 'Greenberger D, Padesky CA. Mind Over Mood: Change How You Feel by Changing the Way You Think, 2nd ed. Guilford Press, 2016.',
    use: 'The seven-column structure: situation, moods (0–100), automatic thoughts, evidence for, evidence against, alternative thought, moods re-rated.',
  },
  {
    citation: 'FreeCBT (Quirk). Open-source thought-record app, github.com/Flaque/quirk.',
    use: 'A public example of the same flow, one step per screen, with no rating required to go on.',
  },
];

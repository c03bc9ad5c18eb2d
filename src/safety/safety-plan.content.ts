/**
 * The personal safety plan's clinical wording: the six steps of Stanley & Brown's Safety Planning
 * Intervention, as data (CLINICAL.md §6). Prompts and examples are written for this app (the published
 * forms are not copied); each step keeps the intervention's order, because the steps build on one another:
 * notice the signs, cope alone, then with others, then ask for help, then professionals, and make the
 * surroundings safer throughout.
 *
 * Deliberately absent: "reasons for living" as an extra step. It appears in later Stanley–Brown materials,
 * but we could not check a citable source for it here, so it is left out until one is (brief: "if unsure,
 * leave it out").
 */
import type { SafetyPlanSectionId } from '../storage/safety-plan.schema';

export interface Source {
  citation: string;
  use: string;
}

export interface SafetyPlanSection {
  id: SafetyPlanSectionId;
  /** Step number in Stanley & Brown's order (1–6). */
  step: number;
  title: string;
  /** An invitation, never a command. */
  prompt: string;
  /** A few examples, so an empty box is never a blank wall. */
  examples: readonly string[];
  /** The label of the text box for one item (read by screen readers with the item's number). */
  itemLabel: string;
  /** Wording of the "add" button. */
  addLabel: string;
}

export const SAFETY_PLAN_SOURCES: readonly Source[] = [
  {
    citation:
      'Stanley B, Brown GK. Safety planning intervention: a brief intervention to mitigate suicide risk. Cognitive and Behavioral Practice 2012;19(2):256–264.',
    use: 'The six steps, their order, and that the plan is made together with a clinician.',
  },
  {
    citation: 'SAMHSA. Concept of Trauma and Guidance for a Trauma-Informed Approach (HHS Publication No. SMA 14-4884), 2014.',
    use: 'Invitational wording: choice and control stay with the person.',
  },
];

export const SAFETY_PLAN_INTRO = {
  what:
    'A safety plan is a short list, in your own words, of what you can do and who you can turn to when things get very hard — written now, while you can think it through, so it is ready when thinking is difficult.',
  clinician:
    'It works best when you make it with your clinician, and go over it together from time to time. You can start it here and take it to them, on screen or printed.',
  notAContract:
    'This is not a promise or a "no-suicide contract". Nobody is asking you to sign anything. It is a tool for you, and you can change it whenever you like.',
  yourWords: 'Write as much or as little as you want. Everything stays on this device and is saved as you type.',
} as const;

export const SAFETY_PLAN_SECTIONS: readonly SafetyPlanSection[] = [
  {
    id: 'warningSigns',
    step: 1,
    title: 'Warning signs',
    prompt:
      'What tells you a hard time may be starting? It might be a thought, a feeling, something in your body, or something you notice yourself doing.',
    examples: ['Not answering messages', 'Thinking "what is the point"', 'Lying awake after 3 am', 'Feeling far away from my body'],
    itemLabel: 'Warning sign',
    addLabel: 'Add a warning sign',
  },
  {
    id: 'coping',
    step: 2,
    title: 'Things I can do on my own',
    prompt:
      'What has helped you, even a little, to get through a difficult moment without anyone else? Small things count.',
    examples: ['Five senses grounding', 'Cold water on my hands', 'A slow walk around the block', 'Playing one song loudly'],
    itemLabel: 'Something I can do',
    addLabel: 'Add something I can do',
  },
  {
    id: 'distraction',
    step: 3,
    title: 'People and places that take my mind off things',
    prompt:
      'Who could you be around, or where could you go, that helps you feel less alone — without needing to talk about how you feel?',
    examples: ['The café on the corner', 'Sitting with my neighbour', 'The library', 'Calling my cousin about football'],
    itemLabel: 'Person or place',
    addLabel: 'Add a person or place',
  },
  {
    id: 'people',
    step: 4,
    title: 'People I can ask for help',
    prompt:
      'Who could you tell that you are struggling and ask for help? If you add their phone number, you can call them from here with one tap.',
    examples: ['Sam — 07700 900123', 'My sister Ana', 'A friend from group'],
    itemLabel: 'Person I can ask',
    addLabel: 'Add a person',
  },
  {
    id: 'professionals',
    step: 5,
    title: 'Professionals and crisis lines',
    prompt:
      'Your clinician, your doctor, an out-of-hours service you know. The crisis lines below are always part of this step — they are built in and cannot be removed.',
    examples: ['My therapist — 020 7946 0000 (weekdays)', 'GP surgery', 'Local urgent care'],
    itemLabel: 'Professional or service',
    addLabel: 'Add a professional or service',
  },
  {
    id: 'environment',
    step: 6,
    title: 'Making my surroundings safer',
    prompt:
      'When things are very hard, having fewer ways to hurt yourself close by really does make a difference. What could you move, lock away or give to someone you trust for a while? You might work this out with your clinician or a person you trust.',
    examples: ['Ask Sam to keep my medication for now', 'Keep only a few days of tablets at home', 'Store things I could hurt myself with somewhere else'],
    itemLabel: 'Step to make things safer',
    addLabel: 'Add a step',
  },
];

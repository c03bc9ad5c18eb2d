/**
 * Written exposure, WET-style (CLINICAL.md §4): five sessions of thirty minutes' timed writing about one
 * memory. The structure — one memory, five sessions, the first about the event in full detail with thoughts
 * and feelings, the next ones going deeper into the hardest moments, the last ones about what it means now —
 * is Sloan & Marx's. Their manual is copyrighted: every instruction here is original wording, written for
 * someone at home between sessions with their clinician.
 *
 * Rules that shape the copy:
 * - Before session 1 the person reads that distress often rises in the first sessions and eases later, and
 *   that they can stop at any time (CLINICAL.md §4 judgment).
 * - No word counts, no grading, nothing about "doing it right": spelling, order and grammar never matter.
 * - Invite, never command; pausing, grounding and stopping are always offered, never framed as failure.
 * - After each session: "Any thoughts of harming yourself?" — yes opens the safety plan and crisis lines.
 */
import type { Source } from '../../../flow/module';
import type { SelfHarmAnswer } from '../../../storage/written-exposure.schema';
import { WRITING_SECONDS } from './timing';

export { WRITING_SECONDS };

export interface SessionInstructions {
  /** What this session is about, in a few words (the course overview lists it). */
  focus: string;
  /** The instructions, paragraph by paragraph. */
  paragraphs: readonly string[];
}

const minutes = WRITING_SECONDS / 60;

/** One entry per session, 1–5 (index 0 = session 1). All wording original. */
export const SESSIONS: readonly SessionInstructions[] = [
  {
    focus: 'The memory, from beginning to end',
    paragraphs: [
      'Write about the memory as it happened, from a little before it began until a little after it ended. Go slowly and put in as much detail as you can: where you were, what you saw and heard, what you noticed in your body, who was there and what they did.',
      'Write what you thought and felt at the time — and, if it comes up, what you think and feel now as you write.',
      `Spelling, grammar and order do not matter, and nobody will read this unless you choose to show it. Try to keep writing for the ${minutes} minutes. If you get stuck, you can write the last sentence again, or “I am stuck”, until the words come back.`,
    ],
  },
  {
    focus: 'The same memory, in more detail',
    paragraphs: [
      'Write about the same memory again, from the beginning. This time, go further into the details: the small things, the sounds and smells, the moments in between.',
      'Notice which parts you are tempted to hurry past. When you reach one, slow down and stay with it a little longer than feels comfortable — what happened, what you thought, what you felt.',
      'It is all right if the writing comes out differently from last time. There is no right version.',
    ],
  },
  {
    focus: 'The hardest moments',
    paragraphs: [
      'Write about the same memory once more. Today, give most of your time to the moments that are hardest to remember — the part that comes back uninvited, or the one you would most like to skip.',
      'Write those moments closely, one by one: what was happening around you, what was happening inside you, what you thought it meant then. Some people find it helps to write as if it were happening now (“I am standing…”); use whatever feels truer.',
      'Strong feelings may come while you write. They rise and they pass. You can pause and ground whenever you need to, and come back to the same place.',
    ],
  },
  {
    focus: 'What it means now',
    paragraphs: [
      'Today, begin with the memory, then turn to what it means to you now. How has it changed the way you see yourself? Other people? How safe the world is, or what you can expect from the future?',
      'You might write about what you blamed yourself or others for, then and now, and whether that has shifted. Tie what you write to moments in the memory when you can.',
      'There is no conclusion to reach. Write what is true for you today, even if it is unfinished or contradicts itself.',
    ],
  },
  {
    focus: 'How it has shaped your life',
    paragraphs: [
      'For this last session, write about the memory and how it has shaped your life: your relationships, your work or studies, your body, the things you avoid or hold on to, what you trust.',
      'Write about how you see it now compared with when you began these sessions, and what you would like to take forward — what kind of life you want alongside this memory.',
      'If there are things you want to talk through with your clinician, you can note them here too.',
    ],
  },
];

export const copy = {
  loading: 'Opening your course…',
  loadFailed: 'Your course could not be opened just now. Nothing you wrote is lost. Try again in a moment, or go back to Today.',
  /** The course overview. */
  overview: {
    heading: 'Your written exposure course',
    headingNew: 'Before you begin',
    intro: [
      'Written exposure is five writing sessions about one memory that still troubles you, with thirty minutes of writing in each. Writing about it fully, again and again, helps many people find that the memory loses some of its hold.',
      'It is done alongside your clinician, not instead of them. If you can, choose the memory with them.',
    ],
    /** CLINICAL.md §4: said before session 1. */
    rises:
      'Distress often rises in the first sessions and eases in later ones. That is common and is not a sign that something is going wrong.',
    stop: 'You can stop at any time: pause the timer, ground yourself, or leave. Every word is kept, just as you left it.',
    between: 'Many people leave a few days between sessions; follow what you agreed with your clinician.',
    nameLabel: 'A few words to name the memory for yourself (optional)',
    nameHint: 'Only you will see this. You do not need to describe it here.',
    begin: (n: number) => `Begin session ${n}`,
    carryOn: (n: number) => `Carry on with session ${n}`,
    sessionsHeading: 'The five sessions',
    status: {
      'not-started': 'Not started',
      writing: 'Started',
      done: 'Finished',
    } as Record<'not-started' | 'writing' | 'done', string>,
    sessionLabel: (n: number) => `Session ${n}`,
    read: (n: number) => `Read session ${n}`,
    complete: 'You have finished all five sessions. Your writing stays here to read whenever you like.',
    completeNext:
      'It can help to talk with your clinician about how the sessions went and what you noticed. If another memory still troubles you, you can begin a new course with them.',
    newCourse: 'Begin a course about another memory',
    newCourseConfirm:
      'Begin a new course? This course stays here to read; it is simply set aside.',
    newCourseYes: 'Yes, begin a new course',
    newCourseNo: 'Not now',
  },
  /** Reading a finished session (read-only unless the person chooses Edit). */
  reading: {
    heading: (n: number) => `Session ${n}`,
    readOnly: 'This session is finished. It is shown to read; nothing changes unless you choose Edit.',
    edit: 'Edit',
    doneEditing: 'Done editing',
    back: 'Back to the course',
    label: (n: number) => `Your writing in session ${n}`,
    empty: 'Nothing was written in this session.',
  },
  before: {
    heading: (n: number) => `Session ${n}: before you write`,
    presence: {
      legend: 'How present do you feel right now?',
      low: 'far away, not here',
      high: 'fully here',
    },
    suds: {
      legend: 'How distressed do you feel right now?',
    },
    today: (focus: string) => `Today: ${focus.toLowerCase()}.`,
    optional: 'Both are optional.',
    next: 'Continue',
    skip: 'Skip these',
  },
  groundFirst: {
    heading: 'Ground yourself first?',
    body: 'You said you are very distressed or not quite here. It can help to ground yourself for a few minutes before writing. The writing will wait, exactly as it is.',
    ground: 'Ground first',
    continue: 'Continue to the writing',
  },
  writing: {
    heading: (n: number) => `Session ${n}`,
    instructionsToggle: 'The instructions for this session',
    label: 'Your writing',
    hint: 'Every word is kept as you type. Nobody counts or marks it.',
    notSaved: 'Not kept yet — trying again',
    pauseAndGround: 'Pause and ground',
    pauseAndGroundHint: 'The timer pauses; you come back to this exact place.',
    finish: 'I have finished writing',
    stopEarly: 'Stop for today',
    stopEarlyHint: 'Stopping early is all right. What you wrote is kept.',
    timeUp: 'The thirty minutes are up. Finish your sentence, or your thought, and stop when you are ready.',
  },
  timer: {
    label: 'Writing time',
    /** Whole minutes (the shown number is rounded up: "1 min" until time is really up). */
    minutes: (n: number) => `${n} min`,
    leftShort: 'left',
    leftWords: (min: number) => (min <= 1 ? 'Less than a minute left' : `About ${min} minutes left`),
    pause: 'Pause timer',
    resume: 'Resume timer',
    paused: 'Paused',
    started: `Timer started: ${minutes} minutes`,
    halfway: 'Halfway: about fifteen minutes left',
    fiveLeft: 'About five minutes left',
    timeUp: 'Time is up. Finish your thought; there is no rush.',
  },
  after: {
    heading: (n: number) => `Session ${n}: after writing`,
    suds: {
      legend: 'How distressed do you feel now?',
    },
    selfHarm: {
      legend: 'Any thoughts of harming yourself?',
      hint: 'Thoughts like these can come up after writing about something painful. Whatever you answer, your safety plan and crisis lines are one tap away.',
      options: [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
        { value: 'rather-not', label: 'I would rather not say' },
      ] as readonly { value: SelfHarmAnswer; label: string }[],
    },
    continue: 'Continue',
  },
  support: {
    heading: 'Your safety plan first',
    body: 'Writing about this was hard, and your answers say this is a moment to look after your safety first. Here is your own plan and people you can call. There is no hurry to do anything else.',
    plan: 'Open your whole safety plan',
    help: 'Crisis lines and Help',
    groundHeading: 'Ground yourself now',
    groundBody: 'A few minutes of grounding can help. This session waits, just as it is.',
    ground: 'Ground me now',
    continue: 'I have looked at this — continue',
    emptyPlan: 'You have not written a safety plan yet. You can make one now, ideally with your clinician.',
  },
  summary: {
    head: (n: number) => `Written exposure, session ${n} of 5`,
    stopped: 'Stopped before the end — what was written is kept in the course.',
    distress: (before: number | null, after: number | null) =>
      before !== null && after !== null ? `Distress ${before} → ${after}` : before !== null ? `Distress before: ${before}` : `Distress after: ${after}`,
    kept: 'The writing is kept in the written exposure course.',
  },
} as const;

export const sources: readonly Source[] = [
  {
    citation:
      'Sloan DM, Marx BP. Written Exposure Therapy for PTSD: A Brief Treatment Approach for Mental Health Professionals. American Psychological Association, 2019.',
    use: 'Five sessions of thirty minutes’ writing about one memory: first the event in detail, later the hardest parts, then its meaning. The instructions here are original wording.',
  },
  {
    citation:
      'Sloan DM, Marx BP, Lee DJ, Resick PA. A brief exposure-based treatment vs cognitive processing therapy for posttraumatic stress disorder: a randomized noninferiority clinical trial. JAMA Psychiatry 2018;75(3):233–239.',
    use: 'Written exposure was non-inferior to cognitive processing therapy, with far fewer people dropping out (6% vs 39%).',
  },
  {
    citation:
      'Sloan DM, Marx BP, Resick PA, et al. Written exposure therapy vs prolonged exposure therapy in the treatment of posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry 2023;80(11):1093–1100.',
    use: 'Written exposure was non-inferior to prolonged exposure.',
  },
  {
    citation: 'Stanley B, Brown GK. Safety planning intervention: a brief intervention to mitigate suicide risk. Cogn Behav Pract 2012;19(2):256–264.',
    use: 'After each session: the person’s own safety plan and crisis lines first when distress is very high or thoughts of self-harm come up.',
  },
];

/**
 * In-vivo exposure: one real-life practice of a situation from the person's fear list (CLINICAL.md §4).
 * Before: what I fear will happen and how likely (0–100 %), safety behaviours I will drop, distress and
 * presence. During: a timer and one tap to log the peak. After: distress, "did what you feared happen?", what
 * I learned (Foa et al. 2019; Craske et al. 2008, 2014 — cited in ../content.ts). Original wording.
 * Breathing inside exposure is regulation, not escape (CLINICAL.md §4).
 */
import type { Happened } from '../../../storage/exposure.schema';
import { EXPOSURE_SOURCES } from '../content';

export const sources = EXPOSURE_SOURCES;

export const copy = {
  intro: {
    heading: 'About this practice',
    body: [
      'This is for practising one situation from your fear list, in real life, the way you and your clinician agreed.',
      'You will say what you expect to happen, go and do it for as long as you planned, and then notice what actually happened. The aim is to learn, not to feel no fear.',
      'Slow breathing or grounding during the practice is fine: it helps you stay with it, it is not giving up. You can pause or stop at any time, and nothing is lost.',
    ],
  },
  choose: {
    heading: 'Which situation?',
    body: 'Only situations you have checked as realistically safe are shown here.',
    none: 'There is nothing on your fear list checked as realistically safe yet. You can add situations and check them on your list.',
    toList: 'Open my fear list',
    expected: (n: number) => `expected ${n}`,
    need: 'Choose a situation to go on.',
  },
  predict: {
    heading: 'What do you fear will happen?',
    label: 'What I fear will happen',
    hint: 'As specific as you can: “I will panic and faint in the queue”, “people will stare at me”.',
    likelihoodLabel: 'How likely does that feel, right now? (0–100 %)',
    low: 'not at all likely',
    high: 'certain',
  },
  behaviours: {
    heading: 'Safety behaviours to drop',
    body: 'Safety behaviours are the small things we do to feel protected — holding a phone, standing near the exit, avoiding eye contact. Dropping them lets you find out what happens without them.',
    label: 'What I will try to do without this time',
    hint: 'Optional. One is enough.',
  },
  ready: {
    heading: 'Right now',
    sudsLabel: 'How distressed do you feel right now? (0–100)',
    presenceLabel: 'How present do you feel right now? (0–10)',
    presenceLow: 'far away',
    presenceHigh: 'fully here',
  },
  groundFirst: {
    heading: 'Ground first?',
    body: 'Your ratings suggest it might help to feel steadier before you start. A few minutes of grounding often makes the practice more useful. It is your choice — you can go on now if you want to.',
    ground: 'Ground first',
    carryOn: 'Carry on with the practice',
  },
  during: {
    heading: 'Practising',
    body: 'Stay with it as you planned. Notice what is actually happening around you. Slow breathing is fine.',
    timerLabel: 'Time so far',
    pause: 'Pause the timer',
    resume: 'Resume the timer',
    paused: 'Timer paused',
    peakLabel: 'Log your highest distress so far (0–100)',
    peakLogged: (n: number) => `Highest so far: ${n}`,
    stop: 'I have finished the practice',
  },
  after: {
    heading: 'After the practice',
    sudsLabel: 'How distressed do you feel now? (0–100)',
  },
  support: {
    heading: 'Let’s look after you first',
    body: 'That sounds like it was hard. Before anything else, here is your safety plan and the people you can reach right now. Grounding is here too. The rest can wait — or be left for today.',
    planLink: 'Open my safety plan',
    grounding: 'Ground now',
    carryOn: 'I am steady enough to carry on',
  },
  outcome: {
    heading: 'What happened?',
    happenedLabel: 'Did what you feared happen?',
    happened: { yes: 'Yes', partly: 'Partly', no: 'No' } satisfies Record<Happened, string>,
    learnedLabel: 'What did I learn?',
    learnedHint: 'About the situation, about yourself, about how you coped. Anything counts.',
    finish: 'Finish',
    notOnly:
      'If your distress did not go down much this time, that is common and not a failure. Doing it, and noticing what really happened, is the practice.',
  },
  summary: {
    situation: (s: string) => `Situation: ${s}`,
    prediction: (s: string, likely: string) => `I feared: ${s}${likely}`,
    likely: (n: number) => ` (${n} % likely)`,
    behaviours: (s: string) => `Safety behaviours to drop: ${s}`,
    suds: (pre: string, peak: string, post: string) => `Distress: before ${pre}, highest ${peak}, after ${post}`,
    minutes: (n: number) => `Practised for ${n} min`,
    happened: (s: string) => `Did what I feared happen? ${s}`,
    learned: (s: string) => `What I learned: ${s}`,
    none: 'A real-life exposure (nothing written).',
    notRated: '—',
  },
};

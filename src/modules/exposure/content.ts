/**
 * Exposure copy shared by the hierarchy screen, the gate, the in-vivo module and its charts (CLINICAL.md §4).
 * Original wording; the protocols are cited, never quoted (the PE guide is copyrighted). Plain data: no
 * Svelte, no DOM.
 */
import type { Source } from '../../flow/module';

export const EXPOSURE_SOURCES: readonly Source[] = [
  {
    citation:
      'Foa EB, Hembree EA, Rothbaum BO, Rauch SAM. Prolonged Exposure Therapy for PTSD: Emotional Processing of Traumatic Experiences. Therapist Guide, 2nd ed. Oxford University Press, 2019.',
    use: 'A list of feared situations rated 0–100 (SUDS), starting around 40 and climbing; before, peak and after ratings.',
  },
  {
    citation: 'Craske MG, Kircanski K, Zelikowsky M, et al. Optimizing inhibitory learning during exposure therapy. Behav Res Ther 2008;46:5–27.',
    use: 'Naming what you fear will happen and how likely it is, then noticing what happened: learning matters more than the fear going down.',
  },
  {
    citation: 'Craske MG, Treanor M, Conway CC, Zbozinek T, Vervliet B. Maximizing exposure therapy: an inhibitory learning approach. Behav Res Ther 2014;58:10–23.',
    use: 'Dropping safety behaviours; expectancy violation as the thing to track.',
  },
  {
    citation: 'PE Coach (mobile app). US Department of Veterans Affairs, National Center for PTSD.',
    use: 'Your own words for what 0, 50 and 100 feel like, shown beside every rating.',
  },
];

/** The hierarchy screen (#/exposure). */
export const HIERARCHY = {
  title: 'My fear list',
  intro:
    'Exposure means slowly, safely approaching things you have been avoiding because they bring up fear — so that you can learn what really happens. It is done with your clinician, at a pace you agree together. This list is where you keep the situations or memories you might work on.',
  howTo:
    'Write each one down and rate how distressing you expect it to be, from 0 to 100. Many people start with something around 40 — hard enough to learn from, not overwhelming — and climb from there, often one or two a week.',
  anchorsHeading: 'Your own 0, 50 and 100',
  anchorsIntro:
    'Numbers mean more in your own words. Think of a moment for each and describe it briefly. They will be shown beside every 0–100 rating you make here, and you can change them later.',
  anchor0: 'What 0 feels like for me (calm, settled)',
  anchor50: 'What 50 feels like for me (clearly uneasy, but managing)',
  anchor100: 'What 100 feels like for me (the most distress I can imagine)',
  suggestStart: (text: string, suds: number) => `A good place to start might be “${text}” (${suds}). Your clinician may suggest another.`,
  noSuggestion: 'Once you add a few situations, a place to start near 40 will be suggested here.',
  safetyQuestion: 'Is this realistically safe, even though it feels dangerous?',
  safetyHint:
    'Exposure is only for things that are actually safe — like driving on a quiet road, or a crowded shop — not for situations that could really harm you.',
  safetyYes: 'Yes, it is realistically safe',
  safetyNo: 'No, or I am not sure',
  notSafe:
    'Then this is not one to practise alone with the app. Please talk it through with your clinician — together you can work out whether, and how, it might become safe to approach.',
  statusLabel: 'Where I am with this',
  status: { 'not-yet': 'Not yet', practising: 'Practising', done: 'Done' } as const,
};

/** The person agreeing exposure work with their clinician (flow/exposure-gate.ts). */
export const AGREEMENT = {
  heading: 'Before exposure work',
  explain: [
    'Exposure work asks you to approach, on purpose, things that frighten you. It helps many people with trauma — and it works best, and most safely, as part of treatment with a clinician who knows you.',
    'So the app opens exposure exercises when your clinician has set them in a plan, or when you tell it, in your own words, that you have agreed this work with your clinician.',
    'You can take this back at any time in Settings. Grounding, reframing and your safety plan never need this step.',
  ],
  label: 'In your own words: what have you agreed with your clinician?',
  hint: 'For example: “Dr Rivera and I agreed I would practise the items on my list between sessions.”',
  confirm: 'I have agreed this with my clinician',
  needWords: 'A few words of your own are needed here — whatever describes what you agreed.',
  notAgreed:
    'If you have not talked about exposure with your clinician yet, that is completely fine. It can wait until you have; grounding and the other exercises are here meanwhile.',
};

/** Why an exposure exercise cannot start now (the gate's reasons), and what the person can do. */
export const GATE = {
  heading: 'Not right now',
  phase:
    'Exposure is never started in the hours during and right after a dose: your mind needs rest and steadiness then, not new challenges. It will be available again from the day after.',
  /** The same, when it is known when exposure opens (the end of settling; written exposure: 24 h at least). */
  phaseUntil: (when: string) =>
    `Exposure is never started in the hours during and right after a dose: your mind needs rest and steadiness then, not new challenges. It will be available again from ${when}.`,
  dose24h: (when: string) =>
    `Written exposure waits at least 24 hours after a dose, so that the memory work happens when you are steady. It will be available from ${when}.`,
  noAgreement: 'Exposure work is done together with a clinician. When you have agreed it with yours, you can say so here.',
  meanwhile: 'Meanwhile, these might help',
  /** The fear list and the agreement ask for writing about what is feared: not while a dose's effects last. */
  listSession:
    'Your fear list waits while the effects of a dose last: writing about what you fear is work for later, not for now. It is kept just as it is, and opens again once the effects have passed.',
  agreeSession:
    'Exposure work, and saying you have agreed it with your clinician, wait while the effects of a dose last. This page opens again once the effects have passed.',
  sessionMode: 'Back to session mode',
};

/** Charts per situation (habituation and expectancy violation). */
export const CHARTS = {
  heading: (text: string) => `How “${text}” has gone`,
  successNote:
    'Distress going down is one sign of progress, not the only one. Doing it at all, dropping a safety behaviour, or finding that what you feared did not happen — or that you could cope when it partly did — all count.',
  sudsTitle: 'Distress before, at its highest and after each practice',
  expectTitle: 'How likely you thought it was, and what happened',
  none: 'No practices of this one yet.',
};

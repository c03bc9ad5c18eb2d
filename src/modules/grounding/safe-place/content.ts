/**
 * Safe-place imagery, built in the person's own words and never imposed (CLINICAL.md §2). Original wording.
 * First visit: a short invitation, then name / see / hear / feel / a cue word, each optional, kept only when
 * the person chooses "Keep my safe place". Later visits read their own words back, one screen each.
 * Why: a calm, safe inner place is a stabilising resource in phase-oriented trauma care (ISSTD 2011); the idea
 * of installing it through the senses and a cue word comes from EMDR's calm/safe place (Shapiro 2018).
 * Eyes may stay open and the room is always one look away, because imagery can pull someone who
 * dissociates further inward.
 */
import type { Source } from '../../../flow/module';

import type { FieldId } from './timing';
export { FIELD_IDS, type FieldId } from './timing';

export interface BuildStep {
  id: FieldId;
  heading: string;
  prompt: string;
  /** Reassurance for when nothing comes (the first step only). */
  none?: string;
  /** A small example or reassurance under the field. */
  hint: string;
  label: string;
  /** Short answers get a one-line field; descriptions get a text area. */
  multiline: boolean;
}

export const buildSteps: readonly BuildStep[] = [
  {
    id: 'name',
    heading: 'A place of your own',
    prompt: 'Think of a place where you feel calm, safe or at ease. It can be somewhere real, somewhere you imagine, or a mix of both.',
    // Many people who have lived through trauma have no place that feels safe; not finding one is not
    // failing. Smaller, gentler anchors and the room itself are offered instead.
    none: 'If no place comes to mind, that is common. You could think of a moment, an object, a colour, an animal or a person you feel at ease with — or simply stay with the room you are in.',
    hint: 'A word or two is enough — for example “the garden”, “my grandmother’s kitchen”, “a quiet beach”.',
    label: 'What you call it (optional)',
    multiline: false,
  },
  {
    id: 'see',
    heading: 'What you see there',
    prompt: 'If you picture being there, what do you see? Colours, light, shapes, things near and far.',
    hint: 'Only what feels good to include. You can leave anything out.',
    label: 'What you see (optional)',
    multiline: true,
  },
  {
    id: 'hear',
    heading: 'What you hear there',
    prompt: 'What sounds are there — or is it quiet?',
    hint: 'Wind, water, a voice you trust, a soft hum, silence.',
    label: 'What you hear (optional)',
    multiline: true,
  },
  {
    id: 'feel',
    heading: 'What your body feels there',
    prompt: 'What does your body notice? The temperature, the air on your skin, what is under your feet or hands.',
    hint: 'Warm sun, a soft blanket, cool grass, a steady chair.',
    label: 'What you feel (optional)',
    multiline: true,
  },
  {
    id: 'word',
    heading: 'A word for it (optional)',
    prompt: 'If you like, choose a word that brings this place to mind. You could say it to yourself whenever you want to come back to it.',
    hint: 'For example “shore”, “home”, “still”. Or leave this empty.',
    label: 'Your word (optional)',
    multiline: false,
  },
];

export interface WalkScreen {
  heading: string;
  /** An invitation to pause with the person's words. */
  pause: string;
}

/** Later visits: the person's own words, one screen each; empty fields are skipped. */
export const walkScreens: Record<FieldId, WalkScreen> = {
  name: {
    heading: 'Your place',
    pause: 'You could picture yourself there, as much or as little as feels okay. There is no hurry.',
  },
  see: { heading: 'You see', pause: 'Let your mind rest on it for a few breaths, if that feels okay.' },
  hear: { heading: 'You hear', pause: 'You could listen for it for a moment. Stay as long as you like.' },
  feel: { heading: 'You feel', pause: 'You could notice where in your body you feel it, and let it be there.' },
  word: { heading: 'Your word', pause: 'You could say it to yourself, softly. It may help bring this place to mind whenever you want it.' },
};

/** Imagery can pull someone who dissociates further inward: the room is always one look away. */
const EYES_OPEN = 'Your eyes can stay open. Any time, you can look around the room you are in.';

export const copy = {
  /** Also on the first screen of a quick start, which skips the intro that says it. */
  eyesOpen: EYES_OPEN,
  intro: {
    heading: 'A safe place, in your words',
    body: [
      'This is a place you build in your own words: somewhere you feel calm or safe. It can be real or imagined.',
      EYES_OPEN,
      'Every step is optional, and you can stop whenever you like.',
    ],
    begin: 'Begin',
  },
  walkIntro: {
    heading: 'Visiting your safe place',
    body: [
      'Here is your place, in your own words, one piece at a time. You could read slowly and pause wherever you like.',
      EYES_OPEN,
    ],
    begin: 'Begin',
    change: 'Change my safe place',
  },
  back: {
    heading: 'Coming back to the room',
    body: [
      'When you are ready, you could let the picture fade a little and notice the room around you: what is under you, the light, one sound.',
      'Your place is yours. You can come back to it whenever you like.',
    ],
    word: (word: string) => `Your word, “${word}”, may help bring it back.`,
  },
  review: {
    heading: 'Your safe place',
    keepHint: 'If you keep it, next time you can visit it straight away. It stays on this device.',
    nothing: 'Nothing written this time — that is okay. You could go back, or finish here.',
    keep: 'Keep my safe place',
    finishWithout: 'Finish without keeping',
    kept: 'Kept on this device. Next time you can visit it straight away.',
    keepFailed: 'We could not keep it just now. Your words are still here; you could try again.',
    labels: { name: 'Its name', see: 'You see', hear: 'You hear', feel: 'You feel', word: 'Your word' } satisfies Record<
      FieldId,
      string
    >,
  },
  /** Offered on every screen: imagery can stir up something hard, and leaving is always fine. */
  out: {
    before: 'If this stirs up something hard, you could ',
    link: 'come back to the room',
    after: ' — “Ground me now” is always at the top.',
  },
  cancelEdit: 'Leave it as it was',
  summary: {
    built: 'Built a safe place.',
    started: 'Started building a safe place.',
    visited: 'Visited your safe place.',
    changed: 'Changed your safe place.',
    kept: 'Kept on this device.',
  },
};

export const sources: readonly Source[] = [
  {
    citation:
      'International Society for the Study of Trauma and Dissociation. Guidelines for treating dissociative identity disorder in adults, third revision. J Trauma Dissociation 2011;12(2):115–187.',
    use: 'Imagery-based stabilisation (a safe inner place) in the first, stabilisation phase of trauma care.',
  },
  {
    citation:
      'Cloitre M, Courtois CA, Ford JD, et al. The ISTSS Expert Consensus Treatment Guidelines for Complex PTSD in Adults. International Society for Traumatic Stress Studies, 2012.',
    use: 'Stabilisation and self-regulation skills first, before any trauma-focused work.',
  },
  {
    citation:
      'Shapiro F. Eye Movement Desensitization and Reprocessing (EMDR) Therapy: Basic Principles, Protocols, and Procedures, 3rd ed. Guilford Press, 2018.',
    use: 'The idea of a calm/safe place resource built through the senses and linked to a cue word (wording here is original).',
  },
  {
    citation: 'Najavits LM. Seeking Safety: A Treatment Manual for PTSD and Substance Abuse. Guilford Press, 2002.',
    use: 'Soothing grounding, and returning attention to the present room at the end.',
  },
];

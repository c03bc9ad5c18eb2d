/**
 * 5-4-3-2-1 senses grounding. Original wording.
 * Why: grounding brings attention back to the present after dissociation; naming what the senses meet is
 * "mental grounding" in Seeking Safety. It is short, works with eyes half-open and needs no typing.
 * The exercise itself is widely shared with no single original source (see `sources`).
 * Outward first: every step's examples begin with things in the room, and the body comes later if at all,
 * because attention on the body can pull someone who dissociates further inward.
 */
import type { Source } from '../../../flow/module';
import { SENSE_COUNTS } from './timing';

export interface SenseStep {
  id: 'see' | 'feel' | 'hear' | 'smell' | 'taste';
  count: number;
  heading: string;
  prompt: string;
  /** Gentle examples for when nothing comes to mind: things in the room first, the body last. */
  examples: string;
  /** Label of the optional text box. */
  typeLabel: string;
}

export const steps: readonly SenseStep[] = [
  {
    id: 'see',
    count: SENSE_COUNTS.see,
    heading: `${SENSE_COUNTS.see} things you can see`,
    prompt: 'Let your eyes move slowly around the room. Notice five things, one at a time.',
    examples: 'A colour, a corner, light on a wall, something small you had not noticed.',
    typeLabel: 'What you see (optional)',
  },
  {
    id: 'feel',
    count: SENSE_COUNTS.feel,
    heading: `${SENSE_COUNTS.feel} things you can feel`,
    prompt: 'Notice four things touching you or that you can touch.',
    examples: 'The chair or floor under you, a cushion or cup you could hold, fabric under your fingers, the air on your skin.',
    typeLabel: 'What you feel (optional)',
  },
  {
    id: 'hear',
    count: SENSE_COUNTS.hear,
    heading: `${SENSE_COUNTS.hear} things you can hear`,
    prompt: 'Listen for three sounds, near or far.',
    examples: 'A fridge humming, a clock, traffic, birds, voices far away.',
    typeLabel: 'What you hear (optional)',
  },
  {
    id: 'smell',
    count: SENSE_COUNTS.smell,
    heading: `${SENSE_COUNTS.smell} things you can smell`,
    prompt: 'Notice two smells. If nothing comes, you could smell a cup nearby, or your sleeve.',
    examples: 'Coffee, soap, fresh air, a book, a plant.',
    typeLabel: 'What you smell (optional)',
  },
  {
    id: 'taste',
    count: SENSE_COUNTS.taste,
    heading: `${SENSE_COUNTS.taste} thing you can taste`,
    prompt: 'Notice one taste right now, or take a sip of something.',
    examples: 'Water, tea, a mint, toothpaste — or simply what your mouth tastes like.',
    typeLabel: 'What you taste (optional)',
  },
];

/** On every step: nothing has to be found, and moving on is always fine. */
export const skipLine = 'If nothing comes, that is fine — you can skip this one and move on.';

export const sources: readonly Source[] = [
  {
    citation:
      '5-4-3-2-1 senses exercise: widely taught in grounding and anxiety care, with no single original source — no first author or publication can be traced.',
    use: 'The order of the senses (5 seen, 4 felt, 3 heard, 2 smelled, 1 tasted); the reasons for using it come from the sources below.',
  },
  {
    citation: 'Najavits LM. Seeking Safety: A Treatment Manual for PTSD and Substance Abuse. Guilford Press, 2002.',
    use: 'Grounding as mental/physical/soothing attention to the present; rate before and after.',
  },
  {
    citation:
      'International Society for the Study of Trauma and Dissociation. Guidelines for treating dissociative identity disorder in adults, third revision. J Trauma Dissociation 2011;12(2):115–187.',
    use: 'Stabilisation and grounding skills come before trauma processing.',
  },
  {
    citation:
      'Cloitre M, Courtois CA, Ford JD, et al. The ISTSS Expert Consensus Treatment Guidelines for Complex PTSD in Adults. International Society for Traumatic Stress Studies, 2012.',
    use: 'Stabilisation first: skills for staying present and regulating distress before any trauma-focused work.',
  },
];

/**
 * 5-4-3-2-1 senses grounding. Original wording.
 * Why: grounding brings attention back to the present after dissociation; naming what the senses meet is
 * "mental grounding" in Seeking Safety. It is short, works with eyes half-open and needs no typing.
 */
import type { Source } from '../../../flow/module';

export interface SenseStep {
  id: 'see' | 'feel' | 'hear' | 'smell' | 'taste';
  count: number;
  heading: string;
  prompt: string;
  /** Gentle examples for when nothing comes to mind. */
  examples: string;
  /** Label of the optional text box. */
  typeLabel: string;
}

export const steps: readonly SenseStep[] = [
  {
    id: 'see',
    count: 5,
    heading: '5 things you can see',
    prompt: 'Let your eyes move slowly around the room. Notice five things, one at a time.',
    examples: 'A colour, a corner, light on a wall, something small you had not noticed.',
    typeLabel: 'What you see (optional)',
  },
  {
    id: 'feel',
    count: 4,
    heading: '4 things you can feel',
    prompt: 'Notice four things touching you or that you can touch.',
    examples: 'Your feet on the floor, the chair behind you, fabric under your fingers, the air on your skin.',
    typeLabel: 'What you feel (optional)',
  },
  {
    id: 'hear',
    count: 3,
    heading: '3 things you can hear',
    prompt: 'Listen for three sounds, near or far.',
    examples: 'Traffic, a fridge humming, your own breath, birds, a clock.',
    typeLabel: 'What you hear (optional)',
  },
  {
    id: 'smell',
    count: 2,
    heading: '2 things you can smell',
    prompt: 'Notice two smells. If nothing comes, you could smell your sleeve or a cup nearby.',
    examples: 'Soap, coffee, fresh air, a book, your own skin.',
    typeLabel: 'What you smell (optional)',
  },
  {
    id: 'taste',
    count: 1,
    heading: '1 thing you can taste',
    prompt: 'Notice one taste in your mouth right now, or take a sip of something.',
    examples: 'Water, toothpaste, tea — or simply what your mouth tastes like.',
    typeLabel: 'What you taste (optional)',
  },
];

export const sources: readonly Source[] = [
  {
    citation: 'Najavits LM. Seeking Safety: A Treatment Manual for PTSD and Substance Abuse. Guilford Press, 2002.',
    use: 'Grounding as mental/physical/soothing attention to the present; rate before and after.',
  },
  {
    citation:
      'International Society for the Study of Trauma and Dissociation. Guidelines for treating dissociative identity disorder in adults, third revision. J Trauma Dissociation 2011;12(2):115–187.',
    use: 'Stabilisation and grounding skills come before trauma processing.',
  },
];

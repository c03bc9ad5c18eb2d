/**
 * The copy of Today's phase card (shell/today/PhaseCard.svelte), apart from the rest of the later screens'
 * copy: the card loads as one small chunk with its code (vite.config.ts, group "phase-card"), without the
 * 45 KB of en-later.ts, and en-later.ts re-uses these sections so every screen reads the same words.
 */
export const enPhaseCard = {
  phase: {
    dayOf: 'The day of your session',
    day: (n: number) => `Day ${n} after your session`,
    now: (name: string) => `Now: ${name.toLowerCase()}`,
    changes: (when: string, name: string) => `From ${when}: ${name.toLowerCase()}.`,
    endsWhenYouSay: 'Session mode ends when you say the effects have passed.',
    atLeastUntil: (when: string) => `Session mode lasts at least until ${when}, and until you say the effects have passed.`,
    fitsNow: 'Fits now',
    // After the window nothing is pushed (phase-copy.ts): what to carry on with is offered, not prescribed.
    carryOnHeading: 'If you would like to carry on',
    timeline: 'The phases after your latest dose',
    timelineText: 'The timeline as text',
    span: (name: string, from: string, to?: string) => (to ? `${name}: ${from} to ${to}` : `${name}: from ${from}`),
    youAreHere: 'you are here',
    openSessionMode: 'Open session mode',
    sources: 'Where this comes from',
  },
  dose: {
    logsLink: 'Your doses',
  },
} as const;

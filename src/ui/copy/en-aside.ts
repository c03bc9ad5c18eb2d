/**
 * Copy for the two lazy screens that must not wait for en-later.ts (45 KB) yet are not on the first screen:
 * Ground, the way out of a hard moment, and the page for a link that leads nowhere. Kept out of en.ts, which
 * every first screen carries (its budget: bench/README.md).
 */
export const enAside = {
  app: {
    notFound: 'This page does not exist. You can go back to Today.',
  },
  ground: {
    intro: 'You are here now. Let’s take this one step at a time.',
    backTo: 'Back to where you were',
  },
} as const;

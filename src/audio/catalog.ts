/**
 * What the audio layer offers, as plain data: no Tone.js here, so settings and session screens can list
 * soundscapes and label the sound switch without loading the audio engine (DESIGN.md §6: Tone is loaded
 * only on first play).
 *
 * The strings are interface copy. They live here, typed, until the app's message module exists; move them
 * there as one block when it does (the ids stay).
 */

export const SOUNDSCAPE_IDS = ['low-hum', 'soft-rain', 'evening'] as const;
export type SoundscapeId = (typeof SOUNDSCAPE_IDS)[number];

export interface SoundscapeInfo {
  readonly id: SoundscapeId;
  readonly title: string;
  readonly description: string;
}

export const SOUNDSCAPES: readonly SoundscapeInfo[] = [
  {
    id: 'low-hum',
    title: 'Low hum',
    description: 'A warm, steady drone that slowly opens and closes.',
  },
  {
    id: 'soft-rain',
    title: 'Soft rain',
    description: 'Quiet rain-like noise that rises and falls a little.',
  },
  {
    id: 'evening',
    title: 'Evening',
    description: 'Slow, soft chords far apart, with a gentle echo.',
  },
];

export const DEFAULT_SOUNDSCAPE: SoundscapeId = 'low-hum';

export function isSoundscapeId(id: unknown): id is SoundscapeId {
  return typeof id === 'string' && (SOUNDSCAPE_IDS as readonly string[]).includes(id);
}

export function soundscapeInfo(id: SoundscapeId): SoundscapeInfo {
  // SOUNDSCAPES covers every id (checked by the type of SOUNDSCAPE_IDS and a unit of the audio checks).
  return SOUNDSCAPES.find((s) => s.id === id) ?? { id, title: id, description: '' };
}

/** Why audio could not start, as the person needs to hear it. */
export type AudioErrorKind = 'unsupported' | 'load-failed' | 'blocked' | 'failed';

export const AUDIO_COPY = {
  /** The switch's accessible name must contain "Sound" (e2e and screen-reader users look for it). */
  switchLabel: 'Sound',
  loading: 'Starting sound…',
  on: 'Sound is on.',
  off: 'Sound is off.',
  /** Stopped by itself after the app was in the background for a while; it restarts only when asked. */
  pausedWhileAway: 'Sound stopped while the app was in the background. Turn it on again when you want it.',
  playing: (title: string) => `Playing: ${title}.`,
  errors: {
    unsupported: 'This browser cannot play sound here. Everything else works without it.',
    'load-failed': 'Sound could not be loaded just now. Everything else works without it. Switching sound on again tries once more.',
    blocked: 'The browser needs a tap before sound can start. Tap the switch to start it.',
    failed: 'Sound stopped because of a problem. You can try again.',
  } satisfies Record<AudioErrorKind, string>,
} as const;

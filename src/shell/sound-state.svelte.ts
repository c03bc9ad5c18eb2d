/**
 * The person's sound choice as the views see it. Kept apart from sound.svelte.ts (which imports the audio
 * facade) so the app context can hold it without putting audio code on the first screen's path (importing
 * the audio catalogue here would add 0.5 KB gzip to the first screen). sound.svelte.ts sets the real default
 * from the catalogue as it loads.
 */
import type { SoundscapeId } from '../audio/catalog';

export const sound = $state({ enabled: false, soundscape: 'low-hum' as SoundscapeId, loaded: false });

/**
 * The person's sound choice, remembered across visits, and when sound plays: only on exercise screens
 * (and Settings, to preview). Leaving an exercise fades it out; a remembered "off" is never overridden.
 * After the app stopped sound in the background, it comes back only when the person turns it on again.
 */
import { audio, DEFAULT_SOUNDSCAPE, isSoundscapeId, type SoundscapeId } from '../audio';
import { settings } from './services';
import { sound } from './sound-state.svelte';

export { sound };
if (!sound.loaded) sound.soundscape = DEFAULT_SOUNDSCAPE;

let loading: Promise<void> | undefined;
export function loadSound(): Promise<void> {
  loading ??= Promise.all([settings.get('sound'), settings.get('soundscape')])
    .then(([enabled, soundscape]) => {
      sound.enabled = enabled;
      sound.soundscape = isSoundscapeId(soundscape) ? soundscape : DEFAULT_SOUNDSCAPE;
    })
    .catch(() => {})
    .finally(() => (sound.loaded = true));
  return loading;
}

/** The switch was flipped: remember it (a mute that sticks). The switch itself starts/stops the audio. */
export function chooseSound(on: boolean): void {
  sound.enabled = on;
  void settings.set('sound', on).catch(() => {});
}

export function chooseSoundscape(id: SoundscapeId): void {
  sound.soundscape = id;
  void settings.set('soundscape', id).catch(() => {});
  if (audio.state.status === 'on') audio.play(id);
}

/**
 * An exercise screen opened. If the person keeps sound on, start it (the tap that opened the exercise
 * counts as the gesture browsers require; if the browser still refuses, the switch says so kindly).
 */
export async function enterExercise(): Promise<void> {
  // No await once loaded: some browsers (Safari) only allow audio to start without an intervening await.
  if (!sound.loaded) await loadSound();
  if (!sound.enabled) return;
  const s = audio.state;
  if (s.status === 'off' && s.reason === 'hidden') return; // resumes only when they ask
  if (s.status === 'on') audio.play(sound.soundscape);
  else if (s.status === 'off') void audio.setEnabled(true, { soundscape: sound.soundscape });
}

/** Leaving the exercise: fade out (≥2 s). The remembered choice stays as it was. */
export function leaveExercise(): void {
  const s = audio.state;
  if (s.status === 'on' || s.status === 'loading') void audio.setEnabled(false);
}

/**
 * The real app context (ui/context.ts): the shell's singletons, handed to the views it mounts. Sound is
 * behind a small facade so the audio code still loads only with the first screen that uses it; once
 * loaded, calls go straight through (no await between a gesture and starting audio).
 */
import type { AppContext, SoundChoice } from '../ui/context';
import { entries, entryReads, drafts, settings, personal, safetyPlan, askPersistenceOnce, media, exposures, writtenExposure, measures, plans } from './services';
import { onLeave } from './lifecycle';
import { router } from './router.svelte';
import { shell, toast } from './app.svelte';
import { rankedGrounding } from './grounding-choices.svelte';
import { sound } from './sound-state.svelte';

type SoundModule = typeof import('./sound.svelte');
let soundModule: SoundModule | undefined;
let soundLoading: Promise<SoundModule> | undefined;
function loadSoundModule(): Promise<SoundModule> {
  soundLoading ??= import('./sound.svelte').then((m) => (soundModule = m));
  return soundLoading;
}

const soundChoice: SoundChoice = {
  state: sound,
  load: () => loadSoundModule().then((m) => m.loadSound()),
  choose: (on) => {
    if (soundModule) soundModule.chooseSound(on);
    else void loadSoundModule().then((m) => m.chooseSound(on));
  },
  enterExercise: () => (soundModule ? soundModule.enterExercise() : loadSoundModule().then((m) => m.enterExercise())),
  // Nothing can be playing before the module is loaded.
  leaveExercise: () => soundModule?.leaveExercise(),
};

export const appContext: AppContext = {
  entries,
  entryReads,
  drafts,
  settings,
  personal,
  media,
  safetyPlan,
  writtenExposure,
  exposures,
  measures,
  plans,
  // CONTRACTS C, through the plans chunk (loaded only when a report screen asks).
  recipientKey: () => plans().then((p) => p.recipientKey()),
  reportPrivateKey: () => plans().then((p) => p.reportPrivateKey()),
  askPersistenceOnce,
  onLeave,
  router,
  toast: (message, action) => toast(message, action),
  shell,
  sound: soundChoice,
  rankedGrounding,
};

/**
 * Capturing fragments (issue 14): the screen's words and where they come from. Loaded only with the capture
 * screen, the journal and the phase card, never with the first screen.
 *
 * The rule behind every line (CLINICAL.md §1, settling phase): short notes of images, words and feelings
 * as they are, **not interpretation** — so nothing here asks what a fragment means, why, or what to do
 * about it. Voice is offered beside writing because writing is hard right after a session (CLINICAL.md §7).
 * In the window the app invites a second look ("what does this bring up now?"), which can be dismissed.
 */
import type { Source } from '../flow/module';

export const CAPTURE_SOURCES: readonly Source[] = [
  { citation: 'Groundwork clinical notes, CLINICAL.md §1 (settling phase)', use: 'capturing fragments: short notes of images, words, feelings — not interpretation' },
  { citation: 'Groundwork clinical notes, CLINICAL.md §7', use: 'people asked for short notes or voice right after a session, because writing is hard then' },
  { citation: 'SAMHSA, Trauma-informed approach (2014), via CLINICAL.md §6', use: 'invite, never command; every step can be left' },
];

export const CAPTURE_COPY = {
  heading: 'Capture a fragment',
  intro:
    'An image, a few words, a feeling — just as it is. There is nothing to explain or make sense of now. A word or two, or a few seconds of your voice, is enough.',
  noteLabel: 'A few words',
  noteHint: 'Kept on this device as you type.',
  keepNote: 'Keep this note',
  noteKept: 'Kept in your journal.',
  noteEmpty: 'There is nothing written yet. Whenever you like.',
  // One tab at a time (the draft is claimed across tabs): said calmly, with a way to write here instead.
  noteBusy: 'This note is open in another tab or window. To keep every word safe it can only be written in one place.',
  noteLost: 'This note is now open in another tab. Everything you wrote here is saved.',
  writeHere: 'Write here instead',
  voiceHeading: 'Or say it',
  record: 'Record a voice note',
  stop: 'Stop and keep',
  recording: 'Recording. Everything said is kept every second, even if the page closes.',
  elapsed: (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`,
  voiceKept: 'Voice note kept in your journal.',
  starting: 'Asking for the microphone…',
  // Said plainly when recording cannot happen, with the text note as the way on (never blame the person).
  noRecorder:
    'This browser cannot record voice notes here. A few written words work just as well — the box above is ready.',
  denied:
    'The microphone is not available to Groundwork just now, so a voice note cannot be recorded. That is fine: a few written words work just as well. If you want to try again later, the browser’s site settings can allow the microphone.',
  noMic: 'No microphone could be found. A few written words work just as well.',
  failed: 'The recording could not be kept on this device. What was kept so far is in your journal if any was saved.',
  cutOff: (s: number) =>
    `A voice note from earlier was cut off before it was saved (the page closed). About ${s} second${s === 1 ? ' was' : 's were'} kept.`,
  keepCutOff: 'Keep it in my journal',
  dropCutOff: 'Let it go',
  droppedCutOff: 'Let go. Nothing else was changed.',
  journalLink: 'See your journal',
  // The journal.
  fragment: 'Fragment',
  voiceNote: 'Voice note',
  voiceLength: (s: number) => `Voice note, about ${s} second${s === 1 ? '' : 's'}`,
  voiceMissing: 'The sound of this voice note could not be found on this device.',
  // The window: an invitation to look again, never a task.
  revisitHeading: 'Your fragments',
  revisit: (n: number) =>
    `You captured ${n === 1 ? 'a fragment' : `${n} fragments`} after your session. If you would like to, look at ${n === 1 ? 'it' : 'them'} again: what does this bring up now? Only if it feels right today.`,
  revisitOpen: 'Look at them in the journal',
  revisitDismiss: 'Not now',
  // The session phase (acute effects): capture waits; grounding and rest fit now (CLINICAL.md §1).
  notYet:
    'Right after a dose is a time to rest. Capturing fragments fits once the effects have passed — then a few words or a voice note of what stays with you is enough. Gentle grounding fits now.',
  openSessionMode: 'Back to session mode',
  settlingOffer: 'Right now, a few words or a voice note of what stays with you is enough.',
} as const;

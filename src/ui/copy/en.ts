/**
 * Interface copy in English: every button, heading and message the views show. Clinical wording (steps,
 * prompts, measure items) lives in each module's content.ts with its sources. A second language is a
 * second file of the same shape (`Messages`), chosen in ./index.ts — views never change.
 * Tone: invitational, never commanding or blaming; every screen offers a way out (SAMHSA principles).
 */
export const en = {
  app: {
    name: 'Groundwork',
    skipToContent: 'Skip to content',
    nav: 'Main',
    today: 'Today',
    journal: 'Journal',
    settings: 'Settings',
    groundNow: 'Ground me now',
    help: 'Help',
    loading: 'Loading…',
    notFound: 'This page does not exist. You can go back to Today.',
    backToToday: 'Back to Today',
  },
  today: {
    heading: 'Today',
    welcome: 'Welcome to Groundwork',
    whatItIs:
      'A quiet place to practise the exercises from your ketamine-assisted therapy between sessions: grounding, journaling and reflection.',
    whatItIsNot:
      'Groundwork is a practice companion. It is not therapy, it does not diagnose, no one monitors it, and it is not a crisis service.',
    privacy: 'Everything you write stays on this device. Nothing is sent anywhere: no account, no tracking.',
    helpHint: 'If things feel like too much, “Ground me now” and “Help” are at the top of every screen.',
    exercisesHeading: 'Exercises',
    minutes: (n: number) => `about ${n} min`,
    resumeHeading: 'Carry on where you left off?',
    resume: (title: string) => `Carry on with ${title}`,
    discard: 'Let it go',
    discardDone: 'Kept what you wrote in your journal.',
    journalLink: 'Open your journal',
    install: 'Install Groundwork as an app',
    installHint: 'Installing makes it open like an app and work without internet.',
  },
  help: {
    heading: 'Help',
    notMonitored:
      'No one monitors this app. If you are in danger now, call your local emergency number or a crisis line.',
    checked: (date: string) => `Numbers checked ${date}.`,
    call: 'Call',
    text: 'Text',
    close: 'Close',
    groundInstead: 'Try a grounding exercise',
    emergencies: 'Emergencies',
  },
  ground: {
    heading: 'Ground yourself',
    intro: 'You are here now. Let’s take this one step at a time.',
    backTo: 'Back to where you were',
    carryOn: (title: string) => `Back to ${title}`,
    choose: 'Other ways to ground',
    chooserHeading: 'What helps right now',
    chooserHint: 'Exercises that helped you before come first, from your own before-and-after ratings.',
    helpedMost: 'helped you most',
    switchTo: (title: string) => `Switch to ${title}`,
  },
  session: {
    checkInHeading: 'Before you start',
    checkOutHeading: 'How are you now?',
    checkHint: 'Optional. It helps you see what works for you. It is not a test.',
    presence: 'How present do you feel right now?',
    presenceLow: 'Far away',
    presenceHigh: 'Fully here',
    distress: 'How distressed do you feel right now?',
    distressLow: 'Calm',
    distressHigh: 'Overwhelmed',
    continue: 'Continue',
    skip: 'Skip',
    next: 'Next',
    back: 'Back',
    finishSteps: 'Done',
    leave: 'Leave exercise',
    leaveKept: 'What you wrote is kept in your journal.',
    stepOf: (n: number, total: number) => `Step ${n} of ${total}`,
    noteHeading: 'Anything you want to remember?',
    noteLabel: 'A note for yourself (optional)',
    saveFinish: 'Save and finish',
    saving: 'Saving…',
    savedHeading: 'Well done for taking this time',
    savedBody: 'This session is saved in your journal.',
    openEntry: 'Open it in your journal',
    again: 'Do it again',
    moreSupportHeading: 'Still finding it hard?',
    moreSupportBody: 'That is okay. You could try another exercise, or look at the help options.',
    tryAnother: 'Try another exercise',
    openHelp: 'See help and crisis contacts',
    groundFirstHeading: 'Would you like to ground first?',
    groundFirstBody:
      'You said you feel far away or very distressed. A few minutes of grounding can help before this exercise. It is your choice.',
    groundFirst: 'Ground first',
    continueAnyway: 'Continue with the exercise',
    pausedHeading: 'Paused',
    resume: 'Resume',
    saveFailed:
      'We could not save just now. Everything you wrote is still here — nothing is lost. You can try again.',
    retry: 'Try saving again',
    leaveForNow: 'Leave it for now',
    notMonitored:
      'No one monitors this app. If you are in danger now, call your local emergency number or a crisis line — Help at the top of the screen has the numbers.',
    sources: 'Where this exercise comes from',
    sessionNotFound: 'That exercise could not be found. You can choose another from Today.',
    restoreFailed: 'We could not carry on that exercise, but what you wrote there is kept in your journal.',
  },
  notice: {
    label: (n: number) => `Tick each one you notice (${n})`,
    tick: (i: number) => `Noticed ${i}`,
    typeLabel: 'Write them down if you like (optional)',
  },
  journal: {
    heading: 'Journal',
    newEntry: 'New entry',
    search: 'Search your journal',
    empty: 'Nothing here yet. Entries you write, and exercises you finish, will appear here.',
    noMatches: 'No entries match that search.',
    count: (n: number) => (n === 1 ? '1 entry' : `${n} entries`),
    untitled: 'Untitled entry',
    unfinished: 'unfinished',
    editorNew: 'New entry',
    editorEdit: 'Edit entry',
    titleLabel: 'Title (optional)',
    bodyLabel: 'Your entry',
    save: 'Save',
    saved: 'Saved',
    draftSaved: 'Draft kept on this device',
    draftRestored: 'We brought back what you were writing.',
    draftFailed: 'Your draft could not be kept on the device just now. Your words are still here; we keep trying.',
    tooLong:
      'This is as long as one entry can be (about 300,000 words). Everything you wrote is kept; to write more, save this and carry on in a new entry.',
    newerVersion:
      'A newer version of Groundwork opened in another tab, so this tab can no longer save changes. What you wrote is kept: reload this tab and it will be here. You can also copy your words first.',
    copyWords: 'Copy my words',
    copied: 'Copied. You can paste them anywhere.',
    draftWaiting: 'Draft you have not saved yet',
    carryOnDraft: 'Carry on writing your entry',
    cancel: 'Back to journal',
    edit: 'Edit',
    delete: 'Delete',
    deleted: 'Entry deleted.',
    undo: 'Undo',
    restored: 'Entry restored.',
    notFound: 'This entry could not be found. It may have been deleted.',
    before: 'Before',
    after: 'After',
    presenceShort: 'present',
    distressShort: 'distress',
    note: 'Note',
    backToList: 'All entries',
    created: (d: string) => `Written ${d}`,
    invalid: (n: number) =>
      `${n === 1 ? 'One entry' : `${n} entries`} could not be read. ${n === 1 ? 'It is' : 'They are'} kept safely and not deleted.`,
  },
  storage: {
    blocked:
      'Groundwork is open in another tab with an older version. Please close that tab to continue — nothing is lost.',
    'newer-tab':
      'A newer version of Groundwork opened in another tab, so this tab can no longer save. What you wrote is kept on screen; reload this tab to carry on with it.',
    terminated: 'The browser closed Groundwork’s storage. We will try again; what is on screen is kept.',
    quota:
      'This device is out of storage space, so we could not save. What you wrote is still on screen. Freeing some space and trying again will save it.',
    unavailable:
      'This browser is not letting Groundwork save (private browsing, or storage switched off). You can still use the exercises, but nothing will be kept after you close it.',
    unknown: 'Something went wrong while saving. What you wrote is still on screen.',
    tooLong:
      'This is as long as one text can be here (about 300,000 words). Everything you wrote is kept; to write more, carry on in a new one.',
    dismiss: 'Dismiss',
    persistExplain:
      'We asked your browser to keep your journal safe from automatic clean-up. It stays on this device only.',
  },
  update: {
    ready: 'A new version of Groundwork is ready.',
    apply: 'Update now',
    later: 'Later',
    offlineReady: 'Groundwork now works offline.',
  },
  settings: {
    heading: 'Settings',
    sound: 'Sound',
    soundscape: 'Soundscape',
    soundHint:
      'Gentle background sound made on this device, for exercises. It starts quietly, fades in and out, and stops when you leave an exercise.',
    privacyHeading: 'Privacy',
    privacy: 'Your data stays on this device. Groundwork makes no requests to any other server.',
  },
  /** Spoken and shown by the shared countdown (timed steps in temperature and body grounding). */
  countdown: {
    secondsLeft: (n: number) => (n === 1 ? 'second left' : 'seconds left'),
    started: (label: string, s: number) => `${label ? `${label}: ` : ''}${s} seconds`,
    halfway: (s: number) => `Halfway, ${s} seconds left`,
    timeUp: 'Time’s up — take your time',
    pause: 'Pause',
    resume: 'Resume',
    paused: 'Paused',
  },
  time: {
    justNow: 'just now',
  },
  tabs: {
    entryBusy:
      'This entry is open in another tab or window. To keep every word safe it can only be edited in one place.',
    entryLost: 'This entry is now open in another tab. Everything you wrote here is saved.',
    editHere: 'Edit here instead',
    backToJournal: 'Back to your journal',
    sessionBusy:
      'This exercise is open in another tab or window. To keep every word safe it can only be used in one place.',
    sessionLost: 'This exercise is now open in another tab. Everything you wrote here is saved.',
    carryOnHere: 'Carry on here instead',
  },
} as const;

/** The shape every locale file must have (same keys; strings and functions with the same parameters). */
export type Messages = Widen<typeof en>;

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof T]: Widen<T[K]> };

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
    loadFailedHeading: 'This part did not load',
    loadFailed:
      'Part of Groundwork could not be loaded on this device just now. Nothing you wrote is lost. It will try again by itself when a connection is back, or you can try again now.',
    tryAgain: 'Try again',
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
    discardHint: 'Letting go ends the exercise. Anything you wrote or rated there stays in your journal.',
    discardDone: (title: string) => `Let go of ${title}. What you wrote is kept in your journal.`,
    discardNothing: (title: string) => `Let go of ${title}. Nothing had been written, so nothing was kept.`,
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
    crisisLines: 'Crisis lines',
    /** The close control at the top of the Help dialog (the one at the bottom is plain "Close"). */
    closeTop: 'Close Help',
    regionSummary: (name: string | undefined) =>
      name ? `Numbers for ${name} come first. Choose another region` : 'Choose your region to put its numbers first',
    regionLabel: 'Show numbers first for',
    regionHint: 'Worked out on this device from its language and time zone. Nothing is sent anywhere.',
    regionAuto: (name: string | undefined) => (name ? `This device’s region (${name})` : 'This device’s region (not known)'),
    regionOther: 'Somewhere else',
    elsewhere: 'Elsewhere: call your local emergency number.',
    opensWebsite: 'opens their website',
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
    // Support before paperwork (issue 12): shown right after a hard check-out, before the note.
    supportBody:
      'That is okay. Help and crisis contacts are one tap away, or you could try another exercise. You can still write a note afterwards.',
    toNote: 'Go on to the note',
    // Beside every rating and text box, in every state of a session.
    notMonitoredBeside: 'No one monitors this app. If you are in danger now, call your local emergency number or a crisis line.',
    helpNow: 'Help and crisis contacts',
    leftHeading: 'You left before starting',
    leftBody: 'Nothing was written, so nothing was kept. You can come back to it whenever you like.',
    // Starting an exercise that is already unfinished: at most one unfinished session per exercise.
    unfinishedHeading: (title: string) => `You have an unfinished ${title}`,
    unfinishedBody: 'You could carry on where you left off, or start afresh — what you wrote before stays in your journal.',
    startAfresh: 'Start afresh',
    // An inward exercise (imagery, breath focus, muscle work) after a check-in at presence ≤ 3 (CLINICAL.md §2).
    outwardFirstHeading: 'Something outward first?',
    outwardFirstBody:
      'You said you feel far away. Exercises that bring your attention to the room around you may suit this moment better than going inward. It is your choice.',
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
    'newer-tab': 'A newer version of Groundwork opened in another tab. Please reload this tab; what you wrote is kept.',
    terminated: 'The browser closed Groundwork’s storage. We will try again; what is on screen is kept.',
    quota:
      'This device is out of storage space, so we could not save. What you wrote is still on screen. Freeing some space and trying again will save it.',
    unavailable:
      'This browser is not letting Groundwork save (private browsing, or storage switched off). You can still use the exercises, but nothing will be kept after you close it.',
    unknown: 'Something went wrong while saving. What you wrote is still on screen.',
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

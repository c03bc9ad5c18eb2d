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
  /** Spoken and shown by the shared countdown (timed steps in temperature and body grounding). */
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
  dose: {
    logHeading: 'Your doses',
    logIntro:
      'Logging a dose lets Groundwork offer what fits the hours and days after it. It stays on this device, like everything else.',
    settingLegend: 'Where',
    clinic: 'At the clinic',
    home: 'At home',
    noteLabel: 'A note, if you like (optional)',
    tookNow: 'I took my dose now',
    earlierToggle: 'It was earlier',
    dateLabel: 'Date',
    timeLabel: 'Time',
    saveEarlier: 'Save this dose',
    future:
      'That time has not come yet. If you are about to take your dose, log it once you have — or choose an earlier time.',
    missingTime: 'Please choose a date and a time.',
    saved: 'Dose saved.',
    listHeading: 'Logged doses',
    empty: 'No doses logged yet.',
    at: (when: string, where: string) => `${when} · ${where}`,
    zoneNote: (zone: string) => `(${zone} time)`,
    effectsPassed: (when: string) => `Effects passed ${when}`,
    edit: 'Edit',
    editing: 'Edit this dose',
    save: 'Save changes',
    cancel: 'Cancel',
    delete: 'Delete',
    deleted: 'Dose deleted.',
    undo: 'Undo',
    restored: 'Dose restored.',
    failed: 'This could not be saved just now. Nothing you entered is lost — please try again.',
    logLink: 'Log a dose',
    logsLink: 'Your doses',
  },
  phase: {
    dayOf: 'The day of your session',
    day: (n: number) => `Day ${n} after your session`,
    noDose: 'If you are having ketamine sessions, you can log a dose and Groundwork will offer what fits the days after it.',
    now: (name: string) => `Now: ${name.toLowerCase()}`,
    changes: (when: string, name: string) => `From ${when}: ${name.toLowerCase()}.`,
    endsWhenYouSay: 'Session mode ends when you say the effects have passed.',
    atLeastUntil: (when: string) => `Session mode lasts at least until ${when}, and until you say the effects have passed.`,
    fitsNow: 'Fits now',
    timeline: 'The phases after your latest dose',
    timelineText: 'The timeline as text',
    span: (name: string, from: string, to?: string) => (to ? `${name}: ${from} to ${to}` : `${name}: from ${from}`),
    youAreHere: 'you are here',
    openSessionMode: 'Open session mode',
    sources: 'Where this comes from',
  },
  capture: {
    todayLink: 'Capture a fragment',
  },
  safetyPlan: {
    heading: 'My safety plan',
    link: 'My safety plan',
    linkHint: 'Your own steps for very hard moments.',
    settingsHeading: 'Safety plan',
    settingsBody: 'Your own list of warning signs, things that help, and people to call — to read in a hard moment, change any time, or print for your clinician.',
    edit: 'Change my plan',
    done: 'Done changing',
    print: 'Print or save as PDF',
    loading: 'Opening your plan…',
    unavailable:
      'Your plan cannot be opened on this device right now. The crisis lines below always work. You can try again in a moment.',
    unreadable:
      'Your saved plan could not be read by this version of the app. It is kept, untouched, on this device. The crisis lines below always work.',
    tryAgain: 'Try again',
    empty: 'Nothing here yet.',
    emptyPlan: 'You have not written anything in your plan yet. You can start with any step.',
    examples: 'For example',
    moveUp: (label: string) => `Move up: ${label}`,
    moveDown: (label: string) => `Move down: ${label}`,
    remove: (label: string) => `Remove: ${label}`,
    removed: 'Item removed.',
    undo: 'Undo',
    itemLabel: (label: string, n: number) => `${label} ${n}`,
    builtIn: 'Crisis lines (always here)',
    call: (number: string) => `Call ${number}`,
    saved: 'Saved on this device',
    saveFailed: 'Not saved yet — your words are kept on screen and saving is tried again.',
    stepOf: (n: number) => `Step ${n} of 6`,
    sources: 'Where this plan comes from',
    supportLink: 'Open my safety plan',
  },
} as const;

/** The shape every locale file must have (same keys; strings and functions with the same parameters). */
export type Messages = Widen<typeof en>;

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof T]: Widen<T[K]> };

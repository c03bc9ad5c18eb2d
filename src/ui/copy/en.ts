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
    checkedOn: (date: string) => `Checked ${date}.`,
    call: 'Call',
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
    carryOn: (title: string) => `Back to ${title}`,
    choose: 'Other ways to ground',
    chooserHeading: 'What helps right now',
    chooserHint: 'Exercises that helped you before come first, from your own before-and-after ratings.',
    helpedMost: 'helped you most',
  },
  journal: {
    carryOnDraft: 'Carry on writing your entry',
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
  },
  /** Spoken and shown by the shared countdown (timed steps in temperature and body grounding). */
  tabs: {
    sessionBusy:
      'This exercise is open in another tab or window. To keep every word safe it can only be used in one place.',
  },
  dose: {
    logLink: 'Log a dose',
  },
  phase: {
    noDose: 'If you are having ketamine sessions, you can log a dose and Groundwork will offer what fits the days after it.',
  },
  capture: {
    todayLink: 'Capture a fragment',
  },
  safetyPlan: {
    link: 'My safety plan',
    linkHint: 'Your own steps for very hard moments.',
  },
} as const;

/** The shape every locale file must have (same keys; strings and functions with the same parameters). */
export type Messages = Widen<typeof en>;

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof T]: Widen<T[K]> };

/**
 * English interface copy for screens that load after the first one (sessions, settings, session mode, the
 * phase gate, journal paging). Kept apart from en.ts so the first screen does not carry it: first-screen
 * components import `t` from `ui/copy` (en.ts only), later screens from `ui/copy/later` (both). The type
 * checker keeps it honest: a first-screen component that reaches for one of these sections does not compile.
 */
export const enLater = {
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
  settings: {
    heading: 'Settings',
    sound: 'Sound',
    soundscape: 'Soundscape',
    soundHint:
      'Gentle background sound made on this device, for exercises. It starts quietly, fades in and out, and stops when you leave an exercise.',
    privacyHeading: 'Privacy',
    privacy: 'Your data stays on this device. Groundwork makes no requests to any other server.',
  },
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
  sessionMode: {
    heading: 'Session mode',
    intro: 'Rest. There is nothing you need to do here. Help is one tap away.',
    help: 'Help',
    helpHint: 'Crisis lines and what to do if you are worried',
    rulesHeading: 'For today',
    groundingHeading: 'If you want something to hold on to',
    groundingHint: 'Gentle grounding, no typing needed.',
    endHeading: 'When the effects have passed',
    notYetTime: (when: string) => `Session mode stays on for at least two hours after your dose — until about ${when}. There is no rush.`,
    effectsPassed: 'The effects have passed',
    allRight: 'Are you all right on your own now?',
    yes: 'Yes, I am all right',
    notYet: 'Not yet',
    stayingOn:
      'That is all right. Session mode stays on. Keep the person with you close, and use Help if you need it.',
    ended: 'Session mode has ended. Rest well — gentle grounding is here whenever you want it.',
    notInSession: 'Session mode is for the hours right after a dose. You are not in session mode now.',
    toToday: 'Go to Today',
    sources: 'Where these rules come from',
  },
  gate: {
    heading: 'Not this one for now',
    offerHeading: 'What fits now',
    anyway: 'See Today',
    keptForLater: 'What you wrote in it is kept, just as you left it, and it will be here when it fits again.',
  },
  journalPages: {
    showOlder: 'Show older entries',
    /** The list shows a page at a time; the total is not counted (that would mean reading every entry). */
    showingNewest: (n: number) => `Showing your ${n} most recent entries`,
    searching: 'Searching…',
    searchProgress: (scanned: number, total: number) => `Searching… ${scanned} of ${total} entries looked at`,
  },
} as const;

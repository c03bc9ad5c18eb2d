/**
 * How far a therapist's plan may move the app's safety thresholds, and why (issue 16; DESIGN.md §5;
 * CLINICAL.md §4–5: "A therapist plan can add … but never … make routing less protective than a documented
 * limit"). A plan may always make a threshold MORE protective (offer grounding or support sooner), up to the
 * end of the scale. It may make one LESS protective only as far as `weakest` below; anything beyond is
 * clamped to `weakest` and the preview says so. Each limit carries its reason, shown to the clinician.
 *
 * "More protective" means: for an "at most" threshold (presence ≤ N), a higher N; for an "at least"
 * threshold (distress ≥ N), a lower N.
 */

export type Direction = 'atMost' | 'atLeast';

export interface ThresholdLimit {
  /** Which way the threshold triggers. */
  direction: Direction;
  /** The app's default (CLINICAL.md). */
  default: number;
  /** The least protective value a plan may set. */
  weakest: number;
  /** The most protective value (the end of the scale). */
  strongest: number;
  /** Why this limit, in words a clinician reads in the composer. */
  reason: string;
}

/** Check-in / check-out thresholds on the 0–10 scales (flow/routing.ts `Thresholds`). */
export const SESSION_LIMITS = {
  presenceAtMost: {
    direction: 'atMost',
    default: 3,
    weakest: 3,
    strongest: 10,
    reason:
      'Presence at 3 of 10 or lower is the point where grounding is offered first. A plan may ' +
      'offer it sooner (4 or more) but never later: at 2 of 10 someone may already be too far away to notice ' +
      'they need it, and dissociation is the main risk this app guards against.',
  },
  distressAtLeast: {
    direction: 'atLeast',
    default: 8,
    weakest: 9,
    strongest: 0,
    reason:
      'The app’s guidance (CLINICAL §4) sets pre-SUDS 85 of 100. The app rounds that down to 8 of 10 so grounding is offered ' +
      'slightly sooner; a plan may round it up to 9 (the nearest whole step to 85) but no further.',
  },
  afterDistressAtLeast: {
    direction: 'atLeast',
    default: 8,
    weakest: 9,
    strongest: 0,
    reason:
      'After an exercise, distress of 8 or more offers more support. A plan may move it to 9, the same ' +
      'one step as before an exercise, never past it: 10 would mean only the top of the scale is ever noticed.',
  },
  riseAtLeast: {
    direction: 'atLeast',
    default: 3,
    weakest: 4,
    strongest: 1,
    reason:
      'A rise of 3 points of distress over one exercise offers Help first. Some people’s ratings ' +
      'swing widely, so a plan may ask for 4 points; never more, because a rise of 5 is half the scale.',
  },
} as const satisfies Record<string, ThresholdLimit>;

/** Exposure thresholds on the 0–100 SUDS scale and 0–10 presence (CONTRACTS A; flow/routing.ts ExposureThresholds). */
export const EXPOSURE_LIMITS = {
  preSudsAtLeast: {
    direction: 'atLeast',
    default: 85,
    weakest: 90,
    strongest: 0,
    reason:
      'Before an exposure, SUDS 85 or more offers grounding first. Exposure is meant to be ' +
      'uncomfortable, so a plan may move this by one 5-point step to 90; never higher: near the top of the ' +
      'scale grounding should always be offered first.',
  },
  presenceAtMost: {
    direction: 'atMost',
    default: 3,
    weakest: 3,
    strongest: 10,
    reason:
      'Presence at 3 of 10 or lower before an exposure offers grounding first. Exposure while ' +
      'dissociated does not help, so a plan may only make this more protective.',
  },
  postSudsAtLeast: {
    direction: 'atLeast',
    default: 85,
    weakest: 90,
    strongest: 0,
    reason:
      'After writing or an exposure, SUDS 85 or more shows the safety plan and crisis contacts. ' +
      'A plan may move it by one 5-point step to 90, never higher.',
  },
  riseAtLeast: {
    direction: 'atLeast',
    default: 30,
    weakest: 40,
    strongest: 5,
    reason:
      'A rise of 30 SUDS points from before to after an exposure shows the safety plan first' +
      ' (3 points of 10). Early exposures often raise distress, so a plan may ask for 40; never more.',
  },
} as const satisfies Record<string, ThresholdLimit>;

/**
 * Size caps. A link must stay short enough for messaging apps and a QR code; a file may be larger. The
 * decompressed cap also stops a "zip bomb": decoding stops as soon as the text grows past it.
 */
export const PLAN_LIMITS = {
  /** Characters of the `#/plan/<payload>` payload (base64url). Chromium handles URLs of megabytes; messaging
   *  apps and QR codes do not — a plan this long should travel as a file. */
  payloadChars: 12_000,
  /** Bytes of a plan's JSON, after decompression, and of a `.groundwork-plan.json` file. */
  jsonBytes: 64 * 1024,
  modules: 40,
  contacts: 20,
  titleChars: 200,
  nameChars: 200,
  contactChars: 500,
  instructionChars: 2000,
  noteChars: 5000,
  /** A day relative to the dose: day 0 is the dose's date, up to two weeks after (CLINICAL.md §1 phases). */
  maxDay: 14,
  /** Every N days for a measure: weekly or fortnightly are typical (CLINICAL.md §5); at most every 90 days. */
  maxEveryDays: 90,
} as const;

/**
 * The three questionnaires' published wording (CLINICAL.md §5), as typed data with their sources and credits.
 * Item, instruction and answer wording is the published wording, word for word. The only change, the same
 * on every form: paper's "circle"/"use ✔" becomes "choose" (the screen has buttons, not pen) — stated in
 * `adaptation` and shown under "Where these questions come from".
 * Bands are explained in plain words and never called a diagnosis.
 */
import type { MeasureId } from './scoring';

export type Period = 'two-weeks' | 'month' | 'week';

export interface Source {
  cite: string;
  url?: string;
}

export interface ResponseOption {
  value: number;
  label: string;
}

export interface BandCopy {
  /** Short label, e.g. "Mild". */
  label: string;
  /** What the range means, in plain words. Never a diagnosis. */
  plain: string;
}

export interface MeasureContent {
  id: MeasureId;
  /** "PHQ-9" */
  short: string;
  /** The published title. */
  title: string;
  /** What it asks about, in a few plain words (for lists and Today). */
  about: string;
  /** Instructions by period (PHQ-9 and GAD-7: the last two weeks; PCL-5: the past month or the past week). */
  instructions: Partial<Record<Period, string>>;
  /** The stem before the items, by period (PCL-5 only). */
  stem?: Partial<Record<Period, string>>;
  items: readonly string[];
  options: readonly ResponseOption[];
  /** The unscored last question about how hard these problems made daily life (PHQ-9, GAD-7). */
  difficulty?: { question: string; options: readonly ResponseOption[] };
  bands: Record<string, BandCopy>;
  credit: string;
  sources: readonly Source[];
  adaptation: string;
}

/** Said with every score, everywhere a band is shown. */
export const NOT_A_DIAGNOSIS =
  'A score is a way to notice change over time. It is not a diagnosis: only a conversation with a clinician can say what it means for you.';

const FREQUENCY: readonly ResponseOption[] = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'Several days' },
  { value: 2, label: 'More than half the days' },
  { value: 3, label: 'Nearly every day' },
];

const DIFFICULTY = {
  question:
    'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
  options: [
    { value: 0, label: 'Not difficult at all' },
    { value: 1, label: 'Somewhat difficult' },
    { value: 2, label: 'Very difficult' },
    { value: 3, label: 'Extremely difficult' },
  ],
} as const;

const PFIZER_CREDIT =
  'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.';

const CHOOSE_ADAPTATION =
  'The paper form asks you to tick a box; here you choose an answer. Nothing else in the questions or answers is changed.';

export const PHQ9: MeasureContent = {
  id: 'phq9',
  short: 'PHQ-9',
  title: 'Patient Health Questionnaire (PHQ-9)',
  about: 'Mood over the last two weeks',
  instructions: {
    'two-weeks': 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  },
  items: [
    'Little interest or pleasure in doing things',
    'Feeling down, depressed, or hopeless',
    'Trouble falling or staying asleep, or sleeping too much',
    'Feeling tired or having little energy',
    'Poor appetite or overeating',
    'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    'Trouble concentrating on things, such as reading the newspaper or watching television',
    'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
    'Thoughts that you would be better off dead or of hurting yourself in some way',
  ],
  options: FREQUENCY,
  difficulty: DIFFICULTY,
  bands: {
    minimal: { label: 'Minimal (0–4)', plain: 'Few of these problems, or none, on most days.' },
    mild: { label: 'Mild (5–9)', plain: 'Some of these problems on some days. The authors call this range mild.' },
    moderate: {
      label: 'Moderate (10–14)',
      plain: 'Several of these problems on many days. The authors call this range moderate — worth talking over with your clinician.',
    },
    'moderately-severe': {
      label: 'Moderately severe (15–19)',
      plain: 'Many of these problems on most days. The authors call this range moderately severe — worth talking over with your clinician soon.',
    },
    severe: {
      label: 'Severe (20–27)',
      plain: 'Most of these problems nearly every day. The authors call this range severe — please talk it over with your clinician soon.',
    },
  },
  credit: PFIZER_CREDIT,
  sources: [
    { cite: 'Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med 2001;16:606–613.' },
    { cite: 'Patient Health Questionnaire (PHQ) Screeners, Pfizer Inc. (free to use, 2010).', url: 'https://www.phqscreeners.com/' },
  ],
  adaptation: CHOOSE_ADAPTATION,
};

export const GAD7: MeasureContent = {
  id: 'gad7',
  short: 'GAD-7',
  title: 'Generalized Anxiety Disorder 7 (GAD-7)',
  about: 'Worry and anxiety over the last two weeks',
  instructions: {
    'two-weeks': 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  },
  items: [
    'Feeling nervous, anxious or on edge',
    'Not being able to stop or control worrying',
    'Worrying too much about different things',
    'Trouble relaxing',
    'Being so restless that it is hard to sit still',
    'Becoming easily annoyed or irritable',
    'Feeling afraid as if something awful might happen',
  ],
  options: FREQUENCY,
  difficulty: DIFFICULTY,
  bands: {
    minimal: { label: 'Minimal (0–4)', plain: 'Little worry or anxiety of this kind on most days.' },
    mild: { label: 'Mild (5–9)', plain: 'Some worry or anxiety on some days. The authors call this range mild.' },
    moderate: {
      label: 'Moderate (10–14)',
      plain: 'Worry or anxiety on many days. The authors call this range moderate — worth talking over with your clinician.',
    },
    severe: {
      label: 'Severe (15–21)',
      plain: 'Worry or anxiety on most days, nearly every day. The authors call this range severe — please talk it over with your clinician soon.',
    },
  },
  credit: PFIZER_CREDIT,
  sources: [
    { cite: 'Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166:1092–1097.' },
    { cite: 'Patient Health Questionnaire (PHQ) Screeners, Pfizer Inc. (free to use, 2010).', url: 'https://www.phqscreeners.com/' },
  ],
  adaptation: CHOOSE_ADAPTATION,
};

export const PCL5: MeasureContent = {
  id: 'pcl5',
  short: 'PCL-5',
  title: 'PTSD Checklist for DSM-5 (PCL-5)',
  about: 'Reactions to a very stressful experience',
  // The standard form asks about the past month; the National Center for PTSD's weekly form asks about the
  // past week (CLINICAL.md §5: a PCL-5 taken weekly uses the past-week wording).
  instructions: {
    month:
      'Below is a list of problems that people sometimes have in response to a very stressful experience. Please read each problem carefully and then choose one of the answers to indicate how much you have been bothered by that problem in the past month.',
    week:
      'Below is a list of problems that people sometimes have in response to a very stressful experience. Please read each problem carefully and then choose one of the answers to indicate how much you have been bothered by that problem in the past week.',
  },
  stem: {
    month: 'In the past month, how much were you bothered by:',
    week: 'In the past week, how much were you bothered by:',
  },
  items: [
    'Repeated, disturbing, and unwanted memories of the stressful experience?',
    'Repeated, disturbing dreams of the stressful experience?',
    'Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)?',
    'Feeling very upset when something reminded you of the stressful experience?',
    'Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)?',
    'Avoiding memories, thoughts, or feelings related to the stressful experience?',
    'Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)?',
    'Trouble remembering important parts of the stressful experience?',
    'Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)?',
    'Blaming yourself or someone else for the stressful experience or what happened after it?',
    'Having strong negative feelings such as fear, horror, anger, guilt, or shame?',
    'Loss of interest in activities that you used to enjoy?',
    'Feeling distant or cut off from other people?',
    'Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)?',
    'Irritable behavior, angry outbursts, or acting aggressively?',
    'Taking too many risks or doing things that could cause you harm?',
    'Being "superalert" or watchful or on guard?',
    'Feeling jumpy or easily startled?',
    'Having difficulty concentrating?',
    'Trouble falling or staying asleep?',
  ],
  options: [
    { value: 0, label: 'Not at all' },
    { value: 1, label: 'A little bit' },
    { value: 2, label: 'Moderately' },
    { value: 3, label: 'Quite a bit' },
    { value: 4, label: 'Extremely' },
  ],
  bands: {
    below: { label: 'Below 31', plain: 'Below the range where clinicians usually look more closely for PTSD.' },
    near: {
      label: '31–32',
      plain: 'Inside the range (31–33) where studies place the cut-off for probable PTSD. Worth talking over with your clinician.',
    },
    above: {
      label: '33 or more',
      plain: 'At or above the range (31–33) where clinicians look more closely for PTSD. Worth talking over with your clinician.',
    },
  },
  credit:
    'PCL-5 (Weathers, Litz, Keane, Palmieri, Marx & Schnurr, 2013), National Center for PTSD, U.S. Department of Veterans Affairs. In the public domain.',
  sources: [
    { cite: 'Weathers FW, Litz BT, Keane TM, Palmieri PA, Marx BP, Schnurr PP. The PTSD Checklist for DSM-5 (PCL-5). National Center for PTSD, 2013.', url: 'https://www.ptsd.va.gov/professional/assessment/adult-sr/ptsd-checklist.asp' },
    { cite: 'Blevins CA, Weathers FW, Davis MT, Witte TK, Domino JL. The Posttraumatic Stress Disorder Checklist for DSM-5 (PCL-5): development and initial psychometric evaluation. J Trauma Stress 2015;28:489–498.' },
  ],
  adaptation:
    'The paper form asks you to circle a number; here you choose an answer. Nothing else in the questions or answers is changed.',
};

export const MEASURES: Record<MeasureId, MeasureContent> = { phq9: PHQ9, gad7: GAD7, pcl5: PCL5 };

/** PCL-5 change over time (National Center for PTSD): 5–10 points is reliable change, 10–20 clinically meaningful. */
export const PCL5_CHANGE =
  'For the PCL-5, a change of 5–10 points is more than chance, and 10–20 points is a change clinicians consider meaningful.';

/** The period a measure's wording asks about. */
export function periodFor(measureId: MeasureId, rhythmDays: number | undefined): Period {
  if (measureId !== 'pcl5') return 'two-weeks';
  return rhythmDays !== undefined && rhythmDays > 0 && rhythmDays <= 7 ? 'week' : 'month';
}

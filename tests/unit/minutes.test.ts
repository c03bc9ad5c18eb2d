// The minutes on every exercise card are computed from what the exercise asks (its timing.ts), never typed
// by hand, and the counts in timing.ts are the ones its content really has — so neither can drift.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateMinutes, estimateSeconds, toMinutes, READ_SECONDS, NOTICE_SECONDS, WRITE_SECONDS } from '../../src/flow/minutes';
import { MODULES } from '../../src/modules/registry';
import { SETTING_DEFAULTS } from '../../src/storage/schema';
import * as fiveSensesTiming from '../../src/modules/grounding/five-senses/timing';
import * as orientationTiming from '../../src/modules/grounding/orientation/timing';
import * as safePlaceTiming from '../../src/modules/grounding/safe-place/timing';
import * as temperatureTiming from '../../src/modules/grounding/temperature/timing';
import * as bodyTiming from '../../src/modules/grounding/body/timing';
import * as breathingTiming from '../../src/modules/grounding/breathing/timing';
import { steps as senseSteps } from '../../src/modules/grounding/five-senses/content';
import { LINE_IDS } from '../../src/modules/grounding/orientation/content';
import { buildSteps } from '../../src/modules/grounding/safe-place/content';
import { variants } from '../../src/modules/grounding/temperature/content';
import { anchorSteps, chooseCopy, muscleGroups } from '../../src/modules/grounding/body/content';
import { DEFAULT_PATTERN } from '../../src/modules/grounding/breathing/machine';

const meta = (id: string) => MODULES.find((m) => m.id === id)!;

describe('estimate (flow/minutes.ts)', () => {
  it('adds reading, noticing, writing and timed seconds, and rounds to whole minutes, at least one', () => {
    expect(estimateSeconds({ screens: 2, notices: 3, answers: 1, timedSeconds: 30 })).toBe(
      2 * READ_SECONDS + 3 * NOTICE_SECONDS + WRITE_SECONDS + 30,
    );
    expect(toMinutes(0)).toBe(1);
    expect(toMinutes(89)).toBe(1);
    expect(toMinutes(90)).toBe(2);
    expect(estimateMinutes({ screens: 3 }, { screens: 30 })).toBe(10);
  });
});

describe('every card’s minutes come from the exercise itself', () => {
  it.each([
    ['five-senses', estimateMinutes(fiveSensesTiming.timing), 3],
    ['orientation', estimateMinutes(orientationTiming.timing), 2],
    ['safe-place', estimateMinutes(safePlaceTiming.firstVisit, safePlaceTiming.laterVisit), 5],
    ['temperature', estimateMinutes(temperatureTiming.timing), 2],
    ['body', estimateMinutes(bodyTiming.anchorTiming, bodyTiming.pmrTiming), 5],
    ['breathing', estimateMinutes(breathingTiming.timing), 3],
  ])('%s: meta.minutes is the computed %i (today %i)', (id, computed, today) => {
    expect(meta(id).minutes).toBe(computed);
    expect(computed).toBe(today);
  });

  it('every grounding meta computes its minutes and never imports its content (first-screen size)', () => {
    for (const m of MODULES) {
      const source = readFileSync(new URL(`../../src/modules/${m.family}/${m.id}/meta.ts`, import.meta.url), 'utf8');
      expect(source, m.id).not.toMatch(/from '\.\/content'/);
      expect(source, m.id).toMatch(/minutes: estimateMinutes\(/);
      const timing = readFileSync(new URL(`../../src/modules/${m.family}/${m.id}/timing.ts`, import.meta.url), 'utf8');
      expect(timing, m.id).not.toMatch(/from '\.\/content'/);
    }
  });

  it('timing counts are the content’s own: senses, lines, parts of the place, steps and muscle groups', () => {
    expect(Object.fromEntries(senseSteps.map((s) => [s.id, s.count]))).toEqual(fiveSensesTiming.SENSE_COUNTS);
    expect(LINE_IDS).toBe(orientationTiming.LINE_IDS);
    expect(buildSteps.map((s) => s.id)).toEqual(safePlaceTiming.FIELD_IDS);
    expect(anchorSteps.map((s) => s.id)).toEqual(bodyTiming.ANCHOR_STEP_IDS);
    expect(muscleGroups.map((g) => g.id)).toEqual(bodyTiming.MUSCLE_GROUP_IDS);
  });

  it('the minutes and seconds inside an exercise are computed too', () => {
    expect(chooseCopy.parts.map((p) => p.hint)).toEqual([
      `Press into the floor and your palms. About ${bodyTiming.ANCHOR_MINUTES} minutes.`,
      `Muscle by muscle, gently. About ${bodyTiming.PMR_MINUTES} minutes.`,
    ]);
    expect([bodyTiming.ANCHOR_MINUTES, bodyTiming.PMR_MINUTES]).toEqual([2, 5]);
    for (const v of variants) expect(v.hint).toMatch(new RegExp(`About ${temperatureTiming.TIMER_SECONDS} seconds`));
  });

  it('breathing’s card follows the settings default, which is a length the person can choose', () => {
    expect(SETTING_DEFAULTS.breathing).toEqual({ pattern: DEFAULT_PATTERN, minutes: breathingTiming.DEFAULT_MINUTES });
    expect(breathingTiming.MINUTE_CHOICES).toContain(breathingTiming.DEFAULT_MINUTES);
  });
});

/**
 * "What helps right now" (shell/grounding-choices): in the session phase the body grounding card says what
 * the exercise then offers — feet and hands, with its own length — and never tense and let go (flow/parts.ts).
 * Real storage: a dose logged now puts the app in the session phase.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshIndexedDB } from './fixtures/idb';
import { getDb } from '../../src/storage/db';
import { dosesRepo } from '../../src/storage/doses';
import { rankedGrounding } from '../../src/shell/grounding-choices.svelte';
import { bodyMeta } from '../../src/modules/grounding/body/meta';
import { ANCHOR_MINUTES, PMR_MINUTES } from '../../src/modules/grounding/body/timing';

const bodyCard = async () => (await rankedGrounding([])).find((c) => c.module.id === 'body')?.module;

beforeEach(() => {
  freshIndexedDB();
});
afterEach(async () => {
  (await getDb()).close();
});

describe('the body grounding card by dose phase', () => {
  it('no dose logged: both parts, and the longer one’s length', async () => {
    const card = await bodyCard();
    expect(card?.summary).toBe(bodyMeta.summary);
    expect(card?.summary).toMatch(/tense and let go/i);
    expect(card?.minutes).toBe(PMR_MINUTES);
  });

  it('session phase (a dose just logged): feet and hands only, its own length, no tensing', async () => {
    await dosesRepo().add({ takenAt: Date.now(), setting: 'home' });
    const card = await bodyCard();
    expect(card?.summary).toMatch(/feet and hands/i);
    expect(card?.summary).not.toMatch(/tens|muscle/i);
    expect(card?.minutes).toBe(ANCHOR_MINUTES);
    // The registry's own card is untouched: later phases still say both.
    expect(bodyMeta.summary).toMatch(/tense and let go/i);
  });

  it('settling (a dose logged late, for three hours ago): both parts again', async () => {
    await dosesRepo().add({ takenAt: Date.now() - 3 * 3_600_000, setting: 'home' });
    const card = await bodyCard();
    expect(card?.summary).toBe(bodyMeta.summary);
  });
});

// Issue 15 views: every SUDS scale shows the person's own anchors (their 0 and 100 as its ends, their 50
// under it), read from the fear list when not given; the safety plan's step 2 offers the grounding exercises
// that helped this person, and adds one only when the person accepts it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import SudsScale from '../../src/modules/exposure/SudsScale.svelte';
import SafetyPlan from '../../src/safety/SafetyPlan.svelte';
import { resetConnection } from '../../src/storage/db';
import { pendingWrites } from '../../src/storage/pending';
import { resetWriters } from '../../src/storage/writer';
import { resetSuperseded } from '../../src/storage/problems';
import { exposureRepo } from '../../src/storage/exposure';
import { entriesRepo } from '../../src/storage/entries';
import { withApp } from './app-context';

const SLOW = { timeout: 8000 };
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetConnection();
  sessionStorage.clear();
  pendingWrites.clear();
  resetWriters();
  resetSuperseded();
});
afterEach(() => resetConnection());

describe('SudsScale', { timeout: 30_000 }, () => {
  it('shows the person’s anchors beside the scale, read from their fear list', async () => {
    await exposureRepo().hierarchy.put({
      id: 'mine',
      updatedAt: 0,
      anchors: { a0: 'my garden in June', a50: 'a job interview', a100: 'that night' },
      items: [],
    });
    let chosen: number | undefined;
    render(SudsScale, withApp({ name: 'pre', label: 'How distressed now? (0–100)', value: null, onchange: (v: number) => (chosen = v) }));
    const group = screen.getByRole('group', { name: 'How distressed now? (0–100)' });
    await waitFor(() => expect(group).toHaveAccessibleDescription('0 = my garden in June 100 = that night'), SLOW);
    expect(screen.getByText('50 = a job interview')).toBeInTheDocument();
    expect(within(group).getAllByRole('radio')).toHaveLength(11);
    await userEvent.click(within(group).getByRole('radio', { name: '70' }));
    expect(chosen).toBe(70);
  });

  it('without anchors: general words, no 50 line', async () => {
    render(SudsScale, withApp({ name: 'pre', label: 'Distress', value: 40, onchange: () => {}, anchors: null }));
    expect(screen.getByRole('group', { name: 'Distress' })).toHaveAccessibleDescription('0 = calm 100 = the most distress I can imagine');
    expect(screen.queryByText(/^50 =/)).toBeNull();
  });
});

describe('safety plan step 2: suggested from the grounding that helped', { timeout: 30_000 }, () => {
  it('offers an exercise that helped over rated sessions; accepting adds it to "things I can do on my own"', async () => {
    const entries = entriesRepo();
    for (const i of [1, 2]) {
      await entries.create({
        kind: 'session',
        moduleId: 'five-senses',
        title: '5-4-3-2-1 senses',
        body: '',
        before: { at: i, presence: 3, distress: 7 },
        after: { at: i + 1, presence: 7, distress: 3 },
        complete: true,
        createdAt: Date.now() - i * 60_000,
      });
    }
    location.hash = '#/safety-plan';
    render(SafetyPlan, withApp({}));
    const accept = await screen.findByRole('button', { name: 'Add “5-4-3-2-1 senses”' }, SLOW);
    expect(screen.queryByRole('textbox', { name: /Something I can do/ })).toBeNull();
    await userEvent.click(accept);
    expect(await screen.findByRole('textbox', { name: 'Something I can do 1' })).toHaveValue('5-4-3-2-1 senses');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Add “5-4-3-2-1 senses”' })).toBeNull());
  });
});

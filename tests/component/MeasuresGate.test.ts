// Questionnaires are never offered in the session phase (CLINICAL.md §1), whichever way the person comes:
// the direct link says why and offers session mode; the list still shows history but no way to start one;
// Today's card offers nothing. Outside the session phase the same link opens the questionnaire.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import { IDBFactory } from 'fake-indexeddb';
import MeasuresPage from '../../src/shell/MeasuresPage.svelte';
import MeasuresDue from '../../src/shell/today/MeasuresDue.svelte';
import { resetConnection } from '../../src/storage/db';
import { dosesRepo } from '../../src/storage/doses';
import { measuresRepo } from '../../src/storage/measures';
import { withApp } from './app-context';

const DAY = 24 * 3_600_000;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetConnection();
});
afterEach(() => resetConnection());

async function gad7TakenDaysAgo(days: number) {
  const repo = measuresRepo(undefined, () => Date.now() - days * DAY);
  const r = repo.create('gad7', 'two-weeks');
  await repo.put({ ...r, answers: [1, 1, 1, 1, 1, 1, 1], completedAt: Date.now() - days * DAY });
}

describe('questionnaires and the session phase', { timeout: 20_000 }, () => {
  it('right after a dose, #/measures/phq9 is not started: it says why and offers session mode', async () => {
    await dosesRepo().add({ takenAt: Date.now() - 10 * 60_000, setting: 'home' });
    render(MeasuresPage, withApp({ route: { name: 'measure', measureId: 'phq9' } }));
    expect(await screen.findByText(/Questionnaires wait until the effects of your dose have passed/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open session mode' })).toHaveAttribute('href', '#/session-mode');
    expect(screen.queryByText(/Question 1 of 9/)).toBeNull();
  });

  it('right after a dose, the list shows no way to start one', async () => {
    await dosesRepo().add({ takenAt: Date.now() - 10 * 60_000, setting: 'home' });
    render(MeasuresPage, withApp({ route: { name: 'measures' } }));
    expect(await screen.findByRole('heading', { level: 2, name: /PHQ-9/ })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /^Start the/ })).toBeNull();
  });

  it('right after a dose, Today offers no questionnaire, even one that is due', async () => {
    await gad7TakenDaysAgo(8);
    await dosesRepo().add({ takenAt: Date.now() - 10 * 60_000, setting: 'home' });
    render(MeasuresDue);
    await new Promise((r) => setTimeout(r, 500));
    expect(screen.queryByRole('heading', { name: 'A questionnaire, if you like' })).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('with no dose logged, the link opens the questionnaire', async () => {
    render(MeasuresPage, withApp({ route: { name: 'measure', measureId: 'phq9' } }));
    expect(await screen.findByText('Question 1 of 9', undefined, { timeout: 8000 })).toBeInTheDocument();
  });

  it('Today offers a GAD-7 due again, outside the session phase', async () => {
    await gad7TakenDaysAgo(8);
    render(MeasuresDue);
    expect(await screen.findByRole('link', { name: 'GAD-7: worry and anxiety over the last two weeks' }, { timeout: 8000 })).toHaveAttribute('href', '#/measures/gad7');
  });
});

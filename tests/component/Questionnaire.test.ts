// Taking a questionnaire (issue 16): one question per screen or the whole form — the person's choice,
// remembered; every answer kept as chosen (an unfinished one carries on at its first unanswered question);
// PHQ-9 item 9 above 0 shows "No one sees this answer", the safety plan's way in and the crisis lines before
// any score; otherwise the score with its band in plain words and "not a diagnosis".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import Questionnaire from '../../src/measures/Questionnaire.svelte';
import { resetConnection } from '../../src/storage/db';
import { measuresRepo } from '../../src/storage/measures';
import { settingsRepo } from '../../src/storage/settings';
import { pendingWrites } from '../../src/storage/pending';
import { resetWriters } from '../../src/storage/writer';
import { resetSuperseded } from '../../src/storage/problems';
import { GAD7, PHQ9 } from '../../src/measures/content';
import { withApp } from './app-context';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetConnection();
  sessionStorage.clear();
  pendingWrites.clear();
  resetWriters();
  resetSuperseded();
  location.hash = '#/measures/gad7';
});
afterEach(() => resetConnection());

const SLOW = { timeout: 8000 };

async function stored() {
  await waitFor(() => expect([...pendingWrites.withPrefix('measures:').keys()]).toEqual([]), SLOW);
  return measuresRepo().list();
}

function group(name: string | RegExp) {
  return screen.getByRole('group', { name });
}

describe('questionnaire', { timeout: 30_000 }, () => {
  it('one question per screen by default: an answer is kept as it is chosen, Next moves on, Back returns', async () => {
    const user = userEvent.setup();
    render(Questionnaire, withApp({ measureId: 'gad7' }));
    await screen.findByText('Question 1 of 7', undefined, SLOW);
    expect(screen.getByText(GAD7.instructions['two-weeks']!)).toBeInTheDocument();
    // Next without an answer asks kindly, and stays.
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText(/Choose an answer to go on/)).toBeInTheDocument();
    await user.click(within(group(new RegExp(GAD7.items[0]!))).getByRole('radio', { name: 'More than half the days' }));
    expect((await stored())[0]!.answers.slice(0, 2)).toEqual([2, null]);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Question 2 of 7')).toBeInTheDocument();
    // Focus moves to the new question, so a screen reader reads it next.
    await waitFor(() => expect(document.activeElement?.textContent).toContain(GAD7.items[1]!));
    expect(screen.queryByText(GAD7.items[0]!)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(within(group(new RegExp(GAD7.items[0]!))).getByRole('radio', { name: 'More than half the days' })).toBeChecked();
  });

  it('the whole form on one page when chosen, remembered; Finish names what is missing, then shows the band', async () => {
    const user = userEvent.setup();
    render(Questionnaire, withApp({ measureId: 'gad7' }));
    await screen.findByText('Question 1 of 7', undefined, SLOW);
    await user.click(screen.getByRole('radio', { name: 'All questions on one page' }));
    for (const item of GAD7.items) expect(group(item)).toBeInTheDocument();
    await waitFor(async () => expect(await settingsRepo().get('measureMode')).toBe('form'));
    await user.click(within(group(GAD7.items[0]!)).getByRole('radio', { name: 'Nearly every day' }));
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(screen.getByText('6 questions are not answered yet.')).toBeInTheDocument();
    for (const item of GAD7.items.slice(1)) await user.click(within(group(item)).getByRole('radio', { name: 'Several days' }));
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your GAD-7' })).toBeInTheDocument();
    expect(screen.getByText('9 of 21')).toBeInTheDocument();
    expect(screen.getByText('Mild (5–9).')).toBeInTheDocument();
    expect(screen.getByText(/not a diagnosis/)).toBeInTheDocument();
    const [r] = await stored();
    expect(r).toMatchObject({ total: 9, band: 'mild' });
    expect(r!.completedAt).toBeGreaterThan(0);
  });

  it('the remembered form mode opens the next one as a form', async () => {
    await settingsRepo().set('measureMode', 'form');
    render(Questionnaire, withApp({ measureId: 'phq9' }));
    await screen.findByRole('button', { name: 'Finish' }, SLOW);
    expect(screen.queryByText(/Question 1 of/)).toBeNull();
    for (const item of PHQ9.items) expect(group(item)).toBeInTheDocument();
  });

  it('an unfinished one carries on at its first unanswered question', async () => {
    const repo = measuresRepo();
    const r = repo.create('gad7', 'two-weeks');
    await repo.put({ ...r, answers: [1, 2, 0, null, null, null, null] });
    render(Questionnaire, withApp({ measureId: 'gad7' }));
    expect(await screen.findByText('Question 4 of 7', undefined, SLOW)).toBeInTheDocument();
    expect(screen.getByRole('group', { name: /Trouble relaxing/ })).toBeInTheDocument();
  });

  it('PHQ-9 item 9 above 0 with a low total: "No one sees this answer", the safety plan and crisis lines — before any score', async () => {
    const user = userEvent.setup();
    await settingsRepo().set('measureMode', 'form');
    render(Questionnaire, withApp({ measureId: 'phq9' }));
    await screen.findByRole('button', { name: 'Finish' }, SLOW);
    for (const item of PHQ9.items.slice(0, 8)) await user.click(within(group(item)).getByRole('radio', { name: 'Not at all' }));
    await user.click(within(group(PHQ9.items[8]!)).getByRole('radio', { name: 'Several days' }));
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    const h1 = await screen.findByRole('heading', { level: 1, name: 'No one sees this answer' });
    expect(h1).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open my safety plan' })).toBeInTheDocument();
    expect(screen.getByText('Crisis lines (always here)')).toBeInTheDocument();
    expect(screen.queryByText('1 of 27')).toBeNull();
    // The score is there after, when the person asks for it.
    await user.click(screen.getByRole('button', { name: 'See my results' }));
    expect(await screen.findByText('1 of 27')).toBeInTheDocument();
    expect((await stored())[0]).toMatchObject({ item9: 1, total: 1, band: 'minimal' });
  });

  it('stopping after item 9 above 0 still shows the safety screen first', async () => {
    const user = userEvent.setup();
    await settingsRepo().set('measureMode', 'form');
    render(Questionnaire, withApp({ measureId: 'phq9' }));
    await screen.findByRole('button', { name: 'Finish' }, SLOW);
    await user.click(within(group(PHQ9.items[8]!)).getByRole('radio', { name: 'Nearly every day' }));
    await user.click(screen.getByRole('button', { name: 'Stop for now' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'No one sees this answer' })).toBeInTheDocument();
  });
});

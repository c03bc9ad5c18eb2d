import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createActor } from 'xstate';
import StuckView from '../../src/modules/reframing/stuck-points/View.svelte';
import { stuckPointsMachine } from '../../src/modules/reframing/stuck-points/machine';
import RehearsalView from '../../src/modules/reframing/belief-rehearsal/View.svelte';
import { beliefRehearsalMachine } from '../../src/modules/reframing/belief-rehearsal/machine';
import Chart from '../../src/modules/reframing/belief-rehearsal/Chart.svelte';
import { entries } from '../../src/shell/services';
import { getDb } from '../../src/storage/db';
import { withApp } from './app-context';

const BELIEF = 'It was my fault.';
const ALT = 'I did what I could with what I knew then.';
const heading = () => screen.getByRole('heading', { level: 2 });

beforeEach(async () => {
  await (await getDb()).clear('entries');
});

describe('Stuck points view', () => {
  it('one question per screen, each skippable, every word in the machine as it is typed; ratings 0–100 optional', async () => {
    const actor = createActor(stuckPointsMachine, { input: { quick: false } });
    actor.start();
    render(StuckView, withApp({ actor, sessionId: 's1' }));
    const user = userEvent.setup();
    expect(heading()).toHaveTextContent('Looking again at a stuck point');
    expect(screen.getByText(/danger that is real and happening now/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Begin' }));
    await waitFor(() => expect(heading()).toHaveFocus());
    const belief = screen.getByLabelText('The stuck point');
    expect(belief).toHaveAttribute('dir', 'auto');
    await user.type(belief, BELIEF);
    expect(actor.getSnapshot().context.data.belief).toBe(BELIEF);
    await user.click(screen.getByRole('button', { name: 'Next' }));

    const scale = screen.getByRole('group', { name: 'How much you believe it right now' });
    const options = within(scale).getAllByRole('radio');
    expect(options.map((o) => (o as HTMLInputElement).value)).toEqual(['0', '10', '20', '30', '40', '50', '60', '70', '80', '90', '100']);
    await user.click(within(scale).getByRole('radio', { name: '80' }));
    expect(actor.getSnapshot().context.data.before).toBe(80);
    await user.click(screen.getByRole('button', { name: 'Next' }));

    expect(screen.getByText('Question 1 of 7')).toBeInTheDocument();
    expect(heading()).toHaveTextContent('A habit of thought, or a fact?');
    await user.click(screen.getByRole('button', { name: 'Skip this question' }));
    expect(heading()).toHaveTextContent('All or nothing?');
    await user.type(screen.getByLabelText('Your thoughts (optional)'), 'not always');
    expect(actor.getSnapshot().context.data.answers.allOrNone).toBe('not always');
    expect(actor.getSnapshot().context.data.skipped).toEqual(['habit']);
  });
});

describe('Belief rehearsal view', () => {
  it('offers the alternative from the latest stuck points, prefilled and changeable', async () => {
    await entries.create({
      kind: 'session',
      moduleId: 'stuck-points',
      title: 'Stuck points',
      body: '',
      complete: true,
      data: { belief: BELIEF, alternative: ALT },
    } as never);
    const actor = createActor(beliefRehearsalMachine, { input: { quick: false } });
    actor.start();
    render(RehearsalView, withApp({ actor, sessionId: 's1' }));
    const box = await screen.findByLabelText('The belief you want to strengthen');
    expect(box).toHaveValue(ALT);
    expect(screen.getByText('Your other way to see it, from stuck points')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.clear(box);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('status')).toHaveTextContent('Write the belief first');
    expect(actor.getSnapshot().value).toBe('choose');
    await user.click(screen.getByRole('button', { name: 'Use this one' }));
    expect(box).toHaveValue(ALT);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(actor.getSnapshot().value).toBe('rateBefore');
  });
});

describe('Believability chart', () => {
  const points = [
    { at: Date.UTC(2026, 10, 2, 9), before: 20, after: 35 },
    { at: Date.UTC(2026, 10, 3, 9), before: 30, after: null },
    { at: Date.UTC(2026, 10, 4, 9), before: 40, after: 60 },
  ];

  it('draws before and after per practice, names the picture with a one-line summary, and has the numbers as a table', () => {
    const { container } = render(Chart, { props: { points, idPrefix: 'c1' } });
    const img = screen.getByRole('img');
    expect(img).toHaveAccessibleName('3 practices of this belief: 20 out of 100 before the first, 60 after the latest.');
    // The shared chart (ui/chart/LineChart.svelte): before hollow, after filled, each + the legend's marker.
    expect(container.querySelectorAll('circle.mark:not(.filled)')).toHaveLength(3 + 1);
    expect(container.querySelectorAll('circle.mark.filled')).toHaveLength(2 + 1);
    const table = screen.getByRole('table', { hidden: true });
    const rows = within(table).getAllByRole('row', { hidden: true }).map((r) => r.textContent?.replace(/\s+/g, ' ').trim());
    expect(rows[0]).toBe('PracticeWhenBeforeAfter');
    // What a screen reader hears: each cell's value (the column names shown beside them when the rows are
    // stacked on a narrow screen are hidden from it; it has the column headers).
    const heard = (role: string) => within(table).getAllByRole(role, { hidden: true }).map((c) => c.querySelector(':scope > span:not([aria-hidden])')?.textContent);
    within(table).getAllByRole('rowheader', { hidden: true }).forEach((c, i) => expect(c).toHaveAccessibleName(String(i + 1)));
    expect(heard('rowheader')).toEqual(['1', '2', '3']);
    const cells = heard('cell');
    expect(cells.filter((_, i) => i % 3 !== 0)).toEqual(['20', '35', '30', '—', '40', '60']);
    const stackedLabels = [...within(table).getAllByRole('row', { hidden: true })[1]!.querySelectorAll('[aria-hidden="true"]')].map((l) => l.textContent);
    expect(stackedLabels).toEqual(['Practice', 'When', 'Before', 'After']);
    expect(screen.getByText('Show as a table')).toBeInTheDocument();
  });

  it('with no practices yet says so and draws nothing', () => {
    render(Chart, { props: { points: [], idPrefix: 'c2' } });
    expect(screen.getByText('No practices of this belief yet.')).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
  });
});

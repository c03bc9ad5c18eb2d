import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import GroundingChooser from '../../src/ui/session/GroundingChooser.svelte';
import { rankByHelpfulness } from '../../src/flow/helpfulness';
import { MODULES } from '../../src/modules/registry';
import type { Entry } from '../../src/storage/schema';

const grounding = MODULES.filter((m) => m.family === 'grounding');

function rated(moduleId: string, before: [number, number], after: [number, number], i: number): Entry {
  return {
    id: `e${i}`,
    kind: 'session',
    moduleId,
    createdAt: i,
    updatedAt: i,
    title: moduleId,
    body: '',
    complete: true,
    before: { presence: before[0], distress: before[1], at: i },
    after: { presence: after[0], distress: after[1], at: i + 1 },
  };
}

function links() {
  const region = screen.getByRole('region', { name: 'What helps right now' });
  return within(region).getAllByRole('link');
}

describe('what helps right now (chooser)', () => {
  it('lists every grounding exercise with its length, as links to start it', () => {
    render(GroundingChooser, { choices: rankByHelpfulness(grounding, []) });
    const all = links();
    expect(all).toHaveLength(grounding.length);
    expect(all[0]).toHaveAttribute('href', `#/exercise/${grounding[0]!.id}`);
    expect(all[0]).toHaveTextContent(/about \d+ min/);
    expect(screen.queryByText('helped you most')).not.toBeInTheDocument();
  });

  it('puts what helped this person first and says so, in words', () => {
    // Two rated sessions each: "helped you most" is said only after two (issue 12).
    const history = [
      rated('breathing', [2, 9], [7, 3], 1),
      rated('breathing', [2, 9], [7, 3], 2),
      rated('body', [3, 7], [5, 6], 3),
      rated('body', [3, 7], [5, 6], 4),
    ];
    render(GroundingChooser, { choices: rankByHelpfulness(grounding, history) });
    const [first, second] = links();
    expect(first).toHaveTextContent(/^Paced breathing/);
    expect(first).toHaveTextContent('helped you most');
    expect(second).toHaveTextContent(/^Body grounding/);
    expect(screen.getByText(/from your own before-and-after ratings/)).toBeInTheDocument();
  });

  it('after a single rated session it orders the list but claims nothing yet', () => {
    render(GroundingChooser, { choices: rankByHelpfulness(grounding, [rated('breathing', [2, 9], [7, 3], 1)]) });
    expect(links()[0]).toHaveTextContent(/^Paced breathing/);
    expect(screen.queryByText('helped you most')).not.toBeInTheDocument();
  });

  it('leaves out the exercise already on screen', () => {
    render(GroundingChooser, { choices: rankByHelpfulness(grounding, []), exclude: 'five-senses' });
    expect(links().map((a) => a.getAttribute('href'))).not.toContain('#/exercise/five-senses');
  });

  it('can swap exercises in place (Ground screen) with one tap or Enter', async () => {
    const onpick = vi.fn();
    render(GroundingChooser, { choices: rankByHelpfulness(grounding, []), onpick });
    const user = userEvent.setup();
    await user.click(links()[1]!);
    expect(onpick).toHaveBeenLastCalledWith(grounding[1]!.id);
    links()[2]!.focus();
    await user.keyboard('{Enter}');
    expect(onpick).toHaveBeenLastCalledWith(grounding[2]!.id);
  });
});

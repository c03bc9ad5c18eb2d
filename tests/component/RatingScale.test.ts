import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import RatingScale from '../../src/ui/components/RatingScale.svelte';

function setup(value?: number) {
  const onchange = vi.fn();
  render(RatingScale, {
    name: 'presence',
    label: 'How present do you feel right now?',
    lowLabel: 'Far away',
    highLabel: 'Fully here',
    value,
    onchange,
  });
  return { onchange, user: userEvent.setup() };
}

describe('rating scale', () => {
  it('offers 0 to 10 as one labelled group a screen reader can name', () => {
    setup();
    const group = screen.getByRole('group', { name: 'How present do you feel right now?' });
    expect(group).toHaveAccessibleDescription('0 = Far away 10 = Fully here');
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(
      Array.from({ length: 11 }, (_, i) => String(i)),
    );
  });

  it('reports the number the person picks by pointer', async () => {
    const { onchange, user } = setup();
    await user.click(screen.getByRole('radio', { name: '7' }));
    expect(onchange).toHaveBeenCalledWith(7);
  });

  it('can be used with the keyboard alone (arrow keys move the choice)', async () => {
    const { onchange, user } = setup(3);
    await user.tab();
    expect(screen.getByRole('radio', { name: '3' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(onchange).toHaveBeenLastCalledWith(4);
  });

  it('shows the current value as checked and nothing when no rating was given', () => {
    setup(5);
    expect(screen.getByRole('radio', { name: '5' })).toBeChecked();
    cleanupAndRender();
    expect(screen.getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toHaveLength(0);
  });
});

function cleanupAndRender() {
  document.body.innerHTML = '';
  setup(undefined);
}

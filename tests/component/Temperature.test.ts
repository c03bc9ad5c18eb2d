// Temperature's safety note as the person reads it, and its way out: choosing another exercise ends this
// one (the session's EXIT) instead of leaving it on Today as unfinished.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createActor } from 'xstate';
import View from '../../src/modules/grounding/temperature/View.svelte';
import { temperatureMachine } from '../../src/modules/grounding/temperature/machine';

function setup(leave?: () => void) {
  const actor = createActor(temperatureMachine, { input: { quick: false } }).start();
  render(View, { actor, sessionId: 's1', leave });
  return { actor, user: userEvent.setup() };
}

describe('temperature safety note', () => {
  it('names each reason to skip the face version on a line of its own, and never claims it works for most people', () => {
    setup();
    const text = document.body.textContent ?? '';
    expect(text).not.toMatch(/works for most people/);
    const items = within(screen.getByRole('list')).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'you have a heart condition, or take a medicine that slows your heart',
      'you have low blood pressure, or have fainted before',
      'you have, or have had, an eating disorder',
    ]);
    expect(screen.getByText(/Cold water on the face slows the heart\. Unless a clinician has said it is okay/)).toBeInTheDocument();
    expect(
      screen.getByText(
        'If water on your face brings something back, or you may still be drowsy after a dose, use a cold cloth or pack instead of putting your face in water.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Holding something cold in your hands is a gentler way.')).toBeInTheDocument();
  });

  it('“Choose another exercise” ends this exercise and goes to Today', async () => {
    const leave = vi.fn();
    const { user } = setup(leave);
    const link = screen.getByRole('link', { name: 'Choose another exercise' });
    expect(link).toHaveAttribute('href', '#/today');
    await user.click(link);
    expect(leave).toHaveBeenCalledTimes(1);
  });

  it('the face version’s preparation offers a cloth or pack when drowsy after a dose or when water brings something back', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('button', { name: /Cool water on my face/ }));
    expect(screen.getByText(/drowsy after a dose, or water on your face brings something back, use the cloth or pack/)).toBeInTheDocument();
  });
});

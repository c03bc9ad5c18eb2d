import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createActor } from 'xstate';
import View from '../../src/modules/reframing/thought-record/View.svelte';
import { thoughtRecordMachine } from '../../src/modules/reframing/thought-record/machine';
import { shell } from '../../src/shell/app.svelte';
import { withApp } from './app-context';

function setup() {
  const actor = createActor(thoughtRecordMachine, { input: { quick: false } }).start();
  render(View, withApp({ actor, sessionId: 's1' }));
  return { actor, user: userEvent.setup(), data: () => actor.getSnapshot().context.data };
}

const heading = () => screen.getByRole('heading', { level: 2 });
const button = (name: string) => screen.getByRole('button', { name });

describe('Thought record view', () => {
  it('saves the situation as it is typed, offers Skip while empty, and asks the safety check before the thought', async () => {
    const { user, data } = setup();
    expect(heading()).toHaveTextContent('A thought record');
    await user.click(button('Begin'));
    await waitFor(() => expect(heading()).toHaveFocus());
    expect(heading()).toHaveTextContent('What happened');
    expect(button('Skip')).toBeInTheDocument();
    const box = screen.getByLabelText('The situation (optional)');
    expect(box).toHaveAttribute('dir', 'auto');
    await user.type(box, 'Sunday, no reply');
    expect(data().situation).toBe('Sunday, no reply'); // every keystroke is in the machine, not only on Next
    expect(button('Next')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'ground yourself first' })).toHaveAttribute('href', '#/ground');
    await user.click(button('Next'));

    expect(heading()).toHaveTextContent('One question first');
    expect(screen.getByText(/a danger that is happening now/)).toBeInTheDocument();
    await user.click(button('No, not now'));
    expect(heading()).toHaveTextContent('The thought');
    expect(screen.getByText(/Putting it on the page is not agreeing with it/)).toBeInTheDocument();
    expect(screen.queryByText('The first thought')).toBeNull(); // quoted back on later steps, not while writing it
    await user.click(button('Back'));
    expect(heading()).toHaveTextContent('One question first');
  });

  it('“yes, it is happening now” says so plainly and offers Help and grounding, never the next step', async () => {
    const { user, actor } = setup();
    await user.click(button('Begin'));
    await user.click(button('Skip'));
    await user.click(button('Yes, it is happening now'));
    await waitFor(() => expect(heading()).toHaveFocus());
    expect(heading()).toHaveTextContent('Your safety comes first');
    expect(screen.getByText(/that is not a thought to question/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ground yourself' })).toHaveAttribute('href', '#/ground');
    expect(screen.queryByRole('button', { name: /carry on/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Next' })).toBeNull();
    shell.helpOpen = false;
    await user.click(button('Open Help'));
    expect(shell.helpOpen).toBe(true);
    shell.helpOpen = false;
    await user.click(button('End the thought record here'));
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('feelings: a suggested word or the person’s own, each with a 0–100 strength that starts unrated; re-rated at the end', async () => {
    const { user, data } = setup();
    await user.click(button('Begin'));
    await user.click(button('Skip'));
    await user.click(button('No, not now'));
    await user.click(button('Skip'));
    expect(heading()).toHaveTextContent('What you felt');
    await user.click(button('anxious'));
    expect(screen.queryByRole('button', { name: 'anxious' })).toBeNull(); // offered once
    const strength = screen.getByLabelText('How strong was anxious?');
    await waitFor(() => expect(strength).toHaveFocus());
    expect(strength).toHaveAttribute('aria-valuetext', 'Not rated');
    await fireEvent.input(strength, { target: { value: '70' } });
    expect(strength).toHaveAttribute('aria-valuetext', '70 out of 100');

    await user.click(button('Add a feeling in my own words'));
    const own = screen.getByLabelText('Feeling 2');
    await waitFor(() => expect(own).toHaveFocus());
    await user.type(own, 'small');
    expect(data().emotions).toEqual([
      { name: 'anxious', before: 70, after: null },
      { name: 'small', before: null, after: null },
    ]);
    await user.click(button('Remove small'));
    expect(data().emotions).toHaveLength(1);

    for (let i = 0; i < 4; i++) await user.click(button(i === 0 ? 'Next' : 'Skip'));
    expect(heading()).toHaveTextContent('Looking again');
    expect(screen.getByText('At first: 70 out of 100')).toBeInTheDocument();
    const now = screen.getByLabelText('anxious now');
    await fireEvent.input(now, { target: { value: '40' } });
    expect(data().emotions[0]).toEqual({ name: 'anxious', before: 70, after: 40 });
    await user.click(screen.getByRole('button', { name: 'Clear: anxious now' }));
    expect(data().emotions[0]?.after).toBeNull();
    expect(button('Done')).toBeInTheDocument();
  });
});

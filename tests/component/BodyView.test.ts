import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import { createActor } from 'xstate';
import View from '../../src/modules/grounding/body/View.svelte';
import { bodyMachine } from '../../src/modules/grounding/body/machine';
import { muscleGroups } from '../../src/modules/grounding/body/content';
import type { Phase } from '../../src/flow/module';

function setup(props: { phase?: Phase; typing?: boolean } = {}) {
  const actor = createActor(bodyMachine, { input: { quick: false } }).start();
  render(View, { actor, sessionId: 's1', ...props });
  const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
  const wait = async (ms: number) => {
    vi.advanceTimersByTime(ms);
    await tick();
  };
  return { actor, user, wait };
}

const heading = () => screen.getByRole('heading', { level: 2 });

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_000_000);
});
afterEach(() => vi.useRealTimers());

describe('body grounding view', () => {
  it('starts with a choice between the two parts', () => {
    setup();
    expect(heading()).toHaveTextContent('Which would you like to try?');
    expect(screen.getByRole('button', { name: /Feet and hands/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Tense and let go/ })).toBeInTheDocument();
  });

  it('tense and let go: gentle note, a 5 s tension that turns into a 10 s release, then time is up and Next', async () => {
    const { actor, user, wait } = setup();
    await user.click(screen.getByRole('button', { name: /Tense and let go/ }));
    expect(heading()).toHaveTextContent('Hands and forearms');
    expect(heading()).toHaveFocus();
    expect(screen.getByText('Muscle group 1 of 7')).toBeInTheDocument();
    expect(screen.getByText(/Tense only lightly — it should never hurt/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(screen.getByText('Tense gently')).toBeInTheDocument();
    expect(screen.getByRole('timer')).toHaveTextContent('5 seconds left');
    expect(screen.getByRole('button', { name: 'Let go now' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Next' })).not.toBeInTheDocument();

    await wait(5_000);
    expect(screen.getByText('Let go', { selector: '.label' })).toBeInTheDocument();
    expect(screen.getByText(muscleGroups[0]!.release)).toBeInTheDocument();
    expect(screen.getByRole('timer')).toHaveTextContent('10 seconds left');

    await wait(10_000);
    expect(screen.getByText('Time’s up — take your time', { selector: '.time-up' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Skip this one' })).not.toBeInTheDocument();
    // Nothing moves on by itself.
    await wait(60_000);
    expect(heading()).toHaveTextContent('Hands and forearms');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(heading()).toHaveTextContent('Upper arms');
    expect(heading()).toHaveFocus();
    expect(actor.getSnapshot().context.data.done).toEqual(['hands']);
  });

  it('offers "Skip this one" on every muscle group, and ends on the closing screen', async () => {
    const { actor, user } = setup();
    await user.click(screen.getByRole('button', { name: /Tense and let go/ }));
    for (const g of muscleGroups) {
      expect(heading()).toHaveTextContent(g.heading);
      await user.click(screen.getByRole('button', { name: 'Skip this one' }));
    }
    expect(heading()).toHaveTextContent('Coming back');
    expect(actor.getSnapshot().context.data.skipped).toHaveLength(7);
  });

  it('names that relaxing can bring unease, and “Stop here” goes to coming back, where resting or moving are both fine', async () => {
    const { user, wait } = setup();
    await user.click(screen.getByRole('button', { name: /Tense and let go/ }));
    expect(screen.getByText(/For some people, relaxing brings unease rather than calm/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start' }));
    await wait(1_000);
    expect(screen.getByText(/For some people, relaxing brings unease rather than calm/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Stop here' }));
    expect(heading()).toHaveTextContent('Coming back');
    expect(heading()).toHaveFocus();
    expect(screen.getByText(/Let your hands and feet rest, or move them a little/)).toBeInTheDocument();
  });

  it('Skip this one also works in the middle of a tension', async () => {
    const { actor, user, wait } = setup();
    await user.click(screen.getByRole('button', { name: /Tense and let go/ }));
    await user.click(screen.getByRole('button', { name: 'Start' }));
    await wait(2_000);
    await user.click(screen.getByRole('button', { name: 'Skip this one' }));
    expect(heading()).toHaveTextContent('Upper arms');
    expect(actor.getSnapshot().context.data.skipped).toEqual(['hands']);
  });

  it('Pause keeps the time; Resume carries on', async () => {
    const { actor, user, wait } = setup();
    await user.click(screen.getByRole('button', { name: /Feet and hands/ }));
    await user.click(screen.getByRole('button', { name: /Start the 20-second timer/ }));
    await wait(4_000);
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(actor.getSnapshot().value).toEqual({ step: { timed: 'held' } });
    await wait(30_000);
    expect(screen.getByRole('timer')).toHaveTextContent('16 seconds left');
    expect(screen.getByRole('timer')).toHaveTextContent('Paused');
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    await wait(16_000);
    expect(screen.getByText('Time’s up — take your time', { selector: '.time-up' })).toBeInTheDocument();
  });

  it('feet and hands: what the person notices is kept per step, and the closing note too', async () => {
    const { actor, user, wait } = setup();
    await user.click(screen.getByRole('button', { name: /Feet and hands/ }));
    expect(heading()).toHaveTextContent('Feet on the floor');
    await user.type(screen.getByLabelText('What do you notice in your feet? (optional)'), 'cool tiles');
    await user.click(screen.getByRole('button', { name: /Start the 20-second timer/ }));
    await wait(20_000);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(heading()).toHaveTextContent('Palms pressing');
    expect(screen.getByLabelText('What do you notice in your hands? (optional)')).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Skip this one' }));
    await user.type(screen.getByLabelText('What do you notice now? (optional)'), 'steady');
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(actor.getSnapshot().output).toEqual({
      part: 'anchor',
      done: ['feet'],
      skipped: ['palms'],
      notes: { feet: 'cool tiles', close: 'steady' },
    });
  });

  it('if the focused button disappears (Let go now → release), focus goes to the heading, not the page', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: /Tense and let go/ }));
    await user.click(screen.getByRole('button', { name: 'Start' }));
    await user.click(screen.getByRole('button', { name: 'Let go now' }));
    await tick();
    await tick();
    expect(heading()).toHaveFocus();
  });
});

describe('body grounding view in the session phase (right after a dose)', () => {
  const session = { phase: 'session' as const, typing: false };

  it('offers feet and hands only, and says kindly where tense and let go went', () => {
    setup(session);
    expect(heading()).toHaveTextContent('Ready when you are');
    expect(screen.getByRole('button', { name: /Feet and hands/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Tense and let go/ })).not.toBeInTheDocument();
    expect(screen.getByText(/Tense and let go is here too once the effects have passed/)).toBeInTheDocument();
    expect(screen.queryByText(/Muscle by muscle/)).not.toBeInTheDocument();
  });

  it('feet and hands runs as always, with no text box to fill in; Back returns to the one choice', async () => {
    const { user } = setup(session);
    await user.click(screen.getByRole('button', { name: /Feet and hands/ }));
    expect(heading()).toHaveTextContent('Feet on the floor');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(heading()).toHaveTextContent('Ready when you are');
    expect(screen.queryByRole('button', { name: /Tense and let go/ })).not.toBeInTheDocument();
  });

  it('tense and let go already under way (begun before the dose) carries on where it was, nothing lost', async () => {
    const actor = createActor(bodyMachine, { input: { quick: false } }).start();
    actor.send({ type: 'CHOOSE', part: 'pmr' });
    actor.send({ type: 'SKIP' });
    render(View, { actor, sessionId: 's1', ...session });
    expect(heading()).toHaveTextContent('Upper arms');
    expect(screen.getByText('Muscle group 2 of 7')).toBeInTheDocument();
    expect(actor.getSnapshot().context.data.skipped).toEqual(['hands']);
    // Back to its first group, then to the choice: its own part is still there to return to.
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('button', { name: /Tense and let go/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Feet and hands/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Tense and let go/ }));
    expect(actor.getSnapshot().context.data.skipped).toEqual(['hands']);
  });

  it('coming back: no empty text box to fill in, the prompt and Done only', async () => {
    const { user } = setup(session);
    await user.click(screen.getByRole('button', { name: /Feet and hands/ }));
    await user.click(screen.getByRole('button', { name: 'Skip this one' }));
    await user.click(screen.getByRole('button', { name: 'Skip this one' }));
    expect(heading()).toHaveTextContent('Coming back');
    expect(screen.getByText(/Let your hands and feet rest/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByText('What do you notice now? (optional)')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Done' }));
  });

  it('coming back: words already written there are still shown (a session rescued after the dose)', () => {
    const actor = createActor(bodyMachine, { input: { quick: false } }).start();
    actor.send({ type: 'CHOOSE', part: 'anchor' });
    actor.send({ type: 'SKIP' });
    actor.send({ type: 'SKIP' });
    actor.send({ type: 'TYPE', text: 'warmer hands' });
    render(View, { actor, sessionId: 's1', ...session });
    expect(screen.getByRole('textbox', { name: 'What do you notice now? (optional)' })).toHaveValue('warmer hands');
  });

  it.each<Phase>(['settling', 'window', 'consolidation', 'between'])('%s: both parts, as before', (phase) => {
    setup({ phase });
    expect(heading()).toHaveTextContent('Which would you like to try?');
    expect(screen.getByRole('button', { name: /Tense and let go/ })).toBeInTheDocument();
    expect(screen.queryByText(/once the effects have passed/)).not.toBeInTheDocument();
  });
});

describe('body grounding started by Ground me now (feet and hands given)', () => {
  it('no Back from its first step into the choice with tense and let go; later steps go back as usual', async () => {
    const actor = createActor(bodyMachine, { input: { quick: true, variant: 'anchor' } }).start();
    render(View, { actor, sessionId: 's1', phase: 'between', typing: true });
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    expect(heading()).toHaveTextContent('Feet on the floor');
    expect(screen.queryByRole('button', { name: 'Back' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Skip this one' }));
    expect(screen.getByText('Step 2 of 2')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(heading()).toHaveTextContent('Feet on the floor');
    expect(screen.queryByRole('button', { name: 'Back' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Tense and let go/ })).not.toBeInTheDocument();
  });
});

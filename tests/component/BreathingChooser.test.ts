// Choosing how to breathe: the last choice comes back pre-selected, each pattern says in one line what it
// is, and the new choice is remembered when the person starts.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createActor } from 'xstate';
import View from '../../src/modules/grounding/breathing/View.svelte';
import { breathingMachine } from '../../src/modules/grounding/breathing/machine';
import { choices } from '../../src/modules/grounding/breathing/content';
import { settings } from '../../src/shell/services';
import { withApp } from './app-context';

function setup(quick = false) {
  const actor = createActor(breathingMachine, { input: { quick } });
  actor.start();
  render(View, withApp({ actor, sessionId: 's1' }));
  return { actor, user: userEvent.setup() };
}

const radio = (name: string) => screen.getByRole('radio', { name });

describe('breathing chooser', () => {
  it('pre-selects the person’s last pattern and length', async () => {
    await settings.set('breathing', { pattern: 'box', minutes: 4 });
    setup();
    // The first read of the day opens the database (slow on a cold test worker).
    await waitFor(() => expect(radio('Box breathing')).toBeChecked(), { timeout: 5000 });
    expect(radio('4 minutes')).toBeChecked();
    expect(radio('Slow out-breath')).not.toBeChecked();
  });

  it('offers the five patterns (three without a held breath), each with one plain line, and 1 to 5 minutes, as labelled groups', async () => {
    setup();
    const patterns = screen.getByRole('group', { name: 'Way of breathing' });
    expect(patterns).toBeInTheDocument();
    expect(choices.map((c) => c.name)).toEqual([
      'Slow out-breath',
      'Slow out-breath with a pause',
      'Box breathing',
      '4-7-8 breathing',
      'Even breathing',
    ]);
    for (const c of choices) expect(radio(c.name)).toHaveAccessibleDescription(c.line);
    expect(screen.getAllByRole('radio', { name: /minutes?$/ }).map((r) => r.getAttribute('value'))).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
    expect(screen.getByRole('group', { name: 'How long?' })).toBeInTheDocument();
    expect(screen.getByText(/Breathe gently, not deeply/)).toBeInTheDocument();
    expect(screen.getByText(/If you feel tingling, light-headed or uneasy, slow down/)).toBeInTheDocument();
    // The default has no held breath, so no caution yet.
    expect(screen.queryByRole('heading', { name: 'Before a held breath' })).not.toBeInTheDocument();
    expect(screen.getByText(/With Sound on, a soft tone marks each breath/)).toBeInTheDocument();
  });

  it('Continue shows the pacer for the choice; Change comes back with the choice kept; Start remembers it', async () => {
    await settings.set('breathing', { pattern: 'box', minutes: 4 });
    const { actor, user } = setup();
    await waitFor(() => expect(radio('Box breathing')).toBeChecked());
    await user.click(radio('4-7-8 breathing'));
    await user.click(radio('1 minute'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    const heading = screen.getByRole('heading', { level: 2, name: '4-7-8 breathing' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText('About 1 minute — 3 breaths.')).toBeInTheDocument();
    expect(screen.getByText(/If the hold feels uncomfortable/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Change' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Choose a way to breathe' })).toHaveFocus());
    expect(radio('4-7-8 breathing')).toBeChecked();
    expect(radio('1 minute')).toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(actor.getSnapshot().value).toBe('running');
    await waitFor(async () => expect(await settings.get('breathing')).toEqual({ pattern: '4-7-8', minutes: 1 }));
    await user.click(screen.getByRole('button', { name: 'That’s enough for now' }));
  });

  it('quick start (Ground me now) opens the pacer with the last choice, one tap from Start', async () => {
    await settings.set('breathing', { pattern: 'coherent', minutes: 3 });
    setup(true);
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Even breathing' })).toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Start' })).toBeInTheDocument();
    expect(screen.getByText('About 3 minutes — 16 breaths.')).toBeInTheDocument();
  });

  it('a held-breath pattern shows the caution before it starts, with a way without holding one tap away', async () => {
    const { actor, user } = setup();
    await user.click(radio('Box breathing'));
    const caution = screen.getByRole('region', { name: 'Before a held breath' });
    expect(caution).toHaveTextContent(/panic attacks, asthma or COPD, are pregnant or have a heart condition/);
    expect(caution).toHaveTextContent(/choked or held under/);
    await user.click(screen.getByRole('button', { name: 'Breathe without holding' }));
    expect(radio('Slow out-breath')).toBeChecked();
    expect(radio('Slow out-breath')).toHaveFocus();
    expect(screen.queryByRole('region', { name: 'Before a held breath' })).not.toBeInTheDocument();

    // Chosen anyway: the caution comes again above Start, and still offers the way without holding.
    await user.click(radio('4-7-8 breathing'));
    await user.click(radio('5 minutes'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    // 4-7-8 keeps to four breaths at a time, whatever length was chosen.
    expect(screen.getByText('About 1 minute — 4 breaths.')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Before a held breath' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Breathe without holding' }));
    const heading = screen.getByRole('heading', { level: 2, name: 'Slow out-breath' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(actor.getSnapshot().value).toBe('ready');
    expect(screen.queryByRole('region', { name: 'Before a held breath' })).not.toBeInTheDocument();
    expect(screen.getByText('About 5 minutes — 30 breaths.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(actor.getSnapshot().context.data?.pattern).toBe('slow-exhale');
    await user.click(screen.getByRole('button', { name: 'That’s enough for now' }));
  });
});

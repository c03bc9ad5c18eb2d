// Paced breathing in the session phase (right after a dose): the slow out-breath only, with a kind line that
// the other ways are there once the effects have passed — no held breath (4-7-8, box) through the chooser, a
// saved favourite, a quick start or a restored Start screen (breathing/offer.ts; CLINICAL.md §1 and §2). A
// breathing exercise already running another pattern keeps it.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createActor } from 'xstate';
import View from '../../src/modules/grounding/breathing/View.svelte';
import { breathingMachine } from '../../src/modules/grounding/breathing/machine';
import { choices } from '../../src/modules/grounding/breathing/content';
import { settings } from '../../src/shell/services';
import type { Phase } from '../../src/flow/module';
import { withApp } from './app-context';

type Actor = ReturnType<typeof start>;
const start = (quick = false) => createActor(breathingMachine, { input: { quick } }).start();
function show(actor: Actor, phase: Phase) {
  const r = render(View, withApp({ actor, sessionId: 's1', phase, typing: phase !== 'session' }));
  return { ...r, user: userEvent.setup() };
}
const radio = (name: string) => screen.getByRole('radio', { name });
const KIND = /The other ways of breathing are here too once the effects have passed/;
/** The settings read has had time to land (a held-back favourite shows nothing, so wait for the read itself). */
const settled = async () => {
  await settings.get('breathing');
  await new Promise((r) => setTimeout(r, 50));
};

describe('paced breathing in the session phase', () => {
  it('offers the slow out-breath only, says kindly where the others went; a held-breath favourite is not pre-selected', async () => {
    await settings.set('breathing', { pattern: 'box', minutes: 4 });
    const actor = start();
    show(actor, 'session');
    await settled();
    expect(screen.getByRole('heading', { level: 2, name: 'Choose how long to breathe' })).toBeInTheDocument();
    expect(screen.getByText(KIND)).toBeInTheDocument();
    expect(screen.getAllByRole('radio', { name: /breath|breathing/i }).map((r) => r.getAttribute('value'))).toEqual(['slow-exhale']);
    expect(radio('Slow out-breath')).toBeChecked();
    for (const held of ['Box breathing', '4-7-8 breathing']) expect(screen.queryByRole('radio', { name: held })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Before a held breath' })).not.toBeInTheDocument();
    expect(actor.getSnapshot().context.pattern).toBe('slow-exhale');
  });

  it('Continue and Start run the slow out-breath, and the favourite chosen freely is kept for later', async () => {
    await settings.set('breathing', { pattern: 'box', minutes: 4 });
    const actor = start();
    const { user } = show(actor, 'session');
    await settled();
    await user.click(radio('3 minutes'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Slow out-breath' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(actor.getSnapshot().context.data?.pattern).toBe('slow-exhale');
    await user.click(screen.getByRole('button', { name: 'That’s enough for now' }));
    await settled();
    expect(await settings.get('breathing')).toEqual({ pattern: 'box', minutes: 4 });
  });

  it('a quick start with a held-breath favourite stays on the one choice, never on a held breath’s Start screen', async () => {
    await settings.set('breathing', { pattern: '4-7-8', minutes: 2 });
    const actor = start(true);
    show(actor, 'session');
    await settled();
    expect(actor.getSnapshot().value).toBe('choose');
    expect(screen.getByRole('heading', { level: 2, name: 'Choose how long to breathe' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '4-7-8 breathing' })).not.toBeInTheDocument();
  });

  it('a held-breath pattern restored on its Start screen (not started) goes back to the one choice', async () => {
    await settings.set('breathing', { pattern: 'slow-exhale', minutes: 2 });
    const actor = start();
    actor.send({ type: 'CHOOSE', pattern: 'box' });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().value).toBe('ready');
    const { user } = show(actor, 'session');
    expect(screen.queryByRole('button', { name: 'Start' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Box breathing' })).not.toBeInTheDocument();
    expect(radio('Slow out-breath')).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Slow out-breath' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(actor.getSnapshot().context.data?.pattern).toBe('slow-exhale');
    await user.click(screen.getByRole('button', { name: 'That’s enough for now' }));
  });

  it('a breathing exercise already running another pattern (begun before the dose) keeps it', async () => {
    const actor = start();
    actor.send({ type: 'CHOOSE', pattern: 'box' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'START' });
    actor.send({ type: 'PAUSE', by: 'person' });
    const { user } = show(actor, 'session');
    expect(screen.getByRole('heading', { level: 2, name: 'Box breathing' })).toBeInTheDocument();
    expect(actor.getSnapshot().context.data?.pattern).toBe('box');
    await user.click(screen.getByRole('button', { name: 'That’s enough for now' }));
  });

  it('until the phase is known it fails closed; once it is known to be later, every way and the favourite come back', async () => {
    await settings.set('breathing', { pattern: 'box', minutes: 4 });
    const actor = start();
    const { rerender } = show(actor, 'session');
    await settled();
    expect(screen.queryByRole('radio', { name: 'Box breathing' })).not.toBeInTheDocument();
    await rerender({ phase: 'between', typing: true });
    await waitFor(() => expect(radio('Box breathing')).toBeChecked());
    expect(radio('4 minutes')).toBeChecked();
    expect(screen.getAllByRole('radio', { name: /breath|breathing/i })).toHaveLength(choices.length);
    expect(screen.queryByText(KIND)).not.toBeInTheDocument();
  });

  it.each<Phase>(['settling', 'window', 'consolidation', 'between'])('%s: every way of breathing, as before', async (phase) => {
    show(start(), phase);
    expect(screen.getByRole('heading', { level: 2, name: 'Choose a way to breathe' })).toBeInTheDocument();
    for (const c of choices) expect(radio(c.name)).toBeInTheDocument();
    expect(screen.queryByText(KIND)).not.toBeInTheDocument();
  });
});

import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createActor } from 'xstate';
import View from '../../src/modules/grounding/five-senses/View.svelte';
import { fiveSensesMachine } from '../../src/modules/grounding/five-senses/machine';
import { sources, steps } from '../../src/modules/grounding/five-senses/content';

function setup(typing?: boolean) {
  const actor = createActor(fiveSensesMachine, { input: { quick: false } });
  actor.start();
  render(View, { actor, sessionId: 's1', ...(typing === undefined ? {} : { typing }) });
  return { actor, user: userEvent.setup() };
}

describe('5-4-3-2-1 grounding steps', () => {
  it('shows one sense per screen, starting with five things to see', () => {
    setup();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('5 things you can see');
    expect(screen.getByText('Step 1 of 5')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^Noticed \d$/ })).toHaveLength(5);
    expect(screen.queryByRole('button', { name: 'Back' })).not.toBeInTheDocument();
  });

  it('lets the person tick what they noticed instead of typing', async () => {
    const { actor, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Noticed 1' }));
    await user.click(screen.getByRole('button', { name: 'Noticed 2' }));
    expect(screen.getByRole('button', { name: 'Noticed 1' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Noticed 3' })).toHaveAttribute('aria-pressed', 'false');
    expect(actor.getSnapshot().context.data['see']?.noticed).toBe(2);
  });

  it('keeps typed words when moving on and coming back', async () => {
    const { user } = setup();
    await user.type(screen.getByRole('textbox', { name: 'What you see (optional)' }), 'the green lamp');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('4 things you can feel');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('textbox', { name: 'What you see (optional)' })).toHaveValue('the green lamp');
  });

  it('right after a dose (typing false) offers no text box on any step, only the ticks; it still ends with "Done"', async () => {
    const { actor, user } = setup(false);
    for (let i = 0; i < 5; i++) {
      expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
      expect(screen.getAllByRole('button', { name: /^Noticed \d$/ }).length).toBeGreaterThan(0);
      await user.click(screen.getByRole('button', { name: i === 4 ? 'Done' : 'Next' }));
    }
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('with typing false, words already written on a step are still shown in their box', async () => {
    const { actor } = setup(false);
    actor.send({ type: 'TYPE', text: 'the green lamp' });
    expect(await screen.findByRole('textbox', { name: 'What you see (optional)' })).toHaveValue('the green lamp');
  });

  it('moves keyboard focus to each new step heading, so screen readers announce it', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('heading', { level: 2, name: '4 things you can feel' })).toHaveFocus();
  });

  it('ends after the fifth sense with "Done", and the module outputs every answer', async () => {
    const { actor, user } = setup();
    for (let i = 0; i < 4; i++) await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('1 thing you can taste');
    await user.type(screen.getByRole('textbox', { name: 'What you taste (optional)' }), 'mint');
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().output).toMatchObject({ taste: { text: 'mint' } });
  });

  it('every step says it can be skipped, and its examples begin with things in the room, not the body', async () => {
    const { user } = setup();
    for (const step of steps) {
      expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(step.heading);
      expect(screen.getByText('If nothing comes, that is fine — you can skip this one and move on.')).toBeInTheDocument();
      const first = step.examples.split(',')[0] ?? '';
      expect(first).not.toMatch(/\b(your|my)\b/i);
      await user.click(screen.getByRole('button', { name: step.id === 'taste' ? 'Done' : 'Next' }));
    }
  });

  it('says that 5-4-3-2-1 has no single original source, and cites stabilisation first', () => {
    expect(sources[0]?.citation).toMatch(/no single original source/);
    expect(sources.some((s) => s.citation.startsWith('Cloitre M') && s.citation.includes('2012'))).toBe(true);
  });
});

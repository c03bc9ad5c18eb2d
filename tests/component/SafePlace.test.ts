import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createActor } from 'xstate';
import View from '../../src/modules/grounding/safe-place/View.svelte';
import { safePlaceMachine } from '../../src/modules/grounding/safe-place/machine';
import { personal } from '../../src/shell/services';
import { getDb } from '../../src/storage/db';
import { withApp } from './app-context';

const lake = { name: 'the lake cabin', see: 'pine trees, still water', hear: 'loons calling', feel: 'a warm wool blanket', word: 'still' };

function setup(quick = false) {
  const actor = createActor(safePlaceMachine, { input: { quick } });
  actor.start();
  render(View, withApp({ actor, sessionId: 's1' }));
  return { actor, user: userEvent.setup() };
}

const heading = () => screen.getByRole('heading', { level: 2 });
const out = () => screen.getByRole('link', { name: 'come back to the room' });

beforeEach(async () => {
  await (await getDb()).clear('personal');
});

describe('Safe place view: first visit', () => {
  it('invites, builds the place step by step in the person’s words, and keeps it only on “Keep my safe place”', async () => {
    const { actor, user } = setup();
    expect(await screen.findByRole('heading', { name: 'A safe place, in your words' })).toBeInTheDocument();
    expect(screen.getByText(/real or imagined/)).toBeInTheDocument();
    expect(out()).toHaveAttribute('href', '#/ground/leave/safe-place');
    await user.click(screen.getByRole('button', { name: 'Begin' }));

    await waitFor(() => expect(heading()).toHaveFocus());
    await user.type(screen.getByLabelText('What you call it (optional)'), lake.name);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(screen.getByLabelText('What you see (optional)'), lake.see);
    expect(out()).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(screen.getByLabelText('What you hear (optional)'), lake.hear);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(screen.getByLabelText('What you feel (optional)'), lake.feel);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(screen.getByLabelText('Your word (optional)'), lake.word);
    await user.click(screen.getByRole('button', { name: 'Done' }));

    expect(heading()).toHaveTextContent('Your safe place');
    for (const text of Object.values(lake)) expect(screen.getByText(text)).toBeInTheDocument();
    expect((await personal.get()).safePlace).toBeUndefined(); // nothing saved by typing
    await user.click(screen.getByRole('button', { name: 'Keep my safe place' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Kept on this device.'));
    expect((await personal.get()).safePlace).toEqual(lake);
    const done = screen.getByRole('button', { name: 'Done' });
    expect(done).toHaveFocus();
    await user.click(done);
    expect(actor.getSnapshot().output).toEqual({ returning: false, words: lake, edited: false, kept: true });
  });

  it('quick start (from Ground me now) skips the invitation but still says the eyes can stay open, and that no place is fine', async () => {
    setup(true);
    expect(await screen.findByRole('heading', { name: 'A place of your own' })).toBeInTheDocument();
    expect(screen.getByText('Your eyes can stay open. Any time, you can look around the room you are in.')).toBeInTheDocument();
    expect(screen.getByText(/^If no place comes to mind, that is common\. You could think of a moment, an object/)).toBeInTheDocument();
  });

  it('every step may be left empty, and finishing without keeping saves nothing', async () => {
    const { actor, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Begin' }));
    await user.type(screen.getByLabelText('What you call it (optional)'), 'the garden');
    for (let i = 0; i < 4; i++) await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await user.click(screen.getByRole('button', { name: 'Finish without keeping' }));
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().output?.words.name).toBe('the garden');
    expect((await personal.get()).safePlace).toBeUndefined();
  });
});

describe('Safe place view: later visits', () => {
  it('reads back the person’s saved words, one screen each, then brings them back to the room', async () => {
    await personal.update({ safePlace: lake });
    const { actor, user } = setup();
    expect(await screen.findByRole('heading', { name: 'Visiting your safe place' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Begin' }));

    const screens: [string, string][] = [
      ['Your place', lake.name],
      ['You see', lake.see],
      ['You hear', lake.hear],
      ['You feel', lake.feel],
      ['Your word', lake.word],
    ];
    for (const [title, words] of screens) {
      await waitFor(() => expect(heading()).toHaveFocus());
      expect(heading()).toHaveTextContent(title);
      expect(screen.getByText(words)).toBeInTheDocument();
      expect(out()).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Next' }));
    }
    expect(heading()).toHaveTextContent('Coming back to the room');
    expect(screen.getByText('Your word, “still”, may help bring it back.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(actor.getSnapshot().output).toEqual({ returning: true, words: lake, edited: false, kept: true });
  });

  it('a quick visit to a kept place opens on “Your place”, with the eyes-open line too', async () => {
    await personal.update({ safePlace: lake });
    setup(true);
    expect(await screen.findByRole('heading', { name: 'Your place' })).toBeInTheDocument();
    expect(screen.getByText(lake.name)).toBeInTheDocument();
    expect(screen.getByText('Your eyes can stay open. Any time, you can look around the room you are in.')).toBeInTheDocument();
  });

  it('skips the parts the person left empty', async () => {
    await personal.update({ safePlace: { name: '', see: 'the sea', hear: '', feel: '' } });
    const { user } = setup(true); // quick start: no opening screen
    expect(await screen.findByRole('heading', { name: 'You see' })).toBeInTheDocument();
    expect(screen.getByText('Step 1 of 2')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(heading()).toHaveTextContent('Coming back to the room');
  });

  it('lets the person change their place, prefilled with their words, and keep the update', async () => {
    await personal.update({ safePlace: lake });
    const { actor, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Change my safe place' }));
    expect(screen.getByLabelText('What you call it (optional)')).toHaveValue(lake.name);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const see = screen.getByLabelText('What you see (optional)');
    await user.type(see, ', a red canoe');
    for (let i = 0; i < 3; i++) await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await user.click(screen.getByRole('button', { name: 'Keep my safe place' }));
    await waitFor(async () => expect((await personal.get()).safePlace?.see).toBe('pine trees, still water, a red canoe'));
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(actor.getSnapshot().output).toMatchObject({ returning: true, edited: true, kept: true });
  });

  it('“Leave it as it was” keeps the saved words untouched', async () => {
    await personal.update({ safePlace: lake });
    const { user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Change my safe place' }));
    await user.clear(screen.getByLabelText('What you call it (optional)'));
    await user.click(screen.getByRole('button', { name: 'Leave it as it was' }));
    expect(heading()).toHaveTextContent('Visiting your safe place');
    await user.click(screen.getByRole('button', { name: 'Begin' }));
    expect(screen.getByText(lake.name)).toBeInTheDocument();
    expect((await personal.get()).safePlace).toEqual(lake);
  });
});

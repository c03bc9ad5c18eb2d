import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createActor } from 'xstate';
import View from '../../src/modules/grounding/orientation/View.svelte';
import { orientationMachine } from '../../src/modules/grounding/orientation/machine';
import { personal } from '../../src/shell/services';
import { getDb } from '../../src/storage/db';
import { withApp } from './app-context';

// A Tuesday afternoon on the device's own clock (local time, whatever the test machine's zone is).
const TUESDAY_AFTERNOON = new Date(2025, 0, 7, 14, 30);
const weekday = (d: Date) => d.toLocaleDateString(undefined, { weekday: 'long' });

function setup() {
  const actor = createActor(orientationMachine, { input: { quick: false } });
  actor.start();
  render(View, withApp({ actor, sessionId: 's1' }));
  return { actor, user: userEvent.setup() };
}

beforeEach(async () => {
  await (await getDb()).clear('personal');
  // Only Date is faked: real timers keep user-event and the view's refresh interval working.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(TUESDAY_AFTERNOON);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Orientation view', () => {
  it('shows today’s weekday and the part of the day from the clock, and moves focus to each new line', async () => {
    const { actor, user } = setup();
    const day = screen.getByRole('heading', { level: 2 });
    expect(day).toHaveTextContent(`Today is ${weekday(TUESDAY_AFTERNOON)},`);
    expect(day).toHaveTextContent('2025');
    await user.type(screen.getByLabelText('Say it back, or type it here (optional)'), 'Tuesday');
    await user.click(screen.getByRole('button', { name: 'That’s right' }));
    const time = screen.getByRole('heading', { level: 2 });
    expect(time).toHaveTextContent(/^It is afternoon — /);
    await waitFor(() => expect(time).toHaveFocus());
    expect(actor.getSnapshot().context.data.lines.day).toMatchObject({ confirmed: true, said: 'Tuesday' });
  });

  it('with no saved place, invites the person to name it, and keeps it only when they choose to', async () => {
    const { actor, user } = setup();
    await user.click(screen.getByRole('button', { name: 'That’s right' }));
    await user.click(screen.getByRole('button', { name: 'That’s right' }));
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Where are you right now?');
    // Nothing to confirm until there is a place.
    expect(screen.queryByRole('button', { name: 'That’s right' })).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Where you are'), 'my kitchen');
    expect(screen.getByText('I am in my kitchen.')).toBeInTheDocument();
    // Typing alone saves nothing.
    expect((await personal.get()).orientationPlace).toBeUndefined();
    await user.click(screen.getByRole('button', { name: 'Keep this for next time' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Kept on this device for next time.'));
    expect((await personal.get()).orientationPlace).toBe('my kitchen');
    expect(screen.queryByRole('button', { name: 'Keep this for next time' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'That’s right' }));
    expect(actor.getSnapshot().context.data.lines.place).toEqual({ shown: 'I am in my kitchen.', confirmed: true, said: '' });
  });

  it('offers the suggested statement, lets the person write and keep their own, and finishes', async () => {
    const { actor, user } = setup();
    for (let i = 0; i < 2; i++) await user.click(screen.getByRole('button', { name: 'That’s right' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('That was then. This is now.');
    expect(screen.getByText('These are suggested words. You could write your own.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Use my own words' }));
    const words = screen.getByLabelText('Your words');
    expect(words).toHaveValue('That was then. This is now.');
    expect(words).toHaveFocus();
    await user.clear(words);
    await user.type(words, 'I am an adult now, and I am here.');
    await user.click(screen.getByRole('button', { name: 'Keep these words for next time' }));
    await waitFor(async () => expect((await personal.get()).orientationStatement).toBe('I am an adult now, and I am here.'));
    await user.click(screen.getByRole('button', { name: 'That’s right' }));
    const snap = actor.getSnapshot();
    expect(snap.status).toBe('done');
    expect(snap.output).toMatchObject({
      statement: 'I am an adult now, and I am here.',
      kept: { place: false, statement: true },
      lines: { statement: { shown: 'I am an adult now, and I am here.', confirmed: true } },
    });
  });

  it('asks “Where are you right now?” each time, offering the kept place as a suggestion only; reads back their statement', async () => {
    await personal.update({ orientationPlace: 'at home', orientationStatement: 'Now is now.' });
    const { actor, user } = setup();
    await waitFor(() => expect(actor.getSnapshot().context.loaded).toBe(true));
    for (let i = 0; i < 2; i++) await user.click(screen.getByRole('button', { name: 'That’s right' }));
    // Asked, not stated: the kept place is not shown as where they are.
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Where are you right now?');
    expect(screen.queryByText('I am at home.')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Where you are')).toHaveValue('');
    expect(screen.queryByRole('button', { name: 'That’s right' })).not.toBeInTheDocument();
    expect(screen.getByText('Last time you kept a place. If you are there now, you could use it:')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Use “at home”' }));
    expect(screen.getByLabelText('Where you are')).toHaveValue('at home');
    expect(screen.getByLabelText('Where you are')).toHaveFocus();
    expect(screen.getByText('I am at home.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Use “at home”' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'That’s right' }));
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Now is now.');
    expect(screen.queryByText('These are suggested words. You could write your own.')).not.toBeInTheDocument();

    // Back on the place screen, it asks again rather than assuming.
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Where are you right now?');
    expect(screen.getByLabelText('Where you are')).toHaveValue('at home');
  });

  it('somewhere else today: the person writes it, and the kept place stays a suggestion', async () => {
    await personal.update({ orientationPlace: 'at home' });
    const { actor, user } = setup();
    await waitFor(() => expect(actor.getSnapshot().context.loaded).toBe(true));
    for (let i = 0; i < 2; i++) await user.click(screen.getByRole('button', { name: 'That’s right' }));
    await user.type(screen.getByLabelText('Where you are'), 'the clinic');
    expect(screen.getByText('I am in the clinic.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'That’s right' }));
    expect(actor.getSnapshot().context.data.lines.place).toEqual({ shown: 'I am in the clinic.', confirmed: true, said: '' });
    expect((await personal.get()).orientationPlace).toBe('at home');
  });
});

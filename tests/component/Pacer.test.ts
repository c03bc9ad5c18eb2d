// The breathing pacer as the person meets it: one clock behind the shape, the phase word, the count, the
// screen-reader announcement and the breath sound; a text-only variant under prefers-reduced-motion.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { createActor } from 'xstate';
import View from '../../src/modules/grounding/breathing/View.svelte';
import { breathingMachine } from '../../src/modules/grounding/breathing/machine';
import { audio } from '../../src/audio';
import { withApp } from './app-context';

/** matchMedia for jsdom: `reduce` says whether prefers-reduced-motion matches; `set` flips it live. */
function mockReducedMotion(reduce: boolean) {
  // A real EventTarget, as Svelte's MediaQuery listens with addEventListener('change').
  const mql = Object.assign(new EventTarget(), { media: '(prefers-reduced-motion: reduce)', onchange: null });
  Object.defineProperty(mql, 'matches', { get: () => reduce });
  const other = Object.assign(new EventTarget(), { matches: false, media: '', onchange: null });
  vi.stubGlobal('matchMedia', (q: string) => (q.includes('prefers-reduced-motion') ? mql : other));
  return {
    set(next: boolean) {
      reduce = next;
      mql.dispatchEvent(new Event('change'));
    },
  };
}

/** The module at its pacer screen (ready), chosen pattern and length. */
async function setup(pattern = 'slow-exhale', minutes = 1) {
  const actor = createActor(breathingMachine, { input: { quick: false } });
  actor.start();
  actor.send({ type: 'CHOOSE', pattern, minutes });
  actor.send({ type: 'NEXT' });
  render(View, withApp({ actor, sessionId: 's1' }));
  await tick();
  const word = () => document.querySelector('[data-pacer-word]')?.textContent?.trim();
  const count = () => document.querySelector('[data-pacer-count]')?.textContent?.trim();
  const live = () => document.querySelector('[aria-live="polite"][data-pacer-live]') as HTMLElement;
  const shape = () => document.querySelector<HTMLElement>('[data-pacer-shape]');
  const wait = async (ms: number) => {
    vi.advanceTimersByTime(ms);
    await tick();
  };
  const press = async (name: string | RegExp) => {
    const button = screen.getByRole('button', { name });
    button.focus();
    await fireEvent.click(button);
    await tick();
    return button;
  };
  return { actor, word, count, live, shape, wait, press };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('pacer, with motion', () => {
  beforeEach(() => mockReducedMotion(false));

  it('waits for Start: a calm, still shape, nothing announced, the safety line on screen', async () => {
    const { word, live, shape, wait } = await setup();
    expect(screen.getByRole('heading', { level: 2, name: 'Slow out-breath' })).toBeInTheDocument();
    expect(word()).toBe('Ready when you are');
    expect(live()).toHaveTextContent('');
    expect(shape()).toHaveAttribute('aria-hidden', 'true');
    expect(shape()!.style.transform).toBe('scale(0.6)');
    expect(screen.getByText(/Breathe gently, not deeply\. If you feel tingling, light-headed or uneasy, slow down/)).toBeInTheDocument();
    await wait(10_000);
    expect(word()).toBe('Ready when you are');
  });

  it('changes the phase word on the clock’s schedule; announces each phase once, not every second', async () => {
    const { word, count, live, wait, press } = await setup(); // 4 s in, 6 s out
    await press('Start');
    expect(word()).toBe('Breathe in');
    expect(live()).toHaveTextContent('Breathe in');
    expect(count()).toBe('1 of 4');

    const announced: string[] = [];
    const seen = new MutationObserver(() => announced.push(live().textContent ?? ''));
    seen.observe(live(), { childList: true, characterData: true, subtree: true });
    for (let s = 1; s <= 3; s++) {
      await wait(1_000);
      expect(count()).toBe(`${s + 1} of 4`);
      expect(word()).toBe('Breathe in');
    }
    await wait(999);
    expect(word()).toBe('Breathe in');
    await wait(1);
    expect(word()).toBe('Breathe out');
    expect(count()).toBe('1 of 6');
    await wait(6_000);
    expect(word()).toBe('Breathe in');
    await tick();
    seen.disconnect();
    // 10 seconds, 10 counts, two announcements.
    expect(announced.filter(Boolean)).toEqual(['Breathe out', 'Breathe in']);
  });

  it('4-7-8 says Hold for the 7-second hold and shows its note', async () => {
    const { word, wait, press } = await setup('4-7-8');
    expect(screen.getByText(/skip it and simply breathe out slowly/)).toBeInTheDocument();
    await press('Start');
    await wait(4_000);
    expect(word()).toBe('Hold');
    await wait(7_000);
    expect(word()).toBe('Breathe out');
  });

  it('the shape grows over the in-breath and shrinks over the out-breath, each for exactly its length', async () => {
    const { shape, wait, press } = await setup();
    await press('Start');
    expect(shape()!.style.transform).toBe('scale(1)');
    expect(shape()!.style.transitionDuration).toBe('4s');
    await wait(4_000);
    expect(shape()!.style.transform).toBe('scale(0.6)');
    expect(shape()!.style.transitionDuration).toBe('6s');
  });

  it('Pause stops everything where it is; Resume goes on from exactly there; focus stays on the button', async () => {
    const { word, count, live, shape, wait, press } = await setup();
    const button = await press('Start');
    expect(button).toHaveFocus();
    await wait(5_500);
    await press('Pause');
    expect(button).toHaveAccessibleName('Resume');
    expect(button).toHaveFocus();
    expect(live()).toHaveTextContent('Paused');
    expect(screen.getByText('Paused', { selector: '.paused' })).toBeInTheDocument();
    expect(shape()!.style.transitionDuration).toBe('0s');
    await wait(60_000);
    expect([word(), count()]).toEqual(['Breathe out', '2 of 6']);

    await press('Resume');
    expect(live()).toHaveTextContent('Breathe out');
    expect(shape()!.style.transitionDuration).toBe('4.5s'); // what is left of the out-breath
    await wait(500);
    expect(count()).toBe('3 of 6');
    await wait(4_000);
    expect(word()).toBe('Breathe in');
  });

  it('the session’s PAUSE (grounding elsewhere) pauses the same clock', async () => {
    const { actor, word, wait, press } = await setup();
    await press('Start');
    await wait(2_000);
    actor.send({ type: 'PAUSE' });
    await tick();
    await wait(30_000);
    expect(word()).toBe('Breathe in');
    actor.send({ type: 'RESUME' });
    await tick();
    await wait(2_000);
    expect(word()).toBe('Breathe out');
  });

  it('“That’s enough for now” ends without penalty and keeps the time', async () => {
    const { actor, wait, press } = await setup();
    await press('Start');
    await wait(25_000);
    await press('That’s enough for now');
    expect(screen.getByRole('heading', { level: 2, name: 'Stopping is fine' })).toBeInTheDocument();
    expect(screen.getByText(/You breathed with the pacer for 25 s/)).toBeInTheDocument();
    expect(actor.getSnapshot().context.data).toMatchObject({ seconds: 25, finishedEarly: true });
    await press('Continue');
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('at the end of the length it closes quietly by itself', async () => {
    const { wait, press } = await setup('slow-exhale', 1);
    await press('Start');
    await wait(60_000);
    expect(screen.getByRole('heading', { level: 2, name: 'Finished' })).toBeInTheDocument();
    expect(screen.getByText(/for 1 min\./)).toBeInTheDocument();
  });

  it('the breath sound is placed from the same clock: its origin on start, again on resume, cancelled on pause', async () => {
    const placed = vi.spyOn(audio, 'scheduleBreathCues');
    const cancelled = vi.spyOn(audio, 'cancelBreathCues');
    const { wait, press } = await setup();
    const startedAt = performance.now();
    await press('Start');
    expect(placed).toHaveBeenCalledTimes(1);
    const [sched, origin] = placed.mock.calls[0]!;
    expect(origin).toBe(startedAt);
    expect(sched.map((p) => p.start).slice(0, 4)).toEqual([0, 4, 10, 14]);

    await wait(3_000);
    await press('Pause');
    expect(cancelled).toHaveBeenCalled();
    await wait(7_000);
    await press('Resume');
    expect(placed).toHaveBeenCalledTimes(2);
    expect(placed.mock.calls[1]![1]).toBe(startedAt + 7_000); // shifted by the pause, nothing else
  });
});

describe('pacer, with prefers-reduced-motion', () => {
  it('shows the phase word and a large count, and no animated shape at all', async () => {
    mockReducedMotion(true);
    const { word, count, shape, wait, press } = await setup();
    expect(shape()).toBeNull();
    expect(screen.getByText(/Follow the words and the count/)).toBeInTheDocument();
    await press('Start');
    expect(shape()).toBeNull();
    expect(word()).toBe('Breathe in');
    expect(count()).toBe('1 of 4');
    await wait(2_000);
    expect(count()).toBe('3 of 4');
    await wait(2_000);
    expect([word(), count()]).toEqual(['Breathe out', '1 of 6']);
    expect(document.querySelector('.stage')).toHaveClass('reduced');
  });

  it('follows the setting live: turning reduced motion on mid-exercise removes the shape', async () => {
    const media = mockReducedMotion(false);
    const { shape, word, wait, press } = await setup();
    await press('Start');
    expect(shape()).not.toBeNull();
    media.set(true);
    await tick();
    expect(shape()).toBeNull();
    await wait(4_000);
    expect(word()).toBe('Breathe out');
  });
});

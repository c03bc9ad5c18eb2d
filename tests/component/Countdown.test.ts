import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import Countdown from '../../src/ui/components/Countdown.svelte';
import type { CountdownCopy } from '../../src/flow/countdown';

const copy: CountdownCopy = {
  secondsLeft: (n) => (n === 1 ? 'second left' : 'seconds left'),
  started: (label, s) => `${label ? `${label}: ` : ''}${s} seconds`,
  halfway: (s) => `Halfway, ${s} seconds left`,
  timeUp: 'Time’s up — take your time',
  pause: 'Pause',
  resume: 'Resume',
  paused: 'Paused',
};

type Props = {
  remainingMs: number;
  durationMs: number;
  paused: boolean;
  label?: string;
  runId?: number;
};

function setup(props: Partial<Props> = {}) {
  const onpause = vi.fn();
  const onresume = vi.fn();
  const base: Props = { remainingMs: 30_000, durationMs: 30_000, paused: false, label: 'Cold', ...props };
  const r = render(Countdown, { ...base, copy, onpause, onresume });
  const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
  const live = () => document.querySelector('[aria-live="polite"]') as HTMLElement;
  const update = async (next: Partial<Props>) => {
    Object.assign(base, next);
    await r.rerender({ ...base, copy, onpause, onresume });
    await tick();
  };
  const wait = async (ms: number) => {
    vi.advanceTimersByTime(ms);
    await tick();
  };
  return { onpause, onresume, user, live, update, wait };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Countdown', () => {
  it('shows the whole seconds left, big, with words, as a timer', () => {
    setup({ remainingMs: 29_200 });
    const timer = screen.getByRole('timer');
    expect(timer).toHaveTextContent('30 seconds left');
    expect(screen.getByText('Cold')).toBeInTheDocument();
  });

  it('says "second" for one second', () => {
    setup({ remainingMs: 800 });
    expect(screen.getByRole('timer')).toHaveTextContent('1 second left');
  });

  it('the progress ring is decoration only (hidden from assistive technology)', () => {
    setup();
    expect(document.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
  });

  it('Pause and Resume send events and show the paused state', async () => {
    const { onpause, onresume, user, update } = setup();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(onpause).toHaveBeenCalledTimes(1);
    await update({ paused: true });
    expect(screen.getByRole('timer')).toHaveTextContent('Paused');
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    expect(onresume).toHaveBeenCalledTimes(1);
  });

  it('announces the start, halfway and the end — and nothing on the seconds between', async () => {
    const { live, update, wait } = setup();
    expect(live()).toHaveTextContent('');
    await wait(200);
    expect(live()).toHaveTextContent('Cold: 30 seconds');
    const heard = new Set<string>();
    for (let ms = 29_000; ms > 15_000; ms -= 1_000) {
      await update({ remainingMs: ms });
      heard.add(live().textContent ?? '');
    }
    expect([...heard]).toEqual(['Cold: 30 seconds']);
    await update({ remainingMs: 15_000 });
    expect(live()).toHaveTextContent('Halfway, 15 seconds left');
    for (let ms = 14_000; ms > 0; ms -= 1_000) await update({ remainingMs: ms });
    expect(live()).toHaveTextContent('Halfway, 15 seconds left');
    await update({ remainingMs: 0 });
    expect(live()).toHaveTextContent('Time’s up — take your time');
  });

  it('at zero it says time is up calmly and offers no Pause', async () => {
    const { update } = setup({ remainingMs: 1_000 });
    await update({ remainingMs: 0 });
    expect(screen.getByText('Time’s up — take your time', { selector: '.time-up' })).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
  });

  it('a short timer is announced at start and end only (no halfway)', async () => {
    const { live, update, wait } = setup({ remainingMs: 5_000, durationMs: 5_000, label: 'Tense gently' });
    await wait(200);
    expect(live()).toHaveTextContent('Tense gently: 5 seconds');
    for (const ms of [4_000, 3_000, 2_500, 2_000, 1_000]) await update({ remainingMs: ms });
    expect(live()).toHaveTextContent('Tense gently: 5 seconds');
    await update({ remainingMs: 0 });
    expect(live()).toHaveTextContent('Time’s up — take your time');
  });

  it('a new run in the same place (tense → release) is announced with its label', async () => {
    const { live, update, wait } = setup({ remainingMs: 5_000, durationMs: 5_000, label: 'Tense gently', runId: 1 });
    await wait(200);
    await update({ remainingMs: 10_000, durationMs: 10_000, label: 'Let go', runId: 2 });
    await wait(200);
    expect(live()).toHaveTextContent('Let go: 10 seconds');
    expect(screen.getByRole('timer')).toHaveTextContent('10 seconds left');
  });
});

// Issue 13 §9: a lazy part that could not load says so calmly, Try again loads it, and coming back online
// tries by itself — a few times, since a connection is often not fully back the moment it says so.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import LoadFailed from '../../src/ui/components/LoadFailed.svelte';

afterEach(() => vi.useRealTimers());

describe('load failed', () => {
  it('says what happened, that nothing is lost, and offers Try again and a way back', async () => {
    const retry = vi.fn(() => Promise.reject(new Error('offline')));
    render(LoadFailed, { retry });
    expect(screen.getByRole('heading', { level: 1, name: 'This part did not load' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Nothing you wrote is lost');
    expect(screen.getByRole('link', { name: 'Back to Today' })).toHaveAttribute('href', '#/today');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledTimes(1);
    // Still failing: the message stays, ready for another try.
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('coming back online retries by itself, again after a moment while it still fails', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const retry = vi.fn(() => (++calls < 3 ? Promise.reject(new Error('not yet')) : Promise.resolve()));
    render(LoadFailed, { retry, heading: false });
    expect(screen.queryByRole('heading')).toBeNull();
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(retry).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(retry).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(3000);
    expect(retry).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(retry).toHaveBeenCalledTimes(3); // loaded: no more tries
  });

  it('coming back online while a Try again is still failing keeps the online schedule: a few tries, not one', async () => {
    vi.useFakeTimers();
    const results: ((ok: boolean) => void)[] = [];
    const retry = vi.fn(() => new Promise<void>((resolve, reject) => results.push((ok) => (ok ? resolve() : reject(new Error('offline'))))));
    render(LoadFailed, { retry });
    // Try again, offline: the attempt is still under way when the browser says it is online.
    screen.getByRole('button', { name: 'Try again' }).click();
    await vi.advanceTimersByTimeAsync(0);
    expect(retry).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('online'));
    results[0]!(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(retry).toHaveBeenCalledTimes(2);
    // The connection is not quite back yet: it tries again after a moment, by itself.
    results[1]!(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(retry).toHaveBeenCalledTimes(3);
    results[2]!(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(retry).toHaveBeenCalledTimes(3);
  });
});

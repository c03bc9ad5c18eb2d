/**
 * The app lock's guard (shell/lock/guard.ts) in jsdom with the real app context and IndexedDB: while
 * locked, the person's own grounding words read as empty (Ground stays open and may start Here and now or
 * the safe place); the cover goes on when the page is hidden; inactivity closes it after the set minutes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appContext } from '../../src/shell/context';
import { personal } from '../../src/shell/services';
import { shell } from '../../src/shell/app.svelte';
import { lockNow, startGuard, stopGuard, unlocked } from '../../src/shell/lock/guard';

function setVisibility(state: 'hidden' | 'visible') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

afterEach(() => {
  stopGuard();
  vi.useRealTimers();
});

describe('the lock guard', () => {
  it('while locked, the orientation place and statement and the safe place read as empty; unlocked, they are back', async () => {
    await personal.update({ orientationPlace: 'my secret kitchen', orientationStatement: 'I am safe at 12 Elm St' });
    startGuard({ minutes: 5, locked: true, context: appContext });
    expect(shell.locked).toBe(true);
    const whileLocked = await appContext.personal.get();
    expect(JSON.stringify(whileLocked)).not.toMatch(/kitchen|Elm/);
    unlocked();
    expect((await appContext.personal.get()).orientationPlace).toBe('my secret kitchen');
    lockNow();
    expect((await appContext.personal.get()).orientationPlace).toBeUndefined();
    stopGuard();
    expect(shell.locked).toBe(false);
    expect(appContext.personal).toBe(personal);
  });

  it('a plain cover fills the page while it is hidden, and goes when it is back', () => {
    startGuard({ minutes: 5, locked: false, context: appContext });
    setVisibility('hidden');
    const cover = document.querySelector<HTMLElement>('[data-privacy-cover]');
    expect(cover).not.toBeNull();
    expect(cover?.getAttribute('aria-hidden')).toBe('true');
    expect(cover?.style.position).toBe('fixed');
    setVisibility('visible');
    expect(document.querySelector('[data-privacy-cover]')).toBeNull();
    expect(shell.locked).toBe(false); // hidden for a moment only
  });

  it('closes after the set minutes without a touch or key; a key press starts the minutes again', () => {
    vi.useFakeTimers();
    startGuard({ minutes: 2, locked: false, context: appContext });
    vi.advanceTimersByTime(90_000);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    vi.advanceTimersByTime(90_000);
    expect(shell.locked).toBe(false);
    vi.advanceTimersByTime(35_000);
    expect(shell.locked).toBe(true);
  });

  it('hidden longer than the set minutes: locked when it comes back', () => {
    vi.useFakeTimers();
    startGuard({ minutes: 1, locked: false, context: appContext });
    setVisibility('hidden');
    // Timers are throttled in a hidden page: only the clock moves.
    vi.setSystemTime(Date.now() + 61_000);
    setVisibility('visible');
    expect(shell.locked).toBe(true);
  });
});

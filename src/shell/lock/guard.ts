/**
 * The app lock at work (issue 17), loaded only when the lock is on (App.svelte reads the `appLock` setting
 * in an effect and calls `resume()`), so none of it weighs on the first screen:
 *  - it closes after `lockAfterMinutes` without a touch or a key, and when the page comes back after being
 *    hidden that long;
 *  - while the page is hidden, a plain cover hides the screen, so the app switcher's snapshot shows nothing
 *    private where the browser takes it after `visibilitychange`;
 *  - locking one tab ("Lock now", or inactivity) locks the app's other tabs too (BroadcastChannel);
 *  - while closed, the person's own grounding words (orientation place and statement, safe place) read as
 *    empty, since Ground stays open then.
 * What "closed" shows is App.svelte's gate: Ground, Help and the lock screen only.
 */
import { shell } from '../app.svelte';
import { flushAll } from '../lifecycle';
import type { AppContext } from '../../ui/context';
import { personal, settings } from '../services';
import { shouldLock } from './idle';

/** localStorage: the lock is on, so a reload is locked before the database has even been read. */
export const LOCK_HINT = 'groundwork:lock';
const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

let running = false;
let minutes = 5;
let lastActive = Date.now();
let hiddenAt: number | undefined;
let timer: ReturnType<typeof setInterval> | undefined;
let cover: HTMLElement | undefined;
let context: Pick<AppContext, 'personal'> | undefined;
/** Other tabs of the app: "Lock now" and an inactivity lock close them too (each unlocks on its own). */
let channel: BroadcastChannel | undefined;
const CHANNEL = 'groundwork-lock';

/** Ground may open the orientation or safe-place exercise while locked: it must not show their words. */
const lockedPersonal = {
  ...personal,
  get: () => (shell.locked ? Promise.resolve({ id: 'mine' as const, updatedAt: 0 }) : personal.get()),
};

const touch = () => {
  if (!shell.locked) lastActive = Date.now();
};

function check() {
  if (running && !shell.locked && shouldLock({ now: Date.now(), lastActive, hiddenAt, minutes })) lockNow();
}

function setCovered(on: boolean) {
  if (on && !cover) {
    cover = document.createElement('div');
    cover.setAttribute('aria-hidden', 'true');
    cover.dataset.privacyCover = '';
    // Above everything but a modal dialog (Help), which shows nothing private.
    cover.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:var(--bg)';
    document.body.append(cover);
  } else if (!on && cover) {
    cover.remove();
    cover = undefined;
  }
}

function onVisibility() {
  if (document.visibilityState === 'hidden') {
    hiddenAt = Date.now();
    setCovered(true);
  } else {
    check();
    hiddenAt = undefined;
    setCovered(false);
  }
}

function onPageShow(e: PageTransitionEvent) {
  // Back from the back/forward cache: the page was frozen, perhaps for hours.
  if (e.persisted) check();
}

/** Close the lock now. Whatever is being written is saved first (it is kept, and shows again on unlocking). */
export function lockNow(tell = true): void {
  flushAll();
  shell.locked = true;
  if (tell) channel?.postMessage('lock');
}

/** Opened with the right passphrase: the inactivity clock starts again. */
export function unlocked(): void {
  lastActive = Date.now();
  shell.locked = false;
}

export function setLockMinutes(m: number): void {
  minutes = m;
}

function setHint(on: boolean) {
  try {
    if (on) localStorage.setItem(LOCK_HINT, '1');
    else localStorage.removeItem(LOCK_HINT);
  } catch {
    // Storage switched off: the settings read on start still locks.
  }
}

/** The app started with the lock on: closed until the passphrase is entered. */
export async function resume(ctx: Pick<AppContext, 'personal'>): Promise<void> {
  shell.locked = true;
  startGuard({ minutes: await settings.get('lockAfterMinutes').catch(() => minutes), locked: true, context: ctx });
}

/**
 * The lock is on: watch for inactivity and hiding. `locked`: start closed. `context`: the app context the
 * views get (passed in, not imported: a lazy chunk importing shell/context.ts splits the first screen's code).
 */
export function startGuard(opts: { minutes: number; locked: boolean; context: Pick<AppContext, 'personal'> }): void {
  context = opts.context;
  minutes = opts.minutes;
  setHint(true);
  if (opts.locked) shell.locked = true;
  if (running) return;
  running = true;
  lastActive = Date.now();
  context.personal = lockedPersonal;
  for (const type of ACTIVITY) window.addEventListener(type, touch, { capture: true, passive: true });
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pageshow', onPageShow);
  timer = setInterval(check, 5_000);
  if (typeof BroadcastChannel === 'function') {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (e) => {
      if (e.data === 'lock' && !shell.locked) lockNow(false);
    };
  }
}

/** The lock was removed. */
export function stopGuard(): void {
  setHint(false);
  shell.locked = false;
  haltGuard();
}

/** Stop watching (the lock was removed, or everything was deleted); `shell.locked` stays as it is. */
export function haltGuard(): void {
  setCovered(false);
  if (!running) return;
  running = false;
  if (context) context.personal = personal;
  for (const type of ACTIVITY) window.removeEventListener(type, touch, { capture: true });
  document.removeEventListener('visibilitychange', onVisibility);
  window.removeEventListener('pageshow', onPageShow);
  clearInterval(timer);
  channel?.close();
  channel = undefined;
}

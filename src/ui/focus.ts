/**
 * Move focus to a new screen's h1 as soon as it is rendered, so screen readers announce the screen and
 * keyboard users start from its top. Lazy screens (and sessions that load first) render their h1 after
 * the route change, so we watch for it for a few seconds instead of guessing a delay.
 * Call after the DOM has updated for the new route (a Svelte `$effect` does).
 */
export function focusHeadingWhenReady(root: HTMLElement, timeoutMs = 5000): () => void {
  const tryFocus = (): boolean => {
    const h1 = root.querySelector<HTMLElement>('h1');
    if (!h1) return false;
    const active = document.activeElement;
    // Never steal focus from something the person already moved to inside the new screen.
    if (active && active !== root && root.contains(active)) return true;
    if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
    h1.focus();
    return true;
  };
  if (tryFocus()) return () => {};
  const observer = new MutationObserver(() => {
    if (tryFocus()) stop();
  });
  const timer = setTimeout(stop, timeoutMs);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(root, { childList: true, subtree: true });
  return stop;
}

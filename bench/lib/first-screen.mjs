// Timing of "the first screen is visible", measured inside the page.
//
// Why in the page: page.waitForSelector() resolves after a DevTools-protocol round trip and a polling
// interval, which would add several ms of harness latency to every number. Instead this script (installed
// with context.addInitScript, which runs before any page script and is not subject to the page's CSP)
// watches the DOM and writes the time into window.__gwFirstScreen, and Node reads it afterwards.

/** Runs in the page, before the app. Keep it self-contained: it is serialised into the page. */
export function firstScreenTimer() {
  if (window.top !== window) return;
  const state = (window.__gwFirstScreen = { h1: null, inserted: null });
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none' && Number(cs.opacity) > 0;
  };
  // Check once per frame from the moment an h1 exists until it is laid out visibly: the callback runs at
  // the start of the frame that will paint it, so its performance.now() is "h1 on screen".
  const watchFrames = () => {
    const tick = () => {
      const h1 = document.querySelector('h1');
      if (h1 && visible(h1)) state.h1 = performance.now();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  const mo = new MutationObserver(() => {
    if (document.querySelector('h1')) {
      mo.disconnect();
      state.inserted = performance.now();
      watchFrames();
    }
  });
  mo.observe(document, { childList: true, subtree: true });
}

/**
 * Wait for the h1 time recorded by firstScreenTimer, plus first-contentful-paint for reference.
 * Polls with page.evaluate (CDP), which — unlike injected <script> tags — the app's CSP does not block.
 * @param {import('playwright-core').Page} page
 */
export async function readFirstScreenTime(page, { timeoutMs = 15_000 } = {}) {
  return page.evaluate(async (ms) => {
    const deadline = performance.now() + ms;
    while (window.__gwFirstScreen?.h1 == null) {
      if (performance.now() > deadline) throw new Error('first screen: no visible <h1> within ' + ms + ' ms');
      await new Promise((r) => setTimeout(r, 20));
    }
    // FCP is reported after the frame is presented, i.e. just after our h1 frame: wait for it briefly.
    const fcp = await new Promise((resolve) => {
      const found = () => performance.getEntriesByName('first-contentful-paint')[0];
      if (found()) return resolve(found());
      const po = new PerformanceObserver(() => found() && (po.disconnect(), resolve(found())));
      po.observe({ type: 'paint', buffered: true });
      setTimeout(() => (po.disconnect(), resolve(found())), 1000);
    });
    return {
      h1: window.__gwFirstScreen.h1,
      inserted: window.__gwFirstScreen.inserted,
      fcp: fcp ? fcp.startTime : null,
      timeOrigin: performance.timeOrigin,
      controlled: Boolean(navigator.serviceWorker?.controller),
    };
  }, timeoutMs);
}

// Waiting for marks a page records about itself, without running anything in the page while it loads.
//
// Why not page.waitForFunction: it evaluates Playwright's injected script in the page — about 9 ms of main-
// thread work (a trace shows one EvaluateScript task) landing in the middle of the very start-up being timed.
// A person's browser has no such script. Instead, the benchmark's init script (see `announce` below) logs
// its marks to the console each time one is recorded, and Node waits for the console message.

/** The prefix of a console message that carries the page's marks as JSON. */
export const MARKS_TAG = 'gw-bench-marks ';

/**
 * Runs `action` (a reload, a click) and resolves with the first marks object, logged by the page after it,
 * for which `ready(marks)` is true.
 * @template T
 * @param {import('playwright-core').Page} page
 * @param {(marks: any) => boolean} ready
 * @param {() => Promise<unknown>} action
 * @returns {Promise<any>}
 */
export async function marksAfter(page, ready, action, timeout = 60_000) {
  let onMessage;
  const got = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bench: the page's marks were not ready after ${timeout} ms`)), timeout);
    onMessage = (msg) => {
      const text = msg.text();
      if (!text.startsWith(MARKS_TAG)) return;
      const marks = JSON.parse(text.slice(MARKS_TAG.length));
      if (!ready(marks)) return;
      clearTimeout(timer);
      resolve(marks);
    };
    page.on('console', onMessage);
  });
  try {
    await action();
    return await got;
  } finally {
    page.off('console', onMessage);
  }
}

/** Reload and wait for the marks; nothing of the harness runs in the page while it starts. */
export function reloadForMarks(page, ready, timeout) {
  return marksAfter(page, ready, () => page.reload({ waitUntil: 'commit' }), timeout);
}

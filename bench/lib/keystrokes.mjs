// Main-thread time per keystroke, shared by wet-typing and at-rest.
//
// Method: CDP Performance.getMetrics `TaskDuration` (all renderer main-thread task time: handlers,
// microtasks, style/layout/paint, IndexedDB callbacks, structured clones) read before a key press and again
// once that keystroke's work is done — its save committed (the `saved` wait the benchmark gives) and a frame
// has passed; the difference is everything the main thread did for that keystroke. Keys are typed one at a
// time, `gapMs` apart (a steady typist). The browser's own share is the same measure on a bare textarea
// holding the same text, added to the same page (no app code listening).

/** Runs in the page: resolves after the next frame and the task after it. */
export function nextFrame() {
  return new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
}

/**
 * A CDP session reading the renderer main thread's cumulative TaskDuration, in ms.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{ taskDuration: () => Promise<number>, detach: () => Promise<void> }>}
 */
export async function mainThreadClock(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return {
    taskDuration: async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000,
    detach: () => cdp.detach(),
  };
}

/**
 * Types `typed` one character at a time into whatever has focus; for each, main-thread ms from before the
 * key press until `saved(i, mark)` resolved and a frame passed. `mark(i)`, when given, runs before the clock
 * is read (e.g. the page's commit count so far) and its answer goes to `saved`.
 * @param {import('playwright-core').Page} page
 * @param {{ taskDuration: () => Promise<number> }} clock
 * @param {{ typed: string, gapMs: number, mark?: (i: number) => Promise<any>, saved?: (i: number, mark: any) => Promise<unknown> }} opts
 */
export async function timeKeystrokes(page, clock, { typed, gapMs, mark, saved }) {
  const out = [];
  for (let i = 0; i < typed.length; i++) {
    const m = mark ? await mark(i) : undefined;
    const before = await clock.taskDuration();
    await page.keyboard.type(typed[i]);
    if (saved) await saved(i, m);
    await page.evaluate(nextFrame);
    out.push((await clock.taskDuration()) - before);
    await page.waitForTimeout(gapMs);
  }
  return out;
}

/** Runs in the page: a bare textarea holding `value`, focused with the caret at its end. */
export function addBareTextarea({ value, css, id, spellcheck }) {
  const bare = document.createElement('textarea');
  if (id) bare.id = id;
  bare.setAttribute('aria-label', 'bare');
  if (spellcheck === false) bare.spellcheck = false;
  bare.style.cssText = css;
  bare.value = value;
  document.body.append(bare);
  bare.focus();
  bare.setSelectionRange(value.length, value.length);
}

/**
 * The browser's own share: a bare textarea with `value` added to the page, `settleMs` to settle, then
 * `typed` measured as timeKeystrokes does (a frame after each key; nothing to save).
 * @param {import('playwright-core').Page} page
 */
export async function bareTextareaFloor(page, clock, { value, css, id, spellcheck, settleMs, typed, gapMs }) {
  await page.evaluate(addBareTextarea, { value, css, id, spellcheck });
  await page.waitForTimeout(settleMs);
  return timeKeystrokes(page, clock, { typed, gapMs });
}

// Timing the journal's search box, shared by journal-10k and at-rest.
//
// Method: set the search box's value and dispatch `input` (what a keystroke does); time, in the page with
// performance.now(), until the role=status count shows the answer and the list holds min(count, 30) items.
// The first search after opening the journal builds the worker's index (reported apart, "cold"); then
// `runs` searches cycling through `queries`, the box cleared between them.

/**
 * Runs in the page: one search, input event → status answered and the list shows it. Self-contained (it is
 * serialised into the page). Resolves { ms, count }.
 */
export function searchOnce({ word, timeoutMs = 60_000 }) {
  return new Promise((resolve, reject) => {
    const input = document.getElementById('journal-search');
    const statusEl = () => [...document.querySelectorAll('main [role=status]')].at(-1);
    const items = () => document.querySelectorAll('main ul.entries:not(.waiting) > li').length;
    const done = () => {
      const text = statusEl()?.textContent.trim() ?? '';
      const m = /^(\d+) entr/.exec(text);
      if (m) return items() === Math.min(Number(m[1]), 30) ? Number(m[1]) : null;
      return text.startsWith('No entries match') && items() === 0 ? 0 : null;
    };
    const start = performance.now();
    const mo = new MutationObserver(() => {
      const n = done();
      if (n != null) {
        mo.disconnect();
        resolve({ ms: performance.now() - start, count: n });
      }
    });
    mo.observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true });
    setTimeout(() => (mo.disconnect(), reject(new Error(`search "${word}" never answered`))), timeoutMs);
    input.value = word;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Empty the search box and wait for the list of most recent entries again. */
export async function clearSearch(page) {
  await page.evaluate(() => {
    const input = document.getElementById('journal-search');
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction(() => /most recent entries|^\d+ entr/.test([...document.querySelectorAll('main [role=status]')].at(-1)?.textContent.trim() ?? ''));
}

/**
 * The cold search (queries[0]), then `runs` warm ones cycling through `queries`. Throws (prefixed `label`)
 * unless queries[0] found `expected` entries both times. Resolves { cold: ms, warm: ms[], counts: {query: n} }.
 * @param {import('playwright-core').Page} page
 */
export async function timeSearches(page, { queries, runs, expected, label, timeoutMs }) {
  const cold = await page.evaluate(searchOnce, { word: queries[0], timeoutMs });
  if (cold.count !== expected) throw new Error(`${label}: search found ${cold.count}, expected ${expected}`);
  await clearSearch(page);
  const warm = [];
  const counts = {};
  for (let i = 0; i < runs; i++) {
    const word = queries[i % queries.length];
    const r = await page.evaluate(searchOnce, { word, timeoutMs });
    counts[word] = r.count;
    warm.push(r.ms);
    await clearSearch(page);
  }
  if (counts[queries[0]] !== expected) throw new Error(`${label}: search found ${counts[queries[0]]}, expected ${expected}`);
  return { cold: cold.ms, warm, counts };
}

// Issue 17, "No text from a person, a plan, a report or a backup is ever rendered as HTML": the payload and
// the checks, shared by every input and import path (tests/e2e/security.spec.mjs lists the paths; a new
// path — plans, reports, backups — adds one entry there and reuses these).
import assert from 'node:assert/strict';

/** Markup and script a person (or a crafted file) might put in any text. Every part would do something
 *  visible to the page if it were ever parsed as HTML or followed as a URL. */
export const PAYLOAD =
  `<img src=x onerror="window.__pwned='img'"> <script>window.__pwned='script'</script> ` +
  `<svg onload="window.__pwned='svg'"></svg> <a href="javascript:window.__pwned='a'">tap</a> javascript:window.__pwned='url' <b>bold</b>`;

/** A distinctive stretch of the payload, as it must read on screen: literally, tags and all. */
export const LITERAL_PARTS = [`<img src=x onerror="window.__pwned='img'">`, `<script>window.__pwned='script'</script>`, `<b>bold</b>`];

/** Call before the app loads: records CSP violations (an inline handler that got as far as the DOM would show here). */
export async function watchForScript(page) {
  await page.addInitScript(() => {
    /** @type {any} */ (window).__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      /** @type {any} */ (window).__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
}

/**
 * Nothing from the payload ran or became markup, and the text shows literally inside `where` (a locator).
 * Clicks every link in `where` first, so a javascript: URL would have had its chance.
 */
export async function assertInert(page, where, label) {
  await where.waitFor();
  // After a reload the words come back from storage: give them a moment to be on screen.
  let text = '';
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await page.waitForTimeout(100)) {
    text = (await where.innerText()).replace(/\s+/g, ' ');
    if (LITERAL_PARTS.every((part) => text.includes(part))) break;
  }
  for (const part of LITERAL_PARTS) assert.ok(text.includes(part), `${label}: "${part}" shows literally (got: ${text.slice(0, 400)})`);
  const found = await page.evaluate(() => ({
    pwned: /** @type {any} */ (window).__pwned ?? null,
    img: document.querySelectorAll('img[src="x"], [onerror], [onload]').length,
    scripts: document.querySelectorAll('body script').length,
    bold: [...document.querySelectorAll('main b')].filter((b) => b.textContent === 'bold').length,
    jsLinks: document.querySelectorAll('a[href^="javascript:" i], [src^="javascript:" i]').length,
    violations: /** @type {any} */ (window).__violations ?? [],
  }));
  assert.deepEqual(found, { pwned: null, img: 0, scripts: 0, bold: 0, jsLinks: 0, violations: [] }, `${label}: nothing became markup or ran`);
}

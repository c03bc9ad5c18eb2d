// Issue 14: the journal shows a page at a time. With ~300 entries seeded, the first page is on screen,
// older entries load when the end of the list scrolls into view and with the "Show older entries" button
// (focus moves to the first entry it brought), and search (in the worker) finds an entry far down.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, runAxe, formatViolations } from './lib/browser.mjs';
import { baseURL, UI_TIMEOUT, freshPage, collectErrors, assertNoErrors, open } from './lib/foundation.mjs';
import { seedInPage } from '../../bench/lib/seed-journal.mjs';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  b = await launch();
});
after(async () => {
  await b?.close();
});

const items = (page) => page.locator('main ul.entries:not(.waiting) > li');

test('300 entries: a first page, more on scroll and by the button, and search finds an old entry', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await open(page, '/journal', { heading: 'Journal' });
  await page.getByText('Nothing here yet', { exact: false }).waitFor();
  // The marker word only in the oldest entry's body.
  const seeded = await page.evaluate(seedInPage, { count: 300, deleted: 5, seed: 1414, marker: 'zzqmarker', now: Date.now() });
  const oldest = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('groundwork');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('entries', 'readwrite');
          const cur = tx.objectStore('entries').index('createdAt').openCursor();
          let found;
          cur.onsuccess = () => {
            const c = cur.result;
            if (!c) return;
            if (c.value.deletedAt !== undefined) return c.continue();
            found = { ...c.value, title: 'The oldest one', body: 'Walked to the old windmill at dawn.' };
            c.update(found);
          };
          tx.oncomplete = () => (db.close(), resolve(found.id));
        };
      }),
  );
  await page.reload();
  await page.getByRole('status').filter({ hasText: 'Showing your 30 most recent entries' }).waitFor({ timeout: UI_TIMEOUT });
  assert.equal(await items(page).count(), 30, 'a first page, not the whole journal');

  // Scrolling to the end of the list loads the next page.
  await items(page).last().scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 4000);
  await page.waitForFunction(() => document.querySelectorAll('main ul.entries:not(.waiting) > li').length >= 60, null, { timeout: UI_TIMEOUT });

  // The button, by keyboard: focus lands on the first entry it brought.
  const button = page.getByRole('button', { name: 'Show older entries' });
  await button.focus();
  // Focusing scrolls the button into view, which may load a page by itself: let that settle first.
  for (let n = await items(page).count(); ; ) {
    await page.waitForTimeout(600);
    const m = await items(page).count();
    if (m === n) break;
    n = m;
  }
  // Scrolled away from the end, so only the button can load the next page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => [...document.querySelectorAll('main button')].find((el) => el.textContent.trim() === 'Show older entries').focus({ preventScroll: true }));
  const shownBefore = await items(page).count();
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('main ul.entries:not(.waiting) > li').length > n, shownBefore, { timeout: UI_TIMEOUT });
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `axe on the paged journal:\n${formatViolations(violations)}`);
  const focusedHref = await page.evaluate(() => document.activeElement?.getAttribute('href'));
  const expectedHref = await items(page).nth(shownBefore).locator('a').getAttribute('href');
  assert.equal(focusedHref, expectedHref, 'focus moves to the first older entry');

  // Search finds the oldest entry (in the worker), then clearing brings back the list as it was.
  const loaded = await items(page).count();
  await page.getByLabel('Search your journal').fill('windmill');
  await page.getByRole('status').filter({ hasText: /^1 entry$/ }).waitFor({ timeout: UI_TIMEOUT });
  assert.deepEqual(await items(page).locator('.title').allInnerTexts(), ['The oldest one']);
  const searchViolations = await runAxe(page);
  assert.equal(searchViolations.length, 0, `axe on search results:\n${formatViolations(searchViolations)}`);
  assert.ok(workers.some((u) => u.includes('search.worker')), `search ran in the worker (workers: ${workers.join(', ')})`);
  assert.equal(await items(page).locator('a').getAttribute('href'), `#/journal/${oldest}`);
  await page.getByLabel('Search your journal').fill('');
  await page.getByRole('status').filter({ hasText: `Showing your ${loaded} most recent entries` }).waitFor({ timeout: UI_TIMEOUT });
  assert.equal(await items(page).count(), loaded);
  assert.equal(seeded.written, 305);
  assertNoErrors(errors);
});

// DESIGN §3, §8: a browser killed mid-exercise loses nothing older than a second. The words typed inside a
// guided session live in its persisted snapshot; on reopen Today offers "Carry on" and every word is back,
// including words typed after a first reopen (the restored session saves each keystroke too).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, killBrowserHard } from './lib/browser.mjs';
import { UI_TIMEOUT, TITLE, open, stepHeading, stepBox, next, back, startAtStep1, collectErrors, assertNoErrors } from './lib/foundation.mjs';

async function crashAfter(b, ms) {
  await new Promise((r) => setTimeout(r, ms));
  await killBrowserHard(b.context);
}

async function reopen(userDataDir) {
  const b = await launch({ persistentDir: userDataDir });
  const page = await b.page();
  page.setDefaultTimeout(UI_TIMEOUT);
  await open(page, '/today', { heading: 'Today' });
  await page.getByRole('link', { name: `Carry on with ${TITLE}` }).click();
  return { b, page };
}

test('browser killed 1.5 s after typing inside an exercise, twice: every word comes back on the same step', async (t) => {
  const first = await launch({ persistentDir: true });
  const opened = [];
  // The first launch owns the profile and removes it on close(), so it closes last.
  t.after(async () => {
    for (const b of opened.reverse()) await b.close();
    await first.close();
  });

  const page1 = await first.page();
  page1.setDefaultTimeout(UI_TIMEOUT);
  await startAtStep1(page1);
  await stepBox(page1, 0).pressSequentially('the green lamp, a mug');
  await next(page1, 0);
  await stepBox(page1, 1).pressSequentially('socks on the carpet');
  await crashAfter(first, 1500);

  // First reopen: same step, same words; type more, then crash again.
  const second = await reopen(first.userDataDir);
  opened.push(second.b);
  await stepHeading(second.page, 1).waitFor();
  assert.equal(await stepBox(second.page, 1).inputValue(), 'socks on the carpet');
  await stepBox(second.page, 1).pressSequentially(', cool air');
  await crashAfter(second.b, 1500);

  const third = await reopen(first.userDataDir);
  opened.push(third.b);
  const errors = collectErrors(third.page);
  await stepHeading(third.page, 1).waitFor();
  assert.equal(await stepBox(third.page, 1).inputValue(), 'socks on the carpet, cool air');
  await back(third.page, 1);
  assert.equal(await stepBox(third.page, 0).inputValue(), 'the green lamp, a mug');
  assertNoErrors(errors);
});

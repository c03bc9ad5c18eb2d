// Help for the person's region: the device's language and time zone put their own crisis lines and
// emergency number first (worked out in the page, nothing sent); another region can be chosen and is
// remembered; the dialog closes from the top as well as with Escape, and at 200% text on a 320 px phone
// nothing sticks out sideways, every button is inside the screen, no word is cut mid-letter, and axe is clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, runAxe, formatViolations, trackRequests } from './lib/browser.mjs';
import { baseURL, freshPage, collectErrors, open, assertNoErrors } from './lib/foundation.mjs';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  b = await launch();
});
after(async () => {
  await b?.close();
});

async function openHelp(page) {
  await page.getByRole('banner').getByRole('button', { name: 'Help', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Help' });
  await dialog.waitFor({ state: 'visible' });
  return dialog;
}

/** The first emergency number and the first crisis line's name, as listed. */
async function firstListed(dialog) {
  const emergency = await dialog.locator('ul.emergency a').first().getAttribute('href');
  const line = (await dialog.locator('ul.contacts li').first().locator('.name').textContent())?.trim();
  return { emergency, line };
}

for (const [locale, timezoneId, expected] of [
  ['en-AU', 'Australia/Sydney', { emergency: 'tel:000', line: 'Lifeline' }],
  ['en-NZ', 'Pacific/Auckland', { emergency: 'tel:111', line: '1737, Need to talk?' }],
  ['en-GB', 'Europe/London', { emergency: 'tel:999', line: 'Samaritans' }],
]) {
  test(`${locale} in ${timezoneId}: Help lists that region first, offline from the device`, async (t) => {
    const { context, page } = await freshPage(t, b.browser, { locale, timezoneId });
    const requests = trackRequests(context, baseURL);
    t.after(() => requests.stop());
    const errors = collectErrors(page);
    await open(page, '/today', { heading: 'Today' });
    assert.equal(await page.evaluate(() => navigator.language), locale, 'the browser reports the locale (sanity)');
    const dialog = await openHelp(page);
    assert.deepEqual(await firstListed(dialog), expected);
    // Still every other line, and the last word for anywhere else.
    assert.ok(await dialog.locator('a[href="tel:988"]').count(), 'other regions’ lines are still listed');
    await dialog.getByText('Elsewhere: call your local emergency number.', { exact: true }).waitFor();
    // Numbers change (CLINICAL.md §6): every line says the date it was checked, in the device's own format.
    const lines = await dialog.locator('ul.contacts li').allTextContents();
    assert.ok(lines.length >= 8, `every crisis line listed (${lines.length})`);
    for (const line of lines) assert.match(line, /Checked \d{1,2} \w+ 20\d\d\./, `a checked date on "${line.slice(0, 40)}"`);
    assert.deepEqual(requests.foreignRequests(), [], 'nothing asked of another origin');
    assertNoErrors(errors);
  });
}

test('another region can be chosen, is remembered after a reload, and "device" goes back', async (t) => {
  const { page } = await freshPage(t, b.browser, { locale: 'en-GB', timezoneId: 'Europe/London' });
  const errors = collectErrors(page);
  await open(page, '/today', { heading: 'Today' });
  let dialog = await openHelp(page);
  const regions = () => dialog.getByRole('group', { name: 'Show numbers first for' });
  await dialog.getByText('Numbers for United Kingdom come first. Choose another region', { exact: true }).click();
  assert.ok(await regions().getByRole('radio', { name: 'This device’s region (United Kingdom)' }).isChecked());
  await regions().getByRole('radio', { name: 'New Zealand', exact: true }).check();
  assert.deepEqual(await firstListed(dialog), { emergency: 'tel:111', line: '1737, Need to talk?' });
  await dialog.getByText('Numbers for New Zealand come first. Choose another region', { exact: true }).waitFor();

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  dialog = await openHelp(page);
  await page.waitForFunction(() => document.querySelector('ul.emergency a')?.getAttribute('href') === 'tel:111');
  await dialog.locator('details.region summary').click();
  assert.ok(await regions().getByRole('radio', { name: 'New Zealand', exact: true }).isChecked(), 'remembered');

  await regions().getByRole('radio', { name: 'Somewhere else', exact: true }).check();
  assert.deepEqual(await firstListed(dialog), { emergency: 'tel:911', line: '988 Suicide & Crisis Lifeline' });
  await dialog.getByText('Choose your region to put its numbers first', { exact: true }).waitFor();
  await regions().getByRole('radio', { name: 'This device’s region (United Kingdom)' }).check();
  assert.deepEqual(await firstListed(dialog), { emergency: 'tel:999', line: 'Samaritans' });
  assertNoErrors(errors);
});

test('Help closes from the top control and with Escape, focus back on Help', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await open(page, '/today', { heading: 'Today' });
  for (const how of ['top', 'Escape']) {
    const dialog = await openHelp(page);
    if (how === 'top') {
      const close = dialog.getByRole('button', { name: 'Close Help', exact: true });
      const box = await close.boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= 800, 'the top close control is on screen without scrolling');
      await close.click();
    } else await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    assert.equal(focused, 'Help', `focus after closing (${how})`);
  }
  assertNoErrors(errors);
});

test('200% text on a 320 px screen: Help stays readable (nothing sideways, buttons inside, no word cut), axe clean', async (t) => {
  const width = 320;
  const height = 640;
  const { page } = await freshPage(t, b.browser, { viewport: { width, height }, locale: 'en-US', timezoneId: 'America/New_York' });
  const errors = collectErrors(page);
  await open(page, '/today', { heading: 'Today' });
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  const dialog = await openHelp(page);
  await dialog.locator('details.region summary').click(); // measured open, the longer state
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

  // For a person to look at (not compared): the screen as seen, and the whole dialog.
  await writeFile(path.join(tmpdir(), 'groundwork-help-320-200.png'), await page.screenshot());
  await writeFile(path.join(tmpdir(), 'groundwork-help-320-200-dialog.png'), await dialog.screenshot());

  const report = await dialog.evaluate((d, w) => {
    const problems = [];
    const name = (el) => `${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 40)}"`;
    if (d.scrollWidth > d.clientWidth + 1) problems.push(`dialog scrolls sideways: ${d.scrollWidth} > ${d.clientWidth}`);
    for (const el of d.querySelectorAll('a, button, summary, label, h2, h3, h4, p')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || el.closest('.visually-hidden')) continue;
      if (r.left < -0.5 || r.right > w + 0.5) problems.push(`${name(el)} spans x ${Math.round(r.left)}–${Math.round(r.right)}`);
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') problems.push(`${name(el)} clips its text`);
    }
    // A word split over two lines has client rects on two lines: that is a word broken mid-letter.
    const walker = document.createTreeWalker(d, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('.visually-hidden')) continue;
      for (const m of node.textContent.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) problems.push(`"${m[0]}" is broken across lines`);
      }
    }
    return { problems, pageWidth: document.documentElement.scrollWidth, buttons: d.querySelectorAll('a.btn, button').length };
  }, width);
  assert.ok(report.buttons >= 10, `the buttons were measured (${report.buttons})`);
  assert.deepEqual(report.problems, [], 'APP BUG: Help at 320 px and 200% text');
  assert.ok(report.pageWidth <= width, `no sideways scrolling (page is ${report.pageWidth} px wide)`);

  const violations = await runAxe(page);
  assert.equal(violations.length, 0, formatViolations(violations));
  assertNoErrors(errors);
});

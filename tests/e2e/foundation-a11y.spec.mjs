// DESIGN §7/§8 accessibility: axe-core (WCAG 2.2 AA tags) finds nothing on any screen, light or dark, in
// every step of a session or with Help open; text at 200% on a 320 px phone hides nothing, never scrolls
// sideways and is axe clean on every route; the Ground, Help and tick targets are at least 44 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, runAxe, formatViolations } from './lib/browser.mjs';
import {
  baseURL,
  ROUTES,
  STEPS,
  freshPage,
  h1,
  open,
  stepHeading,
  stepBox,
  tick,
  next,
  rate,
  PRESENCE,
  DISTRESS,
} from './lib/foundation.mjs';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  b = await launch();
});
after(async () => {
  await b?.close();
});

/** Per screen: "label: violations" for any that are not clean. */
async function axeInto(page, label, report) {
  const violations = await runAxe(page);
  if (violations.length) report.push(`── ${label} ──\n${formatViolations(violations)}`);
}

/** Wait for the screen's own content, not just the shell (lazy screens show "Loading…" first). */
async function ready(page, route) {
  await h1(page).waitFor();
  if (route === '/ground') await stepHeading(page, 0).waitFor();
  if (route === '/exercise/five-senses') await page.getByRole('heading', { level: 2, name: 'Before you start', exact: true }).waitFor();
  if (route === '/journal') await page.locator('main ul a').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('main')?.innerText.includes('Loading…'));
}

async function saveEntry(page) {
  await open(page, '/journal/new', { heading: 'New entry' });
  await page.getByRole('textbox', { name: 'Title (optional)', exact: true }).fill('An entry to look at');
  await page.getByRole('textbox', { name: 'Your entry', exact: true }).fill('Some words, kept.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'An entry to look at', exact: true }).waitFor();
  return new URL(page.url()).hash.slice(1);
}

test('axe: zero violations on every route, an entry page and with the Help dialog open', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const entryRoute = await saveEntry(page);
  const report = [];
  for (const route of [...ROUTES, entryRoute]) {
    await page.goto(`${baseURL}/#${route}`);
    await ready(page, route);
    await axeInto(page, route, report);
  }
  await open(page, '/today', { heading: 'Today' });
  await page.getByRole('banner').getByRole('button', { name: 'Help', exact: true }).click();
  await page.getByRole('dialog', { name: 'Help' }).waitFor();
  await axeInto(page, 'Help dialog open (on Today)', report);
  assert.equal(report.length, 0, `axe violations:\n${report.join('\n\n')}`);
});

test('axe: zero violations on every step of the five-senses session (check-in to saved)', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const report = [];
  await page.goto(`${baseURL}/#/exercise/five-senses`);
  await page.getByRole('heading', { level: 2, name: 'Before you start', exact: true }).waitFor();
  await axeInto(page, 'check-in (nothing chosen)', report);
  await rate(page, PRESENCE, 4);
  await rate(page, DISTRESS, 6);
  await axeInto(page, 'check-in (ratings chosen)', report);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();

  for (let i = 0; i < STEPS.length; i++) {
    await stepHeading(page, i).waitFor();
    await tick(page, 1); // a pressed tick looks different: check its contrast too
    await stepBox(page, i).fill('something');
    await axeInto(page, `step ${i + 1}: ${STEPS[i].heading}`, report);
    await next(page, i);
  }
  await page.getByRole('heading', { level: 2, name: 'How are you now?', exact: true }).waitFor();
  await axeInto(page, 'check-out', report);
  await page.getByRole('button', { name: 'Skip', exact: true }).click();
  await page.getByRole('textbox', { name: 'A note for yourself (optional)', exact: true }).waitFor();
  await axeInto(page, 'note', report);
  await page.getByRole('button', { name: 'Save and finish', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Well done for taking this time', exact: true }).waitFor();
  await axeInto(page, 'saved', report);
  assert.equal(report.length, 0, `axe violations:\n${report.join('\n\n')}`);
});

test('axe in dark mode (prefers-color-scheme: dark): Today, a session step and Help', async (t) => {
  const { page } = await freshPage(t, b.browser, { colorScheme: 'dark' });
  await page.emulateMedia({ colorScheme: 'dark' });
  const report = [];
  await open(page, '/today', { heading: 'Today' });
  assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), true);
  // Dark mode must actually be honoured (DESIGN §7), not just pass axe in light colours.
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, bl] = (bg.match(/\d+(\.\d+)?/g) ?? ['255', '255', '255']).map(Number);
  assert.ok(0.2126 * r + 0.7152 * g + 0.0722 * bl < 128, `page background is not dark in dark mode: ${bg}`);
  await axeInto(page, 'Today (dark)', report);

  await page.goto(`${baseURL}/#/exercise/five-senses`);
  await page.getByRole('button', { name: 'Skip', exact: true }).click();
  await stepHeading(page, 0).waitFor();
  await tick(page, 1);
  await axeInto(page, 'step 1 (dark)', report);

  await page.getByRole('banner').getByRole('button', { name: 'Help', exact: true }).click();
  await page.getByRole('dialog', { name: 'Help' }).waitFor();
  await axeInto(page, 'Help dialog (dark)', report);
  assert.equal(report.length, 0, `axe violations:\n${report.join('\n\n')}`);
});

/** Boxes of the header's Ground and Help controls. */
async function controls(page) {
  const banner = page.getByRole('banner');
  return {
    ground: banner.getByRole('link', { name: 'Ground me now', exact: true }),
    help: banner.getByRole('button', { name: 'Help', exact: true }),
  };
}

test('text at 200% on a 320 px screen: Ground and Help visible and inside the width, no sideways scrolling, axe clean', async (t) => {
  const width = 320;
  const { page } = await freshPage(t, b.browser, { viewport: { width, height: 640 } });
  const entryRoute = await saveEntry(page);
  const problems = [];
  const axeReport = [];
  const screens = [...ROUTES, entryRoute, 'session step 3'];
  for (const route of screens) {
    if (route === 'session step 3') {
      await page.goto(`${baseURL}/#/exercise/five-senses`);
      await page.getByRole('button', { name: 'Skip', exact: true }).click();
      await stepHeading(page, 0).waitFor();
      await next(page, 0);
      await next(page, 1);
    } else {
      await page.goto(`${baseURL}/#${route}`);
      await ready(page, route);
    }
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const rootSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    if (rootSize < 30) problems.push(`${route}: root font-size is ${rootSize}px after setting 200%`);
    await axeInto(page, `${route} (200% text, 320 px)`, axeReport);

    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    if (scrollWidth > width) {
      const wide = await page.evaluate((w) => {
        const out = [];
        const name = (el) => `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''}`;
        for (const el of document.querySelectorAll('body *')) {
          const r = el.getBoundingClientRect();
          // Boxes that stick out, and boxes whose text sticks out of them (a long word at 200%).
          if (r.right > w + 0.5 && r.width > 0) out.push(`${name(el)}(right ${Math.round(r.right)})`);
          else if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible' && el.children.length === 0)
            out.push(`${name(el)} "${el.textContent?.trim().slice(0, 30)}"(text ${el.scrollWidth} in ${el.clientWidth})`);
        }
        return out.slice(0, 8).join(', ');
      }, width);
      problems.push(`${route}: scrollWidth ${scrollWidth} > ${width} (overflowing: ${wide})`);
    }
    const { ground, help } = await controls(page);
    for (const [name, loc] of [['Ground me now', ground], ['Help', help]]) {
      // Page coordinates (not the viewport's): a control only reachable by scrolling sideways is hidden.
      const box = await loc.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left + scrollX, right: r.right + scrollX, width: r.width, height: r.height };
      });
      if (!(await loc.isVisible()) || !box.width || !box.height) problems.push(`${route}: "${name}" is not visible`);
      else if (box.left < 0 || box.right > width + 0.5) problems.push(`${route}: "${name}" spans x ${Math.round(box.left)}–${Math.round(box.right)}, outside 0–${width}`);
    }
    // The Ground control is reachable at once: on screen without scrolling, since the header is sticky.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const groundBox = await ground.boundingBox();
    if (!groundBox || groundBox.y < 0 || groundBox.y + groundBox.height > 640) problems.push(`${route}: "Ground me now" is off screen after scrolling down`);
  }
  assert.deepEqual(problems, [], 'APP BUG: at 320 px with 200% text, content is wider than the screen (see list)');
  assert.equal(axeReport.length, 0, `axe violations at 200% text:\n${axeReport.join('\n\n')}`);
});

test('targets are at least 44 × 44 px: Ground, Help and every tick (also at 200% text on 320 px)', async (t) => {
  for (const [label, viewport, fontSize] of [
    ['1280 px, 100%', { width: 1280, height: 800 }, ''],
    ['320 px, 200%', { width: 320, height: 640 }, '200%'],
  ]) {
    const { page } = await freshPage(t, b.browser, { viewport });
    const problems = [];
    await page.goto(`${baseURL}/#/exercise/five-senses`);
    await page.getByRole('button', { name: 'Skip', exact: true }).click();
    for (let i = 0; i < STEPS.length; i++) {
      await stepHeading(page, i).waitFor();
      await page.evaluate((fs) => (document.documentElement.style.fontSize = fs), fontSize);
      const { ground, help } = await controls(page);
      const targets = [
        ['Ground me now', ground],
        ['Help', help],
        ...Array.from({ length: STEPS[i].count }, (_, k) => [`Noticed ${k + 1}`, page.getByRole('button', { name: `Noticed ${k + 1}`, exact: true })]),
      ];
      for (const [name, loc] of targets) {
        const box = await loc.boundingBox();
        if (!box || box.width < 44 || box.height < 44) {
          problems.push(`step ${i + 1} "${name}": ${box ? `${box.width.toFixed(1)} × ${box.height.toFixed(1)}` : 'not rendered'}`);
        }
      }
      await next(page, i);
    }
    assert.deepEqual(problems, [], `targets under 44 px (${label})`);
  }
});

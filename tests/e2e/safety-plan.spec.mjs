// Issue 15, the safety plan, end to end in Chromium on the production build: a plan with items in each of
// the six steps survives a reload; the browser killed mid-typing loses nothing older than a second; the
// plan is reachable from Help (on another screen), from Settings and first in a hard check-out's support
// step; axe finds nothing, also at 200% text on a 320 px phone; the printed page has no controls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, killBrowserHard, runAxe, formatViolations } from './lib/browser.mjs';
import { baseURL, UI_TIMEOUT, freshPage, collectErrors, assertNoErrors, open, stepHeading, next, checkScreen, storedRecord, pollUntil as until } from './lib/foundation.mjs';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  b = await launch();
});
after(async () => {
  await b?.close();
});

const HEADING = 'My safety plan';
const STEPS = [
  { add: 'Add a warning sign', box: 'Warning sign', title: 'Warning signs', text: 'Not answering messages' },
  { add: 'Add something I can do', box: 'Something I can do', title: 'Things I can do on my own', text: 'Cold water on my hands' },
  { add: 'Add a person or place', box: 'Person or place', title: 'People and places that take my mind off things', text: 'The café on the corner' },
  { add: 'Add a person', box: 'Person I can ask', title: 'People I can ask for help', text: 'Sam 07700 900123' },
  { add: 'Add a professional or service', box: 'Professional or service', title: 'Professionals and crisis lines', text: 'Dr Lee (weekdays)' },
  { add: 'Add a step', box: 'Step to make things safer', title: 'Making my surroundings safer', text: 'Ask Sam to keep my tablets' },
];

/** The stored plan, read raw (never creates or upgrades the database). */
const storedPlan = (page) => storedRecord(page, 'safetyPlan', 'mine');

async function axeClean(page, label) {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `${label}:\n${formatViolations(violations)}`);
}

async function openPlan(page) {
  await open(page, '/safety-plan', { heading: HEADING });
  await page.waitForFunction(() => !document.querySelector('main')?.innerText.includes('Opening your plan'));
}

test('a plan with items in each of the six steps is kept across a reload, and reads with tap-to-call numbers', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await openPlan(page);
  await axeClean(page, 'empty plan, ready to write');
  for (const s of STEPS) {
    await page.getByRole('button', { name: s.add, exact: true }).click();
    await page.getByRole('textbox', { name: `${s.box} 1`, exact: true }).pressSequentially(s.text);
  }
  // A second warning sign, moved to the top.
  await page.getByRole('button', { name: 'Add a warning sign', exact: true }).click();
  await page.getByRole('textbox', { name: 'Warning sign 2', exact: true }).pressSequentially('Lying awake after 3 am');
  await page.getByRole('button', { name: 'Move up: Warning sign 2', exact: true }).click();
  await axeClean(page, 'plan being changed');
  await until(async () => JSON.stringify(await storedPlan(page)).includes('Ask Sam to keep my tablets'), 'plan on disk');

  await page.reload();
  await page.getByRole('heading', { level: 1, name: HEADING }).waitFor();
  await page.getByRole('button', { name: 'Change my plan', exact: true }).waitFor(); // opens to read
  for (const s of STEPS) {
    const section = page.getByRole('region', { name: new RegExp(`${s.title}$`) });
    await section.getByText(s.text, { exact: true }).or(section.getByText(s.text.split(' 0')[0] ?? s.text)).first().waitFor();
  }
  const warnings = await page.getByRole('region', { name: /Warning signs$/ }).getByRole('listitem').allTextContents();
  assert.deepEqual(warnings.map((w) => w.trim()), ['Lying awake after 3 am', 'Not answering messages']);
  const call = page.getByRole('region', { name: /People I can ask for help$/ }).getByRole('link', { name: '07700 900123' });
  assert.equal(await call.getAttribute('href'), 'tel:07700900123');
  const five = page.getByRole('region', { name: /Professionals and crisis lines$/ });
  await five.getByText('Crisis lines (always here)').waitFor();
  assert.ok((await five.locator('a[href^="tel:"]').count()) > 0, 'crisis lines in step 5');
  await axeClean(page, 'plan to read');

  // Changing it again: remove an item; it stays removed after a reload.
  await page.getByRole('button', { name: 'Change my plan', exact: true }).click();
  await page.getByRole('button', { name: 'Remove: Warning sign 1', exact: true }).click();
  await until(async () => !JSON.stringify(await storedPlan(page)).includes('Lying awake'), 'removal on disk');
  await page.reload();
  await page.getByRole('button', { name: 'Change my plan', exact: true }).waitFor();
  assert.equal(await page.getByText('Lying awake after 3 am').count(), 0);
  assertNoErrors(errors);
});

test('the browser killed mid-typing: nothing older than a second is lost', async (t) => {
  const first = await launch({ persistentDir: true });
  /** @type {Awaited<ReturnType<typeof launch>> | undefined} */
  let second;
  t.after(async () => {
    await second?.close();
    await first.close();
  });
  {
    const page = await first.page();
    page.setDefaultTimeout(UI_TIMEOUT);
    await openPlan(page);
    await page.getByRole('button', { name: 'Add something I can do', exact: true }).click();
    const box = page.getByRole('textbox', { name: 'Something I can do 1', exact: true });
    await box.pressSequentially('Walk to the park and back');
    await new Promise((r) => setTimeout(r, 1000));
    await box.pressSequentially(' slowly, noticing'); // still typing when the browser dies
    await killBrowserHard(first.context);
  }
  second = await launch({ persistentDir: first.userDataDir });
  const page = await second.page();
  page.setDefaultTimeout(UI_TIMEOUT);
  const errors = collectErrors(page);
  await openPlan(page);
  const text = await page.getByRole('region', { name: /Things I can do on my own$/ }).getByRole('listitem').first().innerText();
  assert.ok(text.startsWith('Walk to the park and back'), `kept: "${text}"`);
  assertNoErrors(errors);
});

test('reachable from Help on another screen, from Settings, and first in a hard check-out’s support step', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await openPlan(page);
  await page.getByRole('button', { name: 'Add something I can do', exact: true }).click();
  await page.getByRole('textbox', { name: 'Something I can do 1', exact: true }).pressSequentially('Cold water on my hands');
  await page.getByRole('button', { name: 'Add a person', exact: true }).click();
  await page.getByRole('textbox', { name: 'Person I can ask 1', exact: true }).pressSequentially('Sam 07700 900123');
  await until(async () => JSON.stringify(await storedPlan(page)).includes('900123'), 'plan on disk');

  await open(page, '/journal', { heading: 'Journal' });
  await page.getByRole('button', { name: 'Help', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Help' });
  await dialog.waitFor();
  // Help shows the person's own coping steps and people beside the crisis numbers.
  await dialog.getByText('Cold water on my hands', { exact: true }).waitFor();
  assert.equal(await dialog.getByRole('link', { name: '07700 900123' }).getAttribute('href'), 'tel:07700900123');
  await axeClean(page, 'Help with the plan in it');
  await dialog.getByRole('link', { name: HEADING, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: HEADING }).waitFor();
  await dialog.waitFor({ state: 'hidden' });

  await open(page, '/settings', { heading: 'Settings' });
  await page.locator('main').getByRole('link', { name: HEADING, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: HEADING }).waitFor();

  await open(page, '/today', { heading: 'Today' });
  await page.getByRole('link', { name: 'Ground me now', exact: true }).click();
  await stepHeading(page, 0).waitFor();
  for (let i = 0; i < 5; i++) await next(page, i);
  await checkScreen(page, 'How are you now?', { presence: 2, distress: 8 });
  const support = page.getByRole('region', { name: 'Still finding it hard?' });
  await support.waitFor();
  // Support before paperwork, and the person's own plan before anything else in it.
  const first = support.locator('a, button').first();
  assert.equal((await first.innerText()).trim(), 'Open my safety plan');
  await axeClean(page, 'support step');
  await first.click();
  await page.getByRole('heading', { level: 1, name: HEADING }).waitFor();
  assertNoErrors(errors);
});

test('at 200% text on a 320 px phone: axe clean and nothing wider than the screen, changing and reading', async (t) => {
  const width = 320;
  const { page } = await freshPage(t, b.browser, { viewport: { width, height: 640 } });
  await openPlan(page);
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  await page.getByRole('button', { name: 'Add a person', exact: true }).click();
  await page.getByRole('textbox', { name: 'Person I can ask 1', exact: true }).pressSequentially('Sam 07700 900123, my neighbour across the landing');
  for (const label of ['changing', 'reading']) {
    if (label === 'reading') await page.getByRole('button', { name: 'Done changing', exact: true }).first().click();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= width, `${label}: scrollWidth ${scrollWidth} > ${width}`);
    await axeClean(page, `200% text, ${label}`);
  }
});

test('printed, the plan has its six steps and the crisis lines, and no controls', async (t) => {
  const { page } = await freshPage(t, b.browser);
  await openPlan(page);
  await page.getByRole('button', { name: 'Add a warning sign', exact: true }).click();
  await page.getByRole('textbox', { name: 'Warning sign 1', exact: true }).pressSequentially('Not sleeping');
  // Printed while still changing the plan: the read view is what prints.
  await page.emulateMedia({ media: 'print' });
  const visible = await page.evaluate(() => {
    const shown = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
    return {
      controls: [...document.querySelectorAll('button, input, textarea, select, summary')].filter(shown).map((el) => el.outerHTML.slice(0, 80)),
      headings: [...document.querySelectorAll('main h2')].filter(shown).map((h) => h.textContent.trim()),
      text: document.querySelector('main').innerText,
    };
  });
  assert.deepEqual(visible.controls, [], 'no controls in print');
  assert.deepEqual(
    visible.headings.filter((h) => /^\d /.test(h)),
    STEPS.map((s, i) => `${i + 1} ${s.title}`),
  );
  assert.match(visible.text, /Not sleeping/);
  assert.match(visible.text, /Crisis lines \(always here\)/);
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 5000, `a PDF was made (${pdf.length} bytes)`);
});

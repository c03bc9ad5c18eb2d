// Issue 16, the progress report's questionnaires and exposure, end to end in Chromium on the production build:
// a seeded PHQ-9 (twice), an in-vivo practice on the fear list and a written-exposure session are offered;
// ticked, the preview shows the PHQ-9 scores over time with band words and the practice's distress and
// prediction charts, and the written-exposure numbers without the words written (a separate choice, never
// ticked). The printed PDF holds the score table. The clinician, in another profile, opens the passphrase
// file and sees the same scores.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, runAxe, formatViolations, trackRequests } from './lib/browser.mjs';
import { baseURL, freshPage, collectErrors, assertNoErrors, open, putStored, waitForDatabase } from './lib/foundation.mjs';
import { pdfText } from './lib/pdf.mjs';
import { PREVIEW, chooseReportFile, openWithPassphrase, saveLockedFile, showReport } from './lib/report.mjs';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  b = await launch();
});
after(async () => {
  await b?.close();
});

const DAY = 86_400_000;
const PASS = 'lantern pebble orchard sky';
const SECRET = 'The words of the memory stay with me';

/** Two PHQ-9s, one fear-list item with one practice, one written-exposure session: the schemas the app reads. */
function seed(page) {
  const now = Date.now();
  const phq9 = (id, at, answers, total, band) => ({
    id, measureId: 'phq9', answers, difficulty: null, period: 'two-weeks', startedAt: at, updatedAt: at, completedAt: at, total, band, item9: 0,
  });
  const measures = [
    phq9('m1', now - 9 * DAY, [2, 2, 2, 2, 2, 2, 2, 1, 0], 15, 'moderately-severe'),
    phq9('m2', now - 2 * DAY, [1, 1, 1, 1, 1, 1, 0, 0, 0], 6, 'mild'),
  ];
  const hierarchy = [
    { id: 'mine', updatedAt: now - 5 * DAY, items: [{ id: 'bus', text: 'Taking the bus at rush hour', suds: 60, status: 'practising', safe: 'yes', createdAt: now - 20 * DAY }] },
  ];
  const at = now - 3 * DAY;
  const exposures = [
    {
      id: 'x1', kind: 'in-vivo', itemId: 'bus', startedAt: at, updatedAt: at, complete: true,
      data: {
        itemId: 'bus', situation: 'Taking the bus at rush hour', prediction: 'I will panic and have to get off', likelihood: 80,
        safetyBehaviours: '', preSuds: 65, presence: 6, peakSuds: 80, startedAt: at, elapsedMs: 1_200_000, postSuds: 35,
        happened: 'no', learned: '', needsSupport: false,
      },
    },
  ];
  const empty = (n) => ({
    n, status: 'not-started', text: '', caret: { start: 0, end: 0, scrollTop: 0 },
    timer: { durationMs: 1_800_000, remainingMs: 1_800_000, endsAt: null },
    presence: null, preSuds: null, postSuds: null, selfHarm: null, startedAt: null, finishedAt: null,
  });
  const sessions = [1, 2, 3, 4, 5].map(empty);
  sessions[0] = { ...sessions[0], status: 'done', text: SECRET, preSuds: 75, postSuds: 50, presence: 5, selfHarm: 'no', startedAt: now - 4 * DAY, finishedAt: now - 4 * DAY, timer: { durationMs: 1_800_000, remainingMs: 0, endsAt: null } };
  return putStored(page, {
    measures,
    hierarchy,
    exposures,
    writtenExposure: [{ id: 'c1', name: 'The crash', status: 'active', createdAt: now - 5 * DAY, updatedAt: now - 4 * DAY, sessions }],
  });
}

/** The numbers table of one chart in a report, as text (open or closed). */
// The table's words as a screen reader has them: the column names repeated beside each value for narrow
// screens (LineChart stack) are aria-hidden and left out.
const chartTable = (page, title) =>
  page
    .locator('[data-report] [data-section=series]')
    .filter({ hasText: title })
    .locator('table')
    .evaluate((table) => {
      const copy = table.cloneNode(true);
      for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
      return copy.textContent;
    });

test('questionnaire scores and an exposure practice: previewed, printed with their tables, the same on the clinician’s side', async (t) => {
  const { context, page } = await freshPage(t, b.browser, { acceptDownloads: true });
  const requests = trackRequests(context, baseURL);
  const errors = collectErrors(page);
  const failedResponses = [];
  page.on('response', (r) => r.status() >= 400 && failedResponses.push(`${r.status()} ${r.url()}`));
  await open(page, '/today');
  await waitForDatabase(page, 9);
  await seed(page);

  await open(page, '/report', { heading: 'Share your progress' });
  await page.getByRole('radio', { name: 'The last 4 weeks' }).check();
  const phq = page.getByRole('checkbox', { name: /PHQ-9 — mood/ });
  await phq.waitFor();
  const words = page.getByRole('checkbox', { name: /What I wrote in written exposure/ });
  assert.equal(await page.locator('fieldset input[type=checkbox]:checked').count(), 0, 'nothing ticked at first');
  assert.equal(await words.isChecked(), false, 'the words written are not ticked');
  await phq.check();
  await page.getByRole('checkbox', { name: /Taking the bus at rush hour/ }).check();
  await page.getByRole('checkbox', { name: /Written exposure: the sessions I did/ }).check();
  const { preview, shown } = await showReport(page);
  assert.match(shown, /PHQ-9 over time/);
  assert.match(shown, /PHQ-9: 6 of 27 on .* — Mild \(5–9\)\. Some of these problems on some days\./);
  assert.match(shown, /9 points lower than the first \(15\)/);
  assert.match(shown, /not a diagnosis/i);
  assert.match(shown, /Distress before, at its highest and after each practice: “Taking the bus at rush hour”/);
  assert.match(shown, /One practice so far: distress 65 before, 80 at its highest, 35 after\./);
  assert.match(shown, /Of 1 practice with an answer, what you feared did not happen in 1/);
  assert.match(shown, /Written exposure sessions/);
  assert.doesNotMatch(shown, new RegExp(SECRET), 'the words written are not in the report');
  assert.doesNotMatch(shown, /The crash/, 'nor the name given to the memory');
  const phqTable = (await chartTable(page, 'PHQ-9 over time')) ?? '';
  assert.match(phqTable, /DateScore.+15.+6$/s);
  const sudsTable = (await chartTable(page, 'Distress before, at its highest')) ?? '';
  assert.match(sudsTable, /PracticeBeforeHighestAfter1 \(.+\)658035$/);
  const writtenTable = await preview.locator('[data-section=table]').textContent();
  assert.match(writtenTable ?? '', /Session 1 of 57550/);

  const violations = await runAxe(page);
  assert.deepEqual(violations, [], formatViolations(violations));

  // Printed: the score table is on paper (the disclosure prints open), the words written are not.
  const dates = await page.locator('[data-report] [data-section=series]').filter({ hasText: 'PHQ-9 over time' }).locator('tbody th > :not([aria-hidden="true"])').allTextContents();
  assert.equal(dates.length, 2);
  await page.emulateMedia({ media: 'print' });
  const printedTable = await page.evaluate(() => {
    const section = [...document.querySelectorAll('[data-report] [data-section=series]')].find((s) => s.textContent?.includes('PHQ-9 over time'));
    const table = section?.querySelector('table');
    return table ? { visible: table.getBoundingClientRect().height > 0, text: /** @type {HTMLElement} */ (table).innerText } : null;
  });
  await page.emulateMedia({ media: null });
  assert.ok(printedTable?.visible, 'the PHQ-9 table is laid out on paper');
  for (const [i, total] of [15, 6].entries()) assert.ok(printedTable.text.includes(`${dates[i]}\t${total}`), `printed row ${dates[i]} ${total}: ${printedTable.text}`);
  // And in the PDF itself (spaces are unreliable in the extracted text: compare without them).
  const squash = (s) => s.replace(/\s+/g, '');
  const printed = squash(pdfText(await page.pdf({ format: 'A4' })));
  for (const expected of ['PHQ-9 over time', `DateScore${dates[0]}15${dates[1]}6`, 'PracticeBeforeHighestAfter', 'Written exposure sessions', 'Session 1 of 5']) {
    assert.ok(printed.includes(squash(expected)), `the PDF has "${expected}"\n${printed.slice(0, 3000)}`);
  }
  assert.ok(!printed.includes(squash(SECRET)), 'the words written are not on paper');

  // The locked file.
  const saved = await saveLockedFile(page, PASS);
  assert.deepEqual(requests.foreignRequests(), [], 'no request leaves the origin');
  assert.deepEqual(failedResponses, [], 'every file the report screens load is there');
  assertNoErrors(errors, 'patient');

  // The clinician, in another profile.
  const clinician = await freshPage(t, b.browser);
  const cp = clinician.page;
  const cErrors = collectErrors(cp);
  await chooseReportFile(cp, saved);
  const opened = await openWithPassphrase(cp, PASS);
  assert.equal(opened, shown, 'the clinician sees exactly what the person previewed');
  assert.equal(await chartTable(cp, 'PHQ-9 over time'), phqTable, 'the same PHQ-9 scores');
  assert.equal(await chartTable(cp, 'Distress before, at its highest'), sudsTable, 'the same distress ratings');
  const cViolations = await runAxe(cp);
  assert.deepEqual(cViolations, [], formatViolations(cViolations));
  assertNoErrors(cErrors, 'clinician');
});

test('at 200% text on a 320 px phone: the questionnaire and exposure charts stay inside the screen, axe clean', async (t) => {
  const width = 320;
  const { page } = await freshPage(t, b.browser, { viewport: { width, height: 640 } });
  await open(page, '/today');
  await waitForDatabase(page, 9);
  await seed(page);
  await open(page, '/report', { heading: 'Share your progress' });
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  await page.getByRole('checkbox', { name: /PHQ-9 — mood/ }).check();
  await page.getByRole('checkbox', { name: /Taking the bus at rush hour/ }).check();
  await page.getByRole('checkbox', { name: /Written exposure: the sessions I did/ }).check();
  await page.getByRole('button', { name: 'Show me the report' }).click();
  await page.getByRole('region', { name: PREVIEW }).waitFor();
  for (const summary of await page.locator('[data-report] details summary').all()) await summary.click();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  const wide = await page.evaluate(
    (w) =>
      [...document.querySelectorAll('body *')]
        .filter((e) => !e.closest('.scroll, .table-wrap, [data-chart] details') && e.getBoundingClientRect().right > w + 0.5)
        .slice(0, 5)
        .map((e) => `${e.tagName}.${e.className} "${e.textContent.slice(0, 40)}" ${Math.round(e.getBoundingClientRect().right)}`),
    width,
  );
  assert.ok(scrollWidth <= width, `scrollWidth ${scrollWidth} > ${width}: ${wide.join(', ')}`);
  const violations = await runAxe(page);
  assert.deepEqual(violations, [], formatViolations(violations));
});

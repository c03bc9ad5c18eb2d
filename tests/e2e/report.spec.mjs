// Issue 16, the progress report, end to end in Chromium on the production build, with two browser contexts
// (the person's and the clinician's, sharing nothing): the person ticks two journal entries and a belief,
// previews, makes a passphrase-locked file and saves it; the clinician opens that file — a wrong passphrase
// gets a kind message, the right one shows exactly the text the person previewed. The printed PDF holds
// the chosen sections and nothing left unticked; axe finds nothing; no request leaves the origin.
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

/** Journal entries written straight into the app's database (the schema the app reads). */
function seed(page) {
  const now = Date.now();
  const rows = [
    { id: 'e-rain', kind: 'free', title: 'Rain on Tuesday', body: 'I walked in the rain and noticed the cold on my hands.', at: now - DAY },
    { id: 'e-private', kind: 'free', title: 'Private thoughts', body: 'This one stays with me.', at: now - 2 * DAY },
    { id: 'e-markup', kind: 'free', title: 'Markup <b>test</b>', body: '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>', at: now - 3 * DAY },
    {
      id: 'e-senses',
      kind: 'session',
      moduleId: 'five-senses',
      title: '5-4-3-2-1 senses',
      body: 'Felt steadier after.',
      at: now - 4 * DAY,
      before: { presence: 3, distress: 7, at: now - 4 * DAY },
      after: { presence: 6, distress: 4, at: now - 4 * DAY },
    },
    ...[
      [20, 40],
      [35, 60],
      [50, 70],
    ].map(([before, after], i) => ({
      id: `e-belief-${i}`,
      kind: 'session',
      moduleId: 'belief-rehearsal',
      title: 'Belief rehearsal',
      body: '',
      at: now - (10 - i) * DAY,
      data: { belief: 'I did what I could', from: 'own', before, written: 'I did what I could', after },
    })),
  ];
  return putStored(page, { entries: rows.map(({ at, ...r }) => ({ ...r, createdAt: at, updatedAt: at, complete: true })) });
}

test('the person shares chosen entries with a passphrase; the clinician, in another profile, sees the same', async (t) => {
  // The person's profile.
  const { context, page } = await freshPage(t, b.browser, { acceptDownloads: true });
  const requests = trackRequests(context, baseURL);
  const errors = collectErrors(page);
  const failedResponses = [];
  page.on('response', (r) => r.status() >= 400 && failedResponses.push(`${r.status()} ${r.url()}`));
  await open(page, '/today');
  await waitForDatabase(page);
  await seed(page);

  await open(page, '/report', { heading: 'Share your progress' });
  await page.getByRole('radio', { name: 'Everything kept here' }).check();
  // Nothing is ticked until the person ticks it.
  await page.getByRole('checkbox', { name: /Rain on Tuesday/ }).waitFor();
  assert.equal(await page.locator('fieldset input[type=checkbox]:checked').count(), 0, 'nothing ticked at first');
  await page.getByRole('checkbox', { name: /Rain on Tuesday/ }).check();
  await page.getByRole('checkbox', { name: /Markup <b>test<\/b>/ }).check();
  await page.getByRole('checkbox', { name: /I did what I could/ }).check();
  await page.getByLabel('A few words to your clinician (optional)').fill('Week three. Sleeping better.');
  const { shown } = await showReport(page);
  assert.match(shown, /Rain on Tuesday/);
  assert.match(shown, /Week three\. Sleeping better\./);
  assert.match(shown, /I did what I could/);
  assert.match(shown, /<img src=x onerror="window\.__pwned=1">/, 'markup shows as the text it is');
  assert.doesNotMatch(shown, /Private thoughts|stays with me|Felt steadier/);
  assert.equal(await page.evaluate(() => /** @type {any} */ (window).__pwned), undefined, 'nothing the person wrote ran');

  const violations = await runAxe(page);
  assert.deepEqual(violations, [], formatViolations(violations));

  // Printed: the chosen sections, none of the screen's controls, nothing left unticked.
  const pdf = await page.pdf({ format: 'A4' });
  // Chromium places runs of glyphs one by one, so spaces in the extracted text are unreliable: compare without them.
  const printed = pdfText(pdf).replace(/\s+/g, '');
  const squash = (s) => s.replace(/\s+/g, '');
  for (const expected of ['Progress report', 'Rain on Tuesday', 'Week three. Sleeping better.', 'I did what I could', 'Journal entries', 'Belief rehearsal']) {
    assert.ok(printed.includes(squash(expected)), `the PDF has "${expected}"\n${printed.slice(0, 2000)}`);
  }
  for (const absent of ['Private thoughts', 'Show me the report', 'Make the locked file', 'Ground me now', 'What to share']) {
    assert.ok(!printed.includes(squash(absent)), `the PDF has no "${absent}"`);
  }

  // The locked file.
  const saved = await saveLockedFile(page, PASS);
  const { download, file } = saved;
  assert.match(download.suggestedFilename(), /^groundwork-report-\d{4}-\d{2}-\d{2}\.groundwork-report$/);
  assert.ok(!file.toString('utf8').includes('Rain on Tuesday'), 'the file does not hold the words in the clear');
  assert.match(file.toString('utf8'), /^\{"groundwork":"envelope","v":1,"kind":"groundwork-report","mode":"passphrase"/);

  assert.deepEqual(requests.foreignRequests(), [], 'no request leaves the origin');
  assert.deepEqual(failedResponses, [], 'every file the report screens load is there');
  assertNoErrors(errors, 'patient');

  // The clinician's profile: another context, nothing shared.
  const clinician = await freshPage(t, b.browser);
  const cRequests = trackRequests(clinician.context, baseURL);
  const cErrors = collectErrors(clinician.page);
  const cp = clinician.page;
  await chooseReportFile(cp, saved);
  const pass = cp.getByLabel('The passphrase the person chose');
  await pass.fill('lantern pebble');
  await cp.getByRole('button', { name: 'Open the report' }).click();
  const alert = cp.getByRole('alert');
  await alert.waitFor({ timeout: 20_000 });
  assert.match(await alert.innerText(), /That passphrase does not open this report\. Check it with the person/);
  assert.equal(await cp.locator('[data-report]').count(), 0, 'nothing shown on a wrong passphrase');

  const opened = await openWithPassphrase(cp, PASS);
  assert.equal(opened, shown, 'the clinician sees exactly what the person previewed');
  assert.equal(await cp.getByRole('alert').count(), 0);
  assert.equal(await cp.evaluate(() => /** @type {any} */ (window).__pwned), undefined);

  const cViolations = await runAxe(cp);
  assert.deepEqual(cViolations, [], formatViolations(cViolations));
  // Nothing was stored on the clinician's device.
  const stored = await cp.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'groundwork')) return 0;
    const db = await new Promise((res, rej) => {
      const r = indexedDB.open('groundwork');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const n = await new Promise((res) => {
      const r = db.transaction('entries').objectStore('entries').count();
      r.onsuccess = () => res(r.result);
    });
    db.close();
    return n;
  });
  assert.equal(stored, 0, 'no entry stored on the clinician’s device');
  assert.deepEqual(cRequests.foreignRequests(), [], 'no request leaves the origin (clinician)');
  assertNoErrors(cErrors, 'clinician');
});

test('a file that is not a report, and a damaged report, each get a clear message', async (t) => {
  const { page } = await freshPage(t, b.browser);
  await open(page, '/clinician/report', { heading: 'Open a progress report' });
  await page.getByLabel('Choose the report file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /This file could not be read\. It may be damaged or incomplete/);
  const violations = await runAxe(page);
  assert.deepEqual(violations, [], formatViolations(violations));
});

test('at 200% text on a 320 px phone, and in dark mode: the report screens are axe clean and no wider than the screen', async (t) => {
  const width = 320;
  for (const colorScheme of ['light', 'dark']) {
    const { page } = await freshPage(t, b.browser, { viewport: { width, height: 640 }, colorScheme });
    await open(page, '/today');
    await waitForDatabase(page);
    await seed(page);
    await open(page, '/report', { heading: 'Share your progress' });
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    await page.getByRole('radio', { name: 'Everything kept here' }).check();
    await page.getByRole('checkbox', { name: /The exercises I did/ }).check();
    await page.getByRole('checkbox', { name: /Rain on Tuesday/ }).check();
    await page.getByRole('checkbox', { name: /I did what I could/ }).check();
    await page.getByRole('button', { name: 'Show me the report' }).click();
    await page.getByRole('region', { name: PREVIEW }).waitFor();
    await page.getByLabel('Choose a passphrase').fill('lantern');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    const wide = await page.evaluate((w) => [...document.querySelectorAll('body *')].filter((e) => !e.closest('.scroll') && e.getBoundingClientRect().right > w + 0.5).slice(0, 5).map((e) => `${e.tagName}.${e.className} in ${e.parentElement?.className} "${e.textContent.slice(0, 40)}" ${Math.round(e.getBoundingClientRect().right)}`), width);
    assert.ok(scrollWidth <= width, `${colorScheme}: scrollWidth ${scrollWidth} > ${width}: ${wide.join(', ')}`);
    const violations = await runAxe(page);
    assert.deepEqual(violations, [], `${colorScheme}, 200% text:\n${formatViolations(violations)}`);

    await open(page, '/clinician/report', { heading: 'Open a progress report' });
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    const cWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(cWidth <= width, `${colorScheme} clinician: scrollWidth ${cWidth} > ${width}`);
    const cv = await runAxe(page);
    assert.deepEqual(cv, [], `${colorScheme} clinician, 200% text:\n${formatViolations(cv)}`);
  }
});

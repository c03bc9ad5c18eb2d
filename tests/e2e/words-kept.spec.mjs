// Issue 13 "Words lost", end to end in Chromium on the production build: every path that still lost what a
// person wrote. A full disk (CDP Storage.overrideQuotaForOrigin) while moving on through Ground and Today;
// Ground me now in two tabs; a tab left open while a newer version upgrades the database (opened at a
// higher version from a script); a reload right after the last keystroke; check-in ratings and a journal
// draft after the browser is killed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, killBrowserHard } from './lib/browser.mjs';
import {
  baseURL,
  UI_TIMEOUT,
  TITLE,
  PRESENCE,
  DISTRESS,
  freshPage,
  collectErrors,
  assertNoErrors,
  open,
  rate,
  stepHeading,
  stepBox,
  startFromToday,
  storedRecords,
  pollUntil as until,
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

const titleBox = (page) => page.getByRole('textbox', { name: 'Title (optional)', exact: true });
const bodyBox = (page) => page.getByRole('textbox', { name: 'Your entry', exact: true });
const FULL = 'This device is out of storage space';

async function editable(page) {
  await page.waitForFunction(() => {
    const body = document.querySelector('#entry-body');
    return !!body && !body.hasAttribute('disabled');
  });
}

/** A store's records as they are on disk (never creates or upgrades the database). */

test('#2 storage full: words typed meanwhile come back after Ground and from Today, and are saved when space returns', async (t) => {
  const { context, page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  const cdp = await context.newCDPSession(page);
  const origin = new URL(baseURL).origin;

  // Chromium applies a quota override to connections opened after it: set it before the app opens storage.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  await open(page, '/journal/new', { heading: 'New entry' });
  await editable(page);
  await bodyBox(page).pressSequentially('Typed while it was full.');
  await page.getByText(FULL).waitFor();

  // Ground me now, then "Back to where you were": the editor opens again with every word.
  await page.getByRole('link', { name: 'Ground me now', exact: true }).click();
  await stepHeading(page, 0).waitFor();
  await stepBox(page, 0).pressSequentially('a lamp typed while full');
  await page.getByRole('link', { name: 'Back to where you were', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'New entry', exact: true }).waitFor();
  await editable(page);
  assert.equal(await bodyBox(page).inputValue(), 'Typed while it was full.');

  // The grounding session typed into while full is offered on Today and comes back with its words.
  await page.getByRole('link', { name: 'Today', exact: true }).click();
  await page.getByRole('link', { name: `Carry on with ${TITLE}` }).click();
  await stepHeading(page, 0).waitFor();
  assert.equal(await stepBox(page, 0).inputValue(), 'a lamp typed while full');

  // Space comes back: saving is retried without another keystroke, and the banner goes away.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1e9 });
  await page.getByText(FULL).waitFor({ state: 'detached', timeout: 40_000 });
  await until(async () => JSON.stringify(await storedRecords(page, 'drafts')).includes('Typed while it was full.'), 'draft on disk', 40_000);
  await until(async () => JSON.stringify(await storedRecords(page, 'sessions')).includes('a lamp typed while full'), 'session on disk', 40_000);
  assertNoErrors(errors);
});

test('#3 Ground me now in two tabs: each tab grounds in its own session, neither writes over the other', async (t) => {
  const { context, page: a } = await freshPage(t, b.browser);
  const tabB = await context.newPage();
  tabB.setDefaultTimeout(UI_TIMEOUT);
  const errors = [collectErrors(a), collectErrors(tabB)];

  await open(a, '/ground');
  await stepHeading(a, 0).waitFor();
  await stepBox(a, 0).pressSequentially('words from tab A');
  await until(async () => JSON.stringify(await storedRecords(a, 'sessions')).includes('words from tab A'), 'A on disk');

  await open(tabB, '/ground');
  await stepHeading(tabB, 0).waitFor();
  assert.equal(await stepBox(tabB, 0).inputValue(), '', 'tab B must not take over tab A’s session');
  await stepBox(tabB, 0).pressSequentially('words from tab B');
  await stepBox(a, 0).pressSequentially(', and more');
  await until(async () => {
    const all = JSON.stringify(await storedRecords(a, 'sessions'));
    return all.includes('words from tab A, and more') && all.includes('words from tab B');
  }, 'both sessions on disk, each with its own words');
  assert.equal((await storedRecords(a, 'sessions')).length, 2);
  for (const e of errors) assertNoErrors(e);
});

/** "A newer version" in another tab of `context`: the database opened at a higher version from a script. */
async function newerVersionTakesTheDatabase(context) {
  const newer = await context.newPage();
  await newer.goto(`${baseURL}/manifest.webmanifest`);
  return newer.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const probe = indexedDB.open('groundwork');
        probe.onsuccess = () => {
          const next = probe.result.version + 1;
          probe.result.close();
          const r = indexedDB.open('groundwork', next);
          r.onupgradeneeded = () => r.result.createObjectStore(`from_v${next}`);
          r.onsuccess = () => {
            r.result.close();
            resolve(next);
          };
          r.onerror = () => reject(r.error);
        };
      }),
  );
}

test('#4 a newer version upgrades the database: the old tab turns read-only, keeps the words and says how to carry them over', async (t) => {
  const { context, page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await open(page, '/journal/new', { heading: 'New entry' });
  await editable(page);
  await titleBox(page).pressSequentially('Before the update');
  await bodyBox(page).pressSequentially('Words written in the old tab.');
  await page.getByText('Draft kept on this device').waitFor();

  // "A newer version" in another tab: the database opened at a higher version from a script.
  assert.ok((await newerVersionTakesTheDatabase(context)) > 1);

  const body = bodyBox(page);
  await page.waitForFunction(() => document.querySelector('#entry-body')?.hasAttribute('readonly'));
  assert.equal(await body.inputValue(), 'Words written in the old tab.');
  await page.getByText('reload this tab and it will be here').waitFor();
  await page.getByRole('button', { name: 'Copy my words', exact: true }).waitFor();
  await body.press('End');
  await page.keyboard.type(' lost?');
  assert.equal(await body.inputValue(), 'Words written in the old tab.', 'typing must not be possible');

  // Reload: this build cannot open the newer database, yet the words are still here, read-only.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'New entry', exact: true }).waitFor();
  await page.waitForFunction(() => document.querySelector('#entry-body')?.hasAttribute('readonly'));
  assert.equal(await bodyBox(page).inputValue(), 'Words written in the old tab.');
  assert.equal(await titleBox(page).inputValue(), 'Before the update');
  assert.deepEqual(errors.pageErrors, [], 'no uncaught VersionError');
});

test('#4 a session typed into when a newer version takes the database: after a reload Today still offers it, with its words', async (t) => {
  const { context, page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await open(page, '/ground');
  await stepHeading(page, 0).waitFor();
  await stepBox(page, 0).pressSequentially('a kettle on the stove');
  await until(async () => JSON.stringify(await storedRecords(page, 'sessions')).includes('a kettle on the stove'), 'session on disk');

  await newerVersionTakesTheDatabase(context);
  await page.waitForFunction(() => document.querySelector('main textarea, main input[type="text"]')?.hasAttribute('readonly'));

  // "Reload this tab to carry on with it": this build cannot open the newer database, yet Today offers the
  // session from the tab's rescue copy, and it opens with its words (read-only: nothing could be stored).
  await page.evaluate(() => history.replaceState(null, '', '#/today'));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Today', exact: true }).waitFor();
  await page.getByRole('link', { name: `Carry on with ${TITLE}` }).click();
  await stepHeading(page, 0).waitFor();
  assert.equal(await stepBox(page, 0).inputValue(), 'a kettle on the stove');
  // Nothing typed here could be stored: the box takes no more words (read-only from the moment it has focus).
  await stepBox(page, 0).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' lost?');
  assert.equal(await stepBox(page, 0).inputValue(), 'a kettle on the stove');
  assert.deepEqual(errors.pageErrors, [], 'no uncaught VersionError');
});

test('#6 a reload right after the last keystroke keeps the words', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await open(page, '/journal/new', { heading: 'New entry' });
  await editable(page);
  await bodyBox(page).pressSequentially('Typed and then reloaded at once');
  await page.reload(); // well within 300 ms of the last keystroke
  await page.getByRole('heading', { level: 1, name: 'New entry', exact: true }).waitFor();
  await editable(page);
  assert.equal(await bodyBox(page).inputValue(), 'Typed and then reloaded at once');
  assertNoErrors(errors);
});

test('#7 and #8: after a kill, chosen check-in ratings come back, and the journal draft is offered on Today and in the journal', async (t) => {
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
    await open(page, '/journal/new', { heading: 'New entry' });
    await editable(page);
    await titleBox(page).pressSequentially('Evening');
    await bodyBox(page).pressSequentially('Half a thought before the crash');
    await startFromToday(page);
    await rate(page, PRESENCE, 4);
    await rate(page, DISTRESS, 6);
    await new Promise((r) => setTimeout(r, 1500));
    await killBrowserHard(first.context);
  }

  second = await launch({ persistentDir: first.userDataDir });
  const page = await second.page();
  page.setDefaultTimeout(UI_TIMEOUT);
  const errors = collectErrors(page);
  await open(page, '/today', { heading: 'Today' });
  await page.getByRole('link', { name: 'Carry on writing your entry: Evening', exact: true }).waitFor();

  await page.getByRole('link', { name: `Carry on with ${TITLE}` }).click();
  await page.getByRole('heading', { level: 2, name: 'Before you start', exact: true }).waitFor();
  const checked = (group) => page.getByRole('group', { name: group }).getByRole('radio', { checked: true });
  assert.equal(await checked(PRESENCE).getAttribute('value'), '4');
  assert.equal(await checked(DISTRESS).getAttribute('value'), '6');

  await open(page, '/journal', { heading: 'Journal' });
  const draft = page.getByRole('region', { name: 'Draft you have not saved yet' }).getByRole('link');
  assert.match(await draft.innerText(), /Half a thought before the crash/);
  await draft.click();
  await editable(page);
  assert.equal(await bodyBox(page).inputValue(), 'Half a thought before the crash');
  assertNoErrors(errors);
});

// Issue 15, written exposure (WET-style), end to end in Chromium on the production build: a session
// interrupted by "Pause and ground" comes back to the same text with the caret where it was; the browser
// killed mid-writing loses nothing older than a second; a post-SUDS of 90 opens the safety plan and crisis
// lines before anything else; a finished session reads read-only until Edit; it all works offline after
// the first visit; axe finds nothing, also at 200% text on a 320 px phone.
// The exposure gate asks for a plan or the person's agreement: every test stores the agreement first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, killBrowserHard, runAxe, formatViolations, waitForServiceWorker } from './lib/browser.mjs';
import { baseURL, UI_TIMEOUT, freshPage, collectErrors, assertNoErrors, open, storedRecords, pollUntil as until, waitForDatabase, putStored, agreeToExposure } from './lib/foundation.mjs';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  b = await launch();
});
after(async () => {
  await b?.close();
});

const TITLE = 'Written exposure';
const PRESENCE = 'How present do you feel right now?';
const PRE = 'How distressed do you feel right now?';
const POST = 'How distressed do you feel now?';
const HARM = 'Any thoughts of harming yourself?';

async function axeClean(page, label) {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `${label}:\n${formatViolations(violations)}`);
}

/** The person agreed this work with their clinician (setting `exposureAgreement`; the gate asks for it). */
async function agree(page) {
  await open(page, '/today', { heading: 'Today' });
  await waitForDatabase(page);
  await agreeToExposure(page);
}

/** The person's own SUDS anchors, on their fear list (store `hierarchy`, migration 007). */
const ANCHORS = { a0: 'Lying in the garden in the sun', a50: 'Waiting for a job interview', a100: 'The night of the crash' };
const plantAnchors = (page) => putStored(page, { hierarchy: [{ id: 'mine', updatedAt: 1, anchors: ANCHORS, items: [] }] });
/** A SUDS scale shows the person's 0 and 100 as its ends and their 50 under it. */
async function showsAnchors(page, label) {
  const scale = page.locator('[data-suds-scale]').filter({ has: page.getByRole('group', { name: label }) });
  await scale.getByText(`50 = ${ANCHORS.a50}`).waitFor();
  const text = await scale.innerText();
  for (const words of [ANCHORS.a0, ANCHORS.a100]) assert.ok(text.includes(words), `${label}: shows "${words}"`);
}

/** The courses as they are on disk (raw, never creating or upgrading the database). */
const storedCourses = (page) => storedRecords(page, 'writtenExposure');

const h2 = (page, name) => page.getByRole('heading', { level: 2, name, exact: true });
const box = (page) => page.getByRole('textbox', { name: 'Your writing', exact: true });
const rate = (page, group, n) => page.getByRole('group', { name: group }).getByRole('radio', { name: String(n), exact: true }).check();

/** From the exercise link to session 1's writing screen. */
async function toWriting(page, { presence = 7, pre = 40, axe = false, onBefore = async () => {} } = {}) {
  await page.goto(`${baseURL}/#/exercise/written-exposure`);
  await page.waitForURL(/#\/session\//);
  await h2(page, 'Before you begin').waitFor();
  await page.getByText('Distress often rises in the first sessions and eases in later ones.').waitFor();
  if (axe) await axeClean(page, 'before session 1');
  await page.getByRole('textbox', { name: 'A few words to name the memory for yourself (optional)' }).fill('The bus station');
  await page.getByRole('button', { name: 'Begin session 1', exact: true }).click();
  await h2(page, 'Session 1: before you write').waitFor();
  if (presence !== null) await rate(page, PRESENCE, presence);
  if (pre !== null) await rate(page, PRE, pre);
  await onBefore();
  if (axe) await axeClean(page, 'ratings before');
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await h2(page, 'Session 1').waitFor();
  await box(page).waitFor();
}

/** A stand-in Screen Wake Lock API that records what the app asks for (as breathing.spec does). */
async function fakeWakeLock(context) {
  await context.addInitScript(() => {
    const log = [];
    Object.defineProperty(window, '__wake', { value: { log } });
    const api = {
      async request(type) {
        const s = new EventTarget();
        s.released = false;
        s.release = async () => {
          if (s.released) return;
          s.released = true;
          log.push('release');
          s.dispatchEvent(new Event('release'));
        };
        log.push(`request:${type}`);
        return s;
      },
    };
    Object.defineProperty(Navigator.prototype, 'wakeLock', { configurable: true, get: () => api });
  });
}
const wakeLog = (page) => page.evaluate(() => window.__wake.log.join(' '));

test('a session interrupted by Pause and ground comes back to the same text, caret and paused timer', async (t) => {
  const { context, page } = await freshPage(t, b.browser);
  await fakeWakeLock(context);
  const errors = collectErrors(page);
  await agree(page);
  await toWriting(page, { axe: true });
  // The screen stays awake while the thirty minutes run.
  await until(async () => (await wakeLog(page)) === 'request:screen', 'wake lock while the timer runs');
  const words = 'It was raining. The bus was late. I remember the smell of wet coats.\nThen the doors opened.';
  await box(page).click();
  await page.keyboard.type(words);
  await axeClean(page, 'writing');
  // "No one monitors this app" beside the text box, once (the session's own copy is not repeated below).
  assert.equal(await page.locator("main").getByText(/^No one monitors this app/).filter({ visible: true }).count(), 1);
  // Move the caret into the middle of the first line with the keyboard: after "It was raining."
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
  await until(async () => (await storedCourses(page))[0]?.sessions[0].caret.start === 15, 'caret on disk');
  assert.equal(await page.getByRole('button', { name: 'Pause timer' }).count(), 1, 'the timer runs');

  await page.getByRole('link', { name: 'Pause and ground', exact: true }).click();
  await page.waitForURL(/#\/ground$/);
  await page.getByRole('heading', { level: 1, name: '5-4-3-2-1 senses', exact: true }).waitFor();
  await page.getByRole('link', { name: `Back to ${TITLE}`, exact: true }).click();

  await h2(page, 'Session 1').waitFor();
  await until(async () => (await box(page).inputValue()) === words, 'the words back');
  const caret = await box(page).evaluate((el) => ({ focused: document.activeElement === el, start: el.selectionStart, end: el.selectionEnd }));
  assert.deepEqual(caret, { focused: true, start: 15, end: 15 });
  // The timer waits for the person after grounding (and the screen may dim meanwhile).
  await page.getByRole('button', { name: 'Resume timer', exact: true }).waitFor();
  assert.match(await wakeLog(page), /^request:screen release/);
  await page.keyboard.type(' Cold.');
  assert.equal(await box(page).inputValue(), words.slice(0, 15) + ' Cold.' + words.slice(15));
  await until(async () => (await storedCourses(page))[0]?.sessions[0].text.includes('raining. Cold.'), 'typed after return, on disk');
  assertNoErrors(errors);
});

test('the browser killed mid-writing: nothing older than a second is lost', async (t) => {
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
    await agree(page);
    await toWriting(page);
    await box(page).pressSequentially('The first part of the memory, written slowly.');
    await new Promise((r) => setTimeout(r, 1000));
    await box(page).pressSequentially(' And then'); // still typing when the browser dies
    await killBrowserHard(first.context);
  }
  second = await launch({ persistentDir: first.userDataDir });
  const page = await second.page();
  page.setDefaultTimeout(UI_TIMEOUT);
  const errors = collectErrors(page);
  await open(page, '/today', { heading: 'Today' });
  await page.getByRole('link', { name: `Carry on with ${TITLE}` }).click();
  await h2(page, 'Session 1').waitFor();
  await until(async () => (await box(page).inputValue()).startsWith('The first part of the memory, written slowly.'), 'words back after the kill');
  const stored = (await storedCourses(page))[0];
  assert.ok(stored.sessions[0].text.startsWith('The first part of the memory, written slowly.'), `on disk: "${stored.sessions[0].text}"`);
  assert.equal(stored.name, 'The bus station');
  assertNoErrors(errors);
});

test('a post-SUDS of 90 opens the safety plan and crisis lines before anything else; a finished session reads read-only until Edit', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await agree(page);
  await plantAnchors(page);
  // Both SUDS scales show the person's own anchors (from their fear list).
  await toWriting(page, { presence: null, pre: 50, onBefore: () => showsAnchors(page, PRE) });
  await box(page).pressSequentially('What happened at the station.');
  await page.getByRole('button', { name: 'I have finished writing', exact: true }).click();
  await h2(page, 'Session 1: after writing').waitFor();
  await rate(page, POST, 90);
  await showsAnchors(page, POST);
  await page.getByRole('group', { name: HARM }).getByRole('radio', { name: 'No', exact: true }).check();
  await axeClean(page, 'after writing');
  assert.equal(await page.locator("main").getByText(/^No one monitors this app/).filter({ visible: true }).count(), 1);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();

  // The very next screen: the safety plan and crisis lines, with grounding offered.
  const support = page.getByRole('region', { name: 'Your safety plan first' });
  await support.waitFor();
  assert.equal(await page.getByRole('heading', { level: 2 }).first().innerText(), 'Your safety plan first');
  await support.getByRole('link', { name: 'Open your whole safety plan', exact: true }).waitFor();
  await support.getByText(/You have not written a safety plan yet/).waitFor(); // none made in this profile
  assert.ok((await support.locator('a[href^="tel:"]').count()) > 0, 'crisis lines in the support step');
  await support.getByRole('link', { name: 'Ground me now', exact: true }).waitFor();
  await axeClean(page, 'support step');
  await page.getByRole('button', { name: 'I have looked at this — continue', exact: true }).click();
  // The closing screen still offers the same support: never a dead end.
  await page.getByRole('link', { name: /safety plan/i }).first().waitFor();

  // Session 1 is finished: the course offers session 2 and reads session 1 without a text box.
  await page.goto(`${baseURL}/#/exercise/written-exposure`);
  await h2(page, 'Your written exposure course').waitFor();
  await page.getByRole('button', { name: 'Begin session 2', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Read session 1', exact: true }).click();
  await h2(page, 'Session 1').waitFor();
  await page.getByText('What happened at the station.', { exact: true }).waitFor();
  assert.equal(await page.getByRole('textbox').count(), 0, 'read-only: no text box');
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = page.getByRole('textbox', { name: 'Your writing in session 1', exact: true });
  assert.equal(await edit.inputValue(), 'What happened at the station.');
  await edit.press('End');
  await edit.pressSequentially(' The lights.');
  await until(async () => (await storedCourses(page))[0]?.sessions[0].text === 'What happened at the station. The lights.', 'edit on disk');
  assertNoErrors(errors);
});

test('offline after the first visit, and at 200% text on a 320 px phone: axe clean, Pause and ground in view, nothing wider than the screen', async (t) => {
  const context = await b.browser.newContext({ viewport: { width: 320, height: 640 } });
  t.after(() => context.close().catch(() => {}));
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  const errors = collectErrors(page);
  await agree(page);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Today', exact: true }).waitFor();
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  await toWriting(page, { axe: true });
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  await box(page).pressSequentially('Written with no network. '.repeat(12));
  await axeClean(page, 'writing at 200% on 320 px');
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(wide <= 0, `nothing wider than the screen (${wide}px over)`);
  const ground = page.getByRole('link', { name: 'Pause and ground', exact: true });
  const r = await ground.boundingBox();
  assert.ok(r && r.height >= 44, 'a 44 px target');
  await until(async () => (await storedCourses(page))[0]?.sessions[0].text.startsWith('Written with no network.'), 'kept offline');
  assertNoErrors(errors);
});

// One writer per record across tabs (src/storage/tab-lock.ts): the same journal draft or the same guided
// session open in two tabs of one browser. The second tab waits with a calm notice and its fields
// disabled; "Edit here instead" / "Carry on here instead" has the first tab save its very last keystroke
// (typed well under the 300 ms autosave delay before), take the lock from it, and only then read. The
// first tab steps back and nothing it does afterwards (pagehide, leaving the screen) overwrites the words.
// Both pages share ONE context, so they share IndexedDB, Web Locks and BroadcastChannel as real tabs do.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, runAxe, formatViolations } from './lib/browser.mjs';
import {
  baseURL,
  UI_TIMEOUT,
  TITLE,
  freshPage,
  collectErrors,
  assertNoErrors,
  open,
  stepHeading,
  stepBox,
  startAtStep1,
  storedRecord,
  pollUntil,
} from './lib/foundation.mjs';

const ENTRY_BUSY = 'This entry is open in another tab or window. To keep every word safe it can only be edited in one place.';
const ENTRY_LOST = 'This entry is now open in another tab. Everything you wrote here is saved.';
const SESSION_BUSY = 'This exercise is open in another tab or window. To keep every word safe it can only be used in one place.';
const SESSION_LOST = 'This exercise is now open in another tab. Everything you wrote here is saved.';
const SESSION_FREE = 'The other tab let go — you can carry on here now.';
const ENTRY_FREE = 'The other tab let go — you can write here now.';
/** The draft autosave's quiet period (src/storage/drafts.ts): the last keystroke must beat it. */
const AUTOSAVE_DELAY_MS = 300;

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
const notice = (page, text) => page.getByRole('status').filter({ hasText: text });

/** Tab A and tab B: two pages of one browser context, each with its own error log. */
async function twoTabs(t) {
  const { context, page: a } = await freshPage(t, b.browser);
  const tabB = await context.newPage();
  tabB.setDefaultTimeout(UI_TIMEOUT);
  return { a, b: tabB, errors: [collectErrors(a), collectErrors(tabB)] };
}

async function editable(page) {
  await page.waitForFunction(() => {
    const body = document.querySelector('#entry-body');
    return !!body && !body.hasAttribute('disabled');
  });
}

async function assertAxeClean(page, label) {
  const violations = await runAxe(page);
  assert.deepEqual(violations, [], `axe on ${label}:\n${formatViolations(violations)}`);
}

/** A record as stored in IndexedDB, read without creating or upgrading the database; null when there is none. */
const readRecord = async (page, store, id) => (await storedRecord(page, store, id)) ?? null;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Poll from node until `check()` is truthy, every 50 ms. */
const until = (check, what, timeoutMs = UI_TIMEOUT) => pollUntil(check, what, timeoutMs, 50);

async function storedSessionHas(page, id, text) {
  return JSON.stringify(await readRecord(page, 'sessions', id)).includes(text);
}

/** Everything a tab does when it may be going away: pagehide and hidden. */
async function pageMayGoAway(page) {
  await page.evaluate(() => {
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

test('journal draft in two tabs: B waits, then takes over with every word; A steps back and never overwrites', async (t) => {
  const { a, b: tabB, errors } = await twoTabs(t);

  await open(a, '/journal/new', { heading: 'New entry' });
  await editable(a);
  await titleBox(a).fill('Written in two tabs');
  await bodyBox(a).pressSequentially('First words from tab A.');

  // B opens the same draft: a calm notice, the fields disabled and empty (nothing read, nothing written).
  await open(tabB, '/journal/new', { heading: 'New entry' });
  await notice(tabB, ENTRY_BUSY).waitFor();
  assert.equal(await titleBox(tabB).isDisabled(), true, 'title disabled while another tab edits');
  assert.equal(await bodyBox(tabB).isDisabled(), true, 'body disabled while another tab edits');
  assert.equal(await tabB.getByRole('button', { name: 'Save', exact: true }).isDisabled(), true);
  assert.equal(await tabB.getByRole('link', { name: 'Back to your journal', exact: true }).getAttribute('href'), '#/journal');
  await assertAxeClean(tabB, 'the busy notice');

  // A keeps typing; B takes over well before the autosave would have written the last keystroke.
  await bodyBox(a).press('End');
  await bodyBox(a).pressSequentially(' Last.');
  const lastKeystroke = Date.now();
  const takeOver = tabB.getByRole('button', { name: 'Edit here instead', exact: true });
  const sinceLast = Date.now() - lastKeystroke;
  await takeOver.click();
  assert.ok(sinceLast < AUTOSAVE_DELAY_MS, `takeover began ${sinceLast} ms after the last keystroke`);

  await editable(tabB);
  assert.equal(await titleBox(tabB).inputValue(), 'Written in two tabs');
  assert.equal(await bodyBox(tabB).inputValue(), 'First words from tab A. Last.', 'every word of A, the last keystroke too');
  assert.equal(await tabB.evaluate(() => document.activeElement?.id), 'entry-body', 'focus lands in the text, ready to go on');

  // A steps back: notice, fields disabled, its words still on screen.
  await notice(a, ENTRY_LOST).waitFor();
  assert.equal(await titleBox(a).isDisabled(), true);
  assert.equal(await bodyBox(a).isDisabled(), true);
  assert.equal(await a.getByRole('button', { name: 'Save', exact: true }).isDisabled(), true);
  assert.equal(await bodyBox(a).inputValue(), 'First words from tab A. Last.');
  await assertAxeClean(a, 'the taken-over notice');

  // B writes on. Whatever A does now — pagehide, hidden, leaving the screen — never overwrites B's words.
  await bodyBox(tabB).press('End');
  await bodyBox(tabB).pressSequentially(' Then B.');
  await until(
    async () => (await readRecord(tabB, 'drafts', 'journal:new'))?.fields?.body === 'First words from tab A. Last. Then B.',
    "B's draft on disk",
  );
  await pageMayGoAway(a);
  await open(a, '/journal', { heading: 'Journal' });
  await sleep(600);
  const draft = await readRecord(tabB, 'drafts', 'journal:new');
  assert.deepEqual(draft?.fields, { title: 'Written in two tabs', body: 'First words from tab A. Last. Then B.' });

  // And B saves the whole entry.
  await tabB.getByRole('button', { name: 'Save', exact: true }).click();
  await tabB.getByRole('heading', { level: 1, name: 'Written in two tabs', exact: true }).waitFor();
  assert.match(await tabB.locator('main article').innerText(), /First words from tab A\. Last\. Then B\./);
  errors.forEach((e, i) => assertNoErrors(e, `(tab ${'AB'[i]})`));
});

// The tab told "busy" does not stay read-only once the other tab lets go: it waits in the lock's queue
// (tab-lock `whenFree`), reads the draft again and opens its fields by itself, saying so quietly.
test('journal draft in two tabs: when A leaves the screen, B becomes editable by itself with every word, and keeps what it types', async (t) => {
  const { a, b: tabB, errors } = await twoTabs(t);

  await open(a, '/journal/new', { heading: 'New entry' });
  await editable(a);
  await titleBox(a).fill('Let go of in A');
  await bodyBox(a).pressSequentially('Words from tab A.');

  await open(tabB, '/journal/new', { heading: 'New entry' });
  await notice(tabB, ENTRY_BUSY).waitFor();
  assert.equal(await bodyBox(tabB).isDisabled(), true, 'body disabled while A edits');
  await assertAxeClean(tabB, 'the busy notice (waiting for A to let go)');

  // A's last keystroke, then A goes elsewhere at once (its last save lands before the lock moves).
  await bodyBox(a).press('End');
  await bodyBox(a).pressSequentially(' Last.');
  await open(a, '/journal', { heading: 'Journal' });

  // B: no click anywhere — the fields open by themselves, with every word A saved.
  await editable(tabB);
  assert.equal(await titleBox(tabB).inputValue(), 'Let go of in A');
  assert.equal(await bodyBox(tabB).inputValue(), 'Words from tab A. Last.', 'every word of A, the last keystroke too');
  await notice(tabB, ENTRY_FREE).waitFor();
  assert.equal(await tabB.getByRole('button', { name: 'Edit here instead', exact: true }).count(), 0, 'nothing to press any more');
  assert.equal(await tabB.getByRole('button', { name: 'Save', exact: true }).isDisabled(), false);
  await assertAxeClean(tabB, 'the notice after A let go');

  // What B types is kept: on disk, and still there after a reload.
  await bodyBox(tabB).press('End');
  await bodyBox(tabB).pressSequentially(' Then B.');
  await until(
    async () => (await readRecord(tabB, 'drafts', 'journal:new'))?.fields?.body === 'Words from tab A. Last. Then B.',
    "B's draft on disk",
  );
  await tabB.reload();
  await tabB.getByRole('heading', { level: 1, name: 'New entry', exact: true }).waitFor();
  await editable(tabB);
  assert.equal(await bodyBox(tabB).inputValue(), 'Words from tab A. Last. Then B.', 'read back after a reload');
  assert.equal(await notice(tabB, ENTRY_BUSY).count(), 0);
  errors.forEach((e, i) => assertNoErrors(e, `(tab ${'AB'[i]})`));
});

// Issue 13 #3: the claim is in the draft writer, not in each screen, so Capture's note is guarded too
// (it had no claim of its own, and two tabs overwrote each other's note).
test('capture note in two tabs: B waits, then takes over with every word; A never overwrites', async (t) => {
  const { a, b: tabB, errors } = await twoTabs(t);
  const noteBox = (page) => page.getByRole('textbox', { name: 'A few words', exact: true });
  const NOTE_BUSY = 'This note is open in another tab or window.';
  const NOTE_LOST = 'This note is now open in another tab. Everything you wrote here is saved.';

  await open(a, '/capture', { heading: 'Capture a fragment' });
  await until(async () => !(await noteBox(a).isDisabled()), 'the note box in A ready');
  await noteBox(a).pressSequentially('warm light from A');

  await open(tabB, '/capture', { heading: 'Capture a fragment' });
  await notice(tabB, NOTE_BUSY).waitFor();
  assert.equal(await noteBox(tabB).isDisabled(), true, 'the note box is closed while another tab writes it');
  assert.equal(await tabB.getByRole('button', { name: 'Keep this note', exact: true }).isDisabled(), true);
  await assertAxeClean(tabB, 'capture, note busy');

  await noteBox(a).pressSequentially(', last');
  await tabB.getByRole('button', { name: 'Write here instead', exact: true }).click();
  await until(async () => !(await noteBox(tabB).isDisabled()), 'the note box in B ready');
  assert.equal(await noteBox(tabB).inputValue(), 'warm light from A, last', 'every word of A, the last keystroke too');
  await notice(a, NOTE_LOST).waitFor();
  assert.equal(await noteBox(a).isDisabled(), true);

  await noteBox(tabB).press('End');
  await noteBox(tabB).pressSequentially(' and B');
  await until(async () => (await readRecord(tabB, 'drafts', 'capture:new'))?.fields?.body === 'warm light from A, last and B', "B's note on disk");
  await pageMayGoAway(a);
  await open(a, '/journal', { heading: 'Journal' });
  await sleep(600);
  assert.equal((await readRecord(tabB, 'drafts', 'capture:new'))?.fields?.body, 'warm light from A, last and B');
  errors.forEach((e, i) => assertNoErrors(e, `(tab ${'AB'[i]})`));
});

test('editing a saved entry in two tabs: the same guard, keyed by the entry', async (t) => {
  const { a, b: tabB, errors } = await twoTabs(t);
  await open(a, '/journal/new', { heading: 'New entry' });
  await editable(a);
  await titleBox(a).fill('An older entry');
  await bodyBox(a).fill('saved words');
  await a.getByRole('button', { name: 'Save', exact: true }).click();
  await a.getByRole('heading', { level: 1, name: 'An older entry', exact: true }).waitFor();
  const id = new URL(a.url()).hash.replace('#/journal/', '');

  await open(a, `/journal/${id}/edit`, { heading: 'Edit entry' });
  await editable(a);
  await bodyBox(a).press('End');
  await bodyBox(a).pressSequentially(', then more');
  // A new entry in B is a different draft: not blocked.
  await open(tabB, '/journal/new', { heading: 'New entry' });
  await editable(tabB);
  assert.equal(await notice(tabB, ENTRY_BUSY).count(), 0);

  await open(tabB, `/journal/${id}/edit`, { heading: 'Edit entry' });
  await notice(tabB, ENTRY_BUSY).waitFor();
  await tabB.getByRole('button', { name: 'Edit here instead', exact: true }).click();
  await editable(tabB);
  assert.equal(await bodyBox(tabB).inputValue(), 'saved words, then more');
  await notice(a, ENTRY_LOST).waitFor();
  errors.forEach((e, i) => assertNoErrors(e, `(tab ${'AB'[i]})`));
});

test('five-senses session in two tabs: B waits without restoring, takes over with every word, A stops', async (t) => {
  const { a, b: tabB, errors } = await twoTabs(t);

  const id = await startAtStep1(a);
  await stepBox(a, 0).pressSequentially('blue mug');
  await until(() => storedSessionHas(a, id, 'blue mug'), "A's words on disk");

  // B opens the same session: the exercise's name and the notice, no step, nothing restored.
  await open(tabB, `/session/${id}`, { heading: TITLE });
  await notice(tabB, SESSION_BUSY).waitFor();
  assert.equal(await stepBox(tabB, 0).count(), 0, 'no step shown while another tab runs it');
  assert.equal(await tabB.getByRole('link', { name: 'Back to Today', exact: true }).getAttribute('href'), '#/today');
  await assertAxeClean(tabB, 'the busy session notice');

  await stepBox(a, 0).press('End');
  await stepBox(a, 0).pressSequentially(', green plant');
  const lastKeystroke = Date.now();
  const carryOn = tabB.getByRole('button', { name: 'Carry on here instead', exact: true });
  const sinceLast = Date.now() - lastKeystroke;
  await carryOn.click();
  assert.ok(sinceLast < AUTOSAVE_DELAY_MS, `takeover began ${sinceLast} ms after the last keystroke`);

  await stepHeading(tabB, 0).waitFor();
  assert.equal(await stepBox(tabB, 0).inputValue(), 'blue mug, green plant', 'every word of A, the last keystroke too');
  assert.equal(new URL(tabB.url()).hash, `#/session/${id}`);

  // A stops: the notice instead of the step, so nothing there can be typed or sent.
  await notice(a, SESSION_LOST).waitFor();
  assert.equal(await stepBox(a, 0).count(), 0, 'the step is gone from tab A');
  await assertAxeClean(a, 'the taken-over session notice');

  // B goes on; A going away or leaving the screen writes nothing over it.
  await stepBox(tabB, 0).press('End');
  await stepBox(tabB, 0).pressSequentially(' and a lamp');
  // (B's pagehide writes them: a restored session saves its module's keystrokes only from its next
  // session-level change or on pagehide — a runner limitation outside this guard.)
  await pageMayGoAway(tabB);
  await until(() => storedSessionHas(tabB, id, 'blue mug, green plant and a lamp'), "B's words on disk");
  await pageMayGoAway(a);
  await sleep(600);
  const stored = await readRecord(tabB, 'sessions', id);
  assert.match(JSON.stringify(stored), /blue mug, green plant and a lamp/);
  assert.equal(stored?.snapshot?.status, 'active', 'still a running session, not a stopped one');

  // A can take it back the same way, and then has B's words.
  await a.getByRole('button', { name: 'Carry on here instead', exact: true }).click();
  await stepHeading(a, 0).waitFor();
  assert.equal(await stepBox(a, 0).inputValue(), 'blue mug, green plant and a lamp');
  await notice(tabB, SESSION_LOST).waitFor();
  await pageMayGoAway(tabB);
  await open(a, '/today', { heading: 'Today' });
  await sleep(600);
  assert.match(JSON.stringify(await readRecord(a, 'sessions', id)), /blue mug, green plant and a lamp/);
  errors.forEach((e, i) => assertNoErrors(e, `(tab ${'AB'[i]})`));
});

test('five-senses session in two tabs: when A closes its tab, B carries on by itself with every word', async (t) => {
  const { a, b: tabB, errors } = await twoTabs(t);
  const id = await startAtStep1(a);
  await stepBox(a, 0).pressSequentially('blue mug');
  await until(() => storedSessionHas(a, id, 'blue mug'), "A's words on disk");

  await open(tabB, `/session/${id}`, { heading: TITLE });
  await notice(tabB, SESSION_BUSY).waitFor();
  assert.equal(await stepBox(tabB, 0).count(), 0, 'no step shown while another tab runs it');

  await a.close(); // the tab goes, and its lock with it
  await stepHeading(tabB, 0).waitFor(); // no click
  assert.equal(await stepBox(tabB, 0).inputValue(), 'blue mug', 'every word of A');
  await notice(tabB, SESSION_FREE).waitFor();
  await assertAxeClean(tabB, 'the session restored after A let go');

  await stepBox(tabB, 0).press('End');
  await stepBox(tabB, 0).pressSequentially(' and a lamp');
  await pageMayGoAway(tabB); // (a restored session writes its module's keystrokes on pagehide; see above)
  await until(() => storedSessionHas(tabB, id, 'blue mug and a lamp'), "B's words on disk");
  await tabB.reload();
  await stepHeading(tabB, 0).waitFor();
  assert.equal(await stepBox(tabB, 0).inputValue(), 'blue mug and a lamp', 'read back after a reload');
  errors.forEach((e, i) => assertNoErrors(e, `(tab ${'AB'[i]})`));
});

test('the journal list in one tab shows an entry saved in the other, and a search under way finds it', async (t) => {
  const { a, b: tabB, errors } = await twoTabs(t);
  await open(tabB, '/journal', { heading: 'Journal' });
  await open(a, '/journal/new', { heading: 'New entry' });
  await editable(a);
  await titleBox(a).fill('Written in the other tab');
  await bodyBox(a).fill('a quiet walk by the river');
  await a.getByRole('button', { name: 'Save', exact: true }).click();
  await a.getByRole('heading', { level: 1, name: 'Written in the other tab', exact: true }).waitFor();
  // Tab B was not reloaded or navigated: the list reads again when tab A's write commits.
  await tabB.getByRole('link', { name: /^Written in the other tab/ }).waitFor();
  // While tab A typed, tab B listed its draft to carry on; once saved, the draft is gone from B's list too.
  await tabB.getByRole('link', { name: /^Carry on writing/ }).waitFor({ state: 'detached' });

  await tabB.getByRole('searchbox').fill('heron');
  await open(a, '/journal/new', { heading: 'New entry' });
  await editable(a);
  await titleBox(a).fill('Birds');
  await bodyBox(a).fill('a grey heron at the weir');
  await a.getByRole('button', { name: 'Save', exact: true }).click();
  await a.getByRole('heading', { level: 1, name: 'Birds', exact: true }).waitFor();
  await tabB.getByRole('link', { name: /^Birds/ }).waitFor();
  errors.forEach((e, i) => assertNoErrors(e, `(tab ${'AB'[i]})`));
});

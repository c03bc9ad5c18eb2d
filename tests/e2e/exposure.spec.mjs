// Issue 15, fear hierarchy and in-vivo exposure, end to end in Chromium on the production build, offline after
// the first visit: the gate (the session phase says why; no agreement → the person agrees in their words →
// the exercise starts; Settings shows it and takes it back); a fear list built with the person's own SUDS
// anchors (shown beside every SUDS scale after), moved by keyboard, checked for realistic safety, set aside
// and brought back; an in-vivo practice with every field; its charts with summaries and tables; a post-SUDS
// of 90 opening the safety plan and crisis lines before anything else is asked. axe finds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, runAxe, formatViolations, waitForServiceWorker, trackRequests } from './lib/browser.mjs';
import { baseURL, freshPage, collectErrors, assertNoErrors, open, sessionIdOf, storedRecord, waitForDatabase, putStored, agreeToExposure } from './lib/foundation.mjs';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  b = await launch();
});
after(async () => {
  await b?.close();
});

const h2 = (page, name) => page.getByRole('heading', { level: 2, name, exact: true });
const button = (page, name) => page.getByRole('button', { name, exact: true });
const box = (page, name) => page.getByRole('textbox', { name, exact: true });
const group = (page, name) => page.getByRole('group', { name, exact: true });
const rate = (page, name, n) => group(page, name).getByRole('radio', { name: String(n), exact: true }).check();

async function axeClean(page, where) {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `axe violations on ${where}:\n${formatViolations(violations)}`);
}

const ANCHORS = { a0: 'Lying in the garden in the sun', a50: 'Waiting for a job interview', a100: 'The night of the crash' };

async function openToday(page) {
  await open(page, '/today', { heading: 'Today' });
  // The app opens (and upgrades) the database itself before anything is planted.
  await waitForDatabase(page, 7);
}

test('the gate: session phase explains why; no agreement → agreed in their own words → the exercise starts; Settings takes it back', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await openToday(page);
  const now = Date.now();
  const takenAt = new Date(now - 30 * 60_000).toISOString();
  await putStored(page, {
    doses: [{ id: 'd1', takenAt, zone: 'UTC', offsetMinutes: 0, setting: 'home', createdAt: now, updatedAt: now }],
  });
  await page.goto(`${baseURL}/#/exercise/in-vivo`);
  await page.locator('[data-exposure-gate="phase"]').waitFor();
  assert.match(await page.locator('main').innerText(), /never started in the hours during and right after a dose/);
  assert.ok(await page.getByRole('link', { name: 'Ground now', exact: true }).isVisible());
  await axeClean(page, 'the gate in the session phase');
  // The gate's own "My fear list" link, and the agreement's address, do not open writing in the session phase.
  await page.getByRole('link', { name: 'My fear list', exact: true }).click();
  await page.locator('[data-exposure-gate="session"]').waitFor();
  assert.equal(await page.getByRole('textbox').count(), 0, 'no fear list to write in session mode');
  await axeClean(page, 'the fear list in the session phase');
  await page.goto(`${baseURL}/#/exposure/agree`);
  await page.locator('[data-exposure-gate="session"]').waitFor();
  assert.equal(await page.getByRole('textbox').count(), 0, 'no agreement to write in session mode');
  await axeClean(page, 'the agreement in the session phase');

  // The dose taken away (logged by mistake): now only the agreement is missing.
  await page.evaluate(async () => {
    const db = await new Promise((res) => {
      const r = indexedDB.open('groundwork');
      r.onsuccess = () => res(r.result);
    });
    const tx = db.transaction('doses', 'readwrite');
    tx.objectStore('doses').delete('d1');
    await new Promise((res) => (tx.oncomplete = res));
    db.close();
  });
  await page.goto(`${baseURL}/#/today`);
  await page.goto(`${baseURL}/#/exercise/in-vivo`);
  await page.locator('[data-exposure-gate="no-agreement"]').waitFor();
  await h2(page, 'Before exposure work').waitFor();
  await axeClean(page, 'the agreement');
  await button(page, 'I have agreed this with my clinician').click();
  await page.getByRole('alert').filter({ hasText: 'A few words of your own' }).waitFor();
  await box(page, 'In your own words: what have you agreed with your clinician?').fill('Dr Rivera and I agreed I practise my list between sessions.');
  await button(page, 'I have agreed this with my clinician').click();
  await sessionIdOf(page);
  await h2(page, 'About this practice').waitFor();

  await open(page, '/settings', { heading: 'Settings' });
  const section = page.locator('[data-exposure-settings]');
  await section.getByText('Dr Rivera and I agreed I practise my list between sessions.').waitFor();
  await axeClean(page, 'Settings with the agreement');
  await section.getByRole('button', { name: 'Take this back', exact: true }).click();
  await section.getByRole('link', { name: 'Say you have agreed it', exact: true }).waitFor();
  await page.goto(`${baseURL}/#/exercise/in-vivo`);
  await page.locator('[data-exposure-gate="no-agreement"]').waitFor();
  assertNoErrors(errors);
});

test('offline: a fear list with anchors, an in-vivo practice with every field, and its charts with tables', async (t) => {
  const { context, page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  const requests = trackRequests(context, baseURL);
  await openToday(page);
  await waitForServiceWorker(page);
  // Every screen used below is loaded once online, as a person's earlier visits would have.
  await context.setOffline(true);

  await page.goto(`${baseURL}/#/exposure`);
  await page.getByRole('heading', { level: 1, name: 'My fear list' }).waitFor();
  await box(page, 'What 0 feels like for me (calm, settled)').fill(ANCHORS.a0);
  await box(page, 'What 50 feels like for me (clearly uneasy, but managing)').fill(ANCHORS.a50);
  await box(page, 'What 100 feels like for me (the most distress I can imagine)').fill(ANCHORS.a100);
  await button(page, 'Keep my anchors').click();
  await page.locator('[data-anchors]').getByText(ANCHORS.a50).waitFor();

  const add = async (text, suds) => {
    await box(page, 'The situation or memory, in your words').fill(text);
    await rate(page, 'How distressing do you expect it to be? (0–100)', suds);
    await button(page, 'Add to my list').click();
    await page.locator('main li h3').filter({ hasText: text }).waitFor();
  };
  // The anchors sit beside the SUDS scale of the add form: 0 and 100 as its ends, 50 under it.
  const addScale = page.locator('[data-suds-scale]').first();
  assert.match(await addScale.innerText(), new RegExp(`0 = ${ANCHORS.a0}[\\s\\S]*100 = ${ANCHORS.a100}[\\s\\S]*50 = ${ANCHORS.a50}`));
  await add('Take the bus at rush hour', 60);
  await add('Sit in the front seat of a car', 30);
  await add('Drive on the motorway at night', 90);
  await add('Walk past the junction where it happened', 40);
  const order = () => page.locator('main ol li h3').allInnerTexts();
  assert.deepEqual(await order(), ['Sit in the front seat of a car', 'Walk past the junction where it happened', 'Take the bus at rush hour', 'Drive on the motorway at night']);
  assert.match(await page.locator('[data-suggestion]').innerText(), /Walk past the junction where it happened.*\(40\)/);

  // Keyboard: move the bus up one place with Enter on its Up button; focus stays on it.
  await page.getByRole('button', { name: 'Move “Take the bus at rush hour” up' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('main ol li h3')[1]?.textContent?.includes('bus'));
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Move “Take the bus at rush hour” up');
  await button(page, 'Sort by expected distress, lowest first').click();
  await page.waitForFunction(() => document.querySelectorAll('main ol li h3')[1]?.textContent?.includes('junction'));

  // The realistic-safety check: yes for two, "no" for the motorway — the app suggests the clinician instead.
  const item = (text) => page.locator('main ol li').filter({ has: page.locator('h3', { hasText: text }) });
  await item('Take the bus at rush hour').getByRole('radio', { name: 'Yes, it is realistically safe' }).check();
  await item('Walk past the junction where it happened').getByRole('radio', { name: 'Yes, it is realistically safe' }).check();
  await item('Drive on the motorway at night').getByRole('radio', { name: 'No, or I am not sure' }).check();
  await item('Drive on the motorway at night').getByText(/talk it through with your clinician/).waitFor();
  assert.equal(await item('Drive on the motorway at night').getByRole('link', { name: 'Practise this' }).count(), 0);
  await item('Take the bus at rush hour').getByRole('group', { name: 'Where I am with this' }).getByRole('radio', { name: 'Practising' }).check();
  // Set aside and brought back.
  await page.getByRole('button', { name: 'Set aside “Sit in the front seat of a car”' }).click();
  await h2(page, 'Set aside').waitFor();
  await axeClean(page, 'the fear list');
  await page.getByRole('button', { name: 'Bring back “Sit in the front seat of a car”' }).click();
  await page.locator('main ol li h3').filter({ hasText: 'Sit in the front seat of a car' }).waitFor();

  // Kept across a reload (offline: from the service worker's cache and IndexedDB).
  await page.reload();
  await page.locator('main ol li h3').filter({ hasText: 'Drive on the motorway at night' }).waitFor();
  assert.ok(await item('Take the bus at rush hour').getByRole('radio', { name: 'Practising' }).isChecked());

  // The agreement, then the practice.
  await agreeToExposure(page, 'Agreed with Dr Rivera');
  await page.goto(`${baseURL}/#/exercise/in-vivo`);
  const sessionId = await sessionIdOf(page);
  // Its own before-questions come later (pre-SUDS and presence): no 0–10 check-in first.
  await h2(page, 'About this practice').waitFor();
  assert.equal(await h2(page, 'Before you start').count(), 0, 'no session check-in');
  await button(page, 'Next').click();
  await h2(page, 'Which situation?').waitFor();
  const offered = await page.locator('main .choice').allInnerTexts();
  assert.equal(offered.length, 2, `only the realistically safe ones: ${offered.join(' | ')}`);
  await page.getByRole('radio', { name: /Take the bus at rush hour/ }).check();
  await axeClean(page, 'choosing the situation');
  await button(page, 'Next').click();
  await box(page, 'What I fear will happen').fill('I will panic and have to get off');
  await rate(page, 'How likely does that feel, right now? (0–100 %)', 80);
  await button(page, 'Next').click();
  await box(page, 'What I will try to do without this time').fill('Sitting by the door');
  await button(page, 'Next').click();
  await h2(page, 'Right now').waitFor();
  const preScale = page.locator('[data-suds-scale]');
  assert.match(await preScale.innerText(), new RegExp(`50 = ${ANCHORS.a50}`));
  await rate(page, 'How distressed do you feel right now? (0–100)', 50);
  await rate(page, 'How present do you feel right now? (0–10)', 7);
  await page.getByText('No one monitors this app').first().waitFor();
  await axeClean(page, 'pre-SUDS with anchors');
  await button(page, 'Next').click();
  await h2(page, 'Practising').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-timer]')?.textContent !== '0:00');
  await rate(page, 'Log your highest distress so far (0–100)', 70);
  await page.getByText('Highest so far: 70').waitFor();
  await axeClean(page, 'during the practice');
  await button(page, 'I have finished the practice').click();
  await rate(page, 'How distressed do you feel now? (0–100)', 30);
  await button(page, 'Next').click();
  await h2(page, 'What happened?').waitFor();
  await group(page, 'Did what you feared happen?').getByRole('radio', { name: 'No', exact: true }).check();
  await box(page, 'What did I learn?').fill('The panic peaked and passed; nobody noticed.');
  await axeClean(page, 'what happened');
  await button(page, 'Finish').click();
  // No 0–10 check-out (presence was asked once, before the practice); the optional note still follows.
  await h2(page, 'Anything you want to remember?').waitFor();
  assert.equal(await h2(page, 'How are you now?').count(), 0, 'no session check-out');
  await box(page, 'A note for yourself (optional)').fill('Felt proud afterwards.');
  await button(page, 'Save and finish').click();
  await h2(page, 'Well done for taking this time').waitFor();

  // The charts of that situation, from the fear list.
  await page.goto(`${baseURL}/#/exposure`);
  await item('Take the bus at rush hour').getByText('1 practice').waitFor();
  await item('Take the bus at rush hour').getByRole('link', { name: 'See how it has gone' }).click();
  await page.getByRole('heading', { level: 1, name: 'How “Take the bus at rush hour” has gone' }).waitFor().catch(async (e) => {
    console.log('DEBUG', page.url(), await page.locator('main').innerText(), errors);
    throw e;
  });
  await page.getByText(/not the only one/).waitFor();
  const habituation = page.locator('[data-chart="habituation"]');
  assert.equal(await habituation.locator('[data-chart-summary]').innerText(), 'One practice so far: distress 50 before, 70 at its highest, 30 after.');
  assert.ok(await habituation.getByRole('img', { name: /One practice so far/ }).isVisible());
  await habituation.getByText('Show the numbers').click();
  const row = habituation.getByRole('table').getByRole('row').nth(1);
  assert.deepEqual(await row.getByRole('cell').allInnerTexts(), ['50', '70', '30']);
  const expect = page.locator('[data-chart="expectancy"]');
  assert.match(await expect.locator('[data-chart-summary]').innerText(), /did not happen in 1.*80 % at first/);
  await expect.getByText('Show the numbers').click();
  assert.deepEqual(await expect.getByRole('table').getByRole('row').nth(1).getByRole('cell').allInnerTexts(), ['80', '0']);
  await page.getByText('The panic peaked and passed; nobody noticed.').waitFor();
  await axeClean(page, 'the charts with their tables open');
  // Its journal entry holds every field.
  await page.goto(`${baseURL}/#/journal/${sessionId}`);
  await page.locator('main').getByText(/Sitting by the door/).first().waitFor();
  const entry = await page.locator('main').innerText();
  for (const words of ['I will panic and have to get off (80 % likely)', 'Sitting by the door', 'before 50, highest 70, after 30', 'Did what I feared happen? No', 'The panic peaked and passed', 'Felt proud afterwards.']) {
    assert.ok(entry.includes(words), `journal entry shows "${words}"`);
  }
  const stored = await storedRecord(page, 'exposures', sessionId);
  assert.equal(stored?.complete, true, 'the practice is stored as complete');
  assert.equal(stored?.data.learned, 'The panic peaked and passed; nobody noticed.');
  assert.deepEqual(requests.foreignRequests(), []);
  assertNoErrors(errors);
});

test('a post-SUDS of 90 opens the safety plan and crisis lines before anything else is asked', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const errors = collectErrors(page);
  await openToday(page);
  await agreeToExposure(page, 'Agreed with Dr Rivera');
  await putStored(page, {
    hierarchy: [
      {
        id: 'mine',
        updatedAt: 1,
        items: [{ id: 'bus', text: 'Take the bus at rush hour', suds: 60, status: 'not-yet', safe: 'yes', createdAt: 1 }],
      },
    ],
    safetyPlan: [
      {
        id: 'mine',
        updatedAt: 1,
        sections: { warningSigns: [], coping: [{ id: 'c1', text: 'Cold water on my wrists' }], distraction: [], people: [{ id: 'p1', text: 'Sam 07700 900123' }], professionals: [], environment: [] },
      },
    ],
  });
  await page.goto(`${baseURL}/#/exercise/in-vivo`);
  await h2(page, 'About this practice').waitFor();
  await button(page, 'Next').click();
  await page.getByRole('radio', { name: /Take the bus at rush hour/ }).check();
  await button(page, 'Next').click();
  await button(page, 'Next').click();
  await button(page, 'Next').click();
  await rate(page, 'How distressed do you feel right now? (0–100)', 50);
  await button(page, 'Next').click();
  await button(page, 'I have finished the practice').click();
  await rate(page, 'How distressed do you feel now? (0–100)', 90);
  await button(page, 'Next').click();
  await h2(page, 'Let’s look after you first').waitFor();
  const main = page.locator('main');
  // The person's own coping steps and people (read from their plan as the step opens), numbers tap-to-call.
  await main.getByText('Cold water on my wrists').waitFor();
  await main.getByRole('link', { name: '07700 900123' }).waitFor();
  assert.ok(await main.getByRole('link', { name: 'Open my safety plan' }).isVisible());
  assert.ok(await main.getByRole('link', { name: 'Ground now' }).isVisible());
  await main.locator('.crisis-lines a[href^="tel:"]').first().waitFor();
  assert.equal(await box(page, 'What did I learn?').count(), 0, 'nothing else is asked first');
  await axeClean(page, 'support after a hard practice');
  await button(page, 'I am steady enough to carry on').click();
  await h2(page, 'What happened?').waitFor();
  // Support came first; the note comes after it, and the closing screen repeats the way to support.
  await button(page, 'Finish').click();
  await h2(page, 'Anything you want to remember?').waitFor();
  await button(page, 'Save and finish').click();
  await page.locator('main').getByRole('link', { name: 'Open my safety plan' }).waitFor();
  // The practised item moved from "not yet" to "practising" on its own (never to done: that is the person's).
  await page.goto(`${baseURL}/#/exposure`);
  const bus = page.locator('main ol li').filter({ has: page.locator('h3', { hasText: 'Take the bus at rush hour' }) });
  await bus.getByRole('radio', { name: 'Practising' }).waitFor();
  assert.ok(await bus.getByRole('radio', { name: 'Practising' }).isChecked(), 'now practising');
  assertNoErrors(errors);
});

test('at 200% text on a 320 px phone: the fear list and the practice fit the screen and pass axe', async (t) => {
  const width = 320;
  const { page } = await freshPage(t, b.browser, { viewport: { width, height: 640 } });
  const errors = collectErrors(page);
  await openToday(page);
  await agreeToExposure(page, 'Agreed with Dr Rivera');
  await putStored(page, {
    hierarchy: [
      {
        id: 'mine',
        updatedAt: 1,
        anchors: ANCHORS,
        items: [
          { id: 'bus', text: 'Take the bus at rush hour, all the way into the city centre', suds: 60, status: 'practising', safe: 'yes', createdAt: 1 },
          { id: 'car', text: 'Drive on the motorway at night', suds: 90, status: 'not-yet', safe: 'no', createdAt: 2 },
        ],
      },
    ],
  });
  const fits = async (label) => {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    const wide = await page.evaluate((w) => [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > w + 1).slice(0, 5).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`), width);
    assert.ok(scrollWidth <= width, `${label}: scrollWidth ${scrollWidth} > ${width}: ${wide.join(', ')}`);
    await axeClean(page, `200% text, ${label}`);
  };
  await page.goto(`${baseURL}/#/exposure`);
  await page.getByRole('heading', { level: 1, name: 'My fear list' }).waitFor();
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  await page.locator('main ol li h3').first().waitFor();
  await fits('the fear list');
  await page.goto(`${baseURL}/#/exercise/in-vivo`);
  await h2(page, 'About this practice').waitFor();
  await button(page, 'Next').click();
  await page.getByRole('radio', { name: /Take the bus/ }).check();
  await button(page, 'Next').click();
  await button(page, 'Next').click();
  await button(page, 'Next').click();
  await h2(page, 'Right now').waitFor();
  await fits('the pre-SUDS scale with anchors');
  assertNoErrors(errors);
});

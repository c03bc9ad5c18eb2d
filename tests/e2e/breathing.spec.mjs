// Paced breathing in Chromium: a 1-minute exercise start to finish on Playwright's fake clock (which must
// drive the pacer's own clock, or the phases would not move), its journal entry after a reload, the
// reduced-motion variant (text count, no moving shape), and axe on every screen of the module.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, runAxe, formatViolations, trackRequests } from './lib/browser.mjs';

const baseURL = process.env.E2E_BASE_URL;
const UI_TIMEOUT = 10_000;
const TITLE = 'Paced breathing';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  b = await launch();
});
after(async () => {
  await b?.close();
});

/** A fresh context (own IndexedDB) with a fake clock installed before the app's first script runs. */
async function freshPage(t, contextOptions = {}) {
  const context = await b.browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  t.after(() => context.close().catch(() => {}));
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.clock.install();
  return { context, page, pageErrors };
}

const h2 = (page, name) => page.getByRole('heading', { level: 2, name, exact: true });
const button = (page, name) => page.getByRole('button', { name, exact: true });
const word = (page) => page.locator('[data-pacer-word]');
const count = (page) => page.locator('[data-pacer-count]');
const live = (page) => page.locator('[data-pacer-live]');

async function axeClean(page, label) {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `axe violations on the ${label} screen:\n${formatViolations(violations)}`);
}

/**
 * Stop the page's time from also flowing on its own (install() lets it run in real time), so only
 * runFor moves the pacer and counts are exact however slow the machine is. axe needs time to flow
 * (it waits on setTimeout): `page.clock.resume()` before running it.
 */
async function holdTime(page) {
  // A second ahead, so a slow, busy machine has not already passed it (the jump itself is instant).
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
}

/** Poll a locator's text until it equals `expected` (fails with the last text seen). */
async function textIs(locator, expected, message, timeout = UI_TIMEOUT) {
  let last = '';
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    last = ((await locator.textContent().catch(() => '')) ?? '').replace(/\s+/g, ' ').trim();
    if (last === expected) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(last, expected, message);
}

/** Open the module and skip the check-in, ending on the chooser. */
async function openChooser(page) {
  await page.goto(`${baseURL}/#/exercise/breathing`);
  await h2(page, 'Before you start').waitFor();
  return async () => {
    await button(page, 'Skip').click();
    await h2(page, 'Choose a way to breathe').waitFor();
  };
}

test('1 minute of slow out-breath, start to finish on the fake clock, then its journal entry after a reload', async (t) => {
  const { context, page, pageErrors } = await freshPage(t);
  const requests = trackRequests(context, baseURL);

  const skip = await openChooser(page);
  await axeClean(page, 'check-in');
  await skip();
  await axeClean(page, 'chooser');

  // Nothing saved yet: the gentlest pattern and 2 minutes are pre-selected.
  assert.equal(await page.getByRole('radio', { name: 'Slow out-breath', exact: true }).isChecked(), true);
  assert.equal(await page.getByRole('radio', { name: '2 minutes', exact: true }).isChecked(), true);
  await page.getByRole('radio', { name: '1 minute', exact: true }).check();
  await button(page, 'Continue').click();

  await h2(page, 'Slow out-breath').waitFor();
  await textIs(word(page), 'Ready when you are');
  assert.equal(await page.locator('[data-pacer-shape]').count(), 1, 'the calm shape is there when motion is fine');
  await axeClean(page, 'ready');

  await button(page, 'Start').click();
  await textIs(word(page), 'Breathe in', 'the first phase starts with Start');
  await textIs(live(page), 'Breathe in', 'the phase is announced politely');
  // Jumping the page's fake clock 4 s moves the pacer into the out-breath well before 4 real seconds
  // could: Playwright's clock drives ours (performance.now and setTimeout are both faked).
  await page.clock.runFor(4_000);
  await textIs(word(page), 'Breathe out', 'the fake clock drives the pacer', 1_500);
  await textIs(live(page), 'Breathe out');
  assert.match((await page.locator('[data-pacer-shape]').getAttribute('style')) ?? '', /scale\(0\.6\)/);
  await axeClean(page, 'pacer (running)');

  await button(page, 'Pause').click();
  await button(page, 'Resume').waitFor();
  await textIs(live(page), 'Paused');
  await page.clock.runFor(30_000); // paused: the exercise does not move
  assert.equal(await word(page).textContent(), 'Breathe out');
  await axeClean(page, 'pacer (paused)');
  await button(page, 'Resume').click();

  await page.clock.runFor(60_000);
  await h2(page, 'Finished').waitFor();
  await page.getByText('You breathed with the pacer for 1 min.', { exact: false }).waitFor();
  await axeClean(page, 'finished');
  await button(page, 'Continue').click();

  await h2(page, 'How are you now?').waitFor();
  await page
    .getByRole('group', { name: 'How present do you feel right now?' })
    .getByRole('radio', { name: '8', exact: true })
    .check();
  await button(page, 'Continue').click();
  await page.getByRole('textbox', { name: 'A note for yourself (optional)' }).fill('slower now');
  await button(page, 'Save and finish').click();
  await page.getByRole('link', { name: 'Open it in your journal' }).click();
  await page.waitForURL(/#\/journal\/[^/]+$/);

  await page.reload();
  await page.getByRole('heading', { level: 1, name: TITLE, exact: true }).waitFor();
  await page.getByText('Slow out-breath, 1 minute').waitFor();
  await page.getByText('Breathed for 1 min (6 breaths)').waitFor();
  await page.getByText('slower now').waitFor();
  await axeClean(page, 'journal entry');

  // The choice is remembered for next time.
  await openChooser(page).then((skipIt) => skipIt());
  // The saved choice is read from IndexedDB after the chooser appears (with the defaults ticked): wait for it.
  await page.getByRole('radio', { name: '1 minute', exact: true, checked: true }).waitFor();
  assert.equal(await page.getByRole('radio', { name: '1 minute', exact: true }).isChecked(), true);

  // Today's card says the person's own length: 1 minute of breathing and three screens is about 2 min
  // (the default 2 minutes would say about 3).
  await page.evaluate(() => (location.hash = '#/today'));
  await page.getByRole('heading', { level: 1, name: 'Today', exact: true }).waitFor();
  // The card in the list (not the "Carry on with Paced breathing" link above it).
  const card = page.locator('a', { hasText: 'Slow your breathing with a calm pacer' });
  await card.filter({ hasText: 'about 2 min' }).waitFor({ timeout: 5_000 });

  assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
  assert.deepEqual(requests.foreignRequests(), [], 'requests to another origin');
});

test('with prefers-reduced-motion: the phase word and a large count, no moving shape; stopping early is fine', async (t) => {
  const { page, pageErrors } = await freshPage(t, { reducedMotion: 'reduce' });
  await page.emulateMedia({ reducedMotion: 'reduce' });

  const skip = await openChooser(page);
  await skip();
  await page.getByRole('radio', { name: 'Box breathing', exact: true }).check();
  await button(page, 'Continue').click();
  await h2(page, 'Box breathing').waitFor();
  assert.equal(await page.locator('[data-pacer-shape]').count(), 0, 'no shape at all under reduced motion');
  await page.getByText('Follow the words and the count.', { exact: false }).waitFor();
  await axeClean(page, 'ready (reduced motion)');

  await holdTime(page);
  await button(page, 'Start').click();
  await textIs(word(page), 'Breathe in');
  await textIs(count(page), '1 of 4');
  await page.clock.runFor(2_000);
  await textIs(count(page), '3 of 4', 'the count follows the clock');
  await page.clock.runFor(2_000);
  await textIs(word(page), 'Hold');
  assert.equal(await page.locator('[data-pacer-shape]').count(), 0);
  const size = await count(page).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(size >= 48, `the count is large (${size}px)`);
  // axe waits on the page's timers: let time flow for it, with the exercise paused so it stays exact.
  await button(page, 'Pause').click();
  await page.clock.resume();
  await axeClean(page, 'pacer (reduced motion, paused)');
  await holdTime(page);
  await button(page, 'Resume').click();

  await page.clock.runFor(9_000);
  await button(page, 'That’s enough for now').click();
  await h2(page, 'Stopping is fine').waitFor();
  await page.getByText('You breathed with the pacer for 13 s.', { exact: false }).waitFor();
  await page.clock.resume();
  await axeClean(page, 'stopped early');
  assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
});

test('“Ground me now” inside the slow out-breath carries on with it: same breath, no second copy', async (t) => {
  // Issue 12: the slow out-breath is safe in the moment, so Ground carries on with it rather than opening a
  // second "Paced breathing" under the same title.
  const { page, pageErrors } = await freshPage(t);
  const skip = await openChooser(page);
  await skip();
  await button(page, 'Continue').click(); // slow out-breath, 2 minutes
  await holdTime(page);
  await button(page, 'Start').click();
  await page.clock.runFor(5_000); // 1 s into the out-breath
  await textIs(word(page), 'Breathe out');

  await page.getByRole('link', { name: 'Ground me now' }).click();
  await page.waitForURL(/#\/ground$/);
  // The Ground screen itself (its intro line), showing the same exercise — not the old screen on its way out.
  await page.getByText('You are here now.', { exact: false }).waitFor();
  await page.getByRole('heading', { level: 1, name: TITLE, exact: true }).waitFor();
  await h2(page, 'Slow out-breath').waitFor();
  assert.equal(await page.getByRole('link', { name: `Back to ${TITLE}` }).count(), 0, 'no second copy to go back from');
  assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, 'one exercise on screen');
  await textIs(word(page), 'Breathe out', 'still in the same out-breath');
  await page.clock.runFor(5_000);
  await textIs(word(page), 'Breathe in', 'and the clock carries on', 1_500);
  assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
});

test('reloaded mid-exercise: it waits, paused at the same breath, until the person resumes', async (t) => {
  const { page, pageErrors } = await freshPage(t);
  const skip = await openChooser(page);
  await skip();
  await button(page, 'Continue').click(); // slow out-breath, 2 minutes
  await holdTime(page);
  await button(page, 'Start').click();
  await page.clock.runFor(5_000); // the out-breath began at 4 s and was saved with the session
  await textIs(word(page), 'Breathe out');
  await page.waitForURL(/#\/session\/[^/]+$/);

  await page.clock.resume();
  await page.reload();
  await h2(page, 'Slow out-breath').waitFor();
  await button(page, 'Resume').waitFor();
  await textIs(word(page), 'Breathe out', 'the same breath as before the reload');
  await textIs(live(page), 'Paused');
  await holdTime(page);
  await page.clock.runFor(30_000);
  await textIs(word(page), 'Breathe out', 'nothing moves until the person resumes');

  await button(page, 'Resume').click();
  await textIs(live(page), 'Breathe out');
  await page.clock.runFor(6_000);
  await textIs(word(page), 'Breathe in', 'and then it carries on', 1_500);
  assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
});

/** A stand-in Screen Wake Lock API that records what the app asks for (headless Chromium may refuse the real one). */
async function fakeWakeLock(context) {
  await context.addInitScript(() => {
    const log = [];
    let current = null;
    Object.defineProperty(window, '__wake', { value: { log, releaseByBrowser: () => current?.release() } });
    const api = {
      async request(type) {
        const s = new EventTarget();
        s.released = false;
        s.type = type;
        s.release = async () => {
          if (s.released) return;
          s.released = true;
          log.push('release');
          s.dispatchEvent(new Event('release'));
        };
        current = s;
        log.push(`request:${type}`);
        return s;
      },
    };
    Object.defineProperty(Navigator.prototype, 'wakeLock', { configurable: true, get: () => api });
  });
}
const wakeLog = (page) => page.evaluate(() => window.__wake.log.join(' '));
async function wakeLogIs(page, expected, message) {
  const deadline = Date.now() + UI_TIMEOUT;
  let last = '';
  while (Date.now() < deadline) {
    last = await wakeLog(page);
    if (last === expected) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(last, expected, message);
}
/** As the browser does: hidden → it lets the lock go; visible again → the page may ask again. */
async function setVisibility(page, state) {
  await page.evaluate(async (s) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
    if (s === 'hidden') await window.__wake.releaseByBrowser();
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

/** Boxes of what must stay put, on the page (not the viewport: a click may scroll), rounded to the pixel. */
async function layout(page) {
  return page.evaluate(() => {
    const box = (el) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return [r.x + scrollX, r.y + scrollY, r.width, r.height];
    };
    const byText = (t) => [...document.querySelectorAll('main button')].find((b) => b.textContent.trim() === t);
    return {
      heading: box(document.querySelector('[data-breathing-screen] h2')),
      stage: box(document.querySelector('[data-pacer-shape]')?.parentElement),
      readout: box(document.querySelector('[data-pacer-readout]')),
      primary: box(byText('Pause') ?? byText('Resume')),
      enough: box(byText('That’s enough for now')),
      safety: box([...document.querySelectorAll('main p')].find((p) => p.textContent.startsWith('Breathe gently'))),
      sources: box(document.querySelector('main details')),
    };
  });
}

/** Every box of `after` where it was in `before`, within a pixel (sub-pixel line heights round either way). */
function moved(before, after) {
  const out = [];
  for (const [name, box] of Object.entries(before)) {
    const now = after[name];
    if (!box || !now) {
      if (box !== now) out.push(`${name}: ${JSON.stringify(box)} → ${JSON.stringify(now)}`);
      continue;
    }
    if (box.some((n, i) => Math.abs(n - now[i]) > 1)) out.push(`${name}: ${box.map(Math.round)} → ${now.map(Math.round)}`);
  }
  return out;
}

/** The readout's corners all lie inside the circle at its smallest (scale 0.6 of the stage). */
async function wordsInsideCircle(page) {
  return page.evaluate(() => {
    const stage = document.querySelector('[data-pacer-shape]').parentElement.getBoundingClientRect();
    const words = [...document.querySelectorAll('[data-pacer-readout] p')].map((p) => {
      const range = document.createRange();
      range.selectNodeContents(p);
      return range.getBoundingClientRect();
    });
    const cx = stage.x + stage.width / 2;
    const cy = stage.y + stage.height / 2;
    const radius = (stage.width * 0.6) / 2 - 3; // inside the 3 px border
    const outside = [];
    for (const r of words) {
      if (r.width === 0) continue;
      for (const [x, y] of [[r.left, r.top], [r.right, r.top], [r.left, r.bottom], [r.right, r.bottom]]) {
        const d = Math.hypot(x - cx, y - cy);
        if (d > radius + 0.5) outside.push(`${Math.round(d)} > ${Math.round(radius)}`);
      }
    }
    return outside;
  });
}

test('the screen stays awake while the pacer runs: asked on Start and Resume, let go on Pause and at the end, asked again when visible', async (t) => {
  const { context, page, pageErrors } = await freshPage(t);
  await fakeWakeLock(context);
  const skip = await openChooser(page);
  await skip();
  await button(page, 'Continue').click();
  await h2(page, 'Slow out-breath').waitFor();
  assert.equal(await wakeLog(page), '', 'nothing asked before Start');

  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
  await button(page, 'Start').click();
  await wakeLogIs(page, 'request:screen', 'Start asks to keep the screen awake');
  await button(page, 'Pause').click();
  await wakeLogIs(page, 'request:screen release', 'Pause lets it go');
  await button(page, 'Resume').click();
  await wakeLogIs(page, 'request:screen release request:screen', 'Resume asks again');

  await setVisibility(page, 'hidden');
  await wakeLogIs(page, 'request:screen release request:screen release', 'hidden: the browser let it go');
  await setVisibility(page, 'visible');
  await wakeLogIs(page, 'request:screen release request:screen release request:screen', 'visible again, still timing: asked again');

  await button(page, 'That’s enough for now').click();
  await h2(page, 'Stopping is fine').waitFor();
  await wakeLogIs(page, 'request:screen release request:screen release request:screen release', 'the end lets it go');
  assert.deepEqual(pageErrors, []);
});

test('the breathing words stay inside the circle, and pausing or turning Sound on moves nothing (also at 200% text on 320 px)', async (t) => {
  for (const [label, viewport, fontSize] of [
    ['1280 px', { width: 1280, height: 800 }, ''],
    ['320 px, 200% text', { width: 320, height: 640 }, '200%'],
  ]) {
    const { page, pageErrors } = await freshPage(t, { viewport });
    const skip = await openChooser(page);
    if (fontSize) await page.evaluate((fs) => (document.documentElement.style.fontSize = fs), fontSize);
    await skip();
    await button(page, 'Continue').click();
    await h2(page, 'Slow out-breath').waitFor();
    assert.deepEqual(await wordsInsideCircle(page), [], `${label}: “Ready when you are” inside the circle`);

    // Far enough ahead that a slow machine has not passed it yet (the jump itself is instant).
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
    await button(page, 'Start').click();
    await page.clock.runFor(4_000);
    await textIs(word(page), 'Breathe out');
    await textIs(count(page), '1 of 6');
    assert.deepEqual(await wordsInsideCircle(page), [], `${label}: “Breathe out” and its count inside the circle`);

    const running = await layout(page);
    await button(page, 'Pause').click();
    await button(page, 'Resume').waitFor();
    assert.deepEqual(moved(running, await layout(page)), [], `${label}: pausing moved nothing`);
    await button(page, 'Resume').click();
    await button(page, 'Pause').waitFor();
    assert.deepEqual(moved(running, await layout(page)), [], `${label}: resuming moved nothing`);

    const sound = page.getByRole('switch', { name: 'Sound' });
    await sound.click();
    // Whatever the sound does here (starting, on, or not available headless), its words must not push
    // the pacer around: give its status time to change, then measure.
    await page.clock.runFor(1_000);
    await new Promise((r) => setTimeout(r, 1_000));
    assert.deepEqual(moved(running, await layout(page)), [], `${label}: turning Sound on moved nothing`);
    assert.deepEqual(pageErrors, [], `${label}: uncaught errors`);
  }
});

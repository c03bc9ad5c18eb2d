// Helpers shared by the foundation-*.spec.mjs journeys: open a route, walk the 5-4-3-2-1 session, collect
// page errors. New file only; nothing here changes the exports of browser.mjs / server.mjs / build.mjs.
import assert from 'node:assert/strict';

export const baseURL = process.env.E2E_BASE_URL;

/** Generous enough for a cold lazy chunk on 2 busy cores, far below the spec timeout. */
export const UI_TIMEOUT = 10_000;

export const TITLE = '5-4-3-2-1 senses';

export const STEPS = [
  { heading: '5 things you can see', box: 'What you see (optional)', count: 5 },
  { heading: '4 things you can feel', box: 'What you feel (optional)', count: 4 },
  { heading: '3 things you can hear', box: 'What you hear (optional)', count: 3 },
  { heading: '2 things you can smell', box: 'What you smell (optional)', count: 2 },
  { heading: '1 thing you can taste', box: 'What you taste (optional)', count: 1 },
];

export const ROUTES = ['/today', '/ground', '/journal', '/journal/new', '/settings', '/help', '/exercise/five-senses'];

export const PRESENCE = 'How present do you feel right now?';
export const DISTRESS = 'How distressed do you feel right now?';

/**
 * A fresh, isolated context on the file's one browser (own IndexedDB, own service worker), closed when the
 * test ends. `t` is the node:test context.
 * @param {import('node:test').TestContext} t
 * @param {import('playwright-core').Browser} browser
 */
export async function freshPage(t, browser, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  t.after(() => context.close().catch(() => {}));
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  return { context, page };
}

/** Uncaught page errors and console errors, to assert on at the end of a test. */
export function collectErrors(page) {
  const pageErrors = [];
  const consoleErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  return { pageErrors, consoleErrors };
}

export function h1(page) {
  return page.locator('main h1').first();
}

/** Navigate to a hash route and wait for its (non-empty) h1. */
export async function open(page, route, { heading } = {}) {
  await page.goto(`${baseURL}/#${route}`);
  const h = heading ? page.getByRole('heading', { level: 1, name: heading, exact: true }) : h1(page);
  await h.waitFor({ state: 'visible' });
  return h;
}

export function stepHeading(page, i) {
  return page.getByRole('heading', { level: 2, name: STEPS[i].heading, exact: true });
}

/** Choose a number on one of the 0–10 rating radio groups. */
export async function rate(page, group, n) {
  await page.getByRole('group', { name: group }).getByRole('radio', { name: String(n), exact: true }).check();
}

export async function checkScreen(page, heading, { presence, distress } = {}) {
  await page.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
  if (presence !== undefined) await rate(page, PRESENCE, presence);
  if (distress !== undefined) await rate(page, DISTRESS, distress);
  await page.getByRole('button', { name: presence === undefined && distress === undefined ? 'Skip' : 'Continue', exact: true }).click();
}

/** The optional text box of step i. */
export function stepBox(page, i) {
  return page.getByRole('textbox', { name: STEPS[i].box, exact: true });
}

export async function tick(page, n) {
  await page.getByRole('button', { name: `Noticed ${n}`, exact: true }).click();
}

/** From Today: open the 5-4-3-2-1 link and wait for the check-in. Returns the session id. */
export async function startFromToday(page) {
  await open(page, '/today', { heading: 'Today' });
  await page.getByRole('link', { name: new RegExp(`^${escape(TITLE)}`) }).click();
  await page.getByRole('heading', { level: 2, name: 'Before you start', exact: true }).waitFor();
  return sessionIdOf(page);
}

/** Start a session by URL and skip the check-in, ending on step 1. Returns the session id. */
export async function startAtStep1(page) {
  await page.goto(`${baseURL}/#/exercise/five-senses`);
  await checkScreen(page, 'Before you start');
  await stepHeading(page, 0).waitFor();
  return sessionIdOf(page);
}

export async function sessionIdOf(page) {
  await page.waitForURL(/#\/session\/[A-Za-z0-9_-]+$/);
  return new URL(page.url()).hash.replace('#/session/', '');
}

export async function next(page, fromIndex) {
  await page.getByRole('button', { name: fromIndex === STEPS.length - 1 ? 'Done' : 'Next', exact: true }).click();
  if (fromIndex < STEPS.length - 1) await stepHeading(page, fromIndex + 1).waitFor();
}

export async function back(page, fromIndex) {
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await stepHeading(page, fromIndex - 1).waitFor();
}

/**
 * Wait until the session's persisted record in IndexedDB contains `text`; rejects after timeoutMs.
 * Never creates the database itself (that would pre-empt the app's own upgrade).
 */
export async function waitForStoredSession(page, sessionId, text, { timeoutMs = UI_TIMEOUT } = {}) {
  await pollUntil(() => storedSessionContains(page, sessionId, text), `session ${sessionId} to store "${text}"`, timeoutMs, 50);
}

async function storedSessionContains(page, sessionId, text) {
  const rec = await storedRecord(page, 'sessions', sessionId);
  return !!rec && JSON.stringify(rec).includes(text);
}

export function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function assertNoErrors(errors, label = '') {
  assert.deepEqual(errors.pageErrors, [], `uncaught errors in the page ${label}`);
  assert.deepEqual(errors.consoleErrors, [], `console errors ${label}`);
}

/**
 * A store's records as they are on disk (never creates or upgrades the database): all of them, or those
 * whose key is `key` when one is given (IDBObjectStore.getAll's query).
 */
export function storedRecords(page, store, key) {
  return page.evaluate(
    async ({ store, key }) => {
      if (!(await indexedDB.databases()).some((d) => d.name === 'groundwork')) return [];
      const db = await new Promise((res, rej) => {
        const r = indexedDB.open('groundwork');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      try {
        if (!db.objectStoreNames.contains(store)) return [];
        return await new Promise((res, rej) => {
          const os = db.transaction(store).objectStore(store);
          const r = key === undefined ? os.getAll() : os.getAll(key);
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
      } finally {
        db.close();
      }
    },
    { store, key },
  );
}

/** One record by its key as it is on disk; undefined when there is none (or no such database or store yet). */
export async function storedRecord(page, store, key) {
  return (await storedRecords(page, store, key))[0];
}

/** Poll from node until `check()` is truthy (Playwright's waitForFunction does not await async predicates). */
export async function pollUntil(check, what, timeoutMs = UI_TIMEOUT, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * Until the app has created its database (at least `minVersion`). Polled from node: a waitForFunction with an
 * async predicate would pass at once (see pollUntil).
 */
export function waitForDatabase(page, minVersion = 1, timeoutMs = UI_TIMEOUT) {
  return pollUntil(
    () => page.evaluate(async (v) => (await indexedDB.databases()).some((d) => d.name === 'groundwork' && d.version >= v), minVersion),
    `the groundwork database (version ≥ ${minVersion})`,
    timeoutMs,
  );
}

/**
 * Raw puts into the app's database, to set up a test's starting point: `{ storeName: [records…] }`, all in one
 * readwrite transaction over the stores named; resolves when it completes. Call it after the app created (and
 * upgraded) the database (waitForDatabase): opening it first here would pre-empt the app's own upgrade. The
 * records cross page.evaluate, so they are plain data (no Blob).
 */
export function putStored(page, records) {
  return page.evaluate(async (records) => {
    const db = await new Promise((res, rej) => {
      const r = indexedDB.open('groundwork');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    try {
      const tx = db.transaction(Object.keys(records), 'readwrite');
      for (const [store, rows] of Object.entries(records)) for (const row of rows) tx.objectStore(store).put(row);
      await new Promise((res, rej) => {
        tx.oncomplete = res;
        tx.onerror = () => rej(tx.error);
        tx.onabort = () => rej(tx.error);
      });
    } finally {
      db.close();
    }
  }, records);
}

/** The person agreed exposure work with their clinician, in their own words: the setting the exposure gate asks for. */
export const exposureAgreement = (words = 'I agreed written exposure with Dr Lee') => ({ key: 'exposureAgreement', value: { agreedAt: Date.now(), words } });

/** Store the exposure agreement (see exposureAgreement), after the app created its database. */
export function agreeToExposure(page, words) {
  return putStored(page, { settings: [exposureAgreement(words)] });
}

/**
 * Rated, finished exercise sessions in the journal, as finished exercises write them: `rows` of
 * `{ moduleId, before: [presence, distress], after: [presence, distress], data? }`, the i-th (i + 1) hours ago.
 */
export function seedRatedSessions(page, rows) {
  const now = Date.now();
  const entries = rows.map((r, i) => {
    const at = now - (i + 1) * 3600_000;
    return {
      id: `seed-${i}`,
      kind: 'session',
      moduleId: r.moduleId,
      createdAt: at,
      updatedAt: at,
      title: r.moduleId,
      body: '',
      complete: true,
      before: { presence: r.before[0], distress: r.before[1], at },
      after: { presence: r.after[0], distress: r.after[1], at: at + 60_000 },
      ...(r.data ? { data: r.data } : {}),
    };
  });
  return putStored(page, { entries });
}

const HOUR = 3_600_000;

/** A dose record taken `hoursAgo`, logged a minute after, its effects said passed 2.5 h after. */
export function doseTaken(hoursAgo) {
  const taken = Date.now() - hoursAgo * HOUR;
  return {
    id: 'dose-1',
    takenAt: new Date(taken).toISOString(),
    zone: '',
    offsetMinutes: 0,
    setting: 'home',
    effectsPassedAt: new Date(taken + 2.5 * HOUR).toISOString(),
    createdAt: taken + 60_000,
    updatedAt: taken + 60_000,
  };
}

/**
 * Words the layout cut across two lines inside `root` (a 320 px phone at 200 % text must keep words whole).
 * Citations and addresses in sources lists may wrap anywhere; a break after a hyphen or a slash is an
 * ordinary break, so each part between them counts as one word.
 */
export function wordsCut(page, root = 'body') {
  return page.evaluate((root) => {
    const out = [];
    const walker = document.createTreeWalker(document.querySelector(root) ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('.visually-hidden, .sources')) continue;
      for (const m of node.textContent.matchAll(/[^\s\-/–]+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) out.push(m[0]);
      }
    }
    return out;
  }, root);
}

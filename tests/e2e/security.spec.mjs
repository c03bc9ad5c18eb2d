// Issue 17, Security, end to end on the production build:
//  (a) the Content-Security-Policy in effect (the meta the server sends, and any header) is strict, and a
//      page under it that tries a request to another origin, an inline script, eval / new Function and a
//      blob: worker is refused each time (securitypolicyviolation events and errors), with no request
//      leaving the origin;
//  (b) no text is ever rendered as HTML: a script-and-markup payload typed into every input path shows
//      literally and nothing runs. A new path (plans, reports, backups) adds one entry to INPUT_PATHS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, trackRequests } from './lib/browser.mjs';
import { baseURL, freshPage, collectErrors, open, checkScreen } from './lib/foundation.mjs';
import { PAYLOAD, watchForScript, assertInert } from './lib/no-html.mjs';

/** @type {Awaited<ReturnType<typeof launch>>} */
let b;
before(async () => {
  assert.ok(baseURL, 'E2E_BASE_URL is not set: run through tests/e2e/run.mjs');
  b = await launch();
});
after(async () => {
  await b?.close();
});

/** "a b; c d" → Map { a → [b], c → [d] } */
function parseCsp(policy) {
  const map = new Map();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

function assertStrict(policy, where) {
  const csp = parseCsp(policy);
  const only = (directive, expected) => assert.deepEqual(csp.get(directive), expected, `${where}: ${directive}`);
  only('default-src', ["'self'"]);
  only('script-src', ["'self'"]); // no 'unsafe-inline', no 'unsafe-eval', no data:/blob:, no host
  only('connect-src', ["'self'"]);
  only('worker-src', ["'self'"]); // no blob: workers
  only('media-src', ["'self'", 'blob:']); // voice notes play from IndexedDB Blobs (issue 14); nothing more
  only('object-src', ["'none'"]);
  only('base-uri', ["'self'"]);
  only('form-action', ["'self'"]);
  for (const [directive, values] of csp) {
    for (const v of values) {
      assert.ok(!/^\*|^https?:|^wss?:|unsafe-eval|strict-dynamic|unsafe-hashes/.test(v), `${where}: ${directive} allows ${v}`);
      if (v === "'unsafe-inline'") assert.equal(directive, 'style-src', `${where}: 'unsafe-inline' only for styles`);
    }
  }
}

test('the policy in effect is strict: the served page’s meta (and any header) allow only this origin and no inline or eval script', async (t) => {
  const { page } = await freshPage(t, b.browser);
  const response = await page.goto(`${baseURL}/`);
  const header = response?.headers()['content-security-policy'];
  if (header) assertStrict(header, 'header');
  const metas = await page.evaluate(() =>
    [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')].map((m) => ({
      content: m.getAttribute('content') ?? '',
      // A meta CSP only counts when it comes before anything it governs.
      first: m === document.head.firstElementChild?.nextElementSibling || m.compareDocumentPosition(document.querySelector('script')) === Node.DOCUMENT_POSITION_FOLLOWING,
    })),
  );
  assert.equal(metas.length, 1, 'one meta CSP');
  assert.ok(metas[0].first, 'the meta CSP comes before every script');
  assertStrict(metas[0].content, 'meta');
  // The served HTML itself, as fetched (not as parsed): the same policy.
  const html = await (await fetch(`${baseURL}/`)).text();
  assert.ok(html.includes(metas[0].content.slice(0, 60)), 'the policy is in the served HTML');
});

test('under that policy a request to another origin, an inline script, eval, new Function and a blob: worker are each refused', async (t) => {
  const { context, page } = await freshPage(t, b.browser);
  const requests = trackRequests(context, baseURL);
  t.after(() => requests.stop());
  // Chromium reports a request the CSP refused as a request that failed (net::ERR_BLOCKED_BY_CSP); what
  // must never happen is an answer from another origin, or a failure for any other reason (= it was sent).
  const origin = new URL(baseURL).origin;
  const foreignAnswers = [];
  const foreignFailures = [];
  context.on('response', (r) => new URL(r.url()).origin !== origin && !r.url().startsWith('data:') && foreignAnswers.push(r.url()));
  context.on('requestfailed', (r) => new URL(r.url()).origin !== origin && foreignFailures.push(`${r.url()} ${r.failure()?.errorText}`));
  await watchForScript(page);
  await open(page, '/today', { heading: 'Today' });

  const results = await page.evaluate(async () => {
    const w = /** @type {any} */ (window);
    const out = {};
    // 1. Another origin.
    out.fetch = await fetch('https://example.com/collect?x=1').then(
      () => 'allowed',
      (e) => `refused: ${e.name}`,
    );
    out.image = await new Promise((res) => {
      const img = new Image();
      img.onload = () => res('allowed');
      img.onerror = () => res('refused');
      img.src = 'https://example.com/pixel.gif';
    });
    // 2. An inline script element.
    w.__inlineRan = false;
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
    // 3. An inline event handler.
    w.__handlerRan = false;
    const div = document.createElement('div');
    div.setAttribute('onclick', 'window.__handlerRan = true');
    document.body.append(div);
    div.click();
    // 4. eval and new Function.
    try {
      out.eval = `allowed: ${eval('1 + 1')}`;
    } catch (e) {
      out.eval = `refused: ${e.name}`;
    }
    try {
      out.fn = `allowed: ${new Function('return 2')()}`;
    } catch (e) {
      out.fn = `refused: ${e.name}`;
    }
    // 5. A worker from a blob: URL.
    out.worker = await new Promise((res) => {
      try {
        const url = URL.createObjectURL(new Blob(['postMessage("ran")'], { type: 'text/javascript' }));
        const worker = new Worker(url);
        worker.onmessage = () => res('allowed');
        worker.onerror = () => res('refused: error event');
        setTimeout(() => res('refused: silent'), 2000);
      } catch (e) {
        res(`refused: ${e.name}`);
      }
    });
    await new Promise((r) => setTimeout(r, 200)); // violation events are queued
    out.inline = w.__inlineRan ? 'allowed' : 'refused';
    out.handler = w.__handlerRan ? 'allowed' : 'refused';
    s.remove();
    div.remove();
    out.violations = w.__violations.map((v) => v.split(' ')[0]);
    return out;
  });

  assert.match(results.fetch, /^refused/, 'fetch to another origin');
  assert.equal(results.image, 'refused', 'image from another origin');
  assert.equal(results.inline, 'refused', 'inline script');
  assert.equal(results.handler, 'refused', 'inline event handler');
  assert.match(results.eval, /^refused: EvalError/, 'eval');
  assert.match(results.fn, /^refused: EvalError/, 'new Function');
  assert.match(results.worker, /^refused/, 'blob: worker');
  const seen = new Set(results.violations);
  for (const directive of ['connect-src', 'img-src', 'script-src-elem', 'script-src-attr', 'script-src', 'worker-src']) {
    assert.ok(seen.has(directive), `a securitypolicyviolation for ${directive} (saw ${[...seen].join(', ')})`);
  }
  assert.deepEqual(foreignAnswers, [], 'no answer from another origin');
  for (const url of requests.foreignRequests()) {
    assert.ok(foreignFailures.some((f) => f.startsWith(url) && /BLOCKED_BY_CSP| csp$/.test(f)), `${url} was refused by the CSP, not sent (${foreignFailures.join('; ')})`);
  }
});

// ---------------------------------------------------------------------------------------------------------
// (b) No HTML. Each entry: `write(page, payload)` types the payload through that path and leaves the page
// where the words are read back, and returns the locator that holds them.

const button = (page, name) => page.getByRole('button', { name, exact: true });
const box = (page, name) => page.getByRole('textbox', { name, exact: true });

async function journalEntryOpenedFromList(page, titleOrText) {
  await open(page, '/journal', { heading: 'Journal' });
  await page.locator('main ul:not(.waiting) a[href^="#/journal/"]').filter({ hasText: titleOrText }).first().click();
  await page.locator('main article').waitFor();
  return page.locator('main');
}

const INPUT_PATHS = [
  {
    name: 'journal entry (title and body)',
    async write(page, payload) {
      await open(page, '/journal/new', { heading: 'New entry' });
      await box(page, 'Title (optional)').fill(payload);
      await box(page, 'Your entry').fill(payload);
      await button(page, 'Save').click();
      await page.locator('main h1').filter({ hasText: '<script>' }).waitFor();
      return page.locator('main');
    },
  },
  {
    name: 'thought record (situation and thought)',
    async write(page, payload) {
      await page.goto(`${baseURL}/#/exercise/thought-record`);
      await checkScreen(page, 'Before you start');
      await button(page, 'Begin').click();
      await box(page, 'The situation (optional)').fill(payload);
      await button(page, 'Next').click();
      await button(page, 'No, not now').click();
      await box(page, 'The thought (optional)').fill(payload);
      // The rest is optional: on to the end and save.
      for (let i = 0; i < 8; i++) {
        const way = button(page, 'Done').or(button(page, 'Skip')).or(button(page, 'Next')).first();
        await way.waitFor();
        if ((await way.innerText()).trim() === 'Done') break;
        await way.click();
      }
      await button(page, 'Done').click();
      await checkScreen(page, 'How are you now?');
      await button(page, 'Save and finish').click();
      await page.getByRole('link', { name: 'Open it in your journal', exact: true }).click();
      await page.locator('main article').waitFor();
      return page.locator('main');
    },
  },
  {
    name: 'safety plan (an item in the read view)',
    async write(page, payload) {
      await open(page, '/safety-plan', { heading: 'My safety plan' });
      await page.waitForFunction(() => !document.querySelector('main')?.innerText.includes('Opening your plan'));
      await button(page, 'Add a warning sign').click();
      await box(page, 'Warning sign 1').fill(payload);
      await button(page, 'Done changing').first().click();
      return page.getByRole('region', { name: /Warning signs$/ });
    },
  },
  {
    name: 'capture (a short note)',
    async write(page, payload) {
      await open(page, '/capture', { heading: 'Capture a fragment' });
      await box(page, 'A few words').fill(payload);
      await button(page, 'Keep this note').click();
      await page.getByText('Kept in your journal.', { exact: true }).waitFor();
      return journalEntryOpenedFromList(page, '<script>');
    },
  },
  {
    name: 'orientation (the place)',
    async write(page, payload) {
      await page.goto(`${baseURL}/#/exercise/orientation`);
      await checkScreen(page, 'Before you start');
      await button(page, 'That’s right').click();
      await button(page, 'That’s right').click();
      await box(page, 'Where you are').fill(payload);
      // Shown back at once ("I am in …"), then kept for next time.
      await button(page, 'Keep this for next time').click();
      await page.getByRole('status').filter({ hasText: 'Kept on this device for next time.' }).waitFor();
      return page.locator('main');
    },
  },
  {
    name: 'dose note',
    async write(page, payload) {
      await open(page, '/doses', { heading: 'Your doses' });
      await page.getByRole('button', { name: 'It was earlier' }).click();
      await page.getByLabel('Date').fill('2026-11-20');
      await page.getByLabel('Time').fill('10:00');
      await page.getByLabel(/A note/).first().fill(payload);
      await page.getByRole('button', { name: 'Save this dose' }).click();
      await page.getByText('<b>bold</b>', { exact: false }).first().waitFor();
      return page.locator('main');
    },
  },
  {
    name: 'plan opened from a link (note and an exercise’s words)',
    async write(page, payload) {
      const link = await composePlan(page, payload);
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: 'A plan from your clinician', exact: true }).waitFor();
      return page.locator('main');
    },
    // After a reload the link is still in the address: the preview is shown again from it.
  },
  {
    name: 'plan opened from a file (note and an exercise’s words)',
    async write(page, payload) {
      await composePlan(page, payload);
      const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Download .groundwork-plan.json').click()]);
      const file = { name: download.suggestedFilename(), mimeType: 'application/json', buffer: await readFile(await download.path()) };
      this.again = async (p) => openPlanFile(p, file);
      return openPlanFile(page, file);
    },
  },
  {
    name: 'progress report opened in clinician mode (an entry and the words to the clinician)',
    async write(page, payload) {
      await open(page, '/journal/new', { heading: 'New entry' });
      await box(page, 'Title (optional)').fill('For the report');
      await box(page, 'Your entry').fill(payload);
      await button(page, 'Save').click();
      await page.locator('main h1').filter({ hasText: 'For the report' }).waitFor();
      await open(page, '/report', { heading: 'Share your progress' });
      await page.getByRole('radio', { name: 'Everything kept here' }).check();
      await page.getByRole('checkbox', { name: /For the report/ }).check();
      await page.getByLabel('A few words to your clinician (optional)').fill(payload);
      await button(page, 'Show me the report').click();
      await page.getByLabel('Choose a passphrase').fill(REPORT_PASS);
      await page.getByLabel('Type it again').fill(REPORT_PASS);
      await button(page, 'Make the locked file').click();
      const save = page.getByRole('link', { name: 'Save the file' });
      await save.waitFor({ timeout: 20_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
      const file = { name: download.suggestedFilename(), mimeType: 'application/octet-stream', buffer: await readFile(await download.path()) };
      // The clinician's side: the report is held in memory only, so after a reload it is opened again.
      this.again = async (p) => openReport(p, file);
      return openReport(page, file);
    },
  },
  {
    name: 'backup restored (a journal entry brought back from the file)',
    async write(page, payload) {
      await open(page, '/journal/new', { heading: 'New entry' });
      await box(page, 'Title (optional)').fill('Kept in the backup');
      await box(page, 'Your entry').fill(payload);
      await button(page, 'Save').click();
      await page.locator('main h1').filter({ hasText: 'Kept in the backup' }).waitFor();
      // A plain backup file, chosen knowingly.
      await open(page, '/backup', { heading: 'Back up' });
      await page.getByText('Save it without a passphrase instead').click();
      await page.getByRole('checkbox', { name: 'I understand anyone with this file can read it' }).check();
      await button(page, 'Make the backup file').click();
      const link = page.getByRole('link', { name: /^Save groundwork-backup-\d{4}-\d{2}-\d{2}\.json$/ });
      await link.waitFor({ timeout: 60_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const buffer = await readFile(await download.path());
      // The entry is gone from this device (deleted raw), then the backup brings it back.
      await page.evaluate(async () => {
        const db = await new Promise((res, rej) => {
          const r = indexedDB.open('groundwork');
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
        await new Promise((res, rej) => {
          const tx = db.transaction('entries', 'readwrite');
          tx.objectStore('entries').clear();
          tx.oncomplete = res;
          tx.onerror = () => rej(tx.error);
        });
        db.close();
      });
      await open(page, '/restore', { heading: 'Restore from a file' });
      await page.getByLabel('Backup file').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer });
      await page.getByRole('heading', { name: 'What this backup will do' }).waitFor();
      await button(page, 'Restore').click();
      await page.getByRole('heading', { name: 'Restored. Your records are here now.' }).waitFor();
      return journalEntryOpenedFromList(page, 'Kept in the backup');
    },
  },
];

const REPORT_PASS = 'lantern pebble orchard sky';

/** Clinician mode on this device: a plan whose note and first exercise's words are `payload`; returns its link. */
async function composePlan(page, payload) {
  await open(page, '/clinician', { heading: 'For clinicians' });
  await button(page, 'New plan').click();
  await page.getByRole('heading', { level: 1, name: 'Compose a plan', exact: true }).waitFor();
  await page.getByLabel('Plan title', { exact: true }).fill('A plan with markup');
  await page.getByLabel('Your name', { exact: true }).fill('Dr <i>Lee</i>');
  await button(page, 'Add exercise').click();
  await page.getByLabel('Your words for exercise 1 (optional)', { exact: true }).fill(payload);
  await page.getByLabel('A note for your patient (optional)', { exact: true }).fill(payload);
  await button(page, 'Hand over this plan').click();
  await page.getByRole('heading', { level: 1, name: 'Hand over the plan', exact: true }).waitFor();
  await page.waitForFunction(() => /** @type {HTMLTextAreaElement|null} */ (document.querySelector('#plan-link'))?.value.includes('#/plan/'));
  return page.getByLabel('Link to the plan', { exact: true }).inputValue();
}

async function openPlanFile(page, file) {
  await open(page, '/settings', { heading: 'Settings' });
  await page.locator('#plan-file').setInputFiles(file);
  await page.getByRole('button', { name: 'Use this plan', exact: true }).waitFor();
  return page.locator('main');
}

async function openReport(page, file) {
  await open(page, '/clinician/report', { heading: 'Open a progress report' });
  await page.getByLabel('Choose the report file').setInputFiles(file);
  await page.getByLabel('The passphrase the person chose').fill(REPORT_PASS);
  await button(page, 'Open the report').click();
  await page.locator('[data-report]').waitFor({ timeout: 20_000 });
  return page.locator('[data-report]');
}

for (const path of INPUT_PATHS) {
  test(`no HTML: script and markup typed into the ${path.name} show literally and nothing runs, also after a reload`, async (t) => {
    const { page } = await freshPage(t, b.browser);
    const errors = collectErrors(page);
    await watchForScript(page);
    const where = await path.write(page, PAYLOAD);
    await assertInert(page, where, path.name);
    await page.reload();
    // Paths whose text is held in memory only (a file just opened) open it again after the reload.
    await assertInert(page, path.again ? await path.again(page) : where, `${path.name}, after a reload`);
    assert.deepEqual(errors.pageErrors, [], 'no uncaught error');
  });
}

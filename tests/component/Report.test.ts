// The progress report screens (issue 16): the person ticks what to share and the preview shows only that,
// drawn by the same view the clinician's screen uses; the person's words are text, never markup; the
// clinician's screen opens a locked file with the passphrase and says kindly when it is the wrong one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import ReportPage from '../../src/report/ReportPage.svelte';
import ClinicianReport from '../../src/report/ClinicianReport.svelte';
import { resetConnection } from '../../src/storage/db';
import { entriesRepo } from '../../src/storage/entries';
import { pendingWrites } from '../../src/storage/pending';
import { resetWriters } from '../../src/storage/writer';
import { resetSuperseded } from '../../src/storage/problems';
import { sealReport } from '../../src/report/file';
import type { Report } from '../../src/report/schema';
import { withApp } from './app-context';
import { appContextMap } from '../../src/ui/context';
import { appContext } from '../../src/shell/context';

const SLOW = { timeout: 8000 };
const DAY = 86_400_000;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetConnection();
  sessionStorage.clear();
  pendingWrites.clear();
  resetWriters();
  resetSuperseded();
  location.hash = '#/report';
});
afterEach(() => resetConnection());

async function seed() {
  const entries = entriesRepo();
  const now = Date.now();
  await entries.create({ kind: 'free', title: 'Rain on Tuesday', body: 'I walked <b>in</b> the rain <img src=x onerror=alert(1)>', complete: true, createdAt: now - DAY });
  await entries.create({ kind: 'free', title: 'Private thoughts', body: 'Not for sharing', complete: true, createdAt: now - 2 * DAY });
  await entries.create({
    kind: 'session',
    moduleId: 'five-senses',
    title: '5-4-3-2-1 senses',
    body: '',
    complete: true,
    createdAt: now - 3 * DAY,
    before: { presence: 3, distress: 7, at: now - 3 * DAY },
    after: { presence: 6, distress: 4, at: now - 3 * DAY },
  });
  for (const [i, [before, after]] of [[20, 40], [35, 60]].entries()) {
    await entries.create({
      kind: 'session',
      moduleId: 'belief-rehearsal',
      title: 'Belief rehearsal',
      body: '',
      complete: true,
      createdAt: now - (5 - i) * DAY,
      data: { belief: 'I did what I could', from: 'own', before, written: 'I did what I could', after },
    });
  }
}

describe('progress report: the person’s side', { timeout: 30_000 }, () => {
  it('nothing is ticked at first; the preview shows only what was chosen, as text', async () => {
    await seed();
    const user = userEvent.setup();
    const { container } = render(ReportPage, withApp({}));
    const rain = await screen.findByRole('checkbox', { name: /Rain on Tuesday/ }, SLOW);
    const boxes = screen.getAllByRole('checkbox').filter((b) => b.closest('fieldset'));
    expect(boxes.length).toBeGreaterThanOrEqual(4);
    expect(boxes.every((b) => !(b as HTMLInputElement).checked)).toBe(true);

    await user.click(rain);
    await user.click(screen.getByRole('checkbox', { name: /I did what I could/ }));
    await user.click(screen.getByRole('button', { name: 'Show me the report' }));

    const preview = await screen.findByRole('region', { name: 'This is exactly what your clinician will see' }, SLOW);
    const p = within(preview);
    expect(p.getByRole('heading', { name: 'Rain on Tuesday' })).toBeInTheDocument();
    expect(p.getByText(/I walked <b>in<\/b> the rain <img src=x onerror=alert\(1\)>/)).toBeInTheDocument();
    expect(preview.querySelector('img, b')).toBeNull();
    expect(p.getByText('I did what I could')).toBeInTheDocument();
    expect(p.queryByText(/Private thoughts|Not for sharing/)).toBeNull();
    expect(p.queryByRole('heading', { name: 'Exercises done' })).toBeNull();
    // What was not chosen is not in the page's report at all.
    expect(container.querySelector('[data-report]')?.textContent).not.toContain('Not for sharing');

    // Ticking one more thing takes the old preview away until it is shown again.
    await user.click(screen.getByRole('checkbox', { name: /The exercises I did/ }));
    expect(screen.queryByRole('region', { name: 'This is exactly what your clinician will see' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show me the report' }));
    const again = await screen.findByRole('region', { name: 'This is exactly what your clinician will see' }, SLOW);
    const done = within(again).getByRole('region', { name: 'Exercises done' });
    expect(within(done).getByRole('rowheader', { name: '5-4-3-2-1 senses' })).toBeInTheDocument();
  });

  it('the passphrase file needs 8 characters and the same twice; then a file to save', async () => {
    await seed();
    const user = userEvent.setup();
    render(ReportPage, withApp({}));
    await user.click(await screen.findByRole('checkbox', { name: /Rain on Tuesday/ }, SLOW));
    await user.click(screen.getByRole('button', { name: 'Show me the report' }));
    await screen.findByRole('region', { name: 'This is exactly what your clinician will see' }, SLOW);
    const make = screen.getByRole('button', { name: 'Make the locked file' });
    expect(make).toBeDisabled();
    await user.type(screen.getByLabelText('Choose a passphrase'), 'short');
    expect(screen.getByText('Too short: use at least 8 characters.')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Choose a passphrase'));
    await user.type(screen.getByLabelText('Choose a passphrase'), 'lantern pebble orchard sky');
    expect(screen.getByText('Strong.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Type it again'), 'lantern pebble orchard');
    expect(make).toBeDisabled();
    await user.type(screen.getByLabelText('Type it again'), ' sky');
    expect(make).toBeEnabled();
  });

  it('with the clinician’s key from the plan, no passphrase is asked (and one can still be chosen)', async () => {
    await seed();
    const user = userEvent.setup();
    const pair = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits'])) as CryptoKeyPair;
    const recipientKey = await crypto.subtle.exportKey('jwk', pair.publicKey);
    render(ReportPage, withApp({ recipientKey }));
    await user.click(await screen.findByRole('checkbox', { name: /Rain on Tuesday/ }, SLOW));
    await user.click(screen.getByRole('button', { name: 'Show me the report' }));
    await screen.findByRole('region', { name: 'This is exactly what your clinician will see' }, SLOW);
    expect(screen.queryByLabelText('Choose a passphrase')).toBeNull();
    expect(screen.getByRole('button', { name: 'Make the locked file' })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Use a passphrase instead' }));
    expect(screen.getByLabelText('Choose a passphrase')).toBeInTheDocument();
  });

  it('a store that cannot be read takes only its own group away, and says so', async () => {
    await seed();
    const ctx = appContextMap({ ...appContext, measures: () => Promise.reject(new Error('blocked')) });
    render(ReportPage, { props: {}, context: ctx });
    expect(await screen.findByRole('checkbox', { name: /Rain on Tuesday/ }, SLOW)).toBeInTheDocument();
    expect(screen.getByText(/^Questionnaires: could not be read just now, so not offered\. Nothing is deleted/)).toBeInTheDocument();
    expect(screen.queryByText(/could not be put together/)).toBeNull();
  });
});

describe('progress report: the clinician’s side', { timeout: 30_000 }, () => {
  const report: Report = {
    format: 'groundwork-report',
    v: 1,
    createdAt: Date.UTC(2026, 10, 30),
    zone: 'UTC',
    from: null,
    to: Date.UTC(2026, 10, 30),
    note: 'Please read <i>this</i>',
    sections: [{ type: 'entries', id: 'entries', title: 'Journal entries', entries: [{ at: Date.UTC(2026, 10, 29), kind: 'free', title: 'Rain', text: 'Walked' }] }],
  };

  async function choose(user: ReturnType<typeof userEvent.setup>, bytes: Uint8Array) {
    const file = new File([bytes as Uint8Array<ArrayBuffer>], 'r.groundwork-report');
    await user.upload(screen.getByLabelText('Choose the report file'), file);
  }

  it('a wrong passphrase is said kindly and can be tried again; the right one shows the report', async () => {
    const bytes = await sealReport(report, { passphrase: 'lantern pebble orchard sky' });
    const user = userEvent.setup();
    render(ClinicianReport, withApp({}));
    await choose(user, bytes);
    const pass = await screen.findByLabelText('The passphrase the person chose', {}, SLOW);
    await user.type(pass, 'lantern');
    await user.click(screen.getByRole('button', { name: 'Open the report' }));
    expect(await screen.findByRole('alert', {}, { timeout: 15_000 })).toHaveTextContent('That passphrase does not open this report');
    await user.clear(pass);
    await user.type(pass, 'lantern pebble orchard sky');
    await user.click(screen.getByRole('button', { name: 'Open the report' }));
    expect(await screen.findByRole('heading', { name: 'Rain' }, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByText('Please read <i>this</i>')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText(/Nothing from this report is saved on this device/)).toBeInTheDocument();
  });

  it('a file that is not a report gets a clear message', async () => {
    const user = userEvent.setup();
    render(ClinicianReport, withApp({}));
    await choose(user, new TextEncoder().encode('just some text'));
    expect(await screen.findByRole('alert', {}, SLOW)).toHaveTextContent('This file could not be read');
  });

  it('a report locked to a key opens with the clinician’s private key from the app', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits'])) as CryptoKeyPair;
    const bytes = await sealReport(report, { recipient: await crypto.subtle.exportKey('jwk', pair.publicKey) });
    const user = userEvent.setup();
    render(ClinicianReport, withApp({ reportPrivateKey: async () => pair.privateKey }));
    await choose(user, bytes);
    expect(await screen.findByRole('heading', { name: 'Rain' }, SLOW)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByLabelText('The passphrase the person chose')).toBeNull());
  });
});

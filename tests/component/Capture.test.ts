/**
 * The capture screen (#/capture) where a voice note cannot be recorded: the browser has no MediaRecorder
 * (jsdom has none, like some browsers), or the microphone is refused. It says so plainly, without blame,
 * and the text note works all the same; "No one monitors this app" with Help sits beside it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import Capture from '../../src/journal/Capture.svelte';
import { resetConnection } from '../../src/storage/db';
import { entryReadsRepo } from '../../src/storage/entry-reads';
import { draftsRepo } from '../../src/storage/drafts';
import { pendingWrites } from '../../src/storage/pending';
import { resetWriters } from '../../src/storage/writer';
import { shell } from '../../src/shell/app.svelte';
import { withApp } from './app-context';
import type { Claim, TabLockHandlers } from '../../src/storage/tab-lock';

/** The cross-tab claim the draft writer makes: as the browser's by default, `busy` where a test says so. */
const claimed = vi.hoisted(() => ({ busy: undefined as ((id: string, handlers: unknown) => Promise<unknown>) | undefined }));
vi.mock('../../src/storage/tab-lock', async (original) => {
  const real = await original<typeof import('../../src/storage/tab-lock')>();
  return { ...real, claimDraft: (id: string, handlers: TabLockHandlers) => (claimed.busy ?? real.claimDraft)(id, handlers) };
});

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetConnection();
  pendingWrites.clear();
  resetWriters();
  location.hash = '#/capture';
});
afterEach(() => {
  claimed.busy = undefined;
  vi.unstubAllGlobals();
  resetConnection();
});

describe('capture screen without a recorder', () => {
  it('says plainly that voice cannot be recorded here, offers no record button, and keeps a text note as a fragment', async () => {
    expect(typeof (globalThis as { MediaRecorder?: unknown }).MediaRecorder).toBe('undefined');
    const user = userEvent.setup();
    render(Capture, withApp({}));

    expect(screen.getByRole('heading', { level: 1, name: 'Capture a fragment' })).toBeInTheDocument();
    expect(screen.getByText(/This browser cannot record voice notes here\. A few written words work just as well/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Record a voice note' })).toBeNull();
    // No one monitors this app, with Help beside the text box and where the record button would be.
    expect(screen.getAllByText(/No one monitors this app/)).toHaveLength(2);
    await user.click(screen.getAllByRole('button', { name: 'Help and crisis contacts' })[1]!);
    expect(shell.helpOpen).toBe(true);
    shell.helpOpen = false;

    const box = screen.getByRole('textbox', { name: 'A few words' });
    expect(box).toHaveAttribute('dir', 'auto');
    await waitFor(() => expect(box).toBeEnabled()); // once this tab holds the note's draft
    await user.type(box, 'blue light, warm hands');
    await waitFor(async () => expect((await draftsRepo().get('capture:new'))?.fields['body']).toBe('blue light, warm hands'));

    await user.click(screen.getByRole('button', { name: 'Keep this note' }));
    await waitFor(async () => expect(await entryReadsRepo().list()).toHaveLength(1));
    const [entry] = await entryReadsRepo().list();
    expect(entry).toMatchObject({ kind: 'fragment', title: '', body: 'blue light, warm hands', complete: true });
    expect(entry!.mediaId).toBeUndefined();
    await waitFor(() => expect(box).toHaveValue(''));
    expect(await draftsRepo().get('capture:new')).toBeUndefined();
  });

  it('when the microphone is refused, says so kindly and the text note is still there', async () => {
    vi.stubGlobal('MediaRecorder', class {});
    const getUserMedia = vi.fn(() => Promise.reject(new DOMException('Permission denied', 'NotAllowedError')));
    Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia }, configurable: true });
    const user = userEvent.setup();
    render(Capture, withApp({}));

    await user.click(screen.getByRole('button', { name: 'Record a voice note' }));
    expect(getUserMedia).toHaveBeenCalledWith({ audio: true });
    expect(await screen.findByText(/The microphone is not available to Groundwork just now/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Record a voice note' })).toBeNull();
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'A few words' })).toBeEnabled());
    expect(screen.getAllByText(/No one monitors this app/)).toHaveLength(2);
    Reflect.deleteProperty(navigator, 'mediaDevices');
  });
});

// Issue 13 #3: the note's draft is claimed across tabs by the draft writer, so Capture open in a second tab
// neither loads words it would then overwrite nor lets the person type where nothing would be kept.
/** A queued wait for the lock that the other tab never lets go of: it only ends when aborted. */
const waitsUntilAborted = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));

describe('capture open in another tab', () => {
  it('the box stays closed with a calm notice; "Write here instead" has the other tab save, then brings its words', async () => {
    await draftsRepo().put('capture:new', { body: 'words from the other tab' });
    let holder: TabLockHandlers | undefined;
    const takeOver = vi.fn(async () => {
      // The other tab is asked to save its latest words first…
      await draftsRepo().put('capture:new', { body: 'words from the other tab, and its last ones' });
      return { status: 'owned' as const, release() {} };
    });
    claimed.busy = (_id, handlers): Promise<Claim> => {
      holder = handlers as TabLockHandlers;
      return Promise.resolve({ status: 'busy', takeOver, whenFree: waitsUntilAborted });
    };
    const user = userEvent.setup();
    render(Capture, withApp({}));

    expect(await screen.findByText(/This note is open in another tab or window/)).toBeInTheDocument();
    const box = screen.getByRole('textbox', { name: 'A few words' });
    expect(box).toBeDisabled();
    expect(box).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Keep this note' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Write here instead' }));
    expect(takeOver).toHaveBeenCalledOnce();
    await waitFor(() => expect(box).toBeEnabled());
    expect(box).toHaveValue('words from the other tab, and its last ones');
    expect(screen.queryByText(/This note is open in another tab or window/)).toBeNull();
    expect(holder).toBeDefined();

    await user.type(box, '. Mine now');
    await waitFor(async () =>
      expect((await draftsRepo().get('capture:new'))?.fields['body']).toBe('words from the other tab, and its last ones. Mine now'),
    );
  });

  it('the other tab lets go: the box opens by itself with its last words, said quietly, and what is typed is kept', async () => {
    await draftsRepo().put('capture:new', { body: 'words from the other tab' });
    let letGo!: () => void;
    const freed = new Promise<void>((r) => (letGo = r));
    claimed.busy = (): Promise<Claim> =>
      Promise.resolve({
        status: 'busy',
        takeOver: vi.fn(),
        whenFree: async () => {
          await freed;
          return { status: 'owned', release() {} };
        },
      });
    const user = userEvent.setup();
    render(Capture, withApp({}));

    const status = await screen.findByText(/This note is open in another tab or window/);
    const box = screen.getByRole('textbox', { name: 'A few words' });
    expect(box).toBeDisabled();
    // The other tab saves its last words, then closes.
    await draftsRepo().put('capture:new', { body: 'words from the other tab, and its last ones' });
    letGo();
    await waitFor(() => expect(box).toBeEnabled());
    expect(box).toHaveValue('words from the other tab, and its last ones');
    // The same status line says so (a live region already there), and the button is gone.
    expect(status).toHaveTextContent('The other tab let go — you can write here now.');
    expect(status).toHaveAttribute('role', 'status');
    expect(screen.queryByRole('button', { name: 'Write here instead' })).toBeNull();

    await user.type(box, '. Mine now');
    await waitFor(async () =>
      expect((await draftsRepo().get('capture:new'))?.fields['body']).toBe('words from the other tab, and its last ones. Mine now'),
    );
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import JournalEditor from '../../src/journal/JournalEditor.svelte';
import { resetConnection } from '../../src/storage/db';
import { draftsRepo } from '../../src/storage/drafts';
import { entriesRepo } from '../../src/storage/entries';
import { entryReadsRepo } from '../../src/storage/entry-reads';
import { withApp } from './app-context';
import { pendingWrites } from '../../src/storage/pending';
import { resetWriters } from '../../src/storage/writer';
import { markSuperseded, resetSuperseded } from '../../src/storage/problems';
import { TEXT_MAX_CHARS } from '../../src/storage/limits';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetConnection();
  sessionStorage.clear(); // the rescue copy of a previous test's "page"
  pendingWrites.clear();
  resetWriters();
  resetSuperseded();
  location.hash = '#/journal/new';
});
afterEach(() => resetConnection());

const newRoute = { name: 'journal-new' } as const;

async function ready() {
  const body = await screen.findByRole('textbox', { name: 'Your entry' });
  await waitFor(() => expect(body).toBeEnabled());
  return body;
}

describe('journal editor', () => {
  it('keeps a draft on the device as it is typed (a write starts at each keystroke)', async () => {
    const user = userEvent.setup();
    render(JournalEditor, withApp({ route: newRoute }));
    await user.type(await ready(), 'A long day, but');
    await waitFor(() => expect(pendingWrites.has('drafts:journal:new')).toBe(false)); // on disk, not only in memory
    const draft = await draftsRepo().get('journal:new');
    expect(draft?.fields['body']).toBe('A long day, but');
    expect(screen.getByRole('status')).toHaveTextContent('Draft kept on this device');
  });

  // Issue 13 #1: the input takes exactly what drafts and entries can store, and says so at once.
  it('takes text up to the one size limit, and says at once when it is reached while the words stay', async () => {
    render(JournalEditor, withApp({ route: newRoute }));
    const body = await ready();
    expect(body).toHaveAttribute('maxlength', String(TEXT_MAX_CHARS));
    expect(screen.getByRole('textbox', { name: 'Title (optional)' })).toHaveAttribute('maxlength', String(TEXT_MAX_CHARS));
    expect(screen.queryByRole('alert')).toBeNull();
    const full = 'word '.repeat(TEXT_MAX_CHARS / 5);
    await fireEvent.input(body, { target: { value: full } });
    expect(await screen.findByRole('alert')).toHaveTextContent('as long as one entry can be');
    expect(body).toHaveValue(full);
    await waitFor(async () => expect((await draftsRepo().get('journal:new'))?.fields['body']).toHaveLength(TEXT_MAX_CHARS));
  });

  // Issue 13 #4: a newer version took the database; typing on would store nothing.
  it('turns read-only with the words kept and offers to copy them when a newer version takes over', async () => {
    const user = userEvent.setup();
    render(JournalEditor, withApp({ route: newRoute }));
    const body = await ready();
    await user.type(body, 'words before the update');
    markSuperseded();
    await waitFor(() => expect(body).toHaveAttribute('readonly'));
    expect(body).toHaveValue('words before the update');
    expect(screen.getByText(/reload this tab and it will be here/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy my words' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  // Issue 13 #2: the disk was full while typing; the screen was left (Ground, Today) and opened again.
  it('brings back words that could not be stored, when the editor is opened again in the same page', async () => {
    const user = userEvent.setup();
    const first = render(JournalEditor, withApp({ route: newRoute }));
    const body = await ready();
    const { getDb } = await import('../../src/storage/db');
    const db = await getDb();
    const transaction = db.transaction.bind(db);
    db.transaction = ((...args: Parameters<typeof transaction>) => {
      if (args[1] === 'readwrite') throw new DOMException('full', 'QuotaExceededError');
      return transaction(...args);
    }) as typeof db.transaction;
    await user.type(body, 'typed on a full disk');
    await screen.findByText(/could not be kept on the device just now/);
    first.unmount();
    render(JournalEditor, withApp({ route: newRoute }));
    const again = await ready();
    await waitFor(() => expect(again).toHaveValue('typed on a full disk'));
    db.transaction = transaction; // space comes back: the retry stores the words
    await waitFor(async () => expect(pendingWrites.has('drafts:journal:new')).toBe(false), { timeout: 4000 });
    pendingWrites.clear();
    expect((await draftsRepo().get('journal:new'))?.fields['body']).toBe('typed on a full disk');
  });

  it('brings the words back when the screen is opened again', async () => {
    await draftsRepo().put('journal:new', { title: 'Tuesday', body: 'half a sentence' });
    render(JournalEditor, withApp({ route: newRoute }));
    expect(await ready()).toHaveValue('half a sentence');
    expect(screen.getByRole('textbox', { name: 'Title (optional)' })).toHaveValue('Tuesday');
    expect(screen.getByRole('status')).toHaveTextContent('We brought back what you were writing.');
  });

  it('saves the entry to the journal and only then lets go of the draft', async () => {
    const user = userEvent.setup();
    render(JournalEditor, withApp({ route: newRoute }));
    const body = await ready();
    await user.type(screen.getByRole('textbox', { name: 'Title (optional)' }), 'After the session');
    await user.type(body, 'Colours felt brighter.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(await entryReadsRepo().list()).toHaveLength(1));
    const [entry] = await entryReadsRepo().list();
    expect(entry).toMatchObject({ kind: 'free', title: 'After the session', body: 'Colours felt brighter.', complete: true });
    await waitFor(async () => expect(await draftsRepo().get('journal:new')).toBeUndefined());
    expect(location.hash).toBe(`#/journal/${entry!.id}`);
  });

  it('edits an existing entry, starting from its saved text', async () => {
    const entry = await entriesRepo().create({ kind: 'free', title: 'Old', body: 'first words', complete: true });
    const user = userEvent.setup();
    render(JournalEditor, withApp({ route: { name: 'journal-edit', id: entry.id } }));
    const body = await ready();
    expect(body).toHaveValue('first words');
    await user.type(body, ', and more');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await entriesRepo().get(entry.id))?.body).toBe('first words, and more'));
  });
});

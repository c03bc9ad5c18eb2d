import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import JournalEditor from '../../src/journal/JournalEditor.svelte';
import { resetConnection } from '../../src/storage/db';
import { draftsRepo, DRAFT_SAVE_DELAY_MS } from '../../src/storage/drafts';
import { entriesRepo } from '../../src/storage/entries';
import { withApp } from './app-context';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetConnection();
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
  it('keeps a draft on the device within a second of typing', async () => {
    const user = userEvent.setup();
    render(JournalEditor, withApp({ route: newRoute }));
    await user.type(await ready(), 'A long day, but');
    await new Promise((r) => setTimeout(r, DRAFT_SAVE_DELAY_MS + 200));
    const draft = await draftsRepo().get('journal:new');
    expect(draft?.fields['body']).toBe('A long day, but');
    expect(screen.getByRole('status')).toHaveTextContent('Draft kept on this device');
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
    await waitFor(async () => expect(await entriesRepo().list()).toHaveLength(1));
    const [entry] = await entriesRepo().list();
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

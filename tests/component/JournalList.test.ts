/** The journal list offers a draft left unsaved (a killed tab) as a draft to carry on (issue 13 #8, issue 12). */
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import { IDBFactory } from 'fake-indexeddb';
import JournalList from '../../src/journal/JournalList.svelte';
import { withApp } from './app-context';
import { resetConnection } from '../../src/storage/db';
import { draftsRepo } from '../../src/storage/drafts';
import { entriesRepo } from '../../src/storage/entries';
import { pendingWrites } from '../../src/storage/pending';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetConnection();
  pendingWrites.clear();
});

describe('journal list', () => {
  it('shows a draft on disk that was never saved as an entry, linking back to the editor', async () => {
    await draftsRepo().put('journal:new', { title: '', body: 'I was halfway through\nthis thought' });
    const entry = await entriesRepo().create({ kind: 'free', title: 'Monday', body: 'saved words', complete: true });
    await draftsRepo().put(`journal:${entry.id}`, { title: 'Monday', body: 'saved words and an unsaved edit' });
    await draftsRepo().put('journal:empty-one', { title: '', body: '   ' });
    render(JournalList, withApp({}));
    const section = await screen.findByRole('region', { name: 'Draft you have not saved yet' });
    const links = Array.from(section.querySelectorAll('a')).map((a) => [a.getAttribute('href'), a.textContent]);
    expect(links).toHaveLength(2);
    expect(links).toContainEqual(['#/journal/new', expect.stringContaining('I was halfway through')]);
    expect(links).toContainEqual([`#/journal/${entry.id}/edit`, expect.stringContaining('Carry on writing your entry: Monday')]);
  });

  it('shows nothing extra when there is no draft', async () => {
    await entriesRepo().create({ kind: 'free', title: 'Monday', body: 'saved words', complete: true });
    render(JournalList, withApp({}));
    await screen.findByText('Monday');
    expect(screen.queryByRole('region', { name: 'Draft you have not saved yet' })).toBeNull();
  });
});

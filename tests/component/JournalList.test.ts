/** The journal list offers a draft left unsaved (a killed tab) as a draft to carry on (issue 13 #8, issue 12). */
import { beforeEach, describe, expect, it, vi } from 'vitest';
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

describe('journal list, a page at a time (issue 14)', () => {
  async function seed(n: number) {
    const repo = entriesRepo();
    const base = Date.UTC(2026, 0, 1);
    for (let i = 0; i < n; i++) await repo.create({ kind: 'free', title: `Entry ${i}`, body: i === 2 ? 'the old lighthouse' : 'words', complete: true, createdAt: base + i * 60_000 });
  }
  const titles = () => Array.from(document.querySelectorAll('ul.entries:not(.waiting) .title')).map((el) => el.textContent);

  it('shows the newest page; "Show older entries" brings the rest and moves focus to the first one it brought', async () => {
    await seed(35);
    render(JournalList, withApp({}));
    const button = await screen.findByRole('button', { name: 'Show older entries' });
    expect(titles()).toHaveLength(30);
    expect(titles()[0]).toBe('Entry 34');
    expect(screen.getByRole('status').textContent).toBe('Showing your 30 most recent entries');
    button.click();
    await vi.waitFor(() => expect(titles()).toHaveLength(35));
    expect(titles().at(-1)).toBe('Entry 0');
    expect(screen.queryByRole('button', { name: 'Show older entries' })).toBeNull();
    await vi.waitFor(() => expect(document.activeElement?.textContent).toContain('Entry 4'));
    expect(screen.getByRole('status').textContent).toBe('35 entries');
  });

  it('search finds an entry older than the first page (main-thread scan where there are no workers)', async () => {
    await seed(35);
    render(JournalList, withApp({}));
    await screen.findByRole('button', { name: 'Show older entries' });
    const input = screen.getByLabelText('Search your journal') as HTMLInputElement;
    input.value = 'LIGHTHOUSE';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('1 entry'));
    expect(titles()).toEqual(['Entry 2']);
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(titles()).toHaveLength(30));
  });
});

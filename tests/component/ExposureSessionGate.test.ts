/**
 * The phase gate on the exposure screens that are not exercises (issue 14: no exposure or typing task in
 * the session phase, through any entry point): the fear list (#/exposure) and the agreement
 * (#/exposure/agree) ask for writing about what is feared, so right after a dose — or when the dose log
 * cannot be read — they wait, say why, and offer session mode and grounding. With no dose they open.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import { IDBFactory } from 'fake-indexeddb';
import Hierarchy from '../../src/modules/exposure/Hierarchy.svelte';
import AgreementPage from '../../src/modules/exposure/AgreementPage.svelte';
import { resetConnection } from '../../src/storage/db';
import { dosesRepo } from '../../src/storage/doses';
import { pendingWrites } from '../../src/storage/pending';
import { resetWriters } from '../../src/storage/writer';
import { withApp } from './app-context';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetConnection();
  pendingWrites.clear();
  resetWriters();
});
afterEach(() => {
  vi.restoreAllMocks();
  resetConnection();
});

const doseJustNow = () => dosesRepo().add({ takenAt: Date.now() - 10 * 60_000, setting: 'home' });

describe('the fear list and the agreement in the session phase', () => {
  it.each([
    ['the fear list', Hierarchy, /Your fear list waits while the effects of a dose last/],
    ['the agreement', AgreementPage, /wait while the effects of a dose last/],
  ] as const)('%s waits right after a dose: nothing to type, session mode and grounding offered', async (_name, View, why) => {
    await doseJustNow();
    render(View, withApp({}));
    expect(await screen.findByText(why)).toBeInTheDocument();
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    const links = screen.getAllByRole('link').map((a) => a.getAttribute('href'));
    expect(links).toEqual(expect.arrayContaining(['#/session-mode', '#/ground']));
  });

  it('the fear list waits too when the dose log cannot be read', async () => {
    // IndexedDB itself fails to open: nothing can be read, so the phase is unknown.
    vi.spyOn(globalThis.indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('open failed', 'UnknownError');
    });
    render(Hierarchy, withApp({}));
    expect(await screen.findByText(/Your fear list waits/)).toBeInTheDocument();
  });

  it('with no dose logged, the fear list opens for writing', async () => {
    render(Hierarchy, withApp({}));
    expect(await screen.findByRole('textbox', { name: /situation|memory|fear/i }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByText(/Your fear list waits/)).not.toBeInTheDocument();
  });
});

/**
 * The session view tells its module the dose phase (ModuleViewProps.phase), failing closed like `typing`:
 * right after a dose — and until the phase is known — body grounding offers only feet and hands (flow/parts.ts,
 * CLINICAL.md §1 and §2); with no dose logged it offers both parts. Real session and body machines, real
 * storage (in-memory IndexedDB) for the dose log.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import { IDBFactory } from 'fake-indexeddb';
import { createActor, fromPromise, type AnyActorRef } from 'xstate';
import SessionView from '../../src/ui/session/SessionView.svelte';
import { sessionMachine, type SaveEntryInput } from '../../src/flow/session.machine';
import type { SessionHandle } from '../../src/flow/runner';
import { bodyMeta } from '../../src/modules/grounding/body/meta';
import { bodyMachine } from '../../src/modules/grounding/body/machine';
import { resetConnection } from '../../src/storage/db';
import { dosesRepo } from '../../src/storage/doses';
import { phaseNowOrSession } from '../../src/flow/phase-now';
import { withApp } from './app-context';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetConnection();
});
afterEach(() => resetConnection());

async function bodySession() {
  const impl = await bodyMeta.load();
  const machine = sessionMachine.provide({
    actors: { module: bodyMachine, saveEntry: fromPromise<string, SaveEntryInput>(() => Promise.resolve('entry-1')) },
  });
  const actor = createActor(machine, { input: { sessionId: 's1', moduleId: 'body', family: 'grounding' } }).start();
  actor.send({ type: 'SKIP_CHECK_IN' });
  const module = () => actor.getSnapshot().children['module'] as AnyActorRef;
  const handle: SessionHandle = { id: 's1', meta: bodyMeta, impl, actor, module, flush: async () => {}, stop: () => actor.stop() };
  render(SessionView, withApp({ handle }));
  return actor;
}

describe('body grounding inside a session, by dose phase', () => {
  it('session phase (a dose just logged): feet and hands only, with the kind line; no tense and let go', async () => {
    await dosesRepo().add({ takenAt: Date.now(), setting: 'home' });
    await bodySession();
    expect(await phaseNowOrSession()).toBe('session');
    await screen.findByText(/Tense and let go is here too once the effects have passed/);
    // Let the view's own phase read settle before asserting what is absent.
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByRole('button', { name: /Feet and hands/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Tense and let go/ })).not.toBeInTheDocument();
  });

  it('no dose logged: both parts, once the phase is known', async () => {
    await bodySession();
    await screen.findByRole('button', { name: /Tense and let go/ });
    expect(screen.getByRole('heading', { level: 2, name: 'Which would you like to try?' })).toBeInTheDocument();
    expect(screen.queryByText(/once the effects have passed/)).not.toBeInTheDocument();
  });
});

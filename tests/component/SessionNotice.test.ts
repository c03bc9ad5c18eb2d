/**
 * Issue 12, "Support before paperwork": "No one monitors this app" with the way to Help sits beside every
 * rating and text box, in every state of a session — saving and save-failed included — and the support
 * step offers Help and other exercises before the note. The session view is rendered with the real machine
 * in each state it can show (the module's own steps are covered by each module's tests and the e2e).
 */
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createActor, fromPromise, type AnyActorRef } from 'xstate';
import SessionView from '../../src/ui/session/SessionView.svelte';
import { sessionMachine, type SaveEntryInput, type SessionActor } from '../../src/flow/session.machine';
import { createStepsMachine } from '../../src/flow/steps.machine';
import type { SessionHandle } from '../../src/flow/runner';
import { fiveSensesMeta } from '../../src/modules/grounding/five-senses/meta';
import { shell } from '../../src/shell/app.svelte';
import { withApp } from './app-context';

const NOTICE = 'No one monitors this app. If you are in danger now, call your local emergency number or a crisis line.';
type Save = 'ok' | 'pending' | 'fail';

async function session(save: Save, drive: (actor: SessionActor, module: () => AnyActorRef) => void) {
  const impl = await fiveSensesMeta.load();
  const machine = sessionMachine.provide({
    actors: {
      module: createStepsMachine('one-step', ['a']),
      saveEntry: fromPromise<string, SaveEntryInput>(() =>
        save === 'ok' ? Promise.resolve('entry-1') : save === 'fail' ? Promise.reject(new Error('QuotaExceededError')) : new Promise(() => {}),
      ),
    },
  });
  const actor = createActor(machine, { input: { sessionId: 's1', moduleId: 'five-senses', family: 'grounding' } }).start();
  const module = () => actor.getSnapshot().children['module'] as AnyActorRef;
  drive(actor, module);
  await new Promise((r) => setTimeout(r, 0));
  const handle: SessionHandle = {
    id: 's1',
    meta: fiveSensesMeta,
    impl,
    actor,
    module,
    flush: async () => {},
    stop: () => actor.stop(),
  };
  render(SessionView, withApp({ handle }));
  return actor;
}

const toCheckOut = (a: SessionActor, m: () => AnyActorRef) => {
  a.send({ type: 'CHECK_IN', presence: 6, distress: 3 });
  m().send({ type: 'NEXT' });
};

describe('"No one monitors this app" in every state of a session', () => {
  it.each<[string, Save, (a: SessionActor, m: () => AnyActorRef) => void]>([
    ['check-in', 'ok', () => {}],
    ['check-in with a rating chosen', 'ok', (a) => a.send({ type: 'RATE', presence: 2 })],
    ['grounding offered first', 'ok', (a) => a.send({ type: 'CHECK_IN', presence: 2 })],
    ['check-out', 'ok', toCheckOut],
    ['support (before the note)', 'ok', (a, m) => (toCheckOut(a, m), a.send({ type: 'CHECK_OUT', presence: 2 }))],
    ['note', 'ok', (a, m) => (toCheckOut(a, m), a.send({ type: 'SKIP_CHECK_OUT' }))],
    ['saving', 'pending', (a, m) => (toCheckOut(a, m), a.send({ type: 'SKIP_CHECK_OUT' }), a.send({ type: 'FINISH' }))],
    ['save failed', 'fail', (a, m) => (toCheckOut(a, m), a.send({ type: 'SKIP_CHECK_OUT' }), a.send({ type: 'FINISH' }))],
    ['paused', 'ok', (a) => a.send({ type: 'PAUSE' })],
    ['suspended while grounding', 'ok', (a) => a.send({ type: 'GROUND' })],
    ['saved', 'ok', (a, m) => (toCheckOut(a, m), a.send({ type: 'SKIP_CHECK_OUT' }), a.send({ type: 'FINISH' }))],
    ['left part-way', 'ok', (a) => (a.send({ type: 'CHECK_IN', presence: 5 }), a.send({ type: 'EXIT' }))],
    ['left before starting', 'ok', (a) => a.send({ type: 'EXIT' })],
  ])('%s: the notice and the way to Help are on screen', async (_state, save, drive) => {
    await session(save, drive);
    const notice = await screen.findByText(NOTICE);
    const help = within(notice.parentElement!).getByRole('button', { name: 'Help and crisis contacts' });
    shell.helpOpen = false;
    await userEvent.setup().click(help);
    expect(shell.helpOpen).toBe(true);
    shell.helpOpen = false;
  });

  it('saving and save-failed keep the notice beside the note box; save-failed says so and offers Try again', async () => {
    await session('fail', (a, m) => (toCheckOut(a, m), a.send({ type: 'SKIP_CHECK_OUT' }), a.send({ type: 'NOTE', text: 'kept' }), a.send({ type: 'FINISH' })));
    await screen.findByRole('alert');
    // The box appears once the dose phase is known (none logged here: not the session phase).
    const box = await screen.findByRole('textbox', { name: 'A note for yourself (optional)' });
    expect(box).toHaveValue('kept');
    // Beside the box: the notice follows the text box directly.
    const notice = screen.getByText(NOTICE).closest('.not-monitored');
    expect(box.closest('.field')?.nextElementSibling).toBe(notice);
    expect(screen.getByRole('button', { name: 'Try saving again' })).toBeInTheDocument();
  });

  it('a leave after a hard rating ends on Help and other exercises, never a dead end', async () => {
    await session('ok', (a) => (a.send({ type: 'RATE', presence: 1 }), a.send({ type: 'EXIT' })));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Still finding it hard?' })).toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'See help and crisis contacts' })).toBeInTheDocument();
  });
});

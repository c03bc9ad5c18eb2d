// The safety plan screen (issue 15): add, change, reorder and remove items in each of the six steps, kept
// on the device as typed; the built-in crisis lines are always in step 5, in both modes, and cannot be
// removed; phone numbers the person typed are tap-to-call in read mode; storage failing still shows them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import SafetyPlan from '../../src/safety/SafetyPlan.svelte';
import { resetConnection } from '../../src/storage/db';
import { safetyPlanRepo, SAFETY_PLAN_WRITER_KEY } from '../../src/storage/safety-plan';
import { emptySafetyPlan } from '../../src/storage/safety-plan.schema';
import { pendingWrites } from '../../src/storage/pending';
import { resetWriters } from '../../src/storage/writer';
import { resetSuperseded } from '../../src/storage/problems';
import { withApp } from './app-context';


beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetConnection();
  sessionStorage.clear();
  pendingWrites.clear();
  resetWriters();
  resetSuperseded();
  location.hash = '#/safety-plan';
});
afterEach(() => resetConnection());

/** The step as shown: while changing the plan, the read view (kept for printing) follows it, hidden by CSS. */
function step(name: RegExp) {
  return screen.getAllByRole('region', { name })[0]!;
}

async function saved() {
  await waitFor(() => expect(pendingWrites.has(SAFETY_PLAN_WRITER_KEY)).toBe(false), SLOW);
  return safetyPlanRepo().get();
}

// Generous waits: the machine is shared by several test runs at once (load average above 10 at times).
const SLOW = { timeout: 8000 };

describe('safety plan screen', { timeout: 30_000 }, () => {
  it('an empty plan opens ready to write: six steps in order, "not a contract", crisis lines in step 5', async () => {
    render(SafetyPlan, withApp({}));
    await screen.findByRole('button', { name: 'Add a warning sign' }, SLOW);
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent?.trim());
    expect(headings.slice(0, 6)).toEqual([
      '1 Warning signs',
      '2 Things I can do on my own',
      '3 People and places that take my mind off things',
      '4 People I can ask for help',
      '5 Professionals and crisis lines',
      '6 Making my surroundings safer',
    ]);
    expect(screen.getByText(/not a promise or a "no-suicide contract"/)).toBeInTheDocument();
    expect(screen.getByText(/No one monitors this app/)).toBeInTheDocument();
    const five = step(/Professionals and crisis lines/);
    expect(within(five).getByText('Crisis lines (always here)')).toBeInTheDocument();
    expect(within(five).getAllByRole('link').some((a) => a.getAttribute('href')?.startsWith('tel:'))).toBe(true);
    expect(within(five).queryByRole('button', { name: /Remove/ })).toBeNull();
  });

  it('adds items, keeps every keystroke on the device, reorders and removes them', async () => {
    const user = userEvent.setup();
    render(SafetyPlan, withApp({}));
    await user.click(await screen.findByRole('button', { name: 'Add a person' }, SLOW));
    const first = screen.getByRole('textbox', { name: 'Person I can ask 1' });
    expect(first).toHaveFocus();
    expect(first).toHaveAttribute('dir', 'auto');
    await user.type(first, 'Sam 07700 900123');
    await user.click(screen.getByRole('button', { name: 'Add a person' }));
    await user.type(screen.getByRole('textbox', { name: 'Person I can ask 2' }), 'Ana');
    expect((await saved()).sections.people.map((i) => i.text)).toEqual(['Sam 07700 900123', 'Ana']);

    await user.click(screen.getByRole('button', { name: 'Move up: Person I can ask 2' }));
    expect(screen.getByRole('textbox', { name: 'Person I can ask 1' })).toHaveValue('Ana');
    expect((await saved()).sections.people.map((i) => i.text)).toEqual(['Ana', 'Sam 07700 900123']);

    await user.click(screen.getByRole('button', { name: 'Remove: Person I can ask 1' }));
    expect(screen.getByRole('textbox', { name: 'Person I can ask 1' })).toHaveValue('Sam 07700 900123');
    expect(screen.queryByRole('textbox', { name: 'Person I can ask 2' })).toBeNull();
    expect((await saved()).sections.people.map((i) => i.text)).toEqual(['Sam 07700 900123']);

    // Read mode: big text, the typed phone number one tap away, the crisis lines still in step 5.
    await user.click(screen.getAllByRole('button', { name: 'Done changing' })[0]!);
    const four = step(/People I can ask for help/);
    expect(within(four).getByRole('link', { name: '07700 900123' })).toHaveAttribute('href', 'tel:07700900123');
    expect(within(step(/Professionals and crisis lines/)).getByText('Crisis lines (always here)')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('a saved plan opens to read, and every step shows what was written', async () => {
    await safetyPlanRepo().put({
      ...emptySafetyPlan(),
      sections: { ...emptySafetyPlan().sections, coping: [{ id: 'c', text: 'Cold water on my hands' }], professionals: [{ id: 'p', text: 'Dr Lee' }] },
    });
    render(SafetyPlan, withApp({}));
    await screen.findByRole('button', { name: 'Change my plan' }, SLOW);
    expect(within(step(/Things I can do on my own/)).getByText('Cold water on my hands')).toBeInTheDocument();
    const five = step(/Professionals and crisis lines/);
    expect(within(five).getByText('Dr Lee')).toBeInTheDocument();
    expect(within(five).getByText('Crisis lines (always here)')).toBeInTheDocument();
  });

  it('when storage cannot be opened, the crisis lines are still there', async () => {
    globalThis.indexedDB = {
      open() {
        throw new DOMException('no storage here', 'InvalidStateError');
      },
    } as never;
    resetConnection();
    render(SafetyPlan, withApp({}));
    expect(await screen.findByRole('alert', {}, SLOW)).toHaveTextContent(/cannot be opened/);
    expect(screen.getByText('Crisis lines (always here)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

// The plan preview (issue 16): what a plan asks, shown as text; fields no plan may set named as ignored;
// modules this version does not have named as such; a plan that would replace the one in use needs consent
// before "Use this plan"; nothing is stored until then.
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import PlanReview from '../../src/plans/PlanReview.svelte';
import { getDb, resetConnection } from '../../src/storage/db';
import { decodePayload, encodePayload } from '../../src/plans/codec';
import { plansRepo } from '../../src/plans/store';
import type { Plan } from '../../src/plans/schema';
import { withApp } from './app-context';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetConnection();
  location.hash = '#/plan/x';
});
afterEach(() => resetConnection());

const SLOW = { timeout: 8000 };

function plan(over: Partial<Plan> = {}): Plan {
  return {
    v: 1,
    id: 'p',
    createdAt: 1,
    title: 'Week two',
    clinician: { name: 'Dr Lee', contact: '' },
    modules: [
      { moduleId: 'belief-rehearsal', day: 1, instruction: '<img src=x onerror=alert(1)>' },
      { moduleId: 'a-future-module', day: 'any' },
    ],
    ...over,
  };
}

describe('PlanReview', () => {
  it('shows the plan as text, names what it cannot set and what this version lacks; stores nothing until accepted', async () => {
    const raw = { ...plan(), item9Rule: false } as Plan;
    const decoded = await decodePayload(await encodePayload({ plan: raw }));
    const { container } = render(PlanReview, withApp({ decoded }));
    expect(await screen.findByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('“a-future-module” — not in this version of the app')).toBeInTheDocument();
    expect(screen.getByText(/tried to set things no plan can change \(item9Rule\)/)).toBeInTheDocument();
    expect(await screen.findByText(/^Not verified\. This plan is not signed/, {}, SLOW)).toBeInTheDocument();
    expect(await (await getDb()).count('plans')).toBe(0);
  });

  it('replacing the plan in use lists the differences and needs consent', async () => {
    const repo = plansRepo(getDb);
    await repo.accept(await decodePayload(await encodePayload({ plan: plan() })), 'unsigned');
    const next = await decodePayload(await encodePayload({ plan: plan({ title: 'Week three' }) }));
    render(PlanReview, withApp({ decoded: next }));
    expect(await screen.findByText('Title: “Week two” → “Week three”', {}, SLOW)).toBeInTheDocument();
    const use = screen.getByRole('button', { name: 'Use this plan' });
    expect(use).toBeDisabled();
    await userEvent.click(screen.getByRole('checkbox', { name: 'I want this plan to replace the one I have now' }));
    expect(use).toBeEnabled();
    await userEvent.click(use);
    await waitFor(async () => expect((await repo.active())?.plan.title).toBe('Week three'), SLOW);
  });
});

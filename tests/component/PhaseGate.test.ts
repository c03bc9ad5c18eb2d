/**
 * The phase gate at the direct-link entry point, and Today's phase card, with a real (in-memory) dose log:
 * a module that does not fit right after a dose is not started — the screen says why and offers what fits.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import { IDBFactory } from 'fake-indexeddb';
import Exercise from '../../src/shell/Exercise.svelte';
import PhaseSlot from '../../src/shell/today/PhaseSlot.svelte';
import PlanToday from '../../src/shell/today/PlanToday.svelte';
import { plans } from '../../src/shell/services';
import { decodePayload, encodePayload } from '../../src/plans/codec';
import { resetConnection } from '../../src/storage/db';
import { dosesRepo } from '../../src/storage/doses';
import { sessionsRepo } from '../../src/storage/sessions';
import { doses as shellDoses } from '../../src/shell/dose-state.svelte';

const HOUR = 3_600_000;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetConnection();
});
afterEach(() => {
  vi.restoreAllMocks();
  resetConnection();
});

describe('direct link #/exercise/<id>', () => {
  it('right after a dose, a module that asks for typing is not started: it says why and offers what fits', async () => {
    await dosesRepo().add({ takenAt: Date.now() - 10 * 60_000, setting: 'home' });
    location.hash = '#/exercise/safe-place';
    render(Exercise, { route: { name: 'exercise', moduleId: 'safe-place' } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Safe place: not this one for now' })).toBeInTheDocument();
    expect(screen.getByText(/Right after a dose is a time to rest/)).toBeInTheDocument();
    const offered = screen.getAllByRole('link').map((a) => a.getAttribute('href'));
    expect(offered).toContain('#/exercise/five-senses');
    expect(offered).not.toContain('#/exercise/temperature');
    expect(offered).toContain('#/session-mode');
    expect(await sessionsRepo().unfinished()).toEqual([]);
  });

  it('when the dose log cannot be read, the phase is unknown: a typing module waits, as right after a dose', async () => {
    // A dose was logged minutes ago, but reading the log fails (storage trouble): the most protective phase
    // applies, never "between doses" with everything open.
    await dosesRepo().add({ takenAt: Date.now() - 10 * 60_000, setting: 'home' });
    vi.spyOn(shellDoses, 'latest').mockRejectedValue(new DOMException('read failed', 'UnknownError'));
    location.hash = '#/exercise/thought-record';
    render(Exercise, { route: { name: 'exercise', moduleId: 'thought-record' } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Thought record: not this one for now' })).toBeInTheDocument();
    expect(screen.getByText(/Right after a dose is a time to rest/)).toBeInTheDocument();
    expect(location.hash).toBe('#/exercise/thought-record');
    expect(await sessionsRepo().unfinished()).toEqual([]);
  });

  it('with no dose logged, the same link starts the exercise', async () => {
    location.hash = '#/exercise/safe-place';
    render(Exercise, { route: { name: 'exercise', moduleId: 'safe-place' } });
    await waitFor(() => expect(location.hash).toMatch(/^#\/session\//), { timeout: 5000 });
    expect(screen.queryByText(/not this one for now/)).not.toBeInTheDocument();
  });
});

describe('Today’s phase card', () => {
  it('with no dose: a quiet way to log one, nothing else (the card itself is not even loaded)', async () => {
    render(PhaseSlot);
    const link = await screen.findByRole('link', { name: 'Log a dose' });
    expect(link).toHaveAttribute('href', '#/doses');
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
  });

  it('in the days after: where the person is, the honest window copy, and the timeline as text', async () => {
    const doses = dosesRepo();
    const d = await doses.add({ takenAt: Date.now() - 30 * HOUR, setting: 'clinic' });
    await doses.markEffectsPassed(d.id, Date.now() - 28 * HOUR);
    render(PhaseSlot);
    expect(await screen.findByRole('heading', { level: 2, name: /^Day [12] after your session$/ })).toBeInTheDocument();
    expect(screen.getByText(/Now: days after\./)).toBeInTheDocument();
    expect(screen.getByText(/a likely opportunity, not a guarantee/)).toBeInTheDocument();
    expect(screen.getByText(/Days after: .* \(you are here\)/)).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/\d+ ?%|missed|streak/i);
  });

  it.each([
    ['the following days (day 5)', 5 * 24, 'Now: following days.'],
    ['between sessions (day 20)', 20 * 24, 'Now: between sessions.'],
  ])('in %s the card offers the practice to carry on with (reframing), not a second copy of the grounding list', async (_label, hours, now) => {
    const doses = dosesRepo();
    const d = await doses.add({ takenAt: Date.now() - hours * HOUR, setting: 'home' });
    await doses.markEffectsPassed(d.id, Date.now() - (hours - 2) * HOUR);
    render(PhaseSlot);
    expect(await screen.findByText(now)).toBeInTheDocument();
    const offered = [...document.querySelectorAll('ul.fits a')].map((a) => a.getAttribute('href'));
    expect(offered).toContain('#/exercise/thought-record');
    expect(offered.filter((h) => /five-senses|orientation|safe-place|temperature|body|breathing/.test(h ?? ''))).toEqual([]);
  });
});

describe('Today’s plan card follows the phase too', () => {
  async function acceptPlan() {
    const plan = {
      v: 1 as const,
      id: 'p-window',
      createdAt: Date.now() - 48 * HOUR,
      title: 'After session 3',
      clinician: { name: 'Dr Rivera', contact: '' },
      modules: [
        { moduleId: 'thought-record', day: 'any' as const },
        { moduleId: 'stuck-points', day: 1 as const },
        { moduleId: 'five-senses', day: 'any' as const },
      ],
    };
    await (await plans()).repo.accept(await decodePayload(await encodePayload({ plan })), 'unsigned');
  }
  const planLinks = () => [...document.querySelectorAll('section.plan a[href^="#/exercise/"]')].map((a) => a.getAttribute('href'));

  it('right after a dose, assigned reframing is listed but not offered as a way in: only what fits links', async () => {
    await acceptPlan();
    await dosesRepo().add({ takenAt: Date.now() - 10 * 60_000, setting: 'home' });
    render(PlanToday);
    await screen.findByRole('heading', { level: 2, name: /After session 3/ });
    await waitFor(() => expect(planLinks()).toContain('#/exercise/five-senses'));
    expect(planLinks()).not.toContain('#/exercise/thought-record');
    expect(planLinks()).not.toContain('#/exercise/stuck-points');
    // Still there, named, with when it opens: the plan is not hidden, only not offered now.
    expect(screen.getByText('Thought record')).toBeInTheDocument();
    expect(screen.getAllByText(/once the effects have passed/).length).toBeGreaterThan(0);
  });

  it('in the days after, the same plan links every assigned exercise', async () => {
    await acceptPlan();
    const d = await dosesRepo().add({ takenAt: Date.now() - 30 * HOUR, setting: 'home' });
    await dosesRepo().markEffectsPassed(d.id, Date.now() - 28 * HOUR);
    render(PlanToday);
    await screen.findByRole('heading', { level: 2, name: /After session 3/ });
    await waitFor(() => expect(planLinks()).toEqual(expect.arrayContaining(['#/exercise/thought-record', '#/exercise/stuck-points', '#/exercise/five-senses'])));
  });
});

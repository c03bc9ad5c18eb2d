/**
 * "Ground me now", as rules: what happens to whatever is running, which grounding session is shown, and
 * what the person is offered to go back to. No UI here; the Ground screen calls `beginGrounding` and
 * renders the result. Tested in node with real storage (tests/unit/ground.test.ts) and as pure rules
 * (tests/unit/in-the-moment.test.ts).
 */
import type { Runner, SessionHandle } from './runner';
import type { SessionContext } from './session.machine';
import type { Entry } from '../storage/schema';
import { rankByHelpfulness, type Ranked } from './helpfulness';
import { DEFAULT_THRESHOLDS, type Thresholds } from './routing';

/**
 * One exercise Ground may start, and the part of it that is safe in the moment. `variant` is handed to the
 * module as its quick input (ModuleInput.variant); `field` names where the module keeps which variant ran
 * (in its data, or its context before anything was recorded), so ratings and running sessions can be told apart.
 */
export interface MomentExercise {
  moduleId: string;
  variant?: string;
  field?: 'part' | 'pattern';
}

/**
 * The in-the-moment set (CLINICAL.md §2, "Ground me now is for the moment" — judgment from clinical review):
 * only outward, sensory exercises. Never safe-place imagery, cold water or muscle tensing, nor held breaths,
 * whatever the person's ratings say. Order = the order used when there are no ratings (gentlest first).
 */
export const IN_THE_MOMENT: readonly MomentExercise[] = [
  { moduleId: 'five-senses' },
  { moduleId: 'orientation' },
  // Feet and hands only — not "tense and let go" (PMR).
  { moduleId: 'body', variant: 'anchor', field: 'part' },
  // The slow out-breath, as in PE breathing retraining — no held breaths (4-7-8, box).
  { moduleId: 'breathing', variant: 'slow-exhale', field: 'pattern' },
];

/**
 * Inward exercises — imagery, breath focus, muscle work (body holds muscle tensing; its feet and hands are
 * reached through Ground me now). With presence ≤ 3 they are listed last (CLINICAL.md §2).
 */
export const INWARD: readonly string[] = ['safe-place', 'breathing', 'body'];

/** At a check-in or check-out with low presence: outward exercises first, inward last; otherwise unchanged. */
export function outwardFirst<R extends { module: { id: string } }>(
  choices: readonly R[],
  presence: number | undefined,
  t: Pick<Thresholds, 'presenceAtMost'> = DEFAULT_THRESHOLDS,
): R[] {
  if (presence === undefined || presence > t.presenceAtMost) return [...choices];
  const inward = (c: R) => INWARD.includes(c.module.id);
  return [...choices.filter((c) => !inward(c)), ...choices.filter(inward)];
}

/** Where a way out of an inward exercise leads: never back into it (issue 12). */
export const WAY_OUT: Readonly<Record<string, string>> = { 'safe-place': 'orientation' };

function member(moduleId: string): MomentExercise | undefined {
  return IN_THE_MOMENT.find((m) => m.moduleId === moduleId);
}

/** The variant a module ran (from its data) or is set to run (from its context), when the set cares. */
function variantIn(field: MomentExercise['field'], ...sources: unknown[]): string | undefined {
  if (!field) return undefined;
  for (const s of sources) {
    const v = s && typeof s === 'object' ? (s as Record<string, unknown>)[field] : undefined;
    if (typeof v === 'string') return v;
  }
  return undefined;
}

/**
 * Is this exercise, as it runs, in the in-the-moment set? `moduleContext` is the module's own context (its
 * `data` inside) or, for stored entries, `{ data }`. A body or breathing exercise counts only in its safe variant.
 */
export function isInTheMoment(moduleId: string, moduleContext?: unknown): boolean {
  const m = member(moduleId);
  if (!m) return false;
  if (!m.variant) return true;
  const ctx = moduleContext as { data?: unknown } | undefined;
  return variantIn(m.field, ctx?.data, ctx) === m.variant;
}

/**
 * The in-the-moment set ranked by this person's own ratings, inside the set only: a body session that was
 * muscle tensing says nothing about feet and hands, so only sessions of the same variant count.
 */
export function rankInTheMoment(entries: readonly Entry[]): Ranked<MomentExercise & { id: string }>[] {
  const relevant = entries.filter((e) => !!e.moduleId && isInTheMoment(e.moduleId, { data: e.data }));
  return rankByHelpfulness(
    IN_THE_MOMENT.map((m) => ({ ...m, id: m.moduleId })),
    relevant,
  );
}

/**
 * What Ground starts: the in-the-moment exercise that has helped this person most (gentlest first without
 * history). `avoid`: exercises Ground just suspended (muscle tensing, a held breath) — the best of the rest
 * starts, so the screen never shows a second copy under the same title ("Back to Body grounding" above a new
 * "Body grounding"). If every member is to be avoided, the best one still starts.
 */
export function pickGroundNow(entries: readonly Entry[], avoid: ReadonlySet<string> = new Set()): MomentExercise {
  const ranked = rankInTheMoment(entries);
  const top = (ranked.find((r) => !avoid.has(r.module.moduleId)) ?? ranked[0])?.module ?? IN_THE_MOMENT[0]!;
  return { moduleId: top.moduleId, ...(top.variant ? { variant: top.variant } : {}) };
}

export interface Interrupted {
  sessionId: string;
  title: string;
}

export interface GroundStart {
  /** The grounding session to show: the one already under way, or a new quick start. */
  handle: SessionHandle;
  /** The exercise grounding interrupted (newest), offered back as "Back to <title>". */
  interrupted?: Interrupted;
}

export interface GroundOptions {
  /** The way out of this (inward) exercise was taken: end it, words kept, and open WAY_OUT[leaving]. */
  leaving?: string;
}

/** The Ground control's own sessions: started quick (no check-in) and of the grounding family. */
export function isQuickGrounding(context: Pick<SessionContext, 'quick' | 'family'> | undefined): boolean {
  return !!context?.quick && context.family === 'grounding';
}

type Snap = ReturnType<SessionHandle['actor']['getSnapshot']>;

function moduleContextOf(snap: Snap): unknown {
  const child = snap.children['module'] as { getSnapshot(): { context?: unknown } } | undefined;
  return child?.getSnapshot().context;
}

function storedModuleContext(snapshot: unknown): unknown {
  return (snapshot as { children?: { module?: { snapshot?: { context?: unknown } } } } | undefined)?.children?.module?.snapshot
    ?.context;
}

/**
 * Pressed inside a grounding exercise that is itself safe in the moment (e.g. 5-4-3-2-1 opened from Today):
 * carry on with it rather than open a second copy under the same title.
 */
function carriesOn(h: SessionHandle, snap: Snap): boolean {
  if (snap.context.family !== 'grounding') return false;
  if (!snap.matches({ flow: 'checkIn' }) && !snap.matches({ flow: 'module' })) return false;
  return isInTheMoment(h.meta.id, moduleContextOf(snap));
}

async function end(h: SessionHandle): Promise<void> {
  if (h.actor.getSnapshot().status === 'active') h.actor.send({ type: 'EXIT' });
  await h.flush();
}

/**
 * Suspend every other running exercise (its step and words kept; GROUND is idempotent), then carry on
 * with grounding already under way — pressing Ground twice must not start a second one — or quick-start
 * `pick()`, the in-the-moment exercise that has helped this person most. A quick grounding that is not
 * safe in the moment (safe place chosen from the list, then Ground pressed again) is ended, words kept.
 */
export async function beginGrounding(
  runner: Runner,
  /** `avoid`: the modules of the exercises just suspended (offered back), not to be started a second time. */
  pick: (avoid: ReadonlySet<string>) => Promise<MomentExercise | string> | MomentExercise | string,
  options: GroundOptions = {},
): Promise<GroundStart> {
  const interrupted: Interrupted[] = [];
  const suspendedModules = new Set<string>();
  const target = options.leaving ? WAY_OUT[options.leaving] ?? IN_THE_MOMENT[0]!.moduleId : undefined;
  // With a way out, only a grounding of the target exercise may carry on.
  const reusable = (moduleId: string, moduleContext: unknown) =>
    isInTheMoment(moduleId, moduleContext) && (!target || moduleId === target);
  let current: SessionHandle | undefined;
  // Sessions dealt with here; one ended just now may still be in storage while its entry is written.
  const seen = new Set<string>();
  // Exercises left unfinished earlier, not running in this page: at most one unfinished per exercise.
  const leftEarlier: { id: string; moduleId: string }[] = [];

  for (const h of runner.live()) {
    seen.add(h.id);
    const snap = h.actor.getSnapshot();
    if (snap.status !== 'active') continue;
    if (options.leaving && h.meta.id === options.leaving) {
      await end(h);
      continue;
    }
    if (isQuickGrounding(snap.context)) {
      if (!current && reusable(h.meta.id, moduleContextOf(snap))) current = h;
      else await end(h);
      continue;
    }
    if (!current && !target && carriesOn(h, snap)) {
      if (snap.matches({ flow: 'checkIn' })) h.actor.send({ type: 'SKIP_CHECK_IN' });
      current = h;
      continue;
    }
    if (snap.matches('flow') || snap.matches('paused')) h.actor.send({ type: 'GROUND' });
    await h.flush();
    interrupted.push({ sessionId: h.id, title: h.meta.title });
    suspendedModules.add(h.meta.id);
  }

  // After a reload nothing is live: the stored records say what was suspended and what was grounding.
  for (const { record, meta } of await runner.unfinished()) {
    if (seen.has(record.id)) continue;
    const context = (record.snapshot as { context?: SessionContext } | undefined)?.context;
    if (options.leaving && record.moduleId === options.leaving) {
      const h = await runner.open(record.id);
      if (h) await end(h);
    } else if (isQuickGrounding(context)) {
      const h = await runner.open(record.id);
      if (!h) continue;
      if (!current && reusable(record.moduleId, storedModuleContext(record.snapshot))) current = h;
      else await end(h);
    } else if (record.status === 'suspended') {
      interrupted.push({ sessionId: record.id, title: meta.title });
      suspendedModules.add(record.moduleId);
    } else {
      leftEarlier.push({ id: record.id, moduleId: record.moduleId });
    }
  }

  let handle = current;
  if (!handle) {
    const picked = target ? { moduleId: target } : await pick(suspendedModules);
    const choice = typeof picked === 'string' ? { moduleId: picked } : picked;
    // The same exercise left unfinished earlier (yesterday's 5-4-3-2-1, not on screen): ended first, its
    // words kept in the journal, so grounding starts at step 1 and Today never lists it twice.
    await endLeftEarlier(runner, leftEarlier.filter((r) => r.moduleId === choice.moduleId).map((r) => r.id));
    handle = await runner.start(choice.moduleId, { quick: true, variant: choice.variant });
  }
  return { handle, interrupted: interrupted[0] };
}

/** End these unfinished sessions, words kept in the journal; one open in another tab cannot be opened and is left as it is. */
async function endLeftEarlier(runner: Runner, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const h = await runner.open(id);
    if (h) await end(h);
  }
}

/**
 * Another exercise picked from the Ground screen's list, quick-started. At most one unfinished session per
 * exercise: one of it left earlier (not running in this page, not suspended and offered back) is ended
 * first, words kept in the journal.
 */
export async function startQuick(runner: Runner, moduleId: string): Promise<SessionHandle> {
  const running = new Set(runner.live().map((h) => h.id));
  const ids = (await runner.unfinished())
    .filter(({ record }) => record.moduleId === moduleId && record.status === 'active' && !running.has(record.id))
    .map(({ record }) => record.id);
  await endLeftEarlier(runner, ids);
  return runner.start(moduleId, { quick: true });
}

/** Where "Back to where you were" leads: the previous screen, unless it was an exercise (offered apart). */
export function returnTarget(previousHash: string | undefined): string | undefined {
  if (!previousHash) return undefined;
  return /^#\/(ground|session|exercise)(\/|$)/.test(previousHash) ? undefined : previousHash;
}

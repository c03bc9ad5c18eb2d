/**
 * The app's singletons, wired once. Storage repositories are light; the session runner (XState) is loaded
 * on first use so it stays off the first screen's path.
 */
import { entriesRepo } from '../storage/entries';
import { draftsRepo } from '../storage/drafts';
import { sessionsRepo } from '../storage/sessions';
import { settingsRepo } from '../storage/settings';
import { personalRepo } from '../storage/personal';
import type { SafetyPlanRepo } from '../storage/safety-plan';
import type { WrittenExposureRepo } from '../storage/written-exposure';
import type { ExposureRepo } from '../storage/exposure';
import type { MeasuresRepo } from '../storage/measures';
import { requestPersistence } from '../storage/persist';
import type { Runner } from '../flow/runner';
import type { MediaRepo } from '../storage/media';
import type { EntryReads } from '../storage/entry-reads';
import type { PlansService } from '../plans/service';
import { onLeave } from './lifecycle';
import { findModule } from '../modules/registry';

export const entries = entriesRepo();
export const drafts = draftsRepo();
export const sessions = sessionsRepo();
export const settings = settingsRepo();
export const personal = personalRepo();

/**
 * A repository loaded on first use: its code stays off the first screen. A chunk that could not load (offline,
 * a file missing from the cache) is not remembered as failed: the next call tries again.
 */
function onFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load();
    loading.catch(() => (loading = undefined));
    return loading;
  };
}

/** The journal's reads (pages, search, the whole journal for a report), loaded with the first screen that reads them. */
export const entryReads: () => Promise<EntryReads> = onFirstUse(() => import('../storage/entry-reads').then((m) => m.entryReadsRepo()));
/** Voice notes' storage, loaded with the first screen that plays or records one. */
export const media: () => Promise<MediaRepo> = onFirstUse(() => import('../storage/media').then((m) => m.mediaRepo()));
/** The safety plan's repository. */
export const safetyPlan: () => Promise<SafetyPlanRepo> = onFirstUse(() => import('../storage/safety-plan').then((m) => m.safetyPlanRepo()));
/** Therapist plans and clinician keys (issue 16). */
export const plans: () => Promise<PlansService> = onFirstUse(() => import('../plans/service').then((m) => m.plansService()));
/** Written exposure courses (issue 15). */
export const writtenExposure: () => Promise<WrittenExposureRepo> = onFirstUse(() =>
  import('../storage/written-exposure').then((m) => m.writtenExposureRepo()),
);
/** The fear hierarchy and exposure records. */
export const exposures: () => Promise<ExposureRepo> = onFirstUse(() => import('../storage/exposure').then((m) => m.exposureRepo()));
/** The questionnaires' repository (and the scoring it derives totals with). */
export const measures: () => Promise<MeasuresRepo> = onFirstUse(() => import('../storage/measures').then((m) => m.measuresRepo()));

let runner: Promise<Runner> | undefined;

export function getRunner(): Promise<Runner> {
  // The registry is small metadata Today already shows; only the runner (XState) is worth deferring.
  runner ??= import('../flow/runner').then(({ createRunner }) => {
    const created = createRunner({
      entries,
      sessions,
      findModule,
      onEntrySaved: () => void askPersistenceOnce(),
      // A therapist plan's thresholds, clamped to the documented limits (plans/limits.content.ts), through
      // the plans chunk (loaded with the first session, not with the runner or the first screen).
      thresholds: () => plans().then((p) => p.activePlanThresholds()),
    });
    // Running sessions are saved on every step; pagehide writes the very last keystroke too.
    onLeave(() => created.flushAll());
    return created;
  });
  // A chunk that could not load (offline, a file missing from the cache) must not be remembered as failed.
  runner.catch(() => (runner = undefined));
  return runner;
}

/** Ask for persistent storage after the first saved entry (DESIGN.md §4), once. */
const persistListeners = new Set<() => void>();
/** The shell listens, to explain in a notice why the browser was asked (DESIGN.md §4). */
export function onPersistGranted(listener: () => void): () => void {
  persistListeners.add(listener);
  return () => persistListeners.delete(listener);
}

export async function askPersistenceOnce(): Promise<void> {
  if (await settings.get('persistAsked')) return;
  await settings.set('persistAsked', true);
  if ((await requestPersistence()) === true) for (const l of persistListeners) l();
}

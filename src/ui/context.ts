/**
 * What the shell hands to the views it mounts (modules, journal, shared session views), through one Svelte
 * context. Views depend on these interfaces, never on `shell/` (DESIGN.md §2; tests/unit/imports.test.ts
 * enforces it). The shell builds the real one (`shell/context.ts`) and sets it once, in App.svelte;
 * component tests pass the same object with `render(View, { props, context: appContextMap(ctx) })`.
 */
import { getContext, setContext } from 'svelte';
import type { EntriesRepo } from '../storage/entries';
import type { EntryReads } from '../storage/entry-reads';
import type { DraftsRepo } from '../storage/drafts';
import type { SettingsRepo } from '../storage/settings';
import type { PersonalRepo } from '../storage/personal';
import type { MediaRepo } from '../storage/media';
import type { SafetyPlanRepo } from '../storage/safety-plan';
import type { WrittenExposureRepo } from '../storage/written-exposure';
import type { ExposureRepo } from '../storage/exposure';
import type { MeasuresRepo } from '../storage/measures';
import type { PlansService } from '../plans/service';
import type { SoundscapeId } from '../audio/catalog';
import type { Ranked } from '../flow/helpfulness';
import type { ModuleMeta } from '../flow/module';

/** After-save navigation; ordinary navigation is links. */
export interface Navigation {
  go(hash: string): void;
  /** Replace the current history entry, so Back skips screens like "starting…". */
  replace(hash: string): void;
}

/** The part of the shell's state a view may change: opening the Help dialog. */
export interface HelpState {
  helpOpen: boolean;
}

/** The person's remembered sound choice and when sound plays (exercise screens only). */
export interface SoundChoice {
  /** Reactive. */
  readonly state: { readonly enabled: boolean; readonly soundscape: SoundscapeId };
  /** Read the remembered choice (for a switch shown outside an exercise). */
  load(): Promise<void>;
  /** The switch was flipped: remember it. */
  choose(on: boolean): void;
  /** An exercise screen opened: start sound if the person keeps it on. */
  enterExercise(): Promise<void>;
  /** The exercise screen closed: fade out. */
  leaveExercise(): void;
}

/**
 * Storage reaches views through here too, functions included: a lazy screen that imports a storage module
 * itself makes the bundler split storage and valibot off the first screen's chunk (measured: five extra
 * requests, +2.3 KB gzip on the first screen). Types may be imported from storage/ directly.
 */
export interface AppContext {
  /** Journal entries: write, read one, Today's recent sessions (storage/entries.ts, on the first screen). */
  entries: EntriesRepo;
  /** The journal's reads: pages, search, the whole journal (storage/entry-reads.ts), loaded on first use. */
  entryReads(): Promise<EntryReads>;
  drafts: DraftsRepo;
  settings: SettingsRepo;
  personal: PersonalRepo;
  /** Voice notes' audio (storage/media.ts), loaded on first use so the first screen never carries it. */
  media(): Promise<MediaRepo>;
  /** The person's safety plan (Stanley & Brown) and its coalescing writer; loaded on first use. */
  safetyPlan(): Promise<SafetyPlanRepo>;
  /** Written exposure courses (storage/written-exposure.ts) and their coalescing writer; loaded on first use. */
  writtenExposure(): Promise<WrittenExposureRepo>;
  /** The fear hierarchy and exposure records (storage/exposure.ts), loaded on first use. */
  exposures(): Promise<ExposureRepo>;
  /** Questionnaire administrations (PHQ-9, GAD-7, PCL-5) and their writer; loaded on first use. */
  measures(): Promise<MeasuresRepo>;
  /** Therapist plans (accepted, composed) and this device's clinician keys; loaded on first use (issue 16). */
  plans(): Promise<PlansService>;
  /** Ask for persistent storage after the first saved entry, once (DESIGN.md §4). */
  askPersistenceOnce(): Promise<void>;
  /** Run `fn` when the page may be going away (pagehide, hidden); returns the unsubscribe function. */
  onLeave(fn: () => Promise<unknown> | void): () => void;
  router: Navigation;
  /** A short notice; with an action (Undo) it stays until dismissed. */
  toast(message: string, action?: { label: string; run: () => void }): void;
  shell: HelpState;
  sound: SoundChoice;
  /** The grounding exercises, ranked by what has helped this person. */
  rankedGrounding(): Promise<Ranked<ModuleMeta>[]>;
  /** The clinician's report key (ECDH P-256 public JWK) from the accepted plan, if any (CONTRACTS C). */
  recipientKey?(): Promise<JsonWebKey | undefined>;
  /** Clinician mode: the private key that opens reports locked to this device's plans (CONTRACTS C). */
  reportPrivateKey?(): Promise<CryptoKey | undefined>;
}

const KEY = Symbol('groundwork.app');

/** Called once by the shell, during App's initialisation. */
export function setAppContext(ctx: AppContext): AppContext {
  return setContext(KEY, ctx);
}

/** Call during a component's initialisation (top level of its script). */
export function getAppContext(): AppContext {
  const ctx = getContext<AppContext | undefined>(KEY);
  if (!ctx) throw new Error('getAppContext: no app context; the shell (App.svelte) sets it with setAppContext');
  return ctx;
}

/** The context as a map, for `mount(…, { context })` and component tests' `render(…, { context })`. */
export function appContextMap(ctx: AppContext): Map<symbol, AppContext> {
  return new Map([[KEY, ctx]]);
}

/**
 * The module contract. A module is a folder under src/modules/ with:
 *   meta.ts    — what Today and the registry need without loading the module (id, title, minutes, phases)
 *   content.ts — steps, copy and sources as typed data (no clinical wording in components)
 *   machine.ts — an XState machine whose context holds `data` and whose final output is that data
 *   View.svelte and index.ts — the view, loaded lazily with the machine via `meta.load()`
 * Adding a module = adding the folder + one line in modules/registry.ts.
 */
import type { AnyActorRef, AnyStateMachine } from 'xstate';
import type { Component } from 'svelte';
import type { GenericSchema } from 'valibot';

export type Family = 'grounding' | 'reframing' | 'exposure' | 'capture';

/** Dose-anchored phases (CLINICAL.md §1); `phase.ts` computes them from the dose log. */
export type Phase = 'session' | 'settling' | 'window' | 'consolidation' | 'between';
export const ALL_PHASES: readonly Phase[] = ['session', 'settling', 'window', 'consolidation', 'between'];

export interface Source {
  /** Human-readable citation: authors, title, journal/publisher, year. */
  citation: string;
  /** What from this source the module uses, in one line. */
  use: string;
}

export interface ModuleMeta {
  id: string;
  family: Family;
  title: string;
  /** One short, invitational line for lists. */
  summary: string;
  /** Typical length, shown so the person can choose what fits their energy. */
  minutes: number;
  /** What the card says in the session phase, where the module offers less than its summary promises
   *  (body grounding: feet and hands only, flow/parts.ts). */
  inSession?: { summary: string; minutes: number };
  /** The length follows a choice the person keeps in settings (breathing: 1–5 min): the card shows their
   *  length, not the default, once settings are read. */
  minutesFor?: (chosen: { breathing?: { minutes: number } }) => number;
  /** Phases in which the module is offered; clinical rules (e.g. no exposure in `session`) live here. */
  phases: readonly Phase[];
  /** The module needs the person to type (not just optionally): never started in the session phase
   *  (flow/phase.ts `fitsPhase`). */
  asksTyping?: boolean;
  /** The module asks its own before/after questions and routes to support itself (written exposure: SUDS
   *  0–100, the self-harm question, the safety plan first): the session skips its 0–10 check-in and
   *  check-out and saves when the module ends. */
  ownChecks?: boolean;
  /** With `ownChecks`: the session's optional note screen still follows the module (in-vivo). It comes after
   *  the module's own support step, so support still comes before paperwork. */
  noteAfter?: boolean;
  load: () => Promise<ModuleImpl>;
}

export interface ModuleViewProps {
  /** The module's own actor (a child of the session actor); the view sends events and reads snapshots. */
  actor: AnyActorRef;
  /** Stable per session: used for draft ids and element ids. */
  sessionId: string;
  /**
   * End the exercise here without finishing it, because the person chose something else (e.g. "Choose
   * another exercise" on temperature's safety note). The session ends as if they left (EXIT: whatever
   * was rated or written is kept, nothing else), so it is not offered back as unfinished.
   */
  leave?: () => void;
  /**
   * Whether the view offers text boxes. False in the session phase — right after a dose nothing asks for
   * typing (CLINICAL.md §1) — and until the phase is known: the view then keeps to what can be tapped,
   * read or said aloud; a box that already holds words is still shown (words are never hidden). Undefined
   * (a view shown outside a session) means true.
   */
  typing?: boolean;
  /**
   * The dose phase the session runs in: 'session' until it is known (SessionView fails closed, like
   * `typing`). A view with parts offers only those that fit it (flow/parts.ts: body grounding keeps to feet
   * and hands in the session phase). Undefined (a view shown outside a session) offers every part.
   */
  phase?: Phase;
}

export interface ModuleImpl<TData = unknown> {
  /** Context must include `data: TData`; the final state's output must be TData. Input: `ModuleInput`. */
  machine: AnyStateMachine;
  View: Component<ModuleViewProps>;
  /** Validates `data` read back from storage (snapshots, journal entries, backups). */
  dataSchema: GenericSchema<unknown, TData>;
  /** Plain-text summary for the journal list and search. */
  summarize(data: TData): string;
  /** Optional: shown under the summary on the module's journal entry (belief rehearsal: its chart). */
  EntryDetail?: Component<{ data: TData; entryId: string }>;
  /** Where the technique comes from; shown under "Where this comes from". Kept out of `ModuleMeta` so
   *  the first screen never loads module content. */
  sources: readonly Source[];
}

/** What a session gives its module when it starts it. */
export interface ModuleInput {
  /** Grounding started from the Ground control: go straight to the first step, no preamble. */
  quick: boolean;
  /** Start straight in this part of the module (body: 'anchor'; breathing: a pattern id). Ground me now
   *  uses it so a quick start is always the variant that is safe in the moment (flow/ground.ts). */
  variant?: string;
}

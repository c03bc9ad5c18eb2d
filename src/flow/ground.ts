/**
 * "Ground me now", as rules: what happens to whatever is running, which grounding session is shown, and
 * what the person is offered to go back to. No UI here; the Ground screen calls `beginGrounding` and
 * renders the result. Tested in node with real storage (tests/unit/ground.test.ts).
 */
import type { Runner, SessionHandle } from './runner';
import type { SessionContext } from './session.machine';

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

/** The Ground control's own sessions: started quick (no check-in) and of the grounding family. */
export function isQuickGrounding(context: Pick<SessionContext, 'quick' | 'family'> | undefined): boolean {
  return !!context?.quick && context.family === 'grounding';
}

/**
 * Suspend every other running exercise (its step and words kept; GROUND is idempotent), then carry on
 * with a quick grounding session already under way — pressing Ground twice must not start a second one —
 * or quick-start `pick()`, the exercise that has helped this person most.
 */
export async function beginGrounding(runner: Runner, pick: () => Promise<string> | string): Promise<GroundStart> {
  const interrupted: Interrupted[] = [];
  let current: SessionHandle | undefined;

  for (const h of runner.live()) {
    const snap = h.actor.getSnapshot();
    if (snap.status !== 'active') continue;
    if (isQuickGrounding(snap.context)) {
      current ??= h;
      continue;
    }
    if (snap.matches('flow') || snap.matches('paused')) h.actor.send({ type: 'GROUND' });
    await h.flush();
    interrupted.push({ sessionId: h.id, title: h.meta.title });
  }

  // After a reload nothing is live: the stored records say what was suspended and what was grounding.
  for (const { record, meta } of await runner.unfinished()) {
    if (interrupted.some((i) => i.sessionId === record.id) || current?.id === record.id) continue;
    const context = (record.snapshot as { context?: SessionContext } | undefined)?.context;
    if (isQuickGrounding(context)) {
      current ??= await runner.open(record.id);
    } else if (record.status === 'suspended') {
      interrupted.push({ sessionId: record.id, title: meta.title });
    }
  }

  const handle = current ?? (await runner.start(await pick(), { quick: true }));
  return { handle, interrupted: interrupted[0] };
}

/** Where "Back to where you were" leads: the previous screen, unless it was an exercise (offered apart). */
export function returnTarget(previousHash: string | undefined): string | undefined {
  if (!previousHash) return undefined;
  return /^#\/(ground|session|exercise)(\/|$)/.test(previousHash) ? undefined : previousHash;
}

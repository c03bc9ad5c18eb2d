/** Shell-wide state: storage problems, the exercise interrupted by grounding, toasts, update prompt. */
import { onProblem, onSaved, type StorageProblem } from '../storage/problems';

export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
}

export const shell = $state({
  problems: [] as StorageProblem[],
  /** The session suspended by the Ground control, offered back afterwards. */
  interrupted: undefined as { sessionId: string; title: string } | undefined,
  /** The screen the person was on when they pressed Ground (journal editor, a list…). */
  returnTo: undefined as string | undefined,
  toasts: [] as Toast[],
  updateReady: false,
  helpOpen: false,
  /** The app lock is closed: only Ground, Help and the lock screen show (shell/lock/guard.ts). */
  locked: false,
});

let toastId = 0;

/** A toast with an action (Undo) stays until dismissed: nobody should have to race a timer (WCAG 2.2.1). */
export function toast(message: string, action?: Toast['action'], ms = 8000): void {
  const id = ++toastId;
  shell.toasts.push({ id, message, action });
  if (!action) setTimeout(() => dismissToast(id), ms);
}

export function dismissToast(id: number): void {
  const i = shell.toasts.findIndex((t) => t.id === id);
  if (i >= 0) shell.toasts.splice(i, 1);
}

onProblem((problem) => {
  // One message per kind: repeated failures (every keystroke on a full disk) must not stack up. A newer
  // count of unreadable records replaces the older one.
  const i = shell.problems.findIndex((p) => p.kind === problem.kind);
  if (i < 0) shell.problems.push(problem);
  else if (problem.kind === 'invalid-records') shell.problems[i] = problem;
});

// Saving works again (space was freed, the connection came back): "could not save" no longer holds.
onSaved(() => {
  shell.problems = shell.problems.filter((p) => p.kind !== 'quota' && p.kind !== 'terminated' && p.kind !== 'unknown');
});

export function dismissProblem(kind: StorageProblem['kind']): void {
  shell.problems = shell.problems.filter((p) => p.kind !== kind);
}

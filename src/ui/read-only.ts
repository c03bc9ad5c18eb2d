/**
 * When a newer version of the app takes the database (`storage/problems.ts` → superseded), nothing typed
 * in this page can be stored any more. Every text box on screen — and any that appears later (a module
 * step, a note) — turns read-only: the words stay visible and selectable (to copy), and none are typed
 * that would go nowhere. Installed once by the shell; views need no code of their own.
 */
import { isSuperseded, onSuperseded } from '../storage/problems';

const TEXT_BOXES = 'textarea, input:not([type]), input[type="text"], input[type="search"]';

export function installReadOnlyWhenSuperseded(doc: Document): () => void {
  const lockAll = () => doc.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(TEXT_BOXES).forEach((el) => (el.readOnly = true));
  // Text boxes rendered afterwards are caught when they get focus, before anything can be typed.
  const onFocus = (e: Event) => {
    const el = e.target as Element | null;
    if (isSuperseded() && el?.matches?.(TEXT_BOXES)) (el as HTMLInputElement).readOnly = true;
  };
  doc.addEventListener('focusin', onFocus, true);
  const stop = onSuperseded(lockAll);
  if (isSuperseded()) lockAll();
  return () => {
    stop();
    doc.removeEventListener('focusin', onFocus, true);
  };
}

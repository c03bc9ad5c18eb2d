/**
 * The one size policy (storage/limits.ts) at input, for every text box in the app at once: a text box
 * gets `maxlength = TEXT_MAX_CHARS` the moment it is focused (before anything can be typed or pasted into
 * it), and reaching the limit calls `onLimit` so the person is told at once — their words stay. Boxes
 * that say so themselves (the journal editor) carry `data-own-limit-message`. Installed once by the shell.
 */
import { TEXT_MAX_CHARS } from '../storage/limits';

type TextBox = HTMLTextAreaElement | HTMLInputElement;

function textBox(target: EventTarget | null): TextBox | undefined {
  const el = target as Partial<TextBox> | null;
  if (!el || typeof el.tagName !== 'string') return undefined;
  if (el.tagName === 'TEXTAREA') return el as TextBox;
  if (el.tagName === 'INPUT' && ['text', 'search', ''].includes((el as HTMLInputElement).type ?? '')) return el as TextBox;
  return undefined;
}

export function installTextLimit(doc: Document, onLimit: () => void): () => void {
  const onFocus = (e: Event) => {
    const el = textBox(e.target);
    if (el && !el.hasAttribute('maxlength')) el.maxLength = TEXT_MAX_CHARS;
  };
  const onInput = (e: Event) => {
    const el = textBox(e.target);
    if (!el || el.maxLength !== TEXT_MAX_CHARS || el.dataset['ownLimitMessage'] !== undefined) return;
    if (el.value.length >= TEXT_MAX_CHARS) onLimit();
  };
  doc.addEventListener('focusin', onFocus, true);
  doc.addEventListener('input', onInput, true);
  return () => {
    doc.removeEventListener('focusin', onFocus, true);
    doc.removeEventListener('input', onInput, true);
  };
}

/** One size policy at input, for every text box (issue 13 #1): see src/ui/text-limit.ts. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent } from '@testing-library/svelte';
import { installTextLimit } from '../../src/ui/text-limit';
import { TEXT_MAX_CHARS } from '../../src/storage/limits';

let uninstall = () => {};
afterEach(() => {
  uninstall();
  document.body.innerHTML = '';
});

describe('text limit at input', () => {
  it('every text box takes exactly what storage keeps, and reaching it is said at once while the words stay', async () => {
    const onLimit = vi.fn();
    uninstall = installTextLimit(document, onLimit);
    document.body.innerHTML = '<label>Note <textarea id="n"></textarea></label><input id="t" type="text"><input id="r" type="radio">';
    const note = document.getElementById('n') as HTMLTextAreaElement;
    note.focus();
    expect(note.maxLength).toBe(TEXT_MAX_CHARS);
    (document.getElementById('t') as HTMLInputElement).focus();
    expect((document.getElementById('t') as HTMLInputElement).maxLength).toBe(TEXT_MAX_CHARS);
    await fireEvent.input(note, { target: { value: 'short' } });
    expect(onLimit).not.toHaveBeenCalled();
    const full = 'x'.repeat(TEXT_MAX_CHARS);
    await fireEvent.input(note, { target: { value: full } });
    expect(onLimit).toHaveBeenCalledTimes(1);
    expect(note.value).toBe(full);
  });

  it('leaves alone a box with its own limit or its own message', async () => {
    const onLimit = vi.fn();
    uninstall = installTextLimit(document, onLimit);
    document.body.innerHTML = '<input id="pin" maxlength="4"><textarea id="j" maxlength="' + TEXT_MAX_CHARS + '" data-own-limit-message></textarea>';
    const pin = document.getElementById('pin') as HTMLInputElement;
    pin.focus();
    expect(pin.maxLength).toBe(4);
    const j = document.getElementById('j') as HTMLTextAreaElement;
    await fireEvent.input(j, { target: { value: 'x'.repeat(TEXT_MAX_CHARS) } });
    expect(onLimit).not.toHaveBeenCalled();
  });
});

describe('read-only when a newer version takes the database (issue 13 #4)', () => {
  it('every text box on screen, and any shown later, turns read-only with its words kept', async () => {
    const { installReadOnlyWhenSuperseded } = await import('../../src/ui/read-only');
    const { markSuperseded, resetSuperseded } = await import('../../src/storage/problems');
    resetSuperseded();
    const stop = installReadOnlyWhenSuperseded(document);
    try {
      document.body.innerHTML = '<textarea id="see">a lamp</textarea><input id="word" type="text" value="lake"><input id="r" type="radio">';
      const see = document.getElementById('see') as HTMLTextAreaElement;
      expect(see.readOnly).toBe(false);
      markSuperseded();
      expect(see.readOnly).toBe(true);
      expect((document.getElementById('word') as HTMLInputElement).readOnly).toBe(true);
      expect(see.value).toBe('a lamp');
      document.body.insertAdjacentHTML('beforeend', '<textarea id="later"></textarea>');
      const later = document.getElementById('later') as HTMLTextAreaElement;
      later.focus();
      expect(later.readOnly).toBe(true);
    } finally {
      stop();
      resetSuperseded();
    }
  });
});

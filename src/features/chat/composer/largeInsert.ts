import { useEffect, type RefObject } from 'react';
import type { ComposerTarget } from '../composerSlice';

/**
 * Past this many characters the box shows only the start of the message (see MessageBox): a
 * textarea lays out all it holds on every keystroke, about half a second per megabyte.
 */
export const LARGE_BODY = 32 * 1024;

/**
 * Takes an insertion that would make the box hold more than `LARGE_BODY` characters (a paste, a
 * drop, text inserted by an input method or a script) before the browser lays it out in the box,
 * and puts it into the draft instead, where the box shows its start. Smaller insertions are left
 * to the browser, with its undo and caret.
 */
export function useLargeInsert(box: RefObject<HTMLTextAreaElement | null>, target: ComposerTarget, editDraft: (target: ComposerTarget, change: { body: string }) => void): void {
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const listener = (event: InputEvent) => {
      // An input method's composition cannot be cancelled, and is typed, never large.
      if (event.isComposing || !event.cancelable || !event.inputType.startsWith('insert')) return;
      const text = event.data ?? event.dataTransfer?.getData('text/plain') ?? null;
      if (text === null) return;
      const { value, selectionStart, selectionEnd } = element;
      if (value.length - (selectionEnd - selectionStart) + text.length <= LARGE_BODY) return;
      event.preventDefault();
      editDraft(target, { body: value.slice(0, selectionStart) + text + value.slice(selectionEnd) });
    };
    element.addEventListener('beforeinput', listener);
    return () => element.removeEventListener('beforeinput', listener);
  }, [box, target, editDraft]);
}

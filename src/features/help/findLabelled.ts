import { findAllByName } from '../../ui/findByName';

/** Focuses the last enabled text box with that name (the newest connection's, for `Message`); false when there is none. */
export function focusLastLabelled(name: string): boolean {
  const enabled = findAllByName('textbox', name).filter((element) => !(element as HTMLInputElement).disabled);
  const last = enabled.at(-1);
  last?.focus();
  return last !== undefined;
}

/** True while the person is writing: page shortcuts must leave those keys to the field. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('.monaco-editor')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'range', 'reset', 'submit', 'file', 'color'].includes(target.type);
}

/**
 * Controls by accessible name, the same contract the tests and screen readers use (ARCHITECTURE.md, UI contract),
 * so a shortcut can reach a control another part of the page owns without knowing its markup.
 * Covers `aria-label` and `<label>`; case-insensitive, like the contract.
 */
export function findLabelled(name: string): HTMLElement[] {
  const wanted = name.toLowerCase();
  const byAria = [...document.querySelectorAll<HTMLElement>('[aria-label]')].filter((element) => element.getAttribute('aria-label')?.trim().toLowerCase() === wanted);
  const byLabel = [...document.querySelectorAll('label')].filter((label) => label.textContent?.trim().toLowerCase() === wanted).flatMap((label) => (label.control ? [label.control] : []));
  return [...byAria, ...byLabel];
}

/** Focuses the last enabled control with that name (the newest connection's, for `Message`); false when there is none. */
export function focusLastLabelled(name: string): boolean {
  const enabled = findLabelled(name).filter((element) => !(element as HTMLInputElement).disabled);
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

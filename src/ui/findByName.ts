/**
 * Controls by role and accessible name: the names of the UI contract (ARCHITECTURE.md) that the
 * tests and screen readers use, so one part of the page (a shortcut, the tour) can reach a control
 * another part owns without knowing its markup. Case-insensitive, like the contract.
 */
export const ROLES = ['button', 'combobox', 'textbox', 'region', 'list', 'tab'] as const;
export type Role = (typeof ROLES)[number];

/** The elements that can have each role (native elements and ARIA roles). */
const CANDIDATES: Readonly<Record<Role, string>> = {
  button: 'button, [role="button"]',
  combobox: 'select, [role="combobox"]',
  textbox: 'textarea, input[type="text"], input[type="search"], input:not([type]), [role="textbox"], [role="searchbox"]',
  region: 'section[aria-label], section[aria-labelledby], [role="region"]',
  list: 'ol, ul, [role="list"]',
  tab: '[role="tab"]',
};

const text = (element: Element | null): string => element?.textContent?.trim().replace(/\s+/g, ' ') ?? '';

/** An element's accessible name, as far as the page's own markup needs: aria-label, aria-labelledby, a `<label>`, a button's text. */
function nameOf(element: HTMLElement, role: Role): string {
  const label = element.getAttribute('aria-label');
  if (label) return label.trim();
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) return labelledBy.split(/\s+/).map((id) => text(document.getElementById(id))).join(' ');
  const labels = (element as HTMLInputElement).labels;
  if (labels && labels.length > 0) return [...labels].map(text).join(' ');
  return role === 'button' || role === 'tab' ? text(element) : '';
}

const shown = (element: HTMLElement): boolean => element.getClientRects().length > 0;

/** Every shown control with that role and name, in document order (the newest connection's `Message` last). */
export function findAllByName(role: Role, name: string): HTMLElement[] {
  const wanted = name.toLowerCase();
  return [...document.querySelectorAll<HTMLElement>(CANDIDATES[role])].filter((element) => shown(element) && nameOf(element, role).toLowerCase() === wanted);
}

/** The last shown control with that role and name, or undefined. */
export const findByName = (role: Role, name: string): HTMLElement | undefined => findAllByName(role, name).at(-1);

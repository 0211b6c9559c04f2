import type { TourTarget } from './tourSteps';

/** The elements that can have each role the tour points at (native elements and ARIA roles). */
const CANDIDATES: Readonly<Record<TourTarget['role'], string>> = {
  button: 'button, [role="button"]',
  combobox: 'select, [role="combobox"]',
  textbox: 'textarea, input[type="text"], input:not([type]), [role="textbox"]',
  region: 'section[aria-label], section[aria-labelledby], [role="region"]',
  list: 'ol, ul, [role="list"]',
  tab: '[role="tab"]',
};

const text = (element: Element | null): string => element?.textContent?.trim().replace(/\s+/g, ' ') ?? '';

/** An element's accessible name, as far as the page's own markup needs: aria-label, aria-labelledby, a `<label>`, its text. */
function nameOf(element: HTMLElement, role: TourTarget['role']): string {
  const label = element.getAttribute('aria-label');
  if (label) return label.trim();
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) return labelledBy.split(/\s+/).map((id) => text(document.getElementById(id))).join(' ');
  const labels = (element as HTMLInputElement).labels;
  if (labels && labels.length > 0) return [...labels].map(text).join(' ');
  return role === 'button' || role === 'tab' ? text(element) : '';
}

const shown = (element: HTMLElement): boolean => element.getClientRects().length > 0;

/**
 * The control the tour points at, by role and accessible name (case-insensitive, as the UI
 * contract's names are): the last one shown, which for `Message` is the newest connection's.
 */
export function findByName(target: TourTarget): HTMLElement | undefined {
  const wanted = target.name.toLowerCase();
  return [...document.querySelectorAll<HTMLElement>(CANDIDATES[target.role])]
    .filter((element) => shown(element) && nameOf(element, target.role).toLowerCase() === wanted)
    .at(-1);
}

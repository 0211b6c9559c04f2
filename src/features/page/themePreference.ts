/** The page's two colour schemes; the system's preference picks one until the person does. */
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const KEY = 'theater-playground.theme';

/**
 * The theme the person chose on an earlier visit, if any. Storage can be missing (Node tests)
 * or refuse access (some private modes): then the page simply follows the system.
 */
export function readThemeChoice(): Theme | null {
  try {
    const stored = globalThis.localStorage?.getItem(KEY);
    return stored === 'light' || stored === 'dark' ? stored : null;
  } catch {
    return null;
  }
}

/** Remembers the choice; null forgets it, so the page follows the system again. */
export function writeThemeChoice(choice: Theme | null): void {
  try {
    if (choice === null) globalThis.localStorage?.removeItem(KEY);
    else globalThis.localStorage?.setItem(KEY, choice);
  } catch {
    // Not remembered across visits; the toggle still works for this one.
  }
}

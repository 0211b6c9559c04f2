import { readLocal, writeLocal } from '../../store/localSetting';

/** The page's two colour schemes; the system's preference picks one until the person does. */
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const KEY = 'theater-playground.theme';

/** The theme the person chose on an earlier visit, if any; else the page follows the system. */
export function readThemeChoice(): Theme | null {
  const stored = readLocal(KEY);
  return stored === 'light' || stored === 'dark' ? stored : null;
}

/** Remembers the choice; null forgets it, so the page follows the system again. */
export const writeThemeChoice = (choice: Theme | null): void => writeLocal(KEY, choice);

import { readLocal, writeLocal } from '../../../store/localSetting';

const KEY = 'theater-playground.gallery-folded';

/**
 * Whether the person folded the example strip away (true) or kept it open (false) on an earlier
 * visit; null when they never chose (or nothing can be remembered).
 */
export function readGalleryFolded(): boolean | null {
  const stored = readLocal(KEY);
  return stored === 'true' ? true : stored === 'false' ? false : null;
}

/** Remembers the choice for the next visit. */
export const writeGalleryFolded = (folded: boolean): void => writeLocal(KEY, String(folded));

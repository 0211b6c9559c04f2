const KEY = 'theater-playground.gallery-folded';

/**
 * Whether the person folded the example strip away (true) or kept it open (false) on an earlier
 * visit; null when they never chose. Storage can be missing (Node tests) or refuse access (some
 * private modes): then nobody chose.
 */
export function readGalleryFolded(): boolean | null {
  try {
    const stored = globalThis.localStorage?.getItem(KEY);
    return stored === 'true' ? true : stored === 'false' ? false : null;
  } catch {
    return null;
  }
}

/** Remembers the choice for the next visit. */
export function writeGalleryFolded(folded: boolean): void {
  try {
    globalThis.localStorage?.setItem(KEY, String(folded));
  } catch {
    // Not remembered across visits; the toggle still works for this one.
  }
}

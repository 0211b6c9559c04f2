const KEY = 'theater-playground.editor-draft';

/**
 * The Editor's text as the person left it, so a reload never loses an edit that was not run.
 * Storage can be missing (Node tests) or refuse access (some private modes): then the Editor
 * starts from a template and the text lives as long as the page.
 */
export function readEditorDraft(): string | null {
  try {
    return globalThis.localStorage?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
}

export function writeEditorDraft(text: string): void {
  try {
    globalThis.localStorage?.setItem(KEY, text);
  } catch {
    // Kept for this visit only (storage full or refused).
  }
}

const KEY = 'theater-playground.editor-draft';

/**
 * The Editor's text as the person left it, so a reload never loses an edit that was not run, and
 * `base`, the source of the Editor actor that was loaded when they last typed (null for none): a
 * reload that brings the same actor back keeps the edit; another actor's source replaces it.
 */
export interface EditorDraft {
  text: string;
  base: string | null;
}

/**
 * Storage can be missing (Node tests) or refuse access (some private modes): then the Editor
 * starts from a template and the text lives as long as the page.
 */
export function readEditorDraft(): EditorDraft | null {
  try {
    const stored = globalThis.localStorage?.getItem(KEY);
    if (stored === null || stored === undefined) return null;
    const draft = JSON.parse(stored) as Partial<EditorDraft>;
    return typeof draft.text === 'string' ? { text: draft.text, base: typeof draft.base === 'string' ? draft.base : null } : null;
  } catch {
    return null;
  }
}

export function writeEditorDraft(draft: EditorDraft): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Kept for this visit only (storage full or refused).
  }
}

import { readLocal, writeLocal } from '../../store/localSetting';

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

/** The draft of an earlier visit; null when there is none (or nothing can be remembered). */
export function readEditorDraft(): EditorDraft | null {
  const stored = readLocal(KEY);
  if (stored === null) return null;
  try {
    const draft = JSON.parse(stored) as Partial<EditorDraft>;
    return typeof draft.text === 'string' ? { text: draft.text, base: typeof draft.base === 'string' ? draft.base : null } : null;
  } catch {
    return null;
  }
}

export const writeEditorDraft = (draft: EditorDraft): void => writeLocal(KEY, JSON.stringify(draft));

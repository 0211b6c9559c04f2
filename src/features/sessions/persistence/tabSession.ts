/**
 * The session this tab has open, kept in sessionStorage: it lives as long as the tab (a reload
 * keeps it) and is the tab's own, so with two tabs open each reload brings back its own session,
 * where the database's `current` only knows which session was opened last in any tab.
 */
const KEY = 'theater-playground/session';

export function readTabSession(): string | undefined {
  try {
    return globalThis.sessionStorage?.getItem(KEY) ?? undefined;
  } catch {
    // Storage can be refused (sandboxed frames, some privacy settings): then no tab has one.
    return undefined;
  }
}

export function writeTabSession(id: string): void {
  try {
    globalThis.sessionStorage?.setItem(KEY, id);
  } catch {
    // As above: the database's `current` still says which session to restore.
  }
}

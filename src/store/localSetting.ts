/**
 * What the page remembers across visits, in localStorage under `theater-playground.<name>` keys
 * (the theme, the folded gallery, the tour's step, the Editor's draft). Storage can be missing
 * (Node tests) or refuse access (some private modes, a full quota): then nothing is remembered,
 * each of these works for the visit, and no caller has to guard for it.
 */

/** The text stored under `key`; null when there is none or storage cannot be read. */
export function readLocal(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Stores `value` under `key` (null removes it); a refusal is ignored, as the visit goes on without it. */
export function writeLocal(key: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(key);
    else globalThis.localStorage?.setItem(key, value);
  } catch {
    // Not remembered across visits.
  }
}

/**
 * Expected failures are values, not exceptions: a bad file or an actor's `err` is something the
 * caller must handle, so the type makes it impossible to forget. Only bugs throw.
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });

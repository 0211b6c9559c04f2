import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh secret per server start: a token from an earlier run (or another tab's guess) is worthless. */
export function makeToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison; hashing first makes the lengths equal, as `timingSafeEqual` needs. */
export function tokenMatches(expected: string, candidate: string | null): boolean {
  if (candidate === null) return false;
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(candidate));
}

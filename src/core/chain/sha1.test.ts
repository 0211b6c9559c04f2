import { sha1 } from '@noble/hashes/legacy.js';
import { describe, expect, it } from 'vitest';
import { toHex, utf8 } from '../bytes';
import { createSha1, loadSha1 } from './sha1';

const digest = (chunks: Uint8Array[]) => {
  const hasher = createSha1();
  for (const chunk of chunks) hasher.update(chunk);
  return hasher.digest();
};

describe('SHA-1 for chains', () => {
  it('gives the standard digests, fed whole or in pieces, before and after the compiled one loads', async () => {
    const data = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 167 + (i >>> 9)) % 256);
    const pieces = [data.subarray(0, 1), data.subarray(1, 65_600), data.subarray(65_600)];
    const before = [digest([utf8('abc')]), digest(pieces)];
    await loadSha1();
    const after = [digest([utf8('abc')]), digest(pieces)];
    for (const [abc, whole] of [before, after]) {
      expect(toHex(abc!)).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
      expect(toHex(whole!)).toBe(toHex(sha1(data)));
    }
  });
});

import { sha1 as nobleSha1 } from '@noble/hashes/legacy.js';
import { createSHA1, type IHasher } from 'hash-wasm';

/** SHA-1 fed a chunk at a time; `digest` gives the 20 bytes and ends it. */
export interface Sha1 {
  update(chunk: Uint8Array): void;
  digest(): Uint8Array;
}

let wasm: IHasher | undefined;
let loading: Promise<void> | undefined;

/**
 * Makes chain hashing run at memory speed: compiles hash-wasm's SHA-1 (about 4× @noble/hashes'
 * JavaScript one on a chain entry's text; its WebAssembly is inlined in the package, so nothing is
 * fetched). Call it, once, wherever chains are about to be hashed (an actor session starting, a
 * chain being read); it never fails: where WebAssembly cannot be compiled (a page whose CSP lacks
 * 'wasm-unsafe-eval'), hashing stays correct on @noble/hashes, only slower.
 */
export function loadSha1(): Promise<void> {
  loading ??= createSHA1().then(
    (hasher) => {
      wasm = hasher;
    },
    () => undefined,
  );
  return loading;
}

/**
 * A fresh SHA-1. Hashing is synchronous and never re-entered (one entry is hashed whole before the
 * next starts), so the one compiled instance serves every hash in turn.
 */
export function createSha1(): Sha1 {
  if (!wasm) return nobleSha1.create();
  const hasher = wasm.init();
  return { update: (chunk) => void hasher.update(chunk), digest: () => hasher.digest('binary') };
}

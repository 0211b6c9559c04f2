import { sha256 } from '@noble/hashes/sha2.js';
import { toHex } from './bytes';

/** A state as the history refers to it: the hash of its bytes, or null for `none`. */
export type StateRef = string | null;

/**
 * States stored content-addressed: each distinct state is kept once however many events point
 * at it, so a long history of an actor whose state rarely changes costs almost nothing.
 */
export class StateStore {
  readonly #states = new Map<string, Uint8Array>();

  /** Stores `bytes` (if new) and returns its reference; `isNew` tells whether it was new. */
  put(bytes: Uint8Array | undefined): { ref: StateRef; isNew: boolean } {
    if (bytes === undefined) return { ref: null, isNew: false };
    const ref = toHex(sha256(bytes));
    if (this.#states.has(ref)) return { ref, isNew: false };
    this.#states.set(ref, bytes);
    return { ref, isNew: true };
  }

  /** Adopts a state whose hash is already known (from a snapshot), trusting nothing: rehashes. */
  adopt(bytes: Uint8Array): StateRef {
    return this.put(bytes).ref;
  }

  /** Keeps a state under a hash this program computed itself (the worker's, carried to the page): not rehashed. */
  keep(ref: string, bytes: Uint8Array): void {
    this.#states.set(ref, bytes);
  }

  get(ref: StateRef): Uint8Array | undefined {
    return ref === null ? undefined : this.#states.get(ref);
  }

  has(ref: StateRef): boolean {
    return ref === null || this.#states.has(ref);
  }

  get size(): number {
    return this.#states.size;
  }

  entries(): IterableIterator<[string, Uint8Array]> {
    return this.#states.entries();
  }
}

import { cacheKeyBytes, sha256Hex, type CompiledComponent } from '../core';

/** How many components' compiled forms the page keeps: a person goes back and forth between a few builds. */
export const KEPT_COMPONENTS = 4;

/**
 * The compiled form (compiled core modules, glue, `inspect`'s result: core/compiledComponent.ts)
 * of the last few components loaded in this page, by the SHA-256 of their bytes, least recently
 * used out. The client hands the one for a load's bytes to the worker that loads them again, which
 * then neither transpiles nor compiles; a page reload loses them (no browser store keeps a
 * WebAssembly.Module), and `Clear component cache` drops them with the cache.
 */
export class CompiledModules {
  /** By SHA-256 hex, least recently used first (a Map keeps insertion order). */
  readonly #kept = new Map<string, CompiledComponent>();
  /** Each byte array's hash, computed once: a load looks its bytes up, then keeps what the worker made of them. */
  readonly #hashes = new WeakMap<Uint8Array, Promise<string>>();

  constructor(private readonly limit = KEPT_COMPONENTS) {}

  /** The compiled form kept for `bytes` (now the most recently used), or undefined. */
  async for(bytes: Uint8Array): Promise<CompiledComponent | undefined> {
    const hash = await this.#hash(bytes);
    const found = this.#kept.get(hash);
    if (found) this.#touch(hash, found);
    return found;
  }

  /** Keeps `compiled`, what a worker made of `bytes`, dropping the least recently used beyond the bound. */
  async keep(bytes: Uint8Array, compiled: CompiledComponent): Promise<void> {
    this.#touch(await this.#hash(bytes), compiled);
    for (const hash of this.#kept.keys()) {
      if (this.#kept.size <= this.limit) break;
      this.#kept.delete(hash);
    }
  }

  clear(): void {
    this.#kept.clear();
  }

  #touch(hash: string, compiled: CompiledComponent): void {
    this.#kept.delete(hash);
    this.#kept.set(hash, compiled);
  }

  #hash(bytes: Uint8Array): Promise<string> {
    let hash = this.#hashes.get(bytes);
    if (!hash) this.#hashes.set(bytes, (hash = sha256Hex(cacheKeyBytes(bytes))));
    return hash;
  }
}

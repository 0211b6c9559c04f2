/**
 * Least-recently-used entries under a size budget, always keeping the `keep` most recent (the
 * two states of the diff on screen, however large). Deterministic, so the page can mirror what
 * the diff worker holds by doing the same operations on sizes alone.
 */
export class Lru<T> {
  readonly #entries = new Map<string, { item: T; size: number }>();
  #size = 0;

  constructor(
    private readonly budget: number,
    private readonly keep = 2,
  ) {}

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  /** The entry, now the most recent; undefined when it is not held. */
  get(key: string): T | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.item;
  }

  /** Adds (or replaces) an entry as the most recent, then drops the oldest while over budget. */
  set(key: string, item: T, size: number): void {
    const old = this.#entries.get(key);
    if (old) {
      this.#size -= old.size;
      this.#entries.delete(key);
    }
    this.#entries.set(key, { item, size });
    this.#size += size;
    for (const [oldest, entry] of this.#entries) {
      if (this.#size <= this.budget || this.#entries.size <= this.keep) break;
      this.#entries.delete(oldest);
      this.#size -= entry.size;
    }
  }

  clear(): void {
    this.#entries.clear();
    this.#size = 0;
  }
}

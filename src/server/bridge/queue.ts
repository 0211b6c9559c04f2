/** Limits on what waits for the page. Counted in messages and in UTF-16 units of the JSON (≈ bytes). */
export interface QueueLimits {
  /** Above this many queued messages (or `maxBytes`), reading from real clients pauses. */
  maxMessages: number;
  maxBytes: number;
}

export const DEFAULT_QUEUE_LIMITS: QueueLimits = { maxMessages: 10_000, maxBytes: 16 * 1024 * 1024 };

/**
 * A FIFO of serialized control messages with size accounting and three thresholds:
 * - `full`: at the soft limit; the owner pauses reading from the real clients.
 * - `hasRoom`: back under half of it; the owner resumes them (the gap stops pause/resume flapping).
 * - `overHard`: twice the soft limit. Pausing a socket does not stop the frames already read
 *   from it (at most one socket chunk per client), so the queue can overshoot a little; past
 *   this, the owner refuses ordinary messages so memory stays bounded whatever the clients do.
 */
export class BoundedQueue {
  readonly limits: QueueLimits;
  // An array with a moving head: `shift()` on a large array is O(n), and the queue can hold 10k.
  #items: string[] = [];
  #head = 0;
  #bytes = 0;

  constructor(limits: QueueLimits) {
    if (!(limits.maxMessages > 0 && limits.maxBytes > 0)) throw new Error('queue limits must be positive');
    this.limits = limits;
  }

  get length(): number {
    return this.#items.length - this.#head;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get full(): boolean {
    return this.length >= this.limits.maxMessages || this.#bytes >= this.limits.maxBytes;
  }

  get hasRoom(): boolean {
    return this.length <= this.limits.maxMessages / 2 && this.#bytes <= this.limits.maxBytes / 2;
  }

  /** Whether adding `item` would go past twice the soft limit. */
  wouldOverflow(item: string): boolean {
    return this.length + 1 > this.limits.maxMessages * 2 || this.#bytes + item.length > this.limits.maxBytes * 2;
  }

  push(item: string): void {
    this.#items.push(item);
    this.#bytes += item.length;
  }

  shift(): string | undefined {
    if (this.#head >= this.#items.length) return undefined;
    const item = this.#items[this.#head]!;
    this.#items[this.#head] = '';
    this.#head += 1;
    this.#bytes -= item.length;
    // Compact once the dead prefix dominates, so memory follows the live length.
    if (this.#head >= 1024 && this.#head * 2 >= this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }

  clear(): void {
    this.#items = [];
    this.#head = 0;
    this.#bytes = 0;
  }
}

/**
 * A first-in first-out queue that stays O(1) per item at any length (`Array.shift` is not: a
 * burst of 10,000 relayed messages would cost quadratic time).
 */
export class Fifo<T> {
  #items: T[] = [];
  #head = 0;

  get length(): number {
    return this.#items.length - this.#head;
  }

  push(item: T): void {
    this.#items.push(item);
  }

  peek(): T | undefined {
    return this.#items[this.#head];
  }

  shift(): T | undefined {
    if (this.#head >= this.#items.length) return undefined;
    const item = this.#items[this.#head++];
    // Drop the consumed front now and then, so memory follows what is still queued.
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }

  /** Takes items from the front while `take` holds, at most `max`. */
  shiftWhile<S extends T>(take: (item: T) => item is S, max: number): S[] {
    const taken: S[] = [];
    for (let next = this.peek(); next !== undefined && taken.length < max && take(next); next = this.peek()) taken.push(this.shift() as S);
    return taken;
  }
}

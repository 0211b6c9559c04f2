import type { ActorEvent } from '../../core';
import type { EventTest } from './eventText';

/** What the timeline shows: the seqs that pass the filter (null: every event) and the search matches among them. */
export interface TimelineView {
  /** Grows in place as events arrive; only the first `rowCount` entries are settled. */
  rows: number[] | null;
  rowCount: number;
  matches: number[];
  matchCount: number;
  /** A rescan is waiting (typing) or running: the view shown is the previous one. */
  scanning: boolean;
}

/** Lets the browser paint and handle input; a message, not setTimeout, which is clamped to 4 ms. */
const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

/**
 * Keeps the timeline's view of an append-only history up to date. Events that arrive are tested
 * at once (one or a few at a time); a new filter or search rescans everything in slices of a few
 * milliseconds with the browser free in between, so 100,000 events never freeze the page, and a
 * newer rescan cancels an older one. A history replaced by another (a load, an import: a new
 * array, see ActorClient) is rescanned from the start.
 */
export class TimelineScanner {
  #filter: EventTest | null = null;
  #search: EventTest | null = null;
  #source: readonly ActorEvent[] | undefined;
  #rows: number[] | null = null;
  #matches: number[] = [];
  #scanned = 0;
  #generation = 0;
  #delayed: ReturnType<typeof setTimeout> | undefined;
  #start: (() => void) | undefined;
  /** The generation being rescanned (0: none), and the promise that ends with it. */
  #running = 0;
  #done: Promise<void> = Promise.resolve();

  constructor(
    private readonly events: () => readonly ActorEvent[],
    private readonly publish: (view: TimelineView) => void,
    private readonly sliceMs = 8,
  ) {}

  /** The tests changed: rescan from the first event, after `delayMs` (while typing) or at once. */
  retest(filter: EventTest | null, search: EventTest | null, delayMs = 0): void {
    this.#filter = filter;
    this.#search = search;
    const generation = ++this.#generation;
    clearTimeout(this.#delayed);
    this.#delayed = undefined;
    this.#start = undefined;
    this.#running = 0;
    if (!filter && !search) {
      // Nothing to test: every event is a row and there is nothing to find.
      this.#adopt(this.events(), null, []);
      return;
    }
    this.publish({ ...this.#view(), scanning: true });
    const start = () => {
      clearTimeout(this.#delayed);
      this.#delayed = undefined;
      this.#start = undefined;
      // Marked before it runs: a short history finishes (and clears the mark) without awaiting.
      this.#running = generation;
      this.#done = this.#rescan(generation);
    };
    if (delayMs > 0) {
      this.#start = start;
      this.#delayed = setTimeout(start, delayMs);
    } else {
      start();
    }
  }

  /** The history changed: test the events that are new, or start over if it is another history. */
  sync(): void {
    // A rescan waiting or under way reads the live history: it will see these events.
    if (this.#start || this.#running) return;
    const events = this.events();
    if (events !== this.#source || events.length < this.#scanned) {
      this.retest(this.#filter, this.#search);
      return;
    }
    if (events.length === this.#scanned) return;
    this.#test(events, this.#scanned, this.#rows, this.#matches);
    this.#scanned = events.length;
    this.publish(this.#view());
  }

  /** Resolves once the view is up to date; a rescan still waiting for typing to stop starts now. */
  async settled(): Promise<void> {
    this.#start?.();
    while (this.#running) await this.#done;
  }

  async #rescan(generation: number): Promise<void> {
    let events = this.events();
    let rows: number[] | null = this.#filter ? [] : null;
    let matches: number[] = [];
    let done = 0;
    // The first slice runs at once, so a short history is filtered before the next paint.
    let deadline = performance.now() + this.sliceMs;
    // `events.length` is read live: events recorded while this runs are scanned too.
    while (done < events.length) {
      const end = Math.min(events.length, done + 512);
      this.#test(events, done, rows, matches, end);
      done = end;
      if (performance.now() < deadline) continue;
      await nextTask();
      if (generation !== this.#generation) return;
      deadline = performance.now() + this.sliceMs;
      if (this.events() !== events) {
        events = this.events();
        rows = this.#filter ? [] : null;
        matches = [];
        done = 0;
      }
    }
    this.#adopt(events, rows, matches);
  }

  /** Tests events [from, to) and appends the seqs that pass. */
  #test(events: readonly ActorEvent[], from: number, rows: number[] | null, matches: number[], to = events.length): void {
    const filter = this.#filter;
    const search = this.#search;
    for (let i = from; i < to; i++) {
      if (filter && !filter(events, i)) continue;
      const { seq } = events[i]!;
      rows?.push(seq);
      if (search?.(events, i)) matches.push(seq);
    }
  }

  #adopt(events: readonly ActorEvent[], rows: number[] | null, matches: number[]): void {
    this.#running = 0;
    this.#source = events;
    this.#scanned = events.length;
    this.#rows = rows;
    this.#matches = matches;
    this.publish(this.#view());
  }

  #view(): TimelineView {
    const rows = this.#rows;
    return { rows, rowCount: rows ? rows.length : this.#scanned, matches: this.#matches, matchCount: this.#matches.length, scanning: false };
  }
}

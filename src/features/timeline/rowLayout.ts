import type { ActorEvent } from '../../core';
import { detailCount } from './eventDetails';

/**
 * Row geometry in pixels. A row's height follows from its number of detail lines alone, so the
 * position of every row is known without rendering or measuring any of them; the stylesheet
 * reads these through custom properties set on the list, so the two cannot drift apart.
 */
export const ROW = { head: 24, line: 18, padding: 5, gap: 4 } as const;

/** The height of an event's row, without the gap below it. */
export const rowHeight = (event: ActorEvent): number => 2 * ROW.padding + ROW.head + detailCount(event) * ROW.line;

/**
 * Where each row of the timeline sits: a running sum of row heights, extended as rows arrive and
 * rebuilt when the rows are another list (a new filter) or another history.
 */
export class RowLayout {
  /** offsets[i] is the top of row i; the last entry is the height of them all. */
  #offsets: number[] = [0];
  #events: readonly ActorEvent[] | undefined;
  #rows: readonly number[] | null = null;

  /** Brings the layout up to `count` rows, each the event `rows[i]` (or event i when every event is a row). */
  sync(events: readonly ActorEvent[], rows: readonly number[] | null, count: number): void {
    if (events !== this.#events || rows !== this.#rows || count < this.size) {
      this.#events = events;
      this.#rows = rows;
      this.#offsets = [0];
    }
    const offsets = this.#offsets;
    for (let i = this.size; i < count; i++) offsets.push(offsets[i]! + rowHeight(events[rows ? rows[i]! : i]!) + ROW.gap);
  }

  get size(): number {
    return this.#offsets.length - 1;
  }

  get total(): number {
    return this.#offsets[this.size]!;
  }

  top(index: number): number {
    return this.#offsets[index]!;
  }

  height(index: number): number {
    return this.#offsets[index + 1]! - this.#offsets[index]! - ROW.gap;
  }

  /** The row at `y` pixels from the top, clamped to the rows there are (-1 when there are none). */
  indexAt(y: number): number {
    let low = 0;
    let high = this.size - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.#offsets[mid]! <= y) low = mid;
      else high = mid - 1;
    }
    return high;
  }
}

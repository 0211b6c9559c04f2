import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { ActorEvent } from '../../core';
import type { RowLayout } from './rowLayout';
import type { ScrollSpace } from './scrollSpace';
import type { ShownRows } from './shownRows';
import type { Viewport } from './useViewport';

interface Reveal {
  list: RefObject<HTMLElement | null>;
  layout: RowLayout;
  /** How scroll positions map to the rows' pixels (TimelineList's). */
  space: ScrollSpace;
  shown: ShownRows;
  events: readonly ActorEvent[];
  rows: readonly number[] | null;
  cursor: number | null;
  /** The event the cursor resolves to (the newest while following). */
  current: number;
  /** Following the newest event and scrolled to the end: new events scroll into view. */
  following: boolean;
  /** Scrolls the list to a scroll position (px of its scroll range, not of rows). */
  scrollTo: (top: number) => void;
  /** The list's view as last read (useViewport's): while it, the rows and the cursor stay put, nothing needs revealing. */
  viewport: Viewport;
}

/** What the last reveal saw: the same again means the view is already where it should be. */
interface Seen {
  cursor: number | null;
  rows: readonly number[] | null;
  events: readonly ActorEvent[];
  following: boolean;
  total: number;
  top: number;
  height: number;
}

/** Room left above or below a row scrolled into view, so it does not sit flush against the edge. */
const MARGIN_PX = 24;

/**
 * Keeps the view where the person expects it. While following the newest event at the bottom,
 * new events scroll in. When the selection moves (by key, click, search, the step buttons) or the
 * rows change (a filter, another history), the selected row is scrolled into view, or the end
 * when following. Nothing else moves the view: a person who scrolled away stays where they are.
 */
export function useRevealCursor({ list, layout, space, shown, events, rows, cursor, current, following, scrollTo, viewport }: Reveal): void {
  const revealed = useRef<Seen | null>(null);
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const seen = revealed.current;
    const moved = !seen || seen.cursor !== cursor || seen.rows !== rows || seen.events !== events;
    // Re-rendered for something else (a call in flight, a status): reading the list's size or
    // place would lay the whole page out before its paint, once more per render, for nothing.
    if (!moved && seen.following === following && seen.total === layout.total && seen.top === viewport.top && seen.height === viewport.height) return;
    revealed.current = { cursor, rows, events, following, total: layout.total, top: viewport.top, height: viewport.height };
    if (following || (moved && cursor === null)) {
      // The last row's bottom at the view's bottom (the padding under it stays below).
      const end = Math.max(0, space.toScroll(layout.total - element.clientHeight));
      if (Math.abs(element.scrollTop - end) >= 1) scrollTo(end);
    } else if (moved && shown.count > 0) {
      // A selection the filter hides: show where it would be, between its neighbours.
      const found = shown.indexOf(current);
      const index = found >= 0 ? found : Math.min(shown.indexFrom(current), shown.count - 1);
      const top = layout.top(index);
      const bottom = top + layout.height(index);
      // Compared in the rows' pixels: the scroll range may be a scaled-down copy of them.
      const seen = space.toRows(element.scrollTop);
      const view = element.clientHeight;
      const toRow = (y: number) => scrollTo(Math.min(Math.max(0, space.toScroll(y)), Math.max(0, space.height - view)));
      if (top < seen) toRow(top - MARGIN_PX);
      else if (bottom > seen + view) toRow(bottom - view + MARGIN_PX);
    }
    // Keyboard users keep their focus on the selected row as it moves (it is always rendered).
    if (moved && element.contains(document.activeElement)) {
      element.querySelector<HTMLElement>(`[data-seq="${current}"]`)?.focus({ preventScroll: true });
    }
  });
}

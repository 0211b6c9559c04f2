import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** What part of a scrolling list is on screen. */
export interface Viewport {
  top: number;
  height: number;
  /** Scrolled to (or within a few pixels of) the end: where a list that follows its newest item stays. */
  atBottom: boolean;
  /** How far (px) the last scroll moved the view: a fast one makes rows beyond its edges not worth rendering. */
  moved: number;
}

const BOTTOM_SLACK_PX = 8;
/** How long the view must stay put before a jump counts as over and the rows around it are drawn again. */
const SETTLE_MS = 150;

/**
 * Tracks a scroll container's visible window, and scrolls it. `scrollTo` reads the result back at
 * once, so a list that scrolls before paint (to follow, to reveal the selection) also renders the
 * rows for where it landed in the same frame, never a blank one.
 */
export function useViewport(list: RefObject<HTMLElement | null>): { viewport: Viewport; scrollTo: (top: number) => void } {
  const [viewport, setViewport] = useState<Viewport>({ top: 0, height: 0, atBottom: true, moved: 0 });
  const settle = useRef<ReturnType<typeof setTimeout>>(undefined);
  // `resized`: the list changed size, not place. A list pinned to its end stays pinned (the
  // follower scrolls it back there), or a pane restored to its saved size after the rows arrived
  // would leave the newest rows out of view.
  const read = useCallback(
    (resized = false) => {
      const element = list.current;
      if (!element) return;
      const top = element.scrollTop;
      const height = element.clientHeight;
      const end = top + height >= element.scrollHeight - BOTTOM_SLACK_PX;
      setViewport((seen) => {
        const atBottom = resized ? seen.atBottom || end : end;
        return seen.top === top && seen.height === height && seen.atBottom === atBottom ? seen : { top, height, atBottom, moved: Math.abs(top - seen.top) };
      });
      // A jump (a fling, a filter, End) draws only the rows in view; once the view stays put, the
      // rows around it come back, or a list left after a jump would stay without them.
      clearTimeout(settle.current);
      settle.current = setTimeout(() => setViewport((seen) => (seen.moved === 0 ? seen : { ...seen, moved: 0 })), SETTLE_MS);
    },
    [list],
  );
  // Before the first paint: the rows are drawn on a layer as tall as the view, so the first frame needs its height.
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    read(true);
    // Rendered before the frame is painted, not in a later task: a fast scroll otherwise shows
    // the rows of the previous position, or none, for a frame.
    const onScroll = () => flushSync(() => read());
    element.addEventListener('scroll', onScroll, { passive: true });
    const observer = new ResizeObserver(() => read(true));
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer.disconnect();
      clearTimeout(settle.current);
    };
  }, [list, read]);
  const scrollTo = useCallback(
    (top: number) => {
      const element = list.current;
      if (!element) return;
      element.scrollTop = top;
      read();
    },
    [list, read],
  );
  return { viewport, scrollTo };
}

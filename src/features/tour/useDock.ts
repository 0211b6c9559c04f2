import { useLayoutEffect, type RefObject } from 'react';

/** Marks the element the tour card docks in (the side panel), so the card finds it without knowing the app's markup. */
export const TOUR_DOCK_ATTRIBUTE = 'data-tour-dock';

/**
 * Places the card over the bottom of the dock (the side panel) and asks the dock to keep that much
 * room free (`--tour-space`, its bottom padding): the card covers nothing, and the controls the
 * steps use (the connections, the Timeline, the Inspector, the time travel bar) stay clear. The
 * card comes last in the page's order, so the Tab order reaches the conversation first. Without a
 * dock, the card keeps its own place (tour.css) at the bottom left.
 */
export function useDock(card: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const element = card.current;
    const dock = document.querySelector<HTMLElement>(`[${TOUR_DOCK_ATTRIBUTE}]`);
    if (!element || !dock) return;
    const place = () => {
      const box = dock.getBoundingClientRect();
      const height = element.offsetHeight;
      dock.style.setProperty('--tour-space', `${height}px`);
      Object.assign(element.style, { left: `${box.left}px`, width: `${box.width}px`, top: `${box.bottom - height}px`, bottom: 'auto', maxHeight: `${Math.round(box.height * 0.65)}px` });
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(dock);
    observer.observe(element);
    window.addEventListener('resize', place);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', place);
      dock.style.removeProperty('--tour-space');
    };
  }, [card]);
}

import { useCallback, useEffect, useRef } from 'react';
import { usePlayground } from '../../store';
import { findByName } from '../../ui/findByName';
import type { TourTarget } from './tourSteps';

/**
 * Scrolls each scrolling box around `element` just enough to show it, as `scrollIntoView({ block:
 * 'nearest' })` would, but by setting their scroll offsets: Chromium moves the Tab order's starting
 * point to what `scrollIntoView` scrolls to, and the tour must not change where Tab goes.
 */
function reveal(element: HTMLElement): void {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const { overflowX, overflowY } = getComputedStyle(parent);
    if (overflowY !== 'visible' && parent.scrollHeight > parent.clientHeight) {
      const box = element.getBoundingClientRect();
      const frame = parent.getBoundingClientRect();
      if (box.top < frame.top) parent.scrollTop -= frame.top - box.top;
      else if (box.bottom > frame.bottom) parent.scrollTop += Math.min(box.bottom - frame.bottom, box.top - frame.top);
    }
    if (overflowX !== 'visible' && parent.scrollWidth > parent.clientWidth) {
      const box = element.getBoundingClientRect();
      const frame = parent.getBoundingClientRect();
      if (box.left < frame.left) parent.scrollLeft -= frame.left - box.left;
      else if (box.right > frame.right) parent.scrollLeft += Math.min(box.right - frame.right, box.left - frame.left);
    }
  }
}

/** The attribute that draws the spotlight (tour.css): an outline only, so the control stays as it is and takes clicks. */
const SPOTLIGHT = 'data-tour-spotlight';

/**
 * Outlines the control a step is about and scrolls it into view (only as far as needed) when the
 * step points at it first. The control may not exist yet (the newest connection's `Message` box
 * before its connection opens): the hook looks again whenever the connections or the side tab
 * change, and, while the control is missing, whenever the history changes.
 */
export function useSpotlight(target: TourTarget | null): void {
  const eventCount = usePlayground((s) => s.eventCount);
  // The connections as a value (ids, and which are open): the store's array is new with every
  // event, and each would look for the control again.
  const connections = usePlayground((s) => s.connections.map(({ id, open }) => (open ? id : -id)).join());
  const sideTab = usePlayground((s) => s.sideTab);
  const scrolledTo = useRef<HTMLElement | null>(null);
  const spotlit = useRef<HTMLElement | null>(null);
  const role = target?.role;
  const name = target?.name;

  const spotlight = useCallback((element: HTMLElement | undefined) => {
    if (!element) return;
    spotlit.current?.removeAttribute(SPOTLIGHT);
    element.setAttribute(SPOTLIGHT, '');
    spotlit.current = element;
    if (scrolledTo.current !== element) {
      scrolledTo.current = element;
      reveal(element);
    }
  }, []);

  // Looked for after the render that brought the control, not during it.
  useEffect(() => {
    if (role === undefined || name === undefined) return;
    const frame = requestAnimationFrame(() => spotlight(findByName(role, name)));
    return () => {
      cancelAnimationFrame(frame);
      spotlit.current = null;
      for (const element of document.querySelectorAll(`[${SPOTLIGHT}]`)) element.removeAttribute(SPOTLIGHT);
    };
  }, [role, name, connections, sideTab, spotlight]);

  // A new event looks again only while the control is missing from the page: searching every
  // control and reading its boxes each frame took a tenth of the page's time during a burst of
  // bridge traffic on a first visit, when the tour is open (issue 10).
  useEffect(() => {
    if (role === undefined || name === undefined || spotlit.current?.isConnected) return;
    const frame = requestAnimationFrame(() => spotlight(findByName(role, name)));
    return () => cancelAnimationFrame(frame);
  }, [role, name, eventCount, spotlight]);
}

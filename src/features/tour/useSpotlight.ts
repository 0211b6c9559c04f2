import { useEffect, useRef } from 'react';
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
 * before its connection opens): the hook looks again whenever the history or the connections change.
 */
export function useSpotlight(target: TourTarget | null): void {
  const eventCount = usePlayground((s) => s.eventCount);
  const connections = usePlayground((s) => s.connections);
  const sideTab = usePlayground((s) => s.sideTab);
  const scrolledTo = useRef<HTMLElement | null>(null);
  const role = target?.role;
  const name = target?.name;

  useEffect(() => {
    if (role === undefined || name === undefined) return;
    // Looked for after the render that brought the control, not during it.
    const frame = requestAnimationFrame(() => {
      const element = findByName(role, name);
      if (!element) return;
      element.setAttribute(SPOTLIGHT, '');
      if (scrolledTo.current !== element) {
        scrolledTo.current = element;
        reveal(element);
      }
    });
    return () => {
      cancelAnimationFrame(frame);
      for (const element of document.querySelectorAll(`[${SPOTLIGHT}]`)) element.removeAttribute(SPOTLIGHT);
    };
  }, [role, name, eventCount, connections, sideTab]);
}

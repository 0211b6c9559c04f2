import { useEffect, useState, type RefObject } from 'react';

/** Which ends of a sideways-scrolling element hide content: where to draw a "more this way" sign. */
export interface ScrollEdges {
  before: boolean;
  after: boolean;
}

/**
 * Follows an element's horizontal scroll and size, so a strip of cards can show that more cards
 * lie past its edge (a cut-off card alone does not say the strip scrolls).
 */
export function useScrollEdges(ref: RefObject<HTMLElement | null>): ScrollEdges {
  const [edges, setEdges] = useState<ScrollEdges>({ before: false, after: false });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      // A pixel of slack: fractional widths leave scrollLeft a hair short of the end.
      const before = element.scrollLeft > 1;
      const after = element.scrollLeft + element.clientWidth < element.scrollWidth - 1;
      setEdges((old) => (old.before === before && old.after === after ? old : { before, after }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    element.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', measure);
    };
  }, [ref]);
  return edges;
}

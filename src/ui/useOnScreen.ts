import { useEffect, useRef, useState, type RefObject } from 'react';
import { usePlayground, type PlaygroundState } from '../store';

/**
 * Whether `element` is (near) the viewport, or in a scrolling pane's view, now. True until the
 * browser has said otherwise, and always where there is no IntersectionObserver (a test's DOM),
 * so nothing is held back from view by mistake.
 */
export function useOnScreen(element: RefObject<Element | null>): boolean {
  const [onScreen, setOnScreen] = useState(true);
  useEffect(() => {
    const target = element.current;
    if (!target || typeof IntersectionObserver === 'undefined') return;
    // A margin of one screen: a card scrolled into view is already up to date.
    const observer = new IntersectionObserver((entries) => setOnScreen(entries.at(-1)!.isIntersecting), { rootMargin: '100% 0px' });
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);
  return onScreen;
}

/**
 * `usePlayground(selector)` for a part of the page that may be scrolled out of view: while it is
 * not `shown`, it keeps the value it last read, so events it would show do not re-render it (a
 * hundred real clients' transcripts move every frame; only the few on screen need drawing).
 * It reads the store afresh as soon as it is shown again.
 */
export function usePlaygroundWhileShown<T>(shown: boolean, selector: (state: PlaygroundState) => T): T {
  const last = useRef<{ value: T } | null>(null);
  const value = usePlayground((state) => (shown || last.current === null ? selector(state) : last.current.value));
  last.current = { value };
  return value;
}

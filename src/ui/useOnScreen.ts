import { useEffect, useRef, useState, type RefObject } from 'react';
import { usePlayground, usePlaygroundStore, type PlaygroundState } from '../store';

/**
 * How often a part of the page out of view catches up with the store at most (ms): its text stays
 * true for whoever reads it without scrolling (a screen reader, find in page), at a cost that does
 * not grow with the event rate.
 */
const OFF_SCREEN_EVERY_MS = 500;

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
 * `usePlayground(selector)` for a part of the page that may be scrolled out of view. On screen it
 * follows every batch of events; off screen it keeps the value it last read and catches up at
 * most every `OFF_SCREEN_EVERY_MS`, so a hundred real clients' transcripts, which change every
 * frame, cost the page only the few on screen. Scrolled back, it reads the store at once.
 */
export function usePlaygroundWhileShown<T>(shown: boolean, selector: (state: PlaygroundState) => T): T {
  const store = usePlaygroundStore();
  const [catchUp, setCatchUp] = useState(0);
  const last = useRef<{ value: T; catchUp: number } | null>(null);
  const value = usePlayground((state) => (shown || last.current === null || last.current.catchUp !== catchUp ? selector(state) : last.current.value));
  last.current = { value, catchUp };
  const select = useRef(selector);
  select.current = selector;

  useEffect(() => {
    if (shown) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe((state) => {
      if (timer !== undefined || Object.is(select.current(state), last.current?.value)) return;
      timer = setTimeout(() => {
        timer = undefined;
        setCatchUp((n) => n + 1);
      }, OFF_SCREEN_EVERY_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [shown, store]);
  return value;
}

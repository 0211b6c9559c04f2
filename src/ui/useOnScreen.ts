import { startTransition, useEffect, useRef, useState, type RefObject } from 'react';
import { usePlayground, usePlaygroundStore, type PlaygroundState } from '../store';

/**
 * A part of the page out of view catches up with the store once it has been quiet this long
 * (ms), and at least every `OFF_SCREEN_AT_MOST_MS` while it is not: its text stays true for
 * whoever reads it without scrolling (a screen reader, find in page), at a cost that does not
 * grow with the event rate.
 */
const OFF_SCREEN_QUIET_MS = 500;
const OFF_SCREEN_AT_MOST_MS = 5000;

/**
 * While the store stays busy, each part catches up after its own share of `OFF_SCREEN_AT_MOST_MS`,
 * between half of it and all of it, drawn anew each time. A hundred cards that fell behind at the
 * same moment (a flood began) then catch up a few at a time over seconds; all at once, the commit
 * of their transition (which React does not slice) held the main thread for 200-350 ms every 5 s,
 * and real clients' answers waited behind it (issue 10's p99).
 */
const atMostMs = (): number => OFF_SCREEN_AT_MOST_MS * (0.5 + Math.random() / 2);

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
 * follows every batch of events; off screen it keeps the value it last read and catches up when
 * the store goes quiet (see `OFF_SCREEN_QUIET_MS`), so a hundred real clients' transcripts,
 * which change every frame, cost the page only the few on screen. Scrolled back, it reads the
 * store at once.
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
    let behind: { since: number; atMost: number } | undefined;
    const unsubscribe = store.subscribe((state) => {
      if (Object.is(select.current(state), last.current?.value)) return;
      const now = performance.now();
      behind ??= { since: now, atMost: atMostMs() };
      clearTimeout(timer);
      timer = setTimeout(
        () => {
          behind = undefined;
          // A transition: cards catching up together render in slices between which the page
          // goes on answering real clients, instead of in one long task.
          startTransition(() => setCatchUp((n) => n + 1));
        },
        Math.max(0, Math.min(OFF_SCREEN_QUIET_MS, behind.since + behind.atMost - now)),
      );
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [shown, store]);
  return value;
}

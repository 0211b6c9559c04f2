import { useEffect, useRef, useState } from 'react';

/**
 * `value`, updated at most once per `ms` (the newest one wins), and never before the page has
 * drawn the frame after the change: for streams that change faster than anyone reads (a bridge or
 * a replay records hundreds of events a second), and for what follows a change drawn elsewhere
 * first (a call's answer in its transcript is not kept off screen by the Inspector's render).
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = Math.max(0, last.current + ms - performance.now());
    let frame = 0;
    let after = 0;
    const show = () => {
      last.current = performance.now();
      setShown(value);
    };
    // A task queued from a frame callback runs once that frame is drawn.
    const timer = window.setTimeout(() => (frame = requestAnimationFrame(() => (after = window.setTimeout(show, 0)))), wait);
    return () => {
      window.clearTimeout(timer);
      cancelAnimationFrame(frame);
      window.clearTimeout(after);
    };
  }, [value, ms]);
  return shown;
}

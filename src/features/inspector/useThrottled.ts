import { useEffect, useRef, useState } from 'react';

/**
 * `value`, updated at most once per `ms` (the newest one wins). For streams that change faster
 * than anyone reads: a bridge or a replay records hundreds of events a second.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = Math.max(0, last.current + ms - performance.now());
    const timer = window.setTimeout(() => {
      last.current = performance.now();
      setShown(value);
    }, wait);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return shown;
}

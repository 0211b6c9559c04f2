import { useEffect, useState } from 'react';

/**
 * Milliseconds since `key` last changed, ticking while it is not null: a running stage's clock,
 * so a slow transpile visibly moves instead of looking stuck.
 */
export function useElapsed(key: string | null, everyMs = 100): number {
  const [tick, setTick] = useState<{ key: string | null; ms: number }>({ key: null, ms: 0 });
  useEffect(() => {
    if (key === null) return;
    const start = performance.now();
    const timer = setInterval(() => setTick({ key, ms: performance.now() - start }), everyMs);
    return () => clearInterval(timer);
  }, [key, everyMs]);
  return tick.key === key ? tick.ms : 0;
}

import { useEffect, useState } from 'react';
import { usePlayground } from '../../store';

/** Speeds a person can follow, in events per second. */
export const REPLAY_SPEEDS = [1, 2, 5, 10, 50] as const;

/**
 * Walks the cursor through a finished replay at a chosen speed, so each event's verdict can be
 * watched as it comes; pause and step work on the same position. The replay itself already ran
 * (in its worker, at full speed): animating it is only moving the cursor.
 */
export function useReplayAnimation() {
  const run = usePlayground((s) => s.replayRun);
  const select = usePlayground((s) => s.select);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(5);
  const [position, setPosition] = useState<number | null>(null);
  const comparisons = run?.status === 'done' ? run.result.comparisons : [];

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setPosition((current) => {
        const next = current === null ? 0 : current + 1;
        if (next >= comparisons.length) {
          setPlaying(false);
          return current;
        }
        select(comparisons[next]!.seq);
        return next;
      });
    }, 1000 / speed);
    return () => clearInterval(timer);
  }, [playing, speed, comparisons, select]);

  const stepOnce = () => {
    const next = position === null ? 0 : Math.min(position + 1, comparisons.length - 1);
    setPosition(next);
    if (comparisons[next]) select(comparisons[next].seq);
  };
  const restart = () => {
    setPosition(null);
    setPlaying(true);
  };
  return { playing, setPlaying, speed, setSpeed, position, stepOnce, restart, length: comparisons.length };
}

import { useEffect, useRef } from 'react';

/** How often the timer's text changes: tenths of a second are what it shows. */
const TICK_MS = 100;

const seconds = (ms: number): string => `${(Math.max(0, ms) / 1000).toFixed(1)} s`;

/** What the timer says `elapsedMs` after `since`, for a call that is running or queued. */
function timerText(running: boolean, elapsedMs: number, timeoutMs: number): string {
  if (!running) return `waiting ${seconds(elapsedMs)}`;
  const left = timeoutMs - elapsedMs;
  return left > 0 ? `${seconds(elapsedMs)} · watchdog in ${seconds(left)}` : `${seconds(elapsedMs)} · watchdog fired: restarting the actor`;
}

interface Props {
  /** When the call started running, or was queued (`performance.now()` ms). */
  since: number;
  running: boolean;
  /** The call watchdog (ms), counted down while running. */
  timeoutMs: number;
}

/**
 * A call's running time and the time left before the watchdog. It writes its own text on a timer
 * instead of re-rendering: a tick must not cost the page (or even this row) a React render.
 */
export function CallTimer({ since, running, timeoutMs }: Props) {
  const text = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const tick = () => {
      if (text.current) text.current.textContent = timerText(running, performance.now() - since, timeoutMs);
    };
    tick();
    const timer = window.setInterval(tick, TICK_MS);
    return () => window.clearInterval(timer);
  }, [since, running, timeoutMs]);
  return <span ref={text} className="pending-row__timer" />;
}

/** How long a change waits for a frame that does not come (a hidden tab, Node) before it is shown anyway (ms). */
const FRAME_FALLBACK_MS = 100;

/**
 * Calls `fire` at the next animation frame and, in case frames do not come, after
 * `FRAME_FALLBACK_MS`; `fire` should clear the returned timer and do nothing when called twice.
 */
export function requestFrame(fire: () => void): ReturnType<typeof setTimeout> {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(fire);
  return setTimeout(fire, FRAME_FALLBACK_MS);
}

/**
 * `run` once, at the next animation frame, however often it is asked for before then: what it
 * shows is drawn in that frame, as it would be if it ran now, but a change that comes before the
 * frame (a quick call's answer after the call's pending row) is drawn in the same one, with one
 * render and one layout, not two frames. Where there are no frames (Node) `run` runs at once;
 * where frames stop (a hidden tab) a timer runs it.
 */
export function atNextFrame(run: () => void): () => void {
  let asked = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    if (!asked) return;
    asked = false;
    clearTimeout(timer);
    run();
  };
  return () => {
    if (typeof requestAnimationFrame !== 'function') return run();
    if (asked) return;
    asked = true;
    timer = requestFrame(fire);
  };
}

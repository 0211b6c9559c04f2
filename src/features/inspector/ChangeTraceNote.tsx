import type { ActorEvent } from '../../core';
import { usePlayground } from '../../store';

/**
 * The answer to the last "which event last changed this?", shown on the event it found (or, when
 * none did, on the event it was asked from): the Inspector has just moved there, and says why.
 */
export function ChangeTraceNote({ event }: { event: ActorEvent }) {
  const trace = usePlayground((s) => s.changeTrace);
  if (!trace || (trace.found ?? trace.from) !== event.seq) return null;
  return (
    <p className="inspector__note" role="status" aria-label="Last change">
      <code>{trace.label}</code>{' '}
      {trace.found === null
        ? `has not changed since the first state (asked at event #${trace.from}).`
        : trace.found === trace.from
          ? `was last changed by this event, #${trace.found}.`
          : `was last changed by event #${trace.found} (asked at event #${trace.from}).`}
    </p>
  );
}

import { describeMessage } from '../../core';
import { INPUT_CHARS } from './TimelineItem';
import { pendingInput, usePlayground, type PendingCall } from '../../store';
import { CallTimer } from './CallTimer';

const whose = (call: PendingCall): string => (call.connectionId === null ? 'new conn' : `conn ${call.connectionId}`);

/**
 * The calls the person made that have not landed, after the recorded events: the running one with
 * its time and the watchdog's, then those queued behind it. Each becomes an event row when it lands.
 * A list of its own: the `Timeline` list holds recorded events only.
 */
export function PendingRows() {
  const calls = usePlayground((s) => s.pendingCalls);
  const timeoutMs = usePlayground((s) => s.callTimeoutMs);
  if (calls.length === 0) return null;
  return (
    <ol className="pending-rows" aria-label="Calls in flight">
      {calls.map((call) => {
        const running = call.startedAt !== null;
        const input = describeMessage(pendingInput(call), { maxChars: INPUT_CHARS });
        return (
          <li key={call.id} className={`pending-row pending-row--${running ? 'running' : 'queued'}`}>
            <span className="pending-row__spinner" aria-hidden="true" /> <span className="pending-row__state">{running ? 'running' : 'queued'}</span>{' '}
            <span className="timeline-row__connection">{whose(call)}</span>{' '}
            <span className="timeline-row__input" title={input}>
              {input}
            </span>{' '}
            <CallTimer since={call.startedAt ?? call.queuedAt} running={running} timeoutMs={timeoutMs} />
          </li>
        );
      })}
    </ol>
  );
}

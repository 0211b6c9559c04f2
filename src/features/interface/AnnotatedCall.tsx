import { cursorOf, usePlayground } from '../../store';
import { annotateCall, type AnnotatedCall as Call } from './annotateCall';
import { AnnotatedRows } from './AnnotatedRows';

/** The selected event's call, laid against the WIT: which field carried what. */
export function AnnotatedCall() {
  const events = usePlayground((s) => s.events);
  const position = usePlayground(cursorOf);
  const stateBytes = usePlayground((s) => s.stateBytes);
  // The history is shared and append-only: the count is what says it changed.
  usePlayground((s) => s.eventCount);
  const event = events[position];
  const call = event && annotateCall(event, stateBytes);
  return (
    <section className="annotated" aria-label="Selected call">
      <h3 className="pane-title">
        Selected call{' '}
        {event && call && (
          <span className="pane-title__detail">
            #{event.seq} · {event.connectionId === null ? 'actor' : `conn ${event.connectionId}`} ·{' '}
            <code className="annotated__func" title={call.signature}>
              {call.func}
            </code>
          </span>
        )}
      </h3>
      {call ? <AnnotatedTable call={call} /> : <p className="empty">No events yet: open a connection, and each call shows here against the WIT.</p>}
    </section>
  );
}

function AnnotatedTable({ call }: { call: Call }) {
  return (
    <table className="annotated__table" aria-label="Annotated call">
      <thead>
        <tr>
          <th scope="col">field: WIT type</th>
          <th scope="col">value</th>
        </tr>
      </thead>
      <AnnotatedRows title="arguments" fields={call.params} />
      <AnnotatedRows title="result" fields={call.result} empty={call.noResult} />
    </table>
  );
}

import { cursorOf, usePlayground } from '../../store';
import { CallSection } from './CallSection';
import { EventFacts } from './EventFacts';
import { HostCallsSection } from './HostCallsSection';
import { ResponsesSection } from './ResponsesSection';
import { StateSection } from './StateSection';
import './inspector.css';

/** The selected event in full: the call as the interface sees it, what came out, and the state change. */
export function Inspector() {
  // The event object itself, not its position: a new session starts again at #0.
  const event = usePlayground((s) => s.events[cursorOf(s)]);
  const loaded = usePlayground((s) => s.info !== null);
  return (
    <section className="panel inspector" aria-label="Inspector">
      <h2 className="inspector__title">
        Inspector {event && <span className="count">event #{event.seq}</span>}
      </h2>
      {event ? (
        <div className="inspector__body">
          <EventFacts event={event} />
          <CallSection event={event} />
          {event.kind === 'message' && <ResponsesSection event={event} />}
          <HostCallsSection event={event} />
          <StateSection event={event} />
        </div>
      ) : (
        <p className="empty">{loaded ? 'No events yet: open a connection and send a message.' : 'No actor loaded.'}</p>
      )}
    </section>
  );
}

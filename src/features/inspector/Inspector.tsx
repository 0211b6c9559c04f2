import { memo } from 'react';
import { bridgeFrameOf, type ActorEvent } from '../../core';
import { cursorOf, usePlayground } from '../../store';
import { CallSection } from './CallSection';
import { ChainSection } from './ChainSection';
import { EventFacts } from './EventFacts';
import { FrameView } from './FrameView';
import { HostCallsSection } from './HostCallsSection';
import { ResponsesSection } from './ResponsesSection';
import { StateSection } from './StateSection';
import { TrapNote } from './TrapNote';
import { useThrottled } from './useThrottled';
import './inspector.css';

/** While following the newest event, the Inspector catches up at most this often (ms). */
const FOLLOW_MS = 150;

/** The selected event in full: the call as the interface sees it, what came out, and the state change. */
export function Inspector() {
  // The event object itself, not its position: a new session starts again at #0.
  const selected = usePlayground((s) => s.events[cursorOf(s)]);
  const following = usePlayground((s) => s.cursor === null);
  const loaded = usePlayground((s) => s.info !== null);
  // A person's choice shows at once; the newest event, when events stream in, only as often as it can be read.
  const newest = useThrottled(selected, FOLLOW_MS);
  const event = following ? newest : selected;
  return (
    <section className="panel inspector" aria-label="Inspector">
      <h2 className="inspector__title">
        Inspector {event && <span className="count">event #{event.seq}</span>}
      </h2>
      {event ? <EventView event={event} /> : <p className="empty">{loaded ? 'No events yet: open a connection and send a message.' : 'No actor loaded.'}</p>}
    </section>
  );
}

/** Memoised: the Inspector re-renders on every new event, its sections only when the event shown changes. */
const EventView = memo(function EventView({ event }: { event: ActorEvent }) {
  const frame = bridgeFrameOf(event);
  // A bridge frame is no call: it shows as the frame it was, never as a call or a state change.
  if (frame) {
    return (
      <div className="inspector__body">
        <FrameView event={event} frame={frame} />
      </div>
    );
  }
  return (
    <div className="inspector__body">
      <EventFacts event={event} />
      <TrapNote event={event} />
      {/* A read-only event from a chain is no call: its entries say what it was, and it changed no state. */}
      {event.kind !== 'chain' && <CallSection event={event} />}
      {event.kind === 'message' && <ResponsesSection event={event} />}
      {event.kind !== 'chain' && <HostCallsSection event={event} />}
      <ChainSection event={event} />
      {event.kind !== 'chain' && <StateSection event={event} />}
    </div>
  );
});

import { useEffect, useRef } from 'react';
import { usePlayground } from '../../store';
import { TimelineItem } from './TimelineItem';

/** Every call into the actor, in order, across all connections. */
export function Timeline() {
  const events = usePlayground((s) => s.events);
  // The history is append-only and shared; its length is what says it changed.
  usePlayground((s) => s.eventCount);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [events.length]);
  return (
    <section className="panel timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">
        Timeline <span className="count">{events.length}</span>
      </h2>
      {events.length === 0 && <p className="empty">No events yet.</p>}
      <ol ref={list} className="timeline__list" aria-label="Timeline">
        {events.map((event) => (
          <TimelineItem key={event.seq} event={event} />
        ))}
      </ol>
    </section>
  );
}

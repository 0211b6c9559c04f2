import { usePlayground } from '../../store';
import { Composer } from './composer/Composer';

/**
 * One message from every open client. The actor cannot tell clients apart, so this is how to see
 * it treat the same input from several of them: each gets its own event, in connection order.
 */
export function BroadcastComposer() {
  const openCount = usePlayground((s) => s.connections.filter((c) => c.open).length);
  return (
    <section className="chat-broadcast" aria-labelledby="broadcast-heading">
      <div className="chat-broadcast__head">
        <h3 id="broadcast-heading">All open connections</h3>
        <p className="chat-broadcast__hint">
          {openCount === 0 ? 'None is open.' : `Sent from each of the ${openCount} open in turn: one event each, in order.`}
        </p>
      </div>
      <Composer target="all" disabled={openCount === 0} label="Composer for all open connections" submit="Send to all" />
    </section>
  );
}

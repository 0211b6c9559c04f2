import { usePlayground } from '../../store';
import { BroadcastComposer } from './BroadcastComposer';
import { ConnectionCard } from './ConnectionCard';
import { DeliverySetting } from './DeliverySetting';
import '../../ui/transcript/chat.css';

/** The simulated clients, side by side: each sees only the answers to its own events. */
export function ConnectionsPanel() {
  const connections = usePlayground((s) => s.connections);
  const loaded = usePlayground((s) => s.info !== null);
  const openConnection = usePlayground((s) => s.openConnection);
  return (
    <section className="panel chat" aria-labelledby="connections-heading">
      <div className="panel__head">
        <h2 id="connections-heading">
          Connections <span className="count">{connections.length}</span>
        </h2>
        <DeliverySetting />
        <button type="button" className="button button--primary" disabled={!loaded} onClick={() => void openConnection()}>
          New connection
        </button>
      </div>
      {connections.length === 0 ? (
        <p className="empty">No connections yet: open one to talk to the actor. Open several to see that each client gets only the answers to its own messages.</p>
      ) : (
        <>
          {/* Above the cards: what goes to every client comes first, and the newest connection's box stays the last `Message` on the page (the `m` shortcut focuses that one). */}
          <BroadcastComposer />
          <div className="chat__cards">
            {connections.map((connection) => (
              <ConnectionCard key={connection.id} connection={connection} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

import { usePlayground } from '../../store';
import { BroadcastComposer } from './BroadcastComposer';
import { ConnectionCard } from './ConnectionCard';
import { DeliverySetting } from './DeliverySetting';
import { NewConnection } from './NewConnection';
import '../../ui/transcript/chat.css';

/** The simulated clients, side by side: each sees what reached it (a websocket-server actor's answers to its own events; an http-framework actor's sends to it). */
export function ConnectionsPanel() {
  const connections = usePlayground((s) => s.connections);
  const httpFramework = usePlayground((s) => s.info?.actorKind === 'http-framework');
  return (
    <section className="panel chat" aria-labelledby="connections-heading">
      <div className="panel__head">
        <h2 id="connections-heading">
          Connections <span className="count">{connections.length}</span>
        </h2>
        <DeliverySetting />
        <NewConnection />
      </div>
      {connections.length === 0 ? (
        <p className="empty">
          {httpFramework
            ? 'No connections yet: open one to talk to the actor. Open several to see which clients each message reaches: this actor sends to any open connection by its id.'
            : 'No connections yet: open one to talk to the actor. Open several to see that each client gets only the answers to its own messages.'}
        </p>
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

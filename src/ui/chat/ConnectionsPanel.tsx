import { usePlayground } from '../../store';
import { ConnectionCard } from './ConnectionCard';

/** The simulated clients, side by side: each sees only the answers to its own events. */
export function ConnectionsPanel() {
  const connections = usePlayground((s) => s.connections);
  const loaded = usePlayground((s) => s.info !== null);
  const openConnection = usePlayground((s) => s.openConnection);
  return (
    <section className="panel connections" aria-labelledby="connections-heading">
      <div className="panel__head">
        <h2 id="connections-heading">Connections</h2>
        <button type="button" className="button button--primary" disabled={!loaded} onClick={() => void openConnection()}>
          New connection
        </button>
      </div>
      {connections.length === 0 ? (
        <p className="empty">No connections yet: open one to talk to the actor.</p>
      ) : (
        <div className="connections__list">
          {connections.map((connection) => (
            <ConnectionCard key={connection.id} connection={connection} />
          ))}
        </div>
      )}
    </section>
  );
}

import { memo } from 'react';
import { actorConnectionId } from '../../core';
import { type ConnectionView, usePlayground } from '../../store';
import { Term } from '../../ui/term/Term';
import { Composer } from './composer/Composer';
import { Transcript } from './Transcript';

/**
 * One simulated client: its transcript, its composer, and a way to hang up. Memoised: the store
 * keeps a connection's view while it is unchanged, so a new event re-renders no card for it.
 */
export const ConnectionCard = memo(function ConnectionCard({ connection }: { connection: ConnectionView }) {
  const closeConnection = usePlayground((s) => s.closeConnection);
  // An http-framework actor's name for this client (a string: re-renders only if it changes); undefined for other actors.
  const actorId = usePlayground((s) => actorConnectionId(s.events, connection.id));
  // A connection the bridge opened (a real client's, or the actor's side of a shadowed or taken-over one) says so: it is no simulated client.
  const bridgeRole = usePlayground((s) => {
    const proxied = s.bridge.proxy.connections.find((c) => c.actorConnectionId === connection.id);
    if (proxied) return proxied.answering === 'actor' ? `answers real client #${proxied.client} (proxy take-over)` : `shadows real client #${proxied.client} (proxy)`;
    const endpoint = s.bridge.endpoints.find((e) => e.shadowConnectionId === connection.id);
    if (endpoint) return `shadows bridge #${-endpoint.id} (${endpoint.url})`;
    const real = s.bridge.realClients.find((c) => c.connectionId === connection.id);
    return real ? `real client #${real.client} of the bridge` : undefined;
  });
  const headingId = `connection-${connection.id}-heading`;
  return (
    <section className={`chat-card${connection.open ? '' : ' chat-card--closed'}`} aria-labelledby={headingId}>
      <div className="chat-card__head">
        <h3 id={headingId}>Connection #{connection.id}</h3>
        {actorId !== undefined && (
          <span className="chat-card__actor-id">
            <Term term="actor-connection-id">connection id</Term> <code title={actorId}>{actorId}</code>
          </span>
        )}
        {bridgeRole !== undefined && <span className="chat-card__actor-id">{bridgeRole}</span>}
        <span className={`chat-card__state${connection.open ? ' chat-card__state--open' : ''}`}>{connection.open ? 'open' : 'closed'}</span>
        {/* "Close" alone fits beside the heading in a narrow card; the name says what it closes. */}
        <button type="button" className="button button--quiet chat-card__close" aria-label="Close connection" disabled={!connection.open} onClick={() => void closeConnection(connection.id)}>
          Close
        </button>
      </div>
      <Transcript connectionId={connection.id} open={connection.open} />
      <Composer target={connection.id} disabled={!connection.open} label={`Composer for connection #${connection.id}`} submit="Send" />
    </section>
  );
});

import type { EndpointView } from './client/endpointConnection';
import { usePlayground } from '../../store';
import { plural } from '../../ui/format';
import { BridgeComposer } from './BridgeComposer';
import { BridgeTranscript } from './BridgeTranscript';

/** One connection to a real endpoint: its state, its frames, a composer, and what shadow mode found. */
export function EndpointCard({ endpoint }: { endpoint: EndpointView }) {
  const reconnect = usePlayground((s) => s.reconnectEndpoint);
  const disconnect = usePlayground((s) => s.disconnectEndpoint);
  const { id, url, state, protocol, shadow, compared, mismatches, shadowConnectionId } = endpoint;
  const headingId = `bridge-${-id}-heading`;
  return (
    <section className={`chat-card bridge-card${state === 'closed' ? ' chat-card--closed' : ''}`} aria-labelledby={headingId}>
      <div className="chat-card__head">
        <span className="chat-card__avatar bridge-card__avatar" aria-hidden="true">
          ⇄
        </span>
        <h3 id={headingId} className="bridge-card__title" title={url}>
          Bridge to {url}
        </h3>
        <span className={`chat-card__state${state === 'open' ? ' chat-card__state--open' : ''}`}>
          {state}
          {protocol && ` · ${protocol}`}
        </span>
        <span className="bridge-card__actions">
          <button type="button" className="button button--quiet" onClick={() => reconnect(id)}>
            Reconnect
          </button>
          <button type="button" className="button button--quiet" disabled={state === 'closed'} onClick={() => disconnect(id)}>
            Disconnect
          </button>
        </span>
      </div>
      {shadow && (
        <p className={`bridge-card__shadow${mismatches > 0 ? ' bridge-card__shadow--differs' : ''}`} role="status" aria-label="Shadow comparison">
          Shadowed by {shadowConnectionId === null ? 'the actor' : `connection #${shadowConnectionId}`}: {plural(compared, 'exchange')} compared, {plural(mismatches, 'mismatch', 'mismatches')}
        </p>
      )}
      <BridgeTranscript connectionId={id} />
      <BridgeComposer id={id} url={url} disabled={state !== 'open'} />
    </section>
  );
}

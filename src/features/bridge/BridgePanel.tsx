import { usePlayground } from '../../store';
import '../../ui/transcript/chat.css';
import { BridgeServer } from './BridgeServer';
import { EndpointCard } from './EndpointCard';
import { EndpointForm } from './EndpointForm';
import { ProxySection } from './ProxySection';
import './bridge.css';

/**
 * Bridge mode: the playground joined to real WebSockets. Out, connections to real endpoints
 * (recorded frame by frame, optionally shadowed by the actor in the page); in, real clients of
 * the bridge server talking to the actor in the page; proxied, real clients talking to a real
 * endpoint through the bridge server, recorded and optionally shadowed or answered by the actor.
 */
export function BridgePanel() {
  const endpoints = usePlayground((s) => s.bridge.endpoints);
  const error = usePlayground((s) => s.bridge.error);
  const dismiss = usePlayground((s) => s.dismissBridgeError);
  return (
    <section className="panel bridge" aria-labelledby="bridge-heading">
      <div className="panel__head">
        <h2 id="bridge-heading">Bridge</h2>
      </div>
      {error && (
        <div className="bridge__error" role="alert">
          <span>{error}</span>
          <button type="button" className="button button--quiet" onClick={dismiss}>
            Dismiss bridge error
          </button>
        </div>
      )}
      <EndpointForm />
      {endpoints.length > 0 && (
        <div className="bridge__endpoints">
          {endpoints.map((endpoint) => (
            <EndpointCard key={endpoint.id} endpoint={endpoint} />
          ))}
        </div>
      )}
      <BridgeServer />
      <ProxySection />
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import type { ControlState } from './client/controlChannel';
import type { ProxiedView, ProxyView } from './client/proxyBridge';
import { upstreamProblem } from '../../protocols/proxyControl';
import { usePlayground } from '../../store';
import { plural } from '../../ui/format';
import { BridgeTranscript } from './BridgeTranscript';

function statusText(proxy: ProxyView, control: ControlState): string {
  if (proxy.upstream === null) {
    // The proxy runs in the bridge server: without one attached, Start proxy says why it could not start.
    if (control.kind === 'detached' && control.problem) return `Off: not attached to a bridge server. ${control.problem}`;
    return proxy.problem ?? 'Off: real clients of the bridge reach the actor in the page.';
  }
  const address = control.kind === 'attached' ? control.address : 'the bridge';
  const open = proxy.connections.filter((c) => c.state === 'open').length;
  const compared = proxy.shadow || proxy.compared > 0 ? ` · ${plural(proxy.compared, 'exchange')} compared, ${plural(proxy.mismatches, 'mismatch', 'mismatches')}` : '';
  return `Proxying real clients of ${address} to ${proxy.upstream} · ${plural(open, 'connection')} open${compared}`;
}

/**
 * Proxy mode: the bridge server sits between real clients and a real endpoint, relays every frame
 * unchanged and records it here; the actor in the page can shadow the traffic or take a client over.
 */
export function ProxySection() {
  const proxy = usePlayground((s) => s.bridge.proxy);
  const control = usePlayground((s) => s.bridge.control);
  const loaded = usePlayground((s) => s.info !== null);
  const start = usePlayground((s) => s.startProxy);
  const stop = usePlayground((s) => s.stopProxy);
  const route = usePlayground((s) => s.routeProxied);
  const [upstream, setUpstream] = useState('');
  const setShadow = usePlayground((s) => s.setProxyShadow);
  const shadow = proxy.shadow;
  const [problem, setProblem] = useState<string | null>(null);
  const running = proxy.upstream !== null;
  const open = proxy.connections.filter((c) => c.state === 'open');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const wrong = upstreamProblem(upstream);
    setProblem(wrong === null ? null : `${wrong[0]!.toUpperCase()}${wrong.slice(1)}.`);
    if (wrong === null) void start(upstream.trim(), shadow);
  };

  return (
    <section className="bridge-server bridge-proxy" aria-labelledby="bridge-proxy-heading">
      <h3 id="bridge-proxy-heading" className="bridge__subhead">
        Proxy: real clients through the playground to a real endpoint
      </h3>
      <form className="bridge-form" aria-label="Proxy real clients" onSubmit={onSubmit}>
        <label className="bridge-form__field">
          <span>Upstream URL</span>
          <input type="text" inputMode="url" placeholder="ws://127.0.0.1:9000/" autoComplete="off" spellCheck={false} value={upstream} aria-invalid={problem !== null} onChange={(e) => setUpstream(e.currentTarget.value)} />
        </label>
        {problem && <p className="bridge-compose__problem">{problem}</p>}
        <div className="bridge-form__row">
          <label className="bridge-form__check" title="For clients that connect from now on: send every client message to the actor in the page too, and compare its answer with the upstream's (the client always gets the upstream's)">
            <input type="checkbox" checked={shadow} onChange={(e) => setShadow(e.currentTarget.checked)} /> Shadow with the actor
          </label>
          <button type="submit" className="button button--primary" disabled={!loaded || upstream.trim() === '' || upstream.trim() === proxy.upstream || control.kind === 'attaching'} title={loaded ? undefined : 'Load an actor first: the frames are recorded in its history'}>
            Start proxy
          </button>
          <button type="button" className="button" disabled={!running} onClick={stop}>
            Stop proxy
          </button>
        </div>
      </form>
      <p className="bridge-server__status" role="status" aria-label="Proxy status">
        {statusText(proxy, control)}
      </p>
      {open.length > 1 && (
        <div className="bridge-form__row">
          <button type="button" className="button button--quiet" onClick={() => route(null, 'actor')}>
            Take over all
          </button>
          <button type="button" className="button button--quiet" onClick={() => route(null, 'upstream')}>
            Hand back all
          </button>
        </div>
      )}
      {proxy.connections.length > 0 && (
        <div className="bridge__endpoints">
          {proxy.connections.map((connection) => (
            <ProxiedCard key={connection.id} connection={connection} />
          ))}
        </div>
      )}
    </section>
  );
}

/** One proxied client: who answers it, what shadowing found, how it ended, and its frames. */
function ProxiedCard({ connection }: { connection: ProxiedView }) {
  const route = usePlayground((s) => s.routeProxied);
  const { id, client, path, url, protocol, state, answering, ended, compared, mismatches, actorConnectionId } = connection;
  const headingId = `proxy-${-id}-heading`;
  const isOpen = state === 'open';
  const shadowing = isOpen && answering === 'upstream' && actorConnectionId !== null;
  return (
    <section className={`chat-card bridge-card${isOpen ? '' : ' chat-card--closed'}`} aria-labelledby={headingId}>
      <div className="chat-card__head">
        <span className="chat-card__avatar bridge-card__avatar" aria-hidden="true">
          ⇆
        </span>
        <h3 id={headingId} className="bridge-card__title" title={url}>
          Real client #{client} ({path}) via {url}
        </h3>
        <span className={`chat-card__state${isOpen ? ' chat-card__state--open' : ''}`}>
          {state}
          {protocol && ` · ${protocol}`}
          {isOpen && ` · ${answering === 'actor' ? 'the actor answers' : 'the upstream answers'}`}
        </span>
        {isOpen && (
          <span className="bridge-card__actions">
            {answering === 'upstream' ? (
              <button type="button" className="button button--quiet" title="The actor in the page answers this client from now on" onClick={() => route(id, 'actor')}>
                Take over
              </button>
            ) : (
              <button type="button" className="button button--quiet" title="The upstream answers this client again" onClick={() => route(id, 'upstream')}>
                Hand back
              </button>
            )}
          </span>
        )}
      </div>
      {(compared > 0 || shadowing) && (
        <p className={`bridge-card__shadow${mismatches > 0 ? ' bridge-card__shadow--differs' : ''}`} role="status" aria-label="Shadow comparison">
          Shadowed by {shadowing ? `connection #${actorConnectionId}` : 'the actor'}: {plural(compared, 'exchange')} compared, {plural(mismatches, 'mismatch', 'mismatches')}
        </p>
      )}
      {isOpen && answering === 'actor' && <p className="bridge-proxy__ended">The actor answers this client{actorConnectionId === null ? '' : ` on connection #${actorConnectionId}`}; the upstream's frames are recorded, not relayed.</p>}
      {ended && <p className="bridge-proxy__ended">Ended: {ended}</p>}
      <BridgeTranscript connectionId={id} />
    </section>
  );
}

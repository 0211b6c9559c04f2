import { useState, type FormEvent } from 'react';
import { usePlayground } from '../../store';

/** Subprotocols as typed (`chat, v2.json`) to the list the handshake offers. */
const protocolList = (text: string): string[] =>
  text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');

/** Where to connect: a URL, the subprotocols to offer, and whether the actor shadows the endpoint. */
export function EndpointForm() {
  const loaded = usePlayground((s) => s.info !== null);
  const connect = usePlayground((s) => s.connectEndpoint);
  const [url, setUrl] = useState('');
  const [protocols, setProtocols] = useState('');
  const [shadow, setShadow] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    connect({ url: url.trim(), protocols: protocolList(protocols), shadow });
  };

  return (
    <form className="bridge-form" aria-label="Connect to a real endpoint" onSubmit={onSubmit}>
      <h3 className="bridge__subhead">Out: talk to a real endpoint</h3>
      <label className="bridge-form__field">
        <span>Endpoint URL</span>
        <input type="text" inputMode="url" placeholder="ws://127.0.0.1:8080/" autoComplete="off" spellCheck={false} value={url} onChange={(e) => setUrl(e.currentTarget.value)} />
      </label>
      <label className="bridge-form__field">
        <span>Subprotocols</span>
        <input type="text" placeholder="optional: chat, v2.json" autoComplete="off" spellCheck={false} value={protocols} onChange={(e) => setProtocols(e.currentTarget.value)} />
      </label>
      <div className="bridge-form__row">
        <label className="bridge-form__check" title="Send every message to the actor in the page too, and compare its answer with the endpoint's">
          <input type="checkbox" checked={shadow} onChange={(e) => setShadow(e.currentTarget.checked)} /> Shadow mode
        </label>
        <button type="submit" className="button button--primary" disabled={!loaded || url.trim() === ''} title={loaded ? undefined : 'Load an actor first: the frames are recorded in its history'}>
          Connect
        </button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import type { BridgeView } from './client/pageBridge';
import { usePlayground } from '../../store';
import { plural } from '../../ui/format';


function statusText({ control, realClients, inbound, serverAddress }: BridgeView): string {
  switch (control.kind) {
    case 'detached':
      return `Not attached to a bridge server.${control.problem ? ` ${control.problem}` : ''}`;
    case 'attaching':
      return `Attaching to ${serverAddress}…`;
    case 'attached': {
      if (!control.accepting) return `Stopped: the bridge at ${control.address} refuses real clients until you start it again.`;
      return `Real clients connect to ${control.address} · ${plural(realClients.length, 'real client')} connected · ${plural(inbound.delivered, 'message')} delivered, ${plural(inbound.responded, 'frame')} sent back`;
    }
    default: {
      const exhaustive: never = control;
      return exhaustive;
    }
  }
}

/** The "in" side: the bridge server's address, whether real clients may connect, and who is connected. */
export function BridgeServer() {
  const view = usePlayground((s) => s.bridge);
  const attach = usePlayground((s) => s.attachBridge);
  const start = usePlayground((s) => s.startBridge);
  const stop = usePlayground((s) => s.stopBridge);
  // The field follows the bridge the page attached to by itself until the user types in it.
  const [typed, setTyped] = useState<string | null>(null);
  const address = typed ?? view.serverAddress;
  const { control, realClients, inbound } = view;
  const attached = control.kind === 'attached';

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void (attached && address.trim() === view.serverAddress ? start() : attach(address.trim()));
  };

  return (
    <section className="bridge-server" aria-labelledby="bridge-in-heading">
      <h3 id="bridge-in-heading" className="bridge__subhead">
        In: real clients reach this actor
      </h3>
      <form className="bridge-form__row" onSubmit={onSubmit}>
        <label className="bridge-form__field bridge-form__field--grow">
          <span>Bridge address</span>
          <input type="text" autoComplete="off" spellCheck={false} value={address} onChange={(e) => setTyped(e.currentTarget.value)} />
        </label>
        <button type="submit" className="button button--primary" disabled={control.kind === 'attaching' || (attached && control.accepting && address.trim() === view.serverAddress)}>
          Start bridge
        </button>
        <button type="button" className="button" disabled={!attached || !control.accepting} onClick={stop}>
          Stop bridge
        </button>
      </form>
      <p className="bridge-server__status" role="status" aria-label="Bridge status">
        {statusText(view)}
      </p>
      {inbound.lastProblem && <p className="bridge-server__problem">Last problem: {inbound.lastProblem}</p>}
      {realClients.length > 0 && (
        <ul className="bridge-server__clients" aria-label="Real clients">
          {realClients.map(({ client, connectionId }) => (
            <li key={client}>
              real client #{client} is connection #{connectionId}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { CONNECT_DELIVERIES, type ConnectDelivery } from '../../core';
import { usePlayground } from '../../store';

const LABELS: Record<ConnectDelivery, { option: string; explain: string }> = {
  interface: {
    option: 'interface: connect, close',
    explain: 'A new client reaches the actor as a `connect` message and a leaving one as `close`, as theater:simple/websocket-server documents.',
  },
  'theater-host': {
    option: "Theater's host: text connect",
    explain:
      'As the websocket-server host Theater shipped until March 2025: a new client arrives as a text message {"connection_id":N,"type":"connect"} (N a random u64), ping, pong and close arrive without data, and a client that drops without a close frame is never reported.',
  },
};

/**
 * The simulated server's one setting: how connections reach a websocket-server actor. Recorded
 * with the session. An http-framework actor is told of clients by its own handlers, so it has none.
 */
export function DeliverySetting() {
  const delivery = usePlayground((s) => s.delivery);
  const setDelivery = usePlayground((s) => s.setDelivery);
  const httpFramework = usePlayground((s) => s.info?.actorKind === 'http-framework');
  if (httpFramework) return null;
  return (
    <label className="chat__setting" title={LABELS[delivery].explain}>
      <span>Connection events</span>
      <select value={delivery} onChange={(e) => void setDelivery(e.currentTarget.value as ConnectDelivery)}>
        {CONNECT_DELIVERIES.map((choice) => (
          <option key={choice} value={choice}>
            {LABELS[choice].option}
          </option>
        ))}
      </select>
    </label>
  );
}

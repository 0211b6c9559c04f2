import { usePlaygroundStore } from '../../store';
import { selectEvent } from '../../ui/transcript/LineTime';

/**
 * Where a line this client received came from when it was not its own event: an http-framework
 * actor sends to any open connection, so a client gets messages while the actor handles another
 * client's event (a broadcast). Said in words, and a button that selects that event, so every
 * panel shows what the other client sent and what the actor did.
 */
export function SentDuring({ seq, connectionId }: { seq: number; connectionId: number | null }) {
  const store = usePlaygroundStore();
  const source = connectionId === null ? '' : ` (connection #${connectionId})`;
  const text = `sent by the actor during #${seq}${source}`;
  return (
    <button type="button" className="bubble__during" onClick={() => selectEvent(store, seq)} title={`Event #${seq}: select it`}>
      {text}
    </button>
  );
}

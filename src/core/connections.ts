import { opensConnection } from './connectDelivery';
import { engineError, type EngineError } from './errors';
import type { ActorEvent } from './events';
import { ok, type Result } from './result';

/** A simulated WebSocket client. Ids are stable and never reused within a session. */
export interface Connection {
  id: number;
  open: boolean;
}

/**
 * The simulated server's view of its clients. Theater's message carries no connection id, so
 * the actor cannot tell these apart; the playground keeps them apart so each response is shown
 * only where Theater would send it: to the connection whose event produced it.
 */
export class ConnectionTable {
  #connections = new Map<number, Connection>();
  #nextId = 1;

  open(): Connection {
    const connection = { id: this.#nextId++, open: true };
    this.#connections.set(connection.id, connection);
    return connection;
  }

  /** The open connection with this id, or the reason there is none. */
  requireOpen(id: number): Result<Connection, EngineError> {
    const connection = this.#connections.get(id);
    if (!connection) return engineError('no-such-connection', `There is no connection #${id}.`);
    if (!connection.open) return engineError('connection-closed', `Connection #${id} is closed: open a new connection.`);
    return ok(connection);
  }

  /** The id `open` gives next: one past the highest id the table has seen. */
  get nextId(): number {
    return this.#nextId;
  }

  /** A connection known from a recorded `connect` (a rerun), open whatever the table said. */
  ensureOpen(id: number): void {
    this.#connections.set(id, { id, open: true });
    this.#nextId = Math.max(this.#nextId, id + 1);
  }

  markClosed(id: number): void {
    const connection = this.#connections.get(id);
    if (connection) connection.open = false;
  }

  list(): Connection[] {
    return [...this.#connections.values()].map((c) => ({ ...c }));
  }

  /** Rebuilds the table from a snapshot, keeping ids stable. */
  static from(connections: readonly Connection[]): ConnectionTable {
    const table = new ConnectionTable();
    for (const c of connections) table.#connections.set(c.id, { ...c });
    table.#nextId = Math.max(0, ...connections.map((c) => c.id)) + 1;
    return table;
  }
}

/**
 * Whether the actor's answer closed its connection (a close frame among its responses), as Theater's
 * websocket-server then closes the socket. A close an http-framework actor sends (`to` a
 * connection) only asks the client to close: the connection ends when the client's close frame
 * comes back, with the actor's disconnect.
 */
export function closesConnection(event: Pick<ActorEvent, 'responses'>): boolean {
  return event.responses.some((r) => r.frame?.frame === 'close' && r.to === undefined);
}

/**
 * The connections a history leaves behind: opened by `connect`, closed by `close` or a close frame.
 * Bridge connections are not among them: they are sockets to real endpoints, not clients of the actor.
 */
export function connectionsAfter(events: readonly Pick<ActorEvent, 'kind' | 'connectionId' | 'input' | 'responses'>[]): Connection[] {
  const table = new ConnectionTable();
  for (const event of events) {
    if (event.connectionId === null || event.kind === 'bridge') continue;
    if (opensConnection(event.input)) table.ensureOpen(event.connectionId);
    if (event.input?.ty.tag === 'close' || closesConnection(event)) table.markClosed(event.connectionId);
  }
  return table.list();
}

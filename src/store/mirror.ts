import type { ActorEvent, Connection } from '../engine';
import type { ActorClient } from '../client/actorClient';
import type { ActorUiStatus } from './status';

/** A simulated client as the page shows it. */
export interface ConnectionView {
  id: number;
  open: boolean;
}

/** The part of the store that is a copy of the client's history, refreshed after every change. */
export interface Mirrored {
  events: ActorEvent[];
  connections: ConnectionView[];
}

/** Copies the client's history into fresh arrays so React sees a change. */
export function mirror(client: ActorClient): Mirrored {
  const connections = client.connections.map((c: Connection) => ({ id: c.id, open: c.open })).sort((a, b) => a.id - b.id);
  return { events: client.events.slice(), connections };
}

/** Ready or stopped, once nothing is in flight; `error` when no actor is loaded at all. */
export function settledStatus(client: ActorClient): ActorUiStatus {
  const actor = client.actor;
  if (!actor) return 'error';
  return actor.stopped ? 'stopped' : 'ready';
}

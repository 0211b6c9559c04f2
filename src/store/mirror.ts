import type { ActorEvent, ConnectDelivery, Connection } from '../core';
import type { ActorClient } from '../host/actorClient';
import type { ActorUiStatus } from './status';

/** A simulated client as the page shows it. */
export interface ConnectionView {
  id: number;
  open: boolean;
}

/** The part of the store that reflects the client's history, refreshed after every change. */
export interface Mirrored {
  /**
   * The client's own history, not a copy: copying it per event would make a long session
   * quadratic. The array is replaced when the history is (a load, an import, a rewrite) and
   * grows in place otherwise, so select both it and `eventCount` to re-render on any change.
   */
  events: readonly ActorEvent[];
  eventCount: number;
  connections: ConnectionView[];
  /** How the simulated server tells the actor about connections: a setting that travels with the history. */
  delivery: ConnectDelivery;
}

export function mirror(client: ActorClient): Mirrored {
  const connections = client.connections.map((c: Connection) => ({ id: c.id, open: c.open })).sort((a, b) => a.id - b.id);
  return { events: client.events, eventCount: client.events.length, connections, delivery: client.delivery };
}

/** Ready or stopped, once nothing is in flight; `error` when no actor is loaded at all. */
export function settledStatus(client: ActorClient): ActorUiStatus {
  const actor = client.actor;
  if (!actor) return 'error';
  return actor.stopped ? 'stopped' : 'ready';
}

import type { ActorEvent, ComponentInfo, ConnectDelivery, Connection } from '../core';
import type { ActorClient } from '../host/actorClient';
import type { PlaygroundState } from './playgroundState';
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

/** What the page resets when the history is replaced, besides the history itself. */
type ReplacedFields = 'info' | 'cursor' | 'drafts' | 'sentHistory' | 'branches' | 'replayRun' | 'rewriteReport';

/**
 * The store after the client's history was replaced by another (a load, an imported file, an
 * opened saved session, a switched branch): the one place that says what no longer applies. The
 * selection, the composer's drafts and recalled messages (their connections are gone), the
 * branches kept beside the old history, and the replay and rewrite reports about it all go; a
 * caller whose new history brings its own branches sets them after. The actor's name and whether
 * the status settles are the caller's (loads queue up, and each names its actor its own way).
 */
export function replacedHistory(client: ActorClient, info: ComponentInfo): Mirrored & Pick<PlaygroundState, ReplacedFields> {
  return {
    ...mirror(client),
    info,
    cursor: null,
    drafts: {},
    sentHistory: {},
    branches: [],
    replayRun: null,
    rewriteReport: null,
  };
}

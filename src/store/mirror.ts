import { actorNameOf, type ActorEvent, type Branch, type ComponentInfo, type ConnectDelivery, type Connection, type SessionSnapshot } from '../core';
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
  /** The running actor's call time limit (ms): its pending calls count down to it. */
  callTimeoutMs: number;
}

// The connections each client's store last showed: kept while nothing about them changed, so
// that components selecting them (the connection cards) do not re-render for every event.
const shownConnections = new WeakMap<ActorClient, ConnectionView[]>();

/** The client's connections as the page shows them, by id; the previous array while they are the same. */
function connectionsOf(client: ActorClient): ConnectionView[] {
  const fresh = client.connections.map((c: Connection) => ({ id: c.id, open: c.open })).sort((a, b) => a.id - b.id);
  const shown = shownConnections.get(client);
  if (shown && shown.length === fresh.length && shown.every((c, i) => c.id === fresh[i]!.id && c.open === fresh[i]!.open)) return shown;
  // A connection that did not change keeps its object, so only its own card re-renders.
  const byId = new Map(shown?.map((c) => [c.id, c]));
  const next = fresh.map((c) => {
    const old = byId.get(c.id);
    return old && old.open === c.open ? old : c;
  });
  shownConnections.set(client, next);
  return next;
}

export function mirror(client: ActorClient): Mirrored {
  return { events: client.events, eventCount: client.events.length, connections: connectionsOf(client), delivery: client.delivery, callTimeoutMs: client.limits.callTimeMs };
}

/** Ready or stopped, once nothing is in flight; `error` when no actor is loaded at all. */
export function settledStatus(client: ActorClient): ActorUiStatus {
  const actor = client.actor;
  if (!actor) return 'error';
  return actor.stopped ? 'stopped' : 'ready';
}

/** What the page resets when the history is replaced, besides the history itself. */
type ReplacedFields = 'info' | 'limits' | 'loadProgress' | 'cursor' | 'drafts' | 'sentHistory' | 'branches' | 'replayRun' | 'rewriteReport' | 'replaced';

/** A workspace as it was before something took its place: enough to say where it went and to bring it back. */
export interface PreviousWorkspace {
  /** The actor's name and how many events its history held, as the notice names it. */
  name: string;
  eventCount: number;
  /** The saved session it is kept as (null when nothing is saved in this browser). */
  sessionId: string | null;
  component: { name: string; bytes: Uint8Array };
  snapshot: SessionSnapshot;
  branches: Branch[];
  cursor: number | null;
}

/** A replacement the page tells of: what took the workspace's place (`what`, a sentence) and what it replaced. */
export interface Replacement {
  what: string;
  previous: PreviousWorkspace;
}

/**
 * The workspace as it is now, to keep before replacing it; undefined when there is nothing a
 * person would miss (no actor, or nothing but its init).
 */
export function workspaceOf(client: ActorClient, state: Pick<PlaygroundState, 'currentSessionId' | 'branches' | 'cursor'>): PreviousWorkspace | undefined {
  const component = client.component;
  if (!component || (!client.events.some((e) => e.kind !== 'init') && state.branches.length === 0)) return undefined;
  const snapshot = client.snapshot();
  return { name: actorNameOf(component.name), eventCount: snapshot.events.length, sessionId: state.currentSessionId, component, snapshot, branches: state.branches, cursor: state.cursor };
}

/**
 * The store after the client's history was replaced by another (a load, an imported file, an
 * opened saved session, a switched branch): the one place that says what no longer applies. The
 * selection, a failed load's report, the composer's drafts and recalled messages (their
 * connections are gone), the branches kept beside the old history, and the replay and rewrite
 * reports about it all go; a caller whose new history brings its own branches sets them after. The actor's name and whether
 * the status settles are the caller's (loads queue up, and each names its actor its own way).
 * A `replacement` (what took the workspace's place, and the workspace as it was before, from
 * `workspaceOf`) is told to the person with an Undo; a branch switch passes none.
 */
export function replacedHistory(client: ActorClient, info: ComponentInfo, replacement?: { what: string; previous: PreviousWorkspace | undefined }): Mirrored & Pick<PlaygroundState, ReplacedFields> {
  return {
    replaced: replacement?.previous ? { what: replacement.what, previous: replacement.previous } : null,
    ...mirror(client),
    // The limits a history came with (a saved session's, a session file's) are the page's from now on.
    limits: client.nextLimits,
    info,
    // A failed load's stages told of the workspace this one replaced.
    loadProgress: null,
    cursor: null,
    drafts: {},
    sentHistory: {},
    branches: [],
    replayRun: null,
    rewriteReport: null,
  };
}

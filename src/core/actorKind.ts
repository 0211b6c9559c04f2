/**
 * The two ways a Theater component actor did WebSockets, told apart by what it exports:
 *
 * - `websocket-server`: exports `theater:simple/websocket-server` (`handle-message`). One call per
 *   event, no connection id, replies only to the connection whose event it was (DESIGN.md).
 * - `http-framework`: exports `theater:simple/http-handlers` (`handle-websocket-connect`,
 *   `handle-websocket-message`, `handle-websocket-disconnect`) and imports
 *   `theater:simple/http-framework`, whose `send-websocket-message` reaches any open connection
 *   by its id (Theater's WebSockets from March 2025 until it left the component model).
 */
export const ACTOR_KINDS = ['websocket-server', 'http-framework'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** How the page names each kind, after the interface that makes an actor one. */
export const ACTOR_KIND_LABELS: Record<ActorKind, string> = {
  'websocket-server': 'websocket-server actor',
  'http-framework': 'http-framework actor',
};

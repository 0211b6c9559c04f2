/**
 * How Theater's `http-framework` server drives an actor's WebSocket handlers (its
 * `server_instance.rs`, `handle_websocket_connection`): a new client on an enabled path gets a
 * random u64 connection id and `handle-websocket-connect(handler, id, path, none)`; each text or
 * binary frame `handle-websocket-message(handler, id, message)`, whose returned list is ignored;
 * a close frame (or a socket that fails) ends the connection, then
 * `handle-websocket-disconnect(handler, id)`. Ping and pong frames never reach the actor. A path
 * without a connect or disconnect handler gets no call for that event.
 */
import { engineError, type EngineError } from '../core/errors';
import type { HttpEventInfo } from '../core/events';
import { httpFrameRefusal } from '../core/httpFrames';
import type { HttpServers } from '../core/httpServers';
import type { WebsocketMessage } from '../core/messages';
import { ok, type Result } from '../core/result';
import type { HttpHandlerExports } from './loader';
import { toRecorded } from './recordedValues';

type State = Uint8Array | undefined;

/**
 * What a new client of `path` calls, or why none can connect. No path, or `/` where the actor
 * serves no `/` (a client on the bridge's bare address), means the first path the actor serves.
 */
export function planConnect(servers: HttpServers, path: string | undefined, draw: () => bigint): Result<HttpEventInfo, EngineError> {
  const open = servers.openPaths;
  const chosen = path === undefined ? open[0] : servers.websocketPath(path) ?? (path === '/' ? open[0] : undefined);
  if (!chosen) {
    const paths = open.map((ws) => `\`${ws.path}\``).join(', ');
    if (path !== undefined && paths) return engineError('no-websocket-path', `The actor serves WebSockets on ${paths}, not on \`${path}\`: pick one of those.`);
    const enabled = [...servers.servers.values()].flatMap((server) => server.websockets.map((ws) => ws.path));
    return engineError(
      'no-websocket-path',
      enabled.length > 0
        ? `The actor enabled WebSockets on ${enabled.map((p) => `\`${p}\``).join(', ')} but never started that server (\`http-framework.start-server\`), so no client can connect.`
        : 'The actor has enabled no WebSocket path: an http-framework actor accepts clients only on paths it enables with `http-framework.enable-websocket` (and a server it starts), usually in its init.',
    );
  }
  return ok({ handler: chosen.connect, connection: draw().toString(), path: chosen.path });
}

/** What a client's frame calls: text and binary go to the message handler; the rest is refused with why. */
export function planMessage(servers: HttpServers, connectionId: number, message: WebsocketMessage): Result<HttpEventInfo, EngineError> {
  const connection = servers.connections.get(connectionId);
  if (!connection) return engineError('no-such-connection', `Connection #${connectionId} is not a client of the actor's server.`);
  const refused = httpFrameRefusal(message);
  if (refused) return engineError('invalid-message', `${refused} Nothing was sent.`);
  return ok({ handler: connection.message, connection: connection.actorId });
}

/** What a client's going away calls (Theater calls disconnect for a close frame and a failed socket alike). */
export function planDisconnect(servers: HttpServers, connectionId: number): HttpEventInfo | undefined {
  const connection = servers.connections.get(connectionId);
  return connection && { handler: connection.disconnect, connection: connection.actorId };
}

/**
 * Calls the handler `http` names for `input` and gives the state it returns, and what a message
 * handler returned (which Theater ignores). A handler the build does not export (a replay against
 * another build, say) fails the call, saying which.
 */
export function callHandler(handlers: HttpHandlerExports | undefined, http: HttpEventInfo, input: WebsocketMessage, state: State): { state: State; returned?: WebsocketMessage[] } {
  const handler = BigInt(http.handler ?? 0);
  const connection = BigInt(http.connection);
  const missing = (name: string) => new Error(`this build does not export theater:simple/http-handlers.${name}, which the event calls`);
  switch (input.ty.tag) {
    case 'connect': {
      if (!handlers?.connect) throw missing('handle-websocket-connect');
      return { state: handlers.connect(state, [handler, connection, http.path ?? '/', undefined])[0] };
    }
    case 'close': {
      if (!handlers?.disconnect) throw missing('handle-websocket-disconnect');
      return { state: handlers.disconnect(state, [handler, connection])[0] };
    }
    default: {
      if (!handlers?.message) throw missing('handle-websocket-message');
      // Theater ignores the list the handler returns (the actor sends with send-websocket-message); its chain keeps it.
      const [next, [returned]] = handlers.message(state, [handler, connection, input]);
      // Copied out of the actor's memory, which the next call may overwrite.
      return { state: next, returned: returned.map((m) => toRecorded(m) as WebsocketMessage) };
    }
  }
}

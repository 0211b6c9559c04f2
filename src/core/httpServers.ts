import type { ActorEvent } from './events';
import type { HostCall } from './hostCalls';
import { HTTP_FRAMEWORK } from './interfaceNames';
import { fail, ok, type Result } from './result';

/** A route the actor registered with `add-route`. */
export interface HttpRoute {
  id: number;
  path: string;
  method: string;
  handler: number;
}

/** A path the actor enabled WebSockets on (`enable-websocket`), with its handlers' ids. */
export interface WebsocketPath {
  server: number;
  path: string;
  connect: number | null;
  message: number;
  disconnect: number | null;
}

/** One server the actor made with `create-server`. */
export interface HttpServer {
  id: number;
  host: string;
  /** The port it asked for; the one `start-server` answered once running. */
  port: number;
  running: boolean;
  routes: HttpRoute[];
  websockets: WebsocketPath[];
}

/** An open WebSocket client of the actor: the playground's connection and the id the actor sees. */
export interface HttpConnection {
  /** The actor's connection id (a u64, in decimal: past 2^53 a number would lose digits). */
  actorId: string;
  path: string;
  server: number;
  /** The path's handlers when the client connected: Theater keeps them for the connection's life. */
  message: number;
  disconnect: number | null;
}

/** What `http-framework` calls return: the ok value, or Theater's error text. */
export type HostResult = Result<unknown, string>;

/** The port `start-server` answers for a server that asked for none (Theater's OS picks one; this is the first dynamic port, so replays agree). */
export const PICKED_PORT = 49152;

/**
 * Theater's `http-framework` host state as the actor's calls made it: servers, handlers, routes,
 * WebSocket paths and the open connections, with ids counted from 1 as Theater's host counts them
 * (crates/theater-handler-http-framework, `next_server_id` and its siblings). Pure: the worker's
 * host runs calls through it, and anyone holding a history rebuilds it with `after`.
 *
 * Host state is the host's: a call that fails (`err`, a trap) leaves the servers it made behind,
 * as Theater's host keeps them whatever the actor's state does.
 */
export class HttpServers {
  readonly servers = new Map<number, HttpServer>();
  readonly handlers = new Map<number, string>();
  /** By the playground's connection id. */
  readonly connections = new Map<number, HttpConnection>();
  #next = { server: 1, handler: 1, route: 1, middleware: 1 };
  readonly #middleware = new Map<number, number>();

  /** The state a history leaves: every recorded `http-framework` call applied, every connection opened and closed. */
  static after(events: readonly Pick<ActorEvent, 'connectionId' | 'input' | 'hostCalls' | 'http'>[]): HttpServers {
    const table = new HttpServers();
    for (const event of events) table.follow(event);
    return table;
  }

  /**
   * Applies one recorded event: what it did to its connection, then its host calls. A client
   * comes and goes before its handler runs (Theater adds the connection, then calls connect;
   * removes it, then calls disconnect), so a session calls `opening` before the call and the
   * host calls apply as they happen.
   */
  follow(event: Pick<ActorEvent, 'connectionId' | 'input' | 'hostCalls' | 'http'>): void {
    this.opening(event);
    for (const call of event.hostCalls) if (isHttpFrameworkCall(call)) this.apply(call.function, call.args);
  }

  /** What an event does to its connection, before its handler runs. */
  opening(event: Pick<ActorEvent, 'connectionId' | 'input' | 'http'>): void {
    if (event.connectionId === null || !event.http) return;
    if (event.input?.ty.tag === 'connect' && event.http.path !== undefined) {
      const path = this.websocketPath(event.http.path);
      this.connections.set(event.connectionId, { actorId: event.http.connection, path: event.http.path, server: path?.server ?? 0, message: path?.message ?? 0, disconnect: path?.disconnect ?? null });
    } else if (event.input?.ty.tag === 'close') this.connections.delete(event.connectionId);
  }

  /** The enabled WebSocket path a client may connect to (on a running server), if any. */
  websocketPath(path: string): WebsocketPath | undefined {
    for (const server of this.servers.values()) {
      if (!server.running) continue;
      const found = server.websockets.find((ws) => ws.path === path);
      if (found) return found;
    }
    return undefined;
  }

  /** Every WebSocket path a new client can pick now: enabled on a running server. */
  get openPaths(): WebsocketPath[] {
    return [...this.servers.values()].filter((server) => server.running).flatMap((server) => server.websockets);
  }

  /** The playground's connection the actor calls `actorId` (decimal), if it is open. */
  connectionOf(actorId: string): number | undefined {
    for (const [id, connection] of this.connections) if (connection.actorId === actorId) return id;
    return undefined;
  }

  /**
   * Runs one `http-framework` call (its WIT name, arguments as recorded: u64s as numbers or
   * decimal strings) and answers what Theater's host answers, its error texts included.
   * `send-websocket-message` and `close-websocket` only check here; delivering is the caller's.
   */
  apply(fn: string, args: readonly unknown[]): HostResult {
    const n = (i: number) => Number(args[i] as number | string);
    const server = (i: number): Result<HttpServer, string> => {
      const found = this.servers.get(n(i));
      return found ? ok(found) : fail(`Server not found: ${n(i)}`);
    };
    switch (fn) {
      case 'create-server': {
        const config = (args[0] ?? {}) as { port?: number; host?: string };
        const id = this.#next.server++;
        this.servers.set(id, { id, host: config.host ?? '127.0.0.1', port: config.port ?? 0, running: false, routes: [], websockets: [] });
        return ok(id);
      }
      case 'get-server-info': {
        const found = server(0);
        if (!found.ok) return found;
        const s = found.value;
        return ok({ id: s.id, port: s.port, host: s.host, running: s.running, routesCount: s.routes.length, middlewareCount: [...this.#middleware.values()].filter((m) => m === s.id).length, websocketEnabled: s.websockets.length > 0 });
      }
      case 'start-server': {
        const found = server(0);
        if (!found.ok) return found;
        if (found.value.running) return fail('Failed to start server: Server is already running');
        found.value.running = true;
        if (found.value.port === 0) found.value.port = PICKED_PORT;
        return ok(found.value.port);
      }
      case 'stop-server': {
        const found = server(0);
        if (!found.ok) return found;
        found.value.running = false;
        return ok(undefined);
      }
      case 'destroy-server': {
        const found = server(0);
        if (!found.ok) return found;
        this.servers.delete(found.value.id);
        return ok(undefined);
      }
      case 'register-handler': {
        const id = this.#next.handler++;
        this.handlers.set(id, String(args[0]));
        return ok(id);
      }
      case 'add-route': {
        const found = server(0);
        if (!found.ok) return found;
        if (!this.handlers.has(n(3))) return fail(`Handler not found: ${n(3)}`);
        const id = this.#next.route++;
        found.value.routes.push({ id, path: String(args[1]), method: String(args[2]).toUpperCase(), handler: n(3) });
        return ok(id);
      }
      case 'remove-route': {
        for (const s of this.servers.values()) {
          const at = s.routes.findIndex((route) => route.id === n(0));
          if (at >= 0) {
            s.routes.splice(at, 1);
            return ok(undefined);
          }
        }
        return fail(`Route not found: ${n(0)}`);
      }
      case 'add-middleware': {
        const found = server(0);
        if (!found.ok) return found;
        const id = this.#next.middleware++;
        this.#middleware.set(id, found.value.id);
        return ok(id);
      }
      case 'remove-middleware':
        return this.#middleware.delete(n(0)) ? ok(undefined) : fail(`Middleware not found: ${n(0)}`);
      case 'enable-websocket':
        return this.#enableWebsocket(args);
      case 'disable-websocket': {
        const found = server(0);
        if (!found.ok) return found;
        found.value.websockets = found.value.websockets.filter((ws) => ws.path !== String(args[1]));
        return ok(undefined);
      }
      case 'send-websocket-message':
      case 'close-websocket': {
        const found = server(0);
        if (!found.ok) return found;
        const id = String(args[1]);
        const open = [...this.connections.values()].some((c) => c.actorId === id && c.server === found.value.id);
        return open ? ok(undefined) : fail(`WebSocket connection not found: ${id}`);
      }
      default:
        return fail(`the playground does not simulate http-framework.${fn}`);
    }
  }

  #enableWebsocket(args: readonly unknown[]): HostResult {
    const [serverId, path, connect, message, disconnect] = args as [number, string, number | undefined, number, number | undefined];
    if (!String(path).startsWith('/')) return fail('Path must start with /');
    if (!this.handlers.has(Number(message))) return fail(`Message handler not found: ${message}`);
    if (connect !== undefined && !this.handlers.has(Number(connect))) return fail(`Connect handler not found: ${connect}`);
    if (disconnect !== undefined && !this.handlers.has(Number(disconnect))) return fail(`Disconnect handler not found: ${disconnect}`);
    const server = this.servers.get(Number(serverId));
    if (!server) return fail(`Server not found: ${serverId}`);
    const entry: WebsocketPath = { server: server.id, path, connect: connect === undefined ? null : Number(connect), message: Number(message), disconnect: disconnect === undefined ? null : Number(disconnect) };
    server.websockets = [...server.websockets.filter((ws) => ws.path !== path), entry];
    return ok(undefined);
  }
}

/** Whether a recorded host call is one the simulated http-framework answered. */
export const isHttpFrameworkCall = (call: Pick<HostCall, 'interface'>): boolean => call.interface === HTTP_FRAMEWORK;

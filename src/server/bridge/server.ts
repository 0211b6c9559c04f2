import { createServer, type IncomingMessage, type Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { DEFAULT_MAX_UNREAD_BYTES } from './bridgeClient.ts';
import { checkBindHost, wsAddress } from './bindAddress.ts';
import { CONTROL_PATH } from '../../protocols/bridgeControl.ts';
import { handleHttpRequest, refuseUpgrade, requestedVersion, requestPath, requestQuery } from './http.ts';
import { BridgeHub, type BridgeLog, type BridgeStats } from './hub.ts';
import { DEFAULT_ALLOWED_ORIGINS, OriginAllowList } from './origins.ts';
import { connectUpstream } from './proxyUpstream.ts';
import { upstreamUrlFor } from '../../protocols/proxyControl.ts';
import { DEFAULT_QUEUE_LIMITS, type QueueLimits } from './queue.ts';
import { makeToken, tokenMatches } from './token.ts';

export type { BridgeLog, BridgeLogLevel, BridgeStats } from './hub.ts';

export const DEFAULT_BRIDGE_HOST = '127.0.0.1';
export const DEFAULT_BRIDGE_PORT = 8765;
export const DEFAULT_MAX_FRAME_BYTES = 1024 * 1024;
export const DEFAULT_PAGE_WAIT_MS = 5000;

export interface BridgeOptions {
  /** Default 127.0.0.1. Anything but loopback needs `allowRemote`. */
  host?: string;
  /** Default 8765; 0 picks a free port (tests). */
  port?: number;
  /** Origins whose pages may read `/token` and open `/control`. Default: Vite dev and preview on localhost. */
  allowedOrigins?: Iterable<string>;
  /** A client frame (message) larger than this closes that client with 1009. Default 1 MiB. */
  maxFrameBytes?: number;
  allowRemote?: boolean;
  /** Default: warnings and errors to stderr, info dropped. */
  log?: BridgeLog;
  /** How much may wait for the page before clients are paused. Default 10,000 messages or 16 MiB. */
  queueLimits?: QueueLimits;
  /**
   * A client that leaves more than this many bytes of responses unread is cut off (its reading
   * is paused long before, at 1 MiB). Default 64 MiB.
   */
  maxUnreadBytes?: number;
  /** Further clients are refused with 503. Default 1,000. */
  maxClients?: number;
  /** Default 10 s. */
  heartbeatMs?: number;
  /**
   * How long real clients that arrive while no page is attached wait for one (counted from the
   * first of them) before they are closed with `NO_PAGE_CLOSE_CODE` and a reason saying so.
   * Default 5 s: long enough for a page that is loading, short enough not to leave anyone in silence.
   */
  pageWaitMs?: number;
}

export interface RunningBridge {
  /** `ws://host:port`: the public endpoint for real clients. */
  address: string;
  token: string;
  port: number;
  /** The origins whose pages may attach, canonical. */
  allowedOrigins: string[];
  stats(): BridgeStats;
  /** Closes every client and the page with 1001 and stops listening. */
  close(): Promise<void>;
}

export type BridgeStartErrorCode = 'remote-not-allowed' | 'bad-options' | 'listen-failed';

/** Why the bridge did not start, with a `code` a caller (the CLI, the Vite plugin) can act on. */
export class BridgeStartError extends Error {
  readonly code: BridgeStartErrorCode;
  constructor(code: BridgeStartErrorCode, message: string) {
    super(message);
    this.name = 'BridgeStartError';
    this.code = code;
  }
}

const defaultLog: BridgeLog = (level, message) => {
  if (level !== 'info') console.error(`[bridge] ${level}: ${message}`);
};

/** How long `close()` waits for closing handshakes before cutting sockets. */
const SHUTDOWN_GRACE_MS = 2000;

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      const hint = error.code === 'EADDRINUSE' ? ' (is another bridge running? pass another --port)' : '';
      reject(new BridgeStartError('listen-failed', `cannot listen on ${host}:${port}: ${error.message}${hint}`));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const bound = server.address();
      resolve(typeof bound === 'object' && bound !== null ? bound.port : port);
    });
  });
}

/**
 * Starts the bridge: the public WebSocket endpoint for real clients, `/control` for the one
 * playground page that runs their actor, and `GET /token` for that page. Rejects with a
 * `BridgeStartError` when the options are unsafe or the port is taken.
 */
export async function startBridge(options: BridgeOptions = {}): Promise<RunningBridge> {
  const host = options.host ?? DEFAULT_BRIDGE_HOST;
  const log = options.log ?? defaultLog;
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  if (!Number.isSafeInteger(maxFrameBytes) || maxFrameBytes <= 0)
    throw new BridgeStartError('bad-options', `maxFrameBytes must be a positive integer, got ${maxFrameBytes}`);

  const bind = checkBindHost(host, options.allowRemote ?? false);
  if (!bind.ok) throw new BridgeStartError(bind.error.code, bind.error.message);

  let origins: OriginAllowList;
  try {
    origins = new OriginAllowList(options.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS);
  } catch (error) {
    throw new BridgeStartError('bad-options', (error as Error).message);
  }

  const token = makeToken();
  const publicSockets = new WebSocketServer({
    noServer: true,
    clientTracking: false,
    perMessageDeflate: false,
    maxPayload: maxFrameBytes,
    // Pings go to the actor, which decides whether to pong, as in Theater.
    autoPong: false,
  });
  // Proxied clients get the subprotocol their upstream chose, which is known before their handshake is answered.
  const upstreamProtocol = new WeakMap<IncomingMessage, string>();
  const proxiedSockets = new WebSocketServer({
    noServer: true,
    clientTracking: false,
    perMessageDeflate: false,
    maxPayload: maxFrameBytes,
    // Pings are relayed to the upstream, which answers them itself.
    autoPong: false,
    handleProtocols: (_offered, request) => upstreamProtocol.get(request) || false,
  });
  // The page is trusted once admitted; a response may carry several large frames as base64.
  const controlSockets = new WebSocketServer({
    noServer: true,
    clientTracking: false,
    perMessageDeflate: false,
    maxPayload: Math.max(64 * 1024 * 1024, maxFrameBytes * 8),
  });

  const http = createServer((request, response) => handleHttpRequest(request, response, { origins, token, pageAttached: () => hub.pageAttached }));
  // The address is known only after listening; the hub reads it when a page attaches.
  let address = '';
  const hub = new BridgeHub({
    get address() {
      return address;
    },
    queueLimits: options.queueLimits ?? DEFAULT_QUEUE_LIMITS,
    maxClients: options.maxClients ?? 1000,
    maxUnreadBytes: options.maxUnreadBytes ?? DEFAULT_MAX_UNREAD_BYTES,
    heartbeatMs: options.heartbeatMs ?? 10_000,
    pageWaitMs: options.pageWaitMs ?? DEFAULT_PAGE_WAIT_MS,
    log,
  });

  http.on('upgrade', (request, socket, head) => {
    // A peer resetting mid-handshake must not crash the server.
    socket.on('error', () => socket.destroy());
    if (requestPath(request) === CONTROL_PATH) {
      if (origins.match(request.headers.origin) === null) {
        log('warn', `refused a control connection from origin ${JSON.stringify(request.headers.origin ?? null)}`);
        refuseUpgrade(socket, 403, 'Forbidden: this origin may not drive the bridge.');
        return;
      }
      if (!tokenMatches(token, requestQuery(request).get('token'))) {
        log('warn', 'refused a control connection with a wrong token');
        refuseUpgrade(socket, 403, 'Forbidden: wrong or missing token (GET /token from the playground page).');
        return;
      }
      if (hub.pageAttached) {
        refuseUpgrade(socket, 409, 'Another playground page is already attached to this bridge.');
        return;
      }
      const version = requestedVersion(request);
      controlSockets.handleUpgrade(request, socket, head, (ws) => hub.attachPage(ws, version));
      return;
    }
    const refusal = hub.refusalForClient();
    if (refusal !== null) {
      refuseUpgrade(socket, refusal.status, refusal.message);
      return;
    }
    const path = new URL(request.url ?? '/', 'http://bridge').pathname;
    const upstream = hub.proxyUpstream;
    if (upstream === null) {
      publicSockets.handleUpgrade(request, socket, head, (ws) => hub.addClient(ws, path));
      return;
    }
    // Proxy mode: the upstream first, so a refusal or its subprotocol reaches the client's own handshake.
    const url = upstreamUrlFor(upstream, request.url ?? '/');
    const page = hub.proxyPage;
    void connectUpstream(url, request, maxFrameBytes).then((joined) => {
      if (!joined.ok) {
        log('info', `proxy: ${url}: ${joined.reason}`);
        hub.upstreamRefused(path, url, joined.reason, page);
        refuseUpgrade(socket, 502, `Bad Gateway: ${joined.reason}.`);
        return;
      }
      if (socket.destroyed || hub.proxyUpstream !== upstream) {
        // The client gave up, or the proxy stopped or moved, while the upstream answered.
        // Read again (it came paused), so the closing handshake can finish.
        joined.socket.resume();
        joined.socket.close(1001, 'the client is gone');
        if (!socket.destroyed) refuseUpgrade(socket, 503, 'The playground stopped this proxy.');
        return;
      }
      upstreamProtocol.set(request, joined.socket.protocol);
      proxiedSockets.handleUpgrade(request, socket, head, (ws) => hub.addProxiedClient(ws, joined.socket, path, url));
    });
  });

  const port = await listen(http, host, options.port ?? DEFAULT_BRIDGE_PORT);
  address = wsAddress(host, port);
  if (bind.remote) log('warn', `listening on ${address}, which is not loopback: other machines can reach the actor in your page`);
  log('info', `listening on ${address}`);

  let closing: Promise<void> | null = null;
  return {
    address,
    token,
    port,
    allowedOrigins: origins.list(),
    stats: () => hub.stats(),
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
        await hub.shutdown(SHUTDOWN_GRACE_MS);
        http.closeAllConnections();
        await stopped;
      })();
      return closing;
    },
  };
}

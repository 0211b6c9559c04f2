/**
 * Proxy mode's part of the bridge's control protocol (bridgeControl.ts; version 3): the bridge
 * server joins each real client to its own connection to an upstream endpoint the page chose,
 * relays every frame both ways unchanged, and tells the page what it relayed so the page can
 * record it, shadow it with the actor, or let the actor answer instead. Like bridgeControl.ts,
 * types, constants and a pure validator only: the page imports it too.
 */

/** Who answers a proxied client: the upstream endpoint (the default), or the actor in the page (after a take-over). */
export const PROXY_ROUTES = ['upstream', 'actor'] as const;
export type ProxyRoute = (typeof PROXY_ROUTES)[number];

/**
 * A frame as the proxy relayed it, payloads as base64. A close carries the code and reason as
 * `ws` read them: 1005 when the close frame had no code, 1006 when the socket ended without one.
 */
export type ProxyFrameJson =
  | { frame: 'text'; text: string }
  | { frame: 'binary' | 'ping' | 'pong'; dataBase64: string }
  | { frame: 'close'; code: number; reason: string };

/** Server → page, in the order things happened on the sockets. `at` is the relay's clock, ms since the epoch. */
export type ProxyServerMessage =
  /** The proxy started (`upstream`) or stopped (null), or could not start (`problem`). */
  | { type: 'proxy-state'; upstream: string | null; problem: string | null }
  /**
   * A real client arrived and was joined to `url` (the upstream with the client's path and query),
   * speaking `protocol` ('' for none). With `refused`, the upstream did not take it: the client's
   * handshake was answered with 502 and that says why.
   */
  | { type: 'proxy-open'; client: number; path: string; url: string; protocol: string; at: number; refused?: string }
  /**
   * A frame the client sent (`sent`) or the upstream sent (`received`). The first close either
   * way ends the conversation: the proxy closes the other side with the same code. An upstream
   * that ends while the actor answers the client is reported when the client is handed back to it
   * (and closed so), not before: until then the conversation goes on with the actor.
   */
  | { type: 'proxy-frame'; client: number; direction: 'sent' | 'received'; frame: ProxyFrameJson; at: number }
  /** From now on `to` answers this client (a take-over or a hand-back the page asked for). */
  | { type: 'proxy-switch'; client: number; to: ProxyRoute; at: number };

/** Whether a server message is proxy mode's (for the page's proxy) rather than about the actor's own clients. */
export const isProxyServerMessage = <M extends { type: string }>(message: M | ProxyServerMessage): message is ProxyServerMessage => message.type.startsWith('proxy-');

/** Page → server. */
export type ProxyPageMessage =
  /** Proxy every real client that arrives from now on to `upstream` (ws:// or wss://). */
  | { type: 'proxy-start'; upstream: string }
  /** Stop proxying: proxied clients are closed with 1001, new clients reach the actor again. */
  | { type: 'proxy-stop' }
  /** Switch who answers one proxied client (`client`) or every one of them (null). */
  | { type: 'proxy-route'; client: number | null; to: ProxyRoute };

/**
 * Why `text` cannot be an upstream URL, or null when it can: ws:// or wss://, with a host, no
 * fragment (RFC 6455 §3 forbids one). Shared by the page (to say so under the field) and the server.
 */
export function upstreamProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return `${JSON.stringify(text)} is not a URL: write one like ws://127.0.0.1:9000`;
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return `an upstream URL starts with ws:// or wss://, not ${url.protocol}//`;
  if (url.hostname === '') return 'the upstream URL has no host';
  if (url.hash !== '') return 'a WebSocket URL cannot have a #fragment';
  return null;
}

/**
 * The URL a client that asked for `pathAndQuery` (its request target, `/room/1?user=a`) is joined
 * to: the upstream's path with the client's appended, and the client's query (or the upstream's
 * when the client gave none). A client asking for `/` reaches the upstream URL as written.
 */
export function upstreamUrlFor(upstream: string, pathAndQuery: string): string {
  const url = new URL(upstream.trim());
  const asked = new URL(pathAndQuery, 'ws://client.invalid');
  if (asked.pathname !== '/') url.pathname = `${url.pathname.replace(/\/$/, '')}${asked.pathname}`;
  if (asked.search !== '') url.search = asked.search;
  return url.toString();
}

type Parsed = { ok: true; value: ProxyPageMessage } | { ok: false; message: string };

/** Validates a page message whose `type` starts with `proxy-` (bridgeControl.ts's parser hands it over). */
export function parseProxyPageMessage(raw: Record<string, unknown>): Parsed {
  switch (raw.type) {
    case 'proxy-start': {
      if (typeof raw.upstream !== 'string') return { ok: false, message: 'proxy-start: `upstream` must be a string' };
      const problem = upstreamProblem(raw.upstream);
      return problem === null ? { ok: true, value: { type: 'proxy-start', upstream: raw.upstream.trim() } } : { ok: false, message: `proxy-start: ${problem}` };
    }
    case 'proxy-stop':
      return { ok: true, value: { type: 'proxy-stop' } };
    case 'proxy-route': {
      const client = raw.client;
      if (client !== null && !(Number.isSafeInteger(client) && (client as number) > 0)) return { ok: false, message: 'proxy-route: `client` must be a positive integer or null (every client)' };
      if (!(PROXY_ROUTES as readonly unknown[]).includes(raw.to)) return { ok: false, message: 'proxy-route: `to` must be "upstream" or "actor"' };
      return { ok: true, value: { type: 'proxy-route', client: client as number | null, to: raw.to as ProxyRoute } };
    }
    default:
      return { ok: false, message: `unknown control message type ${JSON.stringify(raw.type)}` };
  }
}

import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBE_PATH, spokenVersion, TOKEN_PATH, VERSION_QUERY, type ProbeResponse, type TokenResponse } from '../../protocols/bridgeControl.ts';
import type { OriginAllowList } from './origins.ts';
import { tokenMatches } from './token.ts';

/** The request's path without its query; `/` when the target is unparseable. */
export function requestPath(request: IncomingMessage): string {
  try {
    return new URL(request.url ?? '/', 'http://bridge.invalid').pathname;
  } catch {
    return '/';
  }
}

/** The control protocol version to speak with the page that sent `request` (its `version` query; see `spokenVersion`). */
export const requestedVersion = (request: IncomingMessage): number => spokenVersion(requestQuery(request).get(VERSION_QUERY));

export function requestQuery(request: IncomingMessage): URLSearchParams {
  try {
    return new URL(request.url ?? '/', 'http://bridge.invalid').searchParams;
  } catch {
    return new URLSearchParams();
  }
}

/**
 * Answers an upgrade request with a plain HTTP error before any WebSocket handshake, so a refused
 * page or client sees a status (403, 409, 503) rather than a dropped connection.
 */
export function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
      'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function sendText(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  response.end(`${message}\n`);
}

/** What the HTTP side needs to know of the running bridge. */
export interface HttpAccess {
  origins: OriginAllowList;
  token: string;
  pageAttached(): boolean;
}

/** Why this request's page would be refused: the body of `GET /probe`. */
export function probe(request: IncomingMessage, access: HttpAccess): ProbeResponse {
  const header = request.headers.origin;
  const origin = typeof header === 'string' ? header : null;
  const base = { version: requestedVersion(request), origin };
  if (access.origins.match(header) === null) return { ...base, originAllowed: false };
  const candidate = requestQuery(request).get('token');
  const token = candidate === null ? 'missing' : tokenMatches(access.token, candidate) ? 'ok' : 'mismatch';
  return { ...base, originAllowed: true, token, pageAttached: access.pageAttached() };
}

/**
 * Plain HTTP on the bridge port: `GET /probe` for anyone, `GET /token` for an allowed page, and a
 * hint for anyone else. The token is readable only with an allowed Origin and CORS names only that
 * origin, so a foreign page can neither read it nor get its browser to hand it over.
 */
export function handleHttpRequest(request: IncomingMessage, response: ServerResponse, access: HttpAccess): void {
  const path = requestPath(request);
  if (path === PROBE_PATH) {
    // No secret in it, so any page may read it: that is how a refused page learns why.
    response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' });
    response.end(request.method === 'HEAD' ? undefined : JSON.stringify(probe(request, access)));
    return;
  }
  if (path !== TOKEN_PATH) {
    sendText(response, 426, 'This is the Theater Playground bridge: connect with a WebSocket client.', { Upgrade: 'websocket' });
    return;
  }
  const origin = access.origins.match(request.headers.origin);
  if (origin === null) {
    sendText(response, 403, 'Forbidden: this origin may not use the bridge.', { Vary: 'Origin' });
    return;
  }
  const cors = { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  if (request.method === 'OPTIONS') {
    response.writeHead(204, { ...cors, 'Access-Control-Allow-Methods': 'GET', 'Access-Control-Max-Age': '600' });
    response.end();
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendText(response, 405, 'Use GET.', { ...cors, Allow: 'GET' });
    return;
  }
  const body: TokenResponse = { token: access.token, version: requestedVersion(request) };
  response.writeHead(200, { ...cors, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(request.method === 'HEAD' ? undefined : JSON.stringify(body));
}

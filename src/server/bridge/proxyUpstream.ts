import type { IncomingMessage } from 'node:http';
import { WebSocket } from 'ws';

/** How long an upstream may take to complete its handshake before the client is refused (502). */
export const UPSTREAM_HANDSHAKE_MS = 10_000;

export type UpstreamResult = { ok: true; socket: WebSocket } | { ok: false; reason: string };

/** The subprotocols a client offered (`Sec-WebSocket-Protocol`), in its order. */
export function offeredProtocols(request: IncomingMessage): string[] {
  const header = request.headers['sec-websocket-protocol'];
  return typeof header === 'string' ? header.split(',').map((p) => p.trim()).filter((p) => p !== '') : [];
}

/**
 * Opens the upstream connection for one proxied client, before the client's own handshake is
 * answered, so the client gets the subprotocol the upstream chose (or the upstream's refusal).
 * `url` is the upstream with the client's path and query (proxyControl.ts `upstreamUrlFor`); the
 * client's subprotocols and `Origin` go with it. Pings are not answered here: they are relayed, and
 * the client answers them. The socket comes paused: whoever takes it listens, then resumes it.
 * Resolves with why not (a person's sentence) rather than rejecting.
 */
export function connectUpstream(url: string, request: IncomingMessage, maxPayload: number, timeoutMs = UPSTREAM_HANDSHAKE_MS): Promise<UpstreamResult> {
  return new Promise((resolve) => {
    let socket: WebSocket;
    try {
      const origin = request.headers.origin;
      socket = new WebSocket(url, offeredProtocols(request), { autoPong: false, handshakeTimeout: timeoutMs, perMessageDeflate: false, maxPayload, ...(origin === undefined ? {} : { origin }) });
    } catch (error) {
      // Only a malformed subprotocol list gets here: the URL was checked when the proxy started.
      resolve({ ok: false, reason: `the client's request cannot be passed on: ${(error as Error).message}` });
      return;
    }
    socket.once('open', () => {
      // Not read until the link listens (ProxyLink resumes it): what an upstream sends at once
      // (a greeting) can come with its handshake's answer, and would be emitted, to nobody,
      // before the caller's continuation runs.
      socket.pause();
      resolve({ ok: true, socket });
    });
    socket.once('unexpected-response', (upgrade, response) => {
      resolve({ ok: false, reason: `the upstream answered HTTP ${response.statusCode ?? '?'} ${response.statusMessage ?? ''}`.trimEnd() + ' instead of accepting the WebSocket' });
      upgrade.destroy();
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const timedOut = /timed out/i.test(error.message);
      resolve({ ok: false, reason: timedOut ? `the upstream did not complete the handshake within ${timeoutMs / 1000} s` : `could not reach the upstream (${error.code ?? error.message})` });
    });
  });
}

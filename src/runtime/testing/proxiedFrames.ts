import { makeMessage, type WebsocketMessage } from '../../core/messages';
import type { BridgeRecord, ProxyAnswerer } from '../../core/events';

// A proxied conversation's bridge events, in the shape ProxyBridge (src/features/bridge/client/proxyBridge.ts) records them.

export const UPSTREAM = 'ws://127.0.0.1:9000/room/1';

/** Frames as ProxyBridge records them: one bridge connection per proxied client, marked with the client and who answered. */
export function proxied(connectionId: number, client: number) {
  let at = 1_700_000_000_000;
  const frame = (direction: 'sent' | 'received', input: WebsocketMessage, answering: ProxyAnswerer = 'upstream', extra = {}): BridgeRecord => ({
    connectionId,
    input,
    startedAt: at++,
    bridge: { direction, endpoint: UPSTREAM, proxy: { client, answering }, ...extra },
  });
  return {
    open: () => frame('sent', makeMessage('connect')),
    sent: (m: WebsocketMessage, answering?: ProxyAnswerer) => frame('sent', m, answering),
    received: (m: WebsocketMessage, answering?: ProxyAnswerer) => frame('received', m, answering),
    closed: (code: number) => frame('sent', makeMessage('close'), 'upstream', { closeCode: code, closeReason: '' }),
    switched: (to: ProxyAnswerer) => ({ ...frame('sent', makeMessage('other', { other: `switch to ${to}` }), to), bridge: { direction: 'sent' as const, endpoint: UPSTREAM, proxy: { client, answering: to, switched: true as const } } }),
  };
}


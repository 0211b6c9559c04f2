import { eventsOfConnection, switchText, type ActorEvent, type BridgeInfo, type ShadowVerdict, type WebsocketMessage } from '../../core';
import { closeExplanation } from './client/closeCodes';

/** One line of a bridge connection's transcript: a frame either way, or the socket opening or closing. */
export type BridgeLine =
  | { key: string; seq: number; at: number; kind: 'frame'; side: 'out' | 'in'; message: WebsocketMessage; shadow?: ShadowVerdict }
  | { key: string; seq: number; at: number; kind: 'socket'; text: string };

// Events never change once recorded: each line is built once and keeps its identity.
const cache = new WeakMap<ActorEvent, BridgeLine>();

function lineOf(event: ActorEvent & { input: WebsocketMessage }): BridgeLine {
  const cached = cache.get(event);
  if (cached) return cached;
  const { seq, startedAt: at, input, bridge } = event;
  const head = { key: String(seq), seq, at };
  const byUs = bridge?.direction === 'sent';
  let line: BridgeLine;
  if (bridge?.proxy?.switched) line = { ...head, kind: 'socket', text: switchText(bridge) };
  else if (input.ty.tag === 'connect') line = { ...head, kind: 'socket', text: `connected to ${bridge?.endpoint ?? 'the endpoint'}` };
  else if (input.ty.tag === 'close') line = { ...head, kind: 'socket', text: closeText(bridge) };
  else line = { ...head, kind: 'frame', side: byUs ? 'out' : 'in', message: input, shadow: bridge?.shadow };
  cache.set(event, line);
  return line;
}

/** Who ended a bridge connection and how, in a transcript's words. */
function closeText(bridge: BridgeInfo | undefined): string {
  const { direction, proxy, closeCode = 1005, closeReason = '' } = bridge ?? {};
  if (proxy?.refused) return `refused by the upstream (the client got HTTP 502): ${closeReason}`;
  const by = direction === 'sent' ? (proxy ? 'the client' : 'the playground') : proxy?.byPlayground ? 'the playground' : proxy?.actorAnswer ? 'the actor in the page' : proxy ? 'the upstream' : 'the endpoint';
  return `closed by ${by}: ${closeExplanation(closeCode, closeReason)}`;
}

/** What went over one bridge connection, across its sockets (a reconnect keeps the id). */
export function bridgeLinesOf(events: readonly ActorEvent[], connectionId: number): BridgeLine[] {
  const lines: BridgeLine[] = [];
  for (const seq of eventsOfConnection(events, connectionId)) {
    const event = events[seq]!;
    if (event.kind === 'bridge' && event.input) lines.push(lineOf(event as ActorEvent & { input: WebsocketMessage }));
  }
  return lines;
}

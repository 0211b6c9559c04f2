import type { ActorEvent } from './events';
import type { WebsocketMessage } from './messages';

/**
 * What the replay of a proxied conversation (proxy mode) does with one recorded bridge event:
 * - `open`: the real client connected; the build under test gets a connection of its own;
 * - `send`: the client sent a frame while the upstream answered; the build gets the same frame,
 *   and what it puts on the wire is compared with `answer`, what the upstream sent back (every
 *   frame it sent after this one until the client's next);
 * - `close`: the client closed; so does the build's connection;
 * - `upstream`: a frame the upstream sent, part of the answer to the client's frame `answers`
 *   (null: sent when no frame of the client's awaited one, after the opening or a take-over).
 * Everything else (the upstream's frames, frames the actor in the page answered after a
 * take-over, which are its own events in the history, the switches) is no step.
 */
export type ProxyStep =
  | { kind: 'open'; connectionId: number }
  | { kind: 'send'; connectionId: number; message: WebsocketMessage; answer: WebsocketMessage[] }
  | { kind: 'close'; connectionId: number }
  | { kind: 'upstream'; answers: number | null };

/**
 * The replay steps of the proxied conversations in `events`, by the seq of the recorded bridge
 * event each comes from, in one pass.
 */
export function proxyReplaySteps(events: readonly ActorEvent[]): Map<number, ProxyStep> {
  const steps = new Map<number, ProxyStep>();
  // Per proxied connection, the frame whose answer is being collected.
  const open = new Map<number, { seq: number; answer: WebsocketMessage[] }>();
  for (const { seq, kind, connectionId, bridge, input } of events) {
    if (kind !== 'bridge' || !bridge?.proxy || !input || connectionId === null) continue;
    if (bridge.proxy.switched) {
      open.delete(connectionId);
      continue;
    }
    // The actor's answers after a take-over are its own events' responses, replayed as those events.
    if (bridge.proxy.actorAnswer) continue;
    // A dropped socket (1006) or the playground's own close is no answer of the upstream's.
    if (input.ty.tag === 'close' && bridge.direction === 'received' && (bridge.proxy.byPlayground || bridge.proxy.refused || bridge.closeCode === 1006)) {
      open.delete(connectionId);
      continue;
    }
    if (bridge.direction === 'received') {
      const awaiting = open.get(connectionId);
      awaiting?.answer.push(input);
      steps.set(seq, { kind: 'upstream', answers: awaiting?.seq ?? null });
      continue;
    }
    open.delete(connectionId);
    const tag = input.ty.tag;
    if (tag === 'connect') steps.set(seq, { kind: 'open', connectionId });
    else if (tag === 'close') steps.set(seq, { kind: 'close', connectionId });
    else if (bridge.proxy.answering === 'upstream') {
      const step = { kind: 'send' as const, connectionId, message: input, answer: [] };
      steps.set(seq, step);
      open.set(connectionId, { seq, answer: step.answer });
    }
  }
  return steps;
}

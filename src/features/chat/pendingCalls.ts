import { makeMessage, type ActorEvent, type WebsocketMessage } from '../../core';

/** The calls a person makes from the chat: open a connection, send on one, close one. */
export const PENDING_CALL_KINDS = ['open', 'send', 'close'] as const;
export type PendingCallKind = (typeof PENDING_CALL_KINDS)[number];

/**
 * A call the person made that has not landed yet. The client runs one call at a time, so calls
 * wait their turn: the first one is running, the others are queued behind it, in order.
 */
export interface PendingCall {
  /** Unique for the store's life; a key for rows and lines. */
  id: number;
  kind: PendingCallKind;
  /** The connection it is for; null for `open`, whose number the actor's history decides. */
  connectionId: number | null;
  /** What was sent (`send` only). */
  message: WebsocketMessage | null;
  /** When it was made, and when it reached the front of the queue (null while queued): `performance.now()` ms. */
  queuedAt: number;
  startedAt: number | null;
  /** When it was made (ms since the epoch), for the transcript's clock. */
  sentAt: number;
}

/** What a caller says about a call it is about to make. */
export type PendingCallRequest = Pick<PendingCall, 'kind' | 'connectionId' | 'message'>;

/** `calls` with a new one at the end; it runs at once when nothing is ahead of it. */
export function enqueue(calls: readonly PendingCall[], request: PendingCallRequest, id: number, now: number): PendingCall[] {
  return [...calls, { ...request, id, queuedAt: now, startedAt: calls.length === 0 ? now : null, sentAt: Date.now() }];
}

/** `calls` without `id`; the next one starts when the one that left was running. Same array when `id` is gone already. */
export function settle(calls: readonly PendingCall[], id: number, now: number): readonly PendingCall[] {
  if (!calls.some((call) => call.id === id)) return calls;
  const rest = calls.filter((call) => call.id !== id);
  const [next] = rest;
  if (next && next.startedAt === null) rest[0] = { ...next, startedAt: now };
  return rest;
}

/**
 * Whether `event`, just recorded, is the answer to the running call `call`: an actor call (not a
 * bridge frame) on its connection, or, for `open`, on whichever connection the actor got.
 */
export function answers(call: PendingCall, event: ActorEvent): boolean {
  if (event.kind !== 'message') return false;
  return call.connectionId === null || event.connectionId === call.connectionId;
}

/** What the call carries, in a row's words. */
export function pendingInput(call: PendingCall): WebsocketMessage {
  switch (call.kind) {
    case 'open':
      return makeMessage('connect');
    case 'close':
      return makeMessage('close');
    case 'send':
      return call.message ?? makeMessage('text');
    default: {
      const exhaustive: never = call.kind;
      return exhaustive;
    }
  }
}

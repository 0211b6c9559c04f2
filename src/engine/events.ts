import type { HostCall } from './hostCalls';
import type { WebsocketMessage } from './messages';
import type { StateRef } from './stateStore';
import type { WireOutcome } from './wire';

/** How a call into the actor ended. Only `ok` commits a state. */
export type CallOutcome =
  | { kind: 'ok' }
  | { kind: 'err'; message: string }
  | { kind: 'trap'; message: string }
  | { kind: 'timeout'; afterMs: number };
export type OutcomeKind = CallOutcome['kind'];
export const OUTCOME_KINDS = ['ok', 'err', 'trap', 'timeout'] as const satisfies readonly OutcomeKind[];

/** `init` is the actor's own start-up call; every WebSocket event is a `message`. */
export const EVENT_KINDS = ['init', 'message'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * One call into the actor, with everything needed to understand it afterwards: what went in,
 * which state it saw and left, what came out and what went on the wire, what it asked the host.
 */
export interface ActorEvent {
  seq: number;
  kind: EventKind;
  /** The simulated connection whose event this was; null for `init`. */
  connectionId: number | null;
  /** Wall-clock start (ms since the epoch) and how long the call took. */
  startedAt: number;
  durationMs: number;
  /** The message handed to `handle-message`; null for `init`. */
  input: WebsocketMessage | null;
  stateBefore: StateRef;
  /** Equal to `stateBefore` unless the outcome is `ok`. */
  stateAfter: StateRef;
  outcome: CallOutcome;
  /** Response messages, each with its wire frame or the warning saying why it was dropped. */
  responses: WireOutcome[];
  hostCalls: HostCall[];
  /** The actor called `runtime.shutdown` during this event. */
  shutdown: boolean;
}

/** What a newly recorded event brings along: states the receiver has not seen yet. */
export interface RecordedEvent {
  event: ActorEvent;
  newStates: Array<[string, Uint8Array]>;
}

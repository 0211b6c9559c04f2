/**
 * The events a history holds that are no call the actor answered: a frame exchanged with a real
 * endpoint, a call the page lost to a hung or dead worker, entries of an imported chain. None of
 * them commits a state: each stays at the state it follows and has no responses.
 */
import type { LostOutcome } from './actorSnapshot';
import { engineError, type EngineError } from './errors';
import type { ActorEvent, BridgeRecord } from './events';
import type { WebsocketMessage } from './messages';
import { ok, type Result } from './result';
import type { StateRef } from './stateStore';

/** An event before the history numbers it. */
export type UnnumberedEvent = Omit<ActorEvent, 'seq'>;

/** What every such event has: no time in the actor, no answer, no host calls (fresh arrays: events are kept, never shared). */
const noCall = (): Pick<ActorEvent, 'durationMs' | 'outcome' | 'responses' | 'hostCalls' | 'shutdown'> => ({ durationMs: 0, outcome: { kind: 'ok' }, responses: [], hostCalls: [], shutdown: false });

/**
 * Frames exchanged with a real endpoint (bridge mode) as `bridge` events at `state`. The endpoint
 * is not the actor: nothing reaches it and a stopped actor does not stop the recording. All or
 * nothing; errors: `invalid-message` for a connection id that is not below zero (the simulated
 * connections are numbered from 1).
 */
export function bridgeEvents(records: readonly BridgeRecord[], state: StateRef): Result<UnnumberedEvent[], EngineError> {
  const bad = records.find((r) => !Number.isSafeInteger(r.connectionId) || r.connectionId >= 0);
  if (bad) return engineError('invalid-message', `Bridge connection ${bad.connectionId} must be numbered below zero, apart from the simulated connections.`);
  return ok(records.map(({ connectionId, input, bridge, startedAt }) => ({ ...noCall(), kind: 'bridge', connectionId, startedAt, input, stateBefore: state, stateAfter: state, bridge })));
}

/**
 * A call that never came back (the page's watchdog killed it, or its worker died), written down
 * by the worker that took over so the history has no gap. `endedAt` in ms since the epoch.
 */
export function lostEvent(connectionId: number | null, input: WebsocketMessage | null, outcome: LostOutcome, durationMs: number, state: StateRef, endedAt: number): UnnumberedEvent {
  return { ...noCall(), kind: input ? 'message' : 'init', connectionId, startedAt: endedAt - durationMs, durationMs, input, stateBefore: state, stateAfter: state, outcome };
}

/** Entries of an imported chain written down again as they were, at the state they now follow (a re-run of history). */
export function chainEventAgain(event: Pick<ActorEvent, 'chain'> & Partial<Pick<ActorEvent, 'startedAt' | 'outcome' | 'shutdown'>>, state: StateRef, now: number): UnnumberedEvent {
  if (!event.chain) throw new Error('a chain event without its entries');
  const { startedAt = now, outcome = { kind: 'ok' }, shutdown = false, chain } = event;
  return { ...noCall(), kind: 'chain', connectionId: null, startedAt, input: null, stateBefore: state, stateAfter: state, outcome, shutdown, chain };
}

import { entryData, eventPayloads } from './chain';
import type { ChainWriter } from './chainValues';
import type { ActorEvent } from '../events';
import type { HostCall } from '../hostCalls';
import type { StateRef } from '../stateStore';

/** One entry of the actor's chain as `get-chain` hands it over: Theater's event type and data bytes. */
export interface ChainEntryView {
  eventType: string;
  data: Uint8Array;
}

/**
 * Where Theater's runtime reads the chain so far, given the host calls the running call has made
 * (they are in Theater's chain already when a later host call asks). The session supplies it, so
 * the host functions need nothing of the session but this.
 */
export type ChainSource = (callsSoFar: readonly HostCall[]) => ChainEntryView[];

/** The call under way: what its chain entries need before it has a result. */
export type CallInFlight = Pick<ActorEvent, 'kind' | 'connectionId' | 'startedAt' | 'input' | 'stateBefore'>;

/**
 * The chain's entries at this moment of a call, as Theater's `get_all_events` would list them:
 * every entry of the finished events, then the running call's own `WasmCall` entry (Theater
 * writes it before running the call) and the host calls it has made so far, written as `writer`
 * (the running actor) writes them.
 */
export function chainSoFar(
  finished: readonly ActorEvent[],
  current: CallInFlight | undefined,
  callsSoFar: readonly HostCall[],
  state: (ref: StateRef) => Uint8Array | undefined,
  writer: ChainWriter,
): ChainEntryView[] {
  const payloads = finished.flatMap((event) => eventPayloads(event, state, writer));
  if (current) {
    const running: ActorEvent = { ...current, seq: finished.length, durationMs: 0, stateAfter: current.stateBefore, outcome: { kind: 'ok' }, responses: [], hostCalls: [...callsSoFar], shutdown: false };
    // An `ok` call's entries end with its result, which has not happened yet: everything before it.
    payloads.push(...eventPayloads(running, state, writer).slice(0, -1));
  }
  return payloads.map(({ eventType, data }) => ({ eventType, data: entryData(data) }));
}

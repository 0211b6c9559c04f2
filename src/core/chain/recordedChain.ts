import type { HostCall } from '../hostCalls';
import { providerOf } from '../interfaceNames';

/** `get-chain`'s result as recorded: u64s as numbers, so a session file keeps it (jco gets bigints). */
export interface RecordedChain {
  events: Array<{ hash: number; event: { eventType: string; parent?: number; data: Uint8Array } }>;
}

export const isRecordedChain = (value: unknown): value is RecordedChain => typeof value === 'object' && value !== null && Array.isArray((value as RecordedChain).events);

/**
 * What Theater's chain records as a host call's output. For `get-chain` Theater's host records the
 * number of events, not the chain (crates/theater-handler-runtime/src/lib.rs, revision 86c965eb): the chain itself would nest
 * each earlier answer inside the next, growing without bound. Anything else: its result.
 */
export const chainOutput = (call: HostCall): unknown => (call.function === 'get-chain' && providerOf(call.interface) === 'theater' && isRecordedChain(call.result) ? call.result.events.length : call.result);

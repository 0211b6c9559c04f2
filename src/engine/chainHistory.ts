import { decodeEntry, type ChainEntry } from './chain';
import { decodeUtf8 } from './bytes';
import type { ActorEvent } from './events';
import type { HostCall } from './hostCalls';
import { ACTOR } from './interfaceNames';
import type { WebsocketMessage } from './messages';
import { StateStore } from './stateStore';
import { toWire } from './wire';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** `[1,2,3]` (as valueJson writes bytes) back to bytes; null back to none. */
const toBytes = (value: Json | undefined): Uint8Array | undefined => (Array.isArray(value) ? Uint8Array.from(value as number[]) : undefined);
const fromJsonBytes = (data: Json | undefined): Json | undefined => {
  const text = Array.isArray(data) ? decodeUtf8(Uint8Array.from(data as number[])) : undefined;
  return text === undefined ? undefined : (JSON.parse(text) as Json);
};

function toMessage(json: Json | undefined): WebsocketMessage | null {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return null;
  const ty = json.ty as { tag: string; val?: string };
  return {
    ty: (ty.tag === 'other' ? { tag: 'other', val: ty.val ?? '' } : { tag: ty.tag }) as WebsocketMessage['ty'],
    data: toBytes(json.data),
    text: typeof json.text === 'string' ? json.text : undefined,
  };
}

export interface ChainHistory {
  events: ActorEvent[];
  states: StateStore;
  /** Entries that are not calls the playground can rebuild (other actors' host functions, say). */
  unreadable: number;
}

/**
 * Rebuilds the calls recorded in a chain: each WasmCall opens an event, host function entries
 * join it, and WasmResult or WasmError closes it. Connection ids are not in a chain, so events
 * come back without one. This is what lets a chain be replayed against a component.
 */
export function chainToHistory(entries: readonly ChainEntry[]): ChainHistory {
  const states = new StateStore();
  const events: ActorEvent[] = [];
  let open: { event: ActorEvent; hostCalls: HostCall[] } | undefined;
  let unreadable = 0;
  for (const entry of entries) {
    const payload = decodeEntry(entry) as Record<string, Record<string, Json>> | undefined;
    if (payload?.WasmCall) {
      const params = fromJsonBytes(payload.WasmCall.params) as Json[] | undefined;
      const isInit = String(payload.WasmCall.function_name).startsWith(ACTOR);
      const before = states.put(toBytes(params?.[0])).ref;
      open = {
        hostCalls: [],
        event: {
          seq: events.length,
          kind: isInit ? 'init' : 'message',
          connectionId: null,
          startedAt: 0,
          durationMs: 0,
          input: isInit ? null : toMessage((params?.[1] as Json[] | undefined)?.[0]),
          stateBefore: before,
          stateAfter: before,
          outcome: { kind: 'ok' },
          responses: [],
          hostCalls: [],
          shutdown: false,
        },
      };
    } else if (open && payload?.category === ('HostFunction' as never)) {
      const raw = payload as unknown as { interface: string; function: string; input: Json; output: Json };
      open.hostCalls.push({ interface: raw.interface, function: raw.function, args: (fromJsonBytes(raw.input) as unknown[]) ?? [], result: fromJsonBytes(raw.output) ?? undefined, stubbed: false });
    } else if (open && (payload?.WasmResult || payload?.WasmError)) {
      const event = open.event;
      event.hostCalls = open.hostCalls;
      event.shutdown = open.hostCalls.some((c) => c.function === 'shutdown');
      if (payload.WasmResult) {
        const result = fromJsonBytes(payload.WasmResult.result) as Json[] | undefined;
        event.stateAfter = states.put(toBytes(result?.[0])).ref;
        const response = (result?.[1] as Array<{ messages: Json[] }> | undefined)?.[0];
        event.responses = (response?.messages ?? []).map((m) => toWire(toMessage(m)!));
      } else {
        const message = String(payload.WasmError!.message);
        const timeout = /^timed out after (\d+(?:\.\d+)?) ms$/.exec(message);
        const failure = /^(err|trap): ([\s\S]*)$/.exec(message);
        event.outcome = timeout ? { kind: 'timeout', afterMs: Number(timeout[1]) } : { kind: failure?.[1] === 'trap' ? 'trap' : 'err', message: failure?.[2] ?? message };
      }
      events.push(event);
      open = undefined;
    } else {
      unreadable++;
    }
  }
  return { events, states, unreadable };
}

import { sha1 } from '@noble/hashes/legacy.js';
import { utf8, decodeUtf8 } from './bytes';
import { engineError, type EngineError } from './errors';
import type { ActorEvent } from './events';
import { ACTOR, WEBSOCKET_SERVER } from './interfaceNames';
import { ok, type Result } from './result';
import type { StateRef } from './stateStore';

/** One entry of Theater's event chain, exactly as Theater writes it to JSON. */
export interface ChainEntry {
  hash: number[];
  parent_hash: number[] | null;
  event_type: string;
  data: number[];
}

/** JSON for WIT values: bytes as arrays of numbers (as serde writes `Vec<u8>`), none as null. */
export function valueJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Uint8Array) return Array.from(v);
    if (typeof v === 'bigint') return v.toString();
    return v === undefined ? null : v;
  });
}

const jsonBytes = (value: unknown): number[] => Array.from(utf8(valueJson(value)));

/**
 * Theater's hash rule: SHA-1 of the compact JSON of the entry with `"hash": []`, keys in the
 * order hash, parent_hash, event_type, data.
 */
export function entryHash(entry: Omit<ChainEntry, 'hash'>): number[] {
  const text = `{"hash":[],"parent_hash":${entry.parent_hash === null ? 'null' : `[${entry.parent_hash.join(',')}]`},"event_type":${JSON.stringify(entry.event_type)},"data":[${entry.data.join(',')}]}`;
  return Array.from(sha1(utf8(text)));
}

/**
 * The chain payloads one event yields: the call, each host call, then the result or error.
 * A `bridge` event yields none: Theater's chain records what the actor did, and a frame exchanged
 * with a real endpoint is not that (it stays in the session file). Leaving it out keeps an
 * exported chain one that Theater itself could have written for this actor, and one that
 * `chainToHistory` rebuilds without unreadable entries.
 */
export function eventPayloads(event: ActorEvent, state: (ref: StateRef) => Uint8Array | undefined): Array<{ eventType: string; payload: unknown }> {
  if (event.kind === 'bridge') return [];
  const functionName = event.kind === 'init' ? `${ACTOR}.init` : `${WEBSOCKET_SERVER}.handle-message`;
  const params = event.kind === 'init' ? [state(event.stateBefore)] : [state(event.stateBefore), [event.input]];
  const payloads: Array<{ eventType: string; payload: unknown }> = [
    { eventType: 'wasm', payload: { category: 'Wasm', WasmCall: { function_name: functionName, params: jsonBytes(params) } } },
  ];
  for (const call of event.hostCalls) {
    payloads.push({
      eventType: `${call.interface}/${call.function}`,
      payload: { category: 'HostFunction', interface: call.interface, function: call.function, input: jsonBytes(call.args), output: jsonBytes(call.result) },
    });
  }
  const outcome = event.outcome;
  if (outcome.kind === 'ok') {
    const after = state(event.stateAfter);
    const result = event.kind === 'init' ? [after] : [after, [{ messages: event.responses.map((r) => r.message) }]];
    payloads.push({ eventType: 'wasm', payload: { category: 'Wasm', WasmResult: { function_name: functionName, result: jsonBytes(result) } } });
  } else {
    const message = outcome.kind === 'timeout' ? `timed out after ${outcome.afterMs} ms` : `${outcome.kind}: ${outcome.message}`;
    payloads.push({ eventType: 'wasm', payload: { category: 'Wasm', WasmError: { function_name: functionName, message } } });
  }
  return payloads;
}

/**
 * Builds chain entries incrementally: hashes depend on every earlier entry, so the builder keeps
 * the entries it has made and only extends them. Nothing is hashed until someone asks.
 */
export class ChainBuilder {
  readonly entries: ChainEntry[] = [];
  /** Index of the first entry of each event, by event position. */
  readonly #eventStarts: number[] = [];

  extend(events: readonly ActorEvent[], state: (ref: StateRef) => Uint8Array | undefined): ChainEntry[] {
    for (let i = this.#eventStarts.length; i < events.length; i++) {
      this.#eventStarts.push(this.entries.length);
      for (const { eventType, payload } of eventPayloads(events[i]!, state)) this.push(eventType, payload);
    }
    return this.entries;
  }

  /** The hash of the last entry the event at `index` produced (the event's place in the chain). */
  eventHash(index: number): number[] | undefined {
    const end = index + 1 < this.#eventStarts.length ? this.#eventStarts[index + 1]! : this.entries.length;
    return index < this.#eventStarts.length ? this.entries[end - 1]?.hash : undefined;
  }

  push(eventType: string, payload: unknown): ChainEntry {
    const body = { parent_hash: this.entries.at(-1)?.hash ?? null, event_type: eventType, data: jsonBytes(payload) };
    const entry: ChainEntry = { hash: entryHash(body), ...body };
    this.entries.push(entry);
    return entry;
  }
}

/** Serialises a chain as Theater does: a JSON array of entries. */
export const chainJson = (entries: readonly ChainEntry[]): string => JSON.stringify(entries);

export interface ChainError extends EngineError {
  /** The first entry that is wrong; every entry before it verified. */
  index: number;
}

const isByteArray = (v: unknown, length?: number): v is number[] =>
  Array.isArray(v) && (length === undefined || v.length === length) && v.every((b) => Number.isInteger(b) && b >= 0 && b <= 255);

/** Checks shape, hashes and parent links; names the first bad index. */
export function verifyChain(json: string): Result<ChainEntry[], ChainError> {
  const bad = (index: number, message: string) => {
    const error = engineError('invalid-chain', message).error;
    return { ok: false as const, error: { ...error, index } };
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (thrown) {
    return bad(-1, `Not JSON: ${(thrown as Error).message}`);
  }
  if (!Array.isArray(parsed)) return bad(-1, 'A Theater chain is a JSON array of entries; this is not an array.');
  let parent: number[] | null = null;
  for (let i = 0; i < parsed.length; i++) {
    const e = parsed[i] as Partial<ChainEntry> | null;
    if (!e || typeof e !== 'object' || !isByteArray(e.hash, 20) || !(e.parent_hash === null || isByteArray(e.parent_hash, 20)) || typeof e.event_type !== 'string' || !isByteArray(e.data)) {
      return bad(i, `Entry ${i} is not a chain entry: it needs hash (20 bytes), parent_hash (20 bytes or null), event_type (string) and data (bytes).`);
    }
    const expectedParent = parent === null ? 'null' : `[${parent.join(',')}]`;
    const actualParent = e.parent_hash === null ? 'null' : `[${e.parent_hash!.join(',')}]`;
    if (expectedParent !== actualParent) return bad(i, `Entry ${i}: parent_hash does not point at entry ${i - 1}: the chain is broken here.`);
    const recomputed = entryHash({ parent_hash: e.parent_hash!, event_type: e.event_type, data: e.data });
    if (recomputed.join(',') !== e.hash.join(',')) return bad(i, `Entry ${i} (${e.event_type}): its hash does not match its content: it was altered.`);
    parent = e.hash;
  }
  return ok(parsed as ChainEntry[]);
}

/** The JSON payload of an entry, decoded for display (undefined when it is not UTF-8 JSON). */
export function decodeEntry(entry: ChainEntry): unknown {
  const text = decodeUtf8(Uint8Array.from(entry.data));
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

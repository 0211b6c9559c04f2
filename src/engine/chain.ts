import { sha1 } from '@noble/hashes/legacy.js';
import { utf8, decodeUtf8 } from './bytes';
import { JsonBytes, writeJson } from './chainText';
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

export { valueJson } from './chainText';

type StateLookup = (ref: StateRef) => Uint8Array | undefined;

/**
 * Theater's hash rule: SHA-1 of the compact JSON of the entry with `"hash": []`, keys in the
 * order hash, parent_hash, event_type, data. The plain form, for entries read back as JSON;
 * `hashEntry` gives the same hash without building `data`.
 */
export function entryHash(entry: Omit<ChainEntry, 'hash'>): number[] {
  const text = `{"hash":[],"parent_hash":${entry.parent_hash === null ? 'null' : `[${entry.parent_hash.join(',')}]`},"event_type":${JSON.stringify(entry.event_type)},"data":[${entry.data.join(',')}]}`;
  return Array.from(sha1(utf8(text)));
}

/** An entry as it is written out: `data` is the payload, turned into bytes only as it is written. */
const entryJson = (hash: Uint8Array, parent: Uint8Array | null, eventType: string, payload: unknown) => ({
  hash,
  parent_hash: parent,
  event_type: eventType,
  data: new JsonBytes(payload),
});

/** `entryHash` streamed: the entry text goes through SHA-1 in chunks and is never held whole. */
export function hashEntry(parent: Uint8Array | null, eventType: string, payload: unknown): Uint8Array {
  const hasher = sha1.create();
  writeJson(entryJson(new Uint8Array(0), parent, eventType, payload), (chunk) => hasher.update(chunk));
  return hasher.digest();
}

/**
 * The chain payloads one event yields: the call, each host call, then the result or error.
 * A `bridge` event yields none: Theater's chain records what the actor did, and a frame exchanged
 * with a real endpoint is not that (it stays in the session file). Leaving it out keeps an
 * exported chain one that Theater itself could have written for this actor, and one that
 * `chainToHistory` rebuilds without unreadable entries.
 */
export function eventPayloads(event: ActorEvent, state: StateLookup): Array<{ eventType: string; payload: unknown }> {
  if (event.kind === 'bridge') return [];
  const functionName = event.kind === 'init' ? `${ACTOR}.init` : `${WEBSOCKET_SERVER}.handle-message`;
  const params = event.kind === 'init' ? [state(event.stateBefore)] : [state(event.stateBefore), [event.input]];
  const payloads: Array<{ eventType: string; payload: unknown }> = [
    { eventType: 'wasm', payload: { category: 'Wasm', WasmCall: { function_name: functionName, params: new JsonBytes(params) } } },
  ];
  for (const call of event.hostCalls) {
    payloads.push({
      eventType: `${call.interface}/${call.function}`,
      payload: { category: 'HostFunction', interface: call.interface, function: call.function, input: new JsonBytes(call.args), output: new JsonBytes(call.result) },
    });
  }
  const outcome = event.outcome;
  if (outcome.kind === 'ok') {
    const after = state(event.stateAfter);
    const result = event.kind === 'init' ? [after] : [after, [{ messages: event.responses.map((r) => r.message) }]];
    payloads.push({ eventType: 'wasm', payload: { category: 'Wasm', WasmResult: { function_name: functionName, result: new JsonBytes(result) } } });
  } else {
    const message = outcome.kind === 'timeout' ? `timed out after ${outcome.afterMs} ms` : `${outcome.kind}: ${outcome.message}`;
    payloads.push({ eventType: 'wasm', payload: { category: 'Wasm', WasmError: { function_name: functionName, message } } });
  }
  return payloads;
}

/** What `chainJson` needs to write a chain: the events it was built from and each entry's hash. */
export interface BuiltChain {
  events: readonly ActorEvent[];
  state: StateLookup;
  hashes: readonly Uint8Array[];
}

/**
 * Hashes chain entries incrementally: each hash depends on every earlier entry, so the builder
 * keeps the hashes it has made and only extends them. It keeps no entry data: a state of many MiB
 * turns into hundreds of MB of entry text, which is regenerated from the events when exported.
 */
export class ChainBuilder {
  readonly #hashes: Uint8Array[] = [];
  /** Index of the first entry of each event, by event position. */
  readonly #eventStarts: number[] = [];

  extend(events: readonly ActorEvent[], state: StateLookup): BuiltChain {
    for (let i = this.#eventStarts.length; i < events.length; i++) {
      this.#eventStarts.push(this.#hashes.length);
      for (const { eventType, payload } of eventPayloads(events[i]!, state)) this.#hashes.push(hashEntry(this.#hashes.at(-1) ?? null, eventType, payload));
    }
    return { events, state, hashes: this.#hashes };
  }

  /** The hash of the last entry the event at `index` produced (the event's place in the chain). */
  eventHash(index: number): number[] | undefined {
    const end = index + 1 < this.#eventStarts.length ? this.#eventStarts[index + 1]! : this.#hashes.length;
    const hash = index < this.#eventStarts.length ? this.#hashes[end - 1] : undefined;
    return hash && Array.from(hash);
  }
}

/** Serialises a chain as Theater does: a JSON array of entries, written a chunk at a time. */
export function chainJson({ events, state, hashes }: BuiltChain): string {
  const entries = events.flatMap((event) => eventPayloads(event, state));
  const decoder = new TextDecoder();
  const parts: string[] = [];
  writeJson(
    entries.map(({ eventType, payload }, i) => entryJson(hashes[i]!, hashes[i - 1] ?? null, eventType, payload)),
    (chunk) => parts.push(decoder.decode(chunk, { stream: true })),
  );
  return parts.join('') + decoder.decode();
}

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

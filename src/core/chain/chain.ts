import { CUT_SHORT, endsEarly } from '../cutShort';
import { bytesEqual, concatBytes, decodeUtf8, toHex } from '../bytes';
import { JsonBytes, writeJson } from './chainWriter';
import { failureMessage, handleMessageFunction, hostValue, initFunction, initParams, isByteArray, serdeMessage, SHUTDOWN_EVENT_TYPE, SHUTDOWN_PAYLOAD, type ChainWriter } from './chainValues';
import { engineError, type EngineError, NOTHING_IMPORTED } from '../errors';
import type { ActorEvent } from '../events';
import type { HostCall } from '../hostCalls';
import { ok, type Result } from '../result';
import { chainOutput } from './recordedChain';
import { httpCallInput, httpCallOutput, httpHandlerFunction, httpHandlerParams, httpHandlerResult } from './httpChainValues';
import { isHttpFrameworkCall } from '../httpServers';
import { createSha1 } from './sha1';
import type { StateRef } from '../stateStore';

/** One entry of Theater's event chain, exactly as Theater writes it to JSON. */
export interface ChainEntry {
  hash: number[];
  parent_hash: number[] | null;
  event_type: string;
  data: number[];
}

export { valueJson } from './chainWriter';

type StateLookup = (ref: StateRef) => Uint8Array | undefined;

/**
 * Theater's hash rule: SHA-1 of the compact JSON of the entry with `"hash": []`, keys in the
 * order hash, parent_hash, event_type, data. For entries read back as JSON; the text is the one
 * `hashEntry` streams for the same bytes, so it is never built whole either.
 */
export function entryHash(entry: Omit<ChainEntry, 'hash'>): number[] {
  const parent = entry.parent_hash && Uint8Array.from(entry.parent_hash);
  return Array.from(hashEntry(parent, { eventType: entry.event_type, data: Uint8Array.from(entry.data) }));
}

/** What one entry's `data` is written from: a payload (written as the bytes of its JSON), or bytes kept as they were. */
export type EntryData = JsonBytes | Uint8Array;

/** One entry before hashing: its event type and its data. */
export interface ChainPayload {
  eventType: string;
  data: EntryData;
}

/** An entry as it is written out: `data` is turned into bytes only as it is written. */
const entryJson = (hash: Uint8Array, parent: Uint8Array | null, { eventType, data }: ChainPayload) => ({
  hash,
  parent_hash: parent,
  event_type: eventType,
  data,
});

/**
 * Theater's hash of an entry (see `entryHash`), streamed: the entry text goes through SHA-1 in
 * chunks and is never held whole. At memory speed once `loadSha1` has resolved.
 */
export function hashEntry(parent: Uint8Array | null, payload: ChainPayload): Uint8Array {
  const hasher = createSha1();
  writeJson(entryJson(new Uint8Array(0), parent, payload), (chunk) => hasher.update(chunk));
  return hasher.digest();
}

const wasm = (body: Record<string, unknown>): ChainPayload => ({ eventType: 'wasm', data: new JsonBytes({ category: 'Wasm', ...body }) });

/**
 * The chain entries one event yields, in Theater's layout (see chainValues.ts): the call (params
 * without the state), each host call (input and output as the JSON of one value), the result
 * (`[new state, JSON of the result]`) or error, then `shutdown` if the actor stopped. `writer` is
 * the actor that made the call: its package names the call, and its actor id is init's params.
 *
 * A `bridge` event yields none: a frame exchanged with a real endpoint is not something the actor
 * did, so leaving it out keeps an exported chain one Theater could have written. An event
 * imported from a chain yields the entries it came from, byte for byte (text-format entries have
 * no JSON form, so none).
 */
export function eventPayloads(event: ActorEvent, state: StateLookup, writer: ChainWriter): ChainPayload[] {
  switch (event.kind) {
    case 'bridge':
      return [];
    case 'chain':
      return keptEntries(event);
    case 'init':
    case 'message':
      return event.chain ? keptEntries(event) : callPayloads(event, state, writer);
    default: {
      const exhaustive: never = event.kind;
      return exhaustive;
    }
  }
}

const keptEntries = ({ chain }: ActorEvent): ChainPayload[] => (chain?.format === 'json' ? chain.entries.map(({ eventType, data }) => ({ eventType, data })) : []);

function callPayloads(event: ActorEvent, state: StateLookup, writer: ChainWriter): ChainPayload[] {
  const { http } = event;
  // A path without a handler for this event: Theater called nothing, and its chain has nothing.
  if (http?.handler === null) return [];
  const isInit = event.kind === 'init' || event.input === null;
  const functionName = isInit ? initFunction(writer.package) : http ? httpHandlerFunction(event.input) : handleMessageFunction(writer.package);
  const params = isInit ? initParams(writer.actorId) : http ? httpHandlerParams(http, event.input) : [serdeMessage(event.input!)];
  const payloads = [wasm({ WasmCall: { function_name: functionName, params: new JsonBytes(params) } })];
  for (const call of event.hostCalls) {
    const { input, output } = hostCallValues(call);
    payloads.push({
      eventType: `${call.interface}/${call.function}`,
      data: new JsonBytes({ category: 'HostFunction', interface: call.interface, function: call.function, input: new JsonBytes(input), output: new JsonBytes(output) }),
    });
  }
  const { outcome } = event;
  if (outcome.kind === 'ok') {
    const result = isInit ? null : http ? httpHandlerResult(http, event.input) : [{ messages: event.responses.map((r) => serdeMessage(r.message)) }];
    payloads.push(wasm({ WasmResult: { function_name: functionName, result: [state(event.stateAfter) ?? null, new JsonBytes(result)] } }));
  } else {
    payloads.push(wasm({ WasmError: { function_name: functionName, message: failureMessage(outcome) } }));
  }
  if (event.shutdown) payloads.push({ eventType: SHUTDOWN_EVENT_TYPE, data: new JsonBytes(SHUTDOWN_PAYLOAD) });
  return payloads;
}

/**
 * A host call as its chain entry keeps it: `input` and `output`, the values whose JSON the entry
 * holds (see chainValues.ts, `hostValue`: `none` and no argument are both `null`, one list argument
 * and several arguments both an array). A replay compares these, so a history read back from a
 * chain and one recorded live are equal wherever Theater's chain would hold the same bytes.
 */
export const hostCallValues = (call: HostCall): { input: unknown; output: unknown } =>
  isHttpFrameworkCall(call) ? { input: httpCallInput(call), output: httpCallOutput(call) } : { input: hostValue(call.args), output: chainOutput(call) };

/** The bytes an entry's `data` holds (the UTF-8 of its payload's JSON, or kept bytes as they are). */
export function entryData(data: EntryData): Uint8Array {
  if (data instanceof Uint8Array) return data;
  const chunks: Uint8Array[] = [];
  writeJson(data.value, (chunk) => chunks.push(chunk.slice()));
  return concatBytes(chunks);
}

/** What `chainJson` needs to write a chain: the events it was built from, by which actor, and each entry's hash. */
export interface BuiltChain {
  events: readonly ActorEvent[];
  state: StateLookup;
  writer: ChainWriter;
  hashes: readonly Uint8Array[];
}

/**
 * Hashes chain entries incrementally: each hash depends on every earlier entry, so the builder
 * keeps the hashes it has made and only extends them. It keeps no entry data: a state of many MiB
 * turns into hundreds of MB of entry text, which is regenerated from the events when exported.
 */
export class ChainBuilder {
  readonly #hashes: Uint8Array[] = [];
  readonly #writer: ChainWriter;
  /** Index of the first entry of each event, by event position. */
  readonly #eventStarts: number[] = [];

  /** `writer`: the actor whose events these are (its package and the actor id its init was given). */
  constructor(writer: ChainWriter) {
    this.#writer = writer;
  }

  extend(events: readonly ActorEvent[], state: StateLookup): BuiltChain {
    for (let i = this.#eventStarts.length; i < events.length; i++) {
      this.#eventStarts.push(this.#hashes.length);
      for (const payload of eventPayloads(events[i]!, state, this.#writer)) this.#hashes.push(hashEntry(this.#hashes.at(-1) ?? null, payload));
    }
    return { events, state, writer: this.#writer, hashes: this.#hashes };
  }

  /** The hash of the last entry the event at `index` produced (the event's place in the chain). */
  eventHash(index: number): number[] | undefined {
    const end = index + 1 < this.#eventStarts.length ? this.#eventStarts[index + 1]! : this.#hashes.length;
    const hash = index < this.#eventStarts.length ? this.#hashes[end - 1] : undefined;
    return hash && Array.from(hash);
  }
}

/** Serialises a chain as Theater does: a JSON array of entries, written a chunk at a time. */
export function chainJson({ events, state, writer, hashes }: BuiltChain): string {
  const entries = events.flatMap((event) => eventPayloads(event, state, writer));
  const decoder = new TextDecoder();
  const parts: string[] = [];
  writeJson(
    entries.map((payload, i) => entryJson(hashes[i]!, hashes[i - 1] ?? null, payload)),
    (chunk) => parts.push(decoder.decode(chunk, { stream: true })),
  );
  return parts.join('') + decoder.decode();
}

export interface ChainError extends EngineError {
  /** The first entry that is wrong; every entry before it verified. */
  index: number;
}

/**
 * Checks a JSON chain's shape, hashes and parent links, and names the first bad entry (index -1
 * when the file as a whole is not a chain). Every message ends with what it means for the import.
 */
export function verifyChain(json: string): Result<ChainEntry[], ChainError> {
  const bad = (index: number, message: string) => {
    const error = engineError('invalid-chain', `${message} ${NOTHING_IMPORTED}.`).error;
    return { ok: false as const, error: { ...error, index } };
  };
  if (json.trim() === '') return bad(-1, 'The chain file is empty: choose a chain Theater wrote (its JSON, or its text format).');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (thrown) {
    const why = (thrown as Error).message;
    if (json.trimStart().startsWith('[') && endsEarly(why)) return bad(-1, `This Theater chain ends in the middle of a value (${why}): ${CUT_SHORT}; use a complete copy.`);
    return bad(-1, `This is neither a Theater chain in JSON (an array of entries) nor Theater's text chain format (entries separated by ---): ${(thrown as Error).message}.`);
  }
  if (!Array.isArray(parsed)) return bad(-1, `A Theater chain in JSON is an array of {hash, parent_hash, event_type, data} entries; this file holds ${parsed === null ? 'null' : typeof parsed === 'object' ? 'an object' : `a ${typeof parsed}`}.`);
  if (parsed.length === 0) return bad(-1, 'The chain holds no entries.');
  // Hashes are compared as bytes, not hex text: on a long chain the text cost more than the hashing.
  let parent: Uint8Array | null = null;
  for (let i = 0; i < parsed.length; i++) {
    const e = parsed[i] as Partial<ChainEntry> | null;
    if (!e || typeof e !== 'object' || !isByteArray(e.hash, 20) || !(e.parent_hash === null || isByteArray(e.parent_hash, 20)) || typeof e.event_type !== 'string' || !isByteArray(e.data)) {
      return bad(i, `Entry ${i} is not a chain entry: it needs hash (20 bytes), parent_hash (20 bytes or null), event_type (a string) and data (bytes).`);
    }
    const parentHash = e.parent_hash && Uint8Array.from(e.parent_hash);
    if (parent === null && parentHash !== null) return bad(i, `Entry ${i}: the first entry's parent_hash must be null, and it is ${toHex(parentHash)}: the start of the chain is missing.`);
    if (parent !== null && (parentHash === null || !bytesEqual(parentHash, parent))) {
      return bad(i, `Entry ${i}: its parent_hash (${parentHash === null ? 'null' : toHex(parentHash)}) is not the hash of entry ${i - 1} (${toHex(parent)}): a broken parent link, so an entry was removed, inserted or reordered here.`);
    }
    const hash = Uint8Array.from(e.hash!);
    if (!bytesEqual(hashEntry(parentHash, { eventType: e.event_type, data: Uint8Array.from(e.data) }), hash)) {
      return bad(i, `Entry ${i} (${e.event_type}) was altered: its hash does not match its content.`);
    }
    parent = hash;
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

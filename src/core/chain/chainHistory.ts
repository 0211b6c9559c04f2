import { NOTHING_IMPORTED } from '../errors';
import { givenActorId } from '../actorId';
import { bytesEqual } from '../bytes';
import { entryData, eventPayloads, verifyChain, type ChainEntry, type ChainError } from './chain';
import { jsonOf, payloadOf, type Payload } from './chainPayload';
import { JsonBytes } from './chainWriter';
import { callOf, failureOutcome, HANDLE_MESSAGE_FUNCTION, INIT_FUNCTION, initParamsOf, isObject, messageFromSerde, SHUTDOWN_EVENT_TYPE, SHUTDOWN_PAYLOAD, type ChainWriter } from './chainValues';
import type { ActorEvent, CallOutcome, JsonChainRecord } from '../events';
import { jsonText } from '../exactJson';
import type { HostCall } from '../hostCalls';
import { providerOf } from '../interfaceNames';
import { ok, type Result } from '../result';
import { StateStore, type StateRef } from '../stateStore';
import type { ChainHistory } from './importedHistory';
import { isTextChain, readTextChain, textChainHistory } from './textChain';
import { toWire, type WireOutcome } from '../wire';
import { bigintsAsDigits } from '../exactJson';
import { isHttpFrameworkCall } from '../httpServers';
import { makeMessage, type WebsocketMessage } from '../messages';
import { httpCallOf, httpReturnedOf, isHttpHandlerFunction } from './httpChainValues';


/**
 * Reads a chain in either of Theater's formats, told apart by the text, not the file name: JSON
 * (hashes and parent links verified, calls rebuilt) or the text `.chain` format (parent links
 * checked, entries shown read-only). The error names the first bad entry. `actor`: the loaded
 * actor the history is for (see `chainToHistory`).
 */
export function readChain(text: string, actor?: ChainWriter): Result<ChainHistory, ChainError> {
  if (isTextChain(text)) {
    const entries = readTextChain(text);
    return entries.ok ? ok(textChainHistory(entries.value)) : entries;
  }
  const verified = verifyChain(text);
  if (!verified.ok) return verified;
  try {
    return ok(chainToHistory(verified.value, actor));
  } catch (thrown) {
    // Values nested thousands deep exhaust the stack when written back for comparison: no actor writes them.
    if (!(thrown instanceof RangeError)) throw thrown;
    return { ok: false, error: { code: 'invalid-chain', message: `A value in this chain is nested too deeply to read. ${NOTHING_IMPORTED}.`, index: -1 } };
  }
}

const SHUTDOWN_BYTES = entryData(new JsonBytes(SHUTDOWN_PAYLOAD));
const callsShutdown = (call: HostCall) => providerOf(call.interface) === 'theater' && call.function === 'shutdown';

/** A call's params and result, read as the playground's `init` or `handle-message`; a string says why they cannot be. */
function readCall(fn: string, params: number[], end: Extract<Payload, { kind: 'result' | 'error' }>): { input: WebsocketMessage | null; responses: WireOutcome[]; outcome: CallOutcome } | string {
  const call = callOf(fn)?.call;
  const isInit = call === 'init';
  if (!call) return `a call to ${fn}: the playground calls only ${INIT_FUNCTION} and ${HANDLE_MESSAGE_FUNCTION} (or their ntwk:theater names)`;
  if (end.fn !== fn) return `the call to ${fn} ends with a result of ${end.fn}`;
  const args = jsonOf(params);
  if (!args) return 'its params are not JSON';
  let input: WebsocketMessage | null = null;
  if (isInit && !initParamsOf(args.value)) return `its params are ${jsonText(args.value)}, where init takes none (null) or an actor id (["<id>"])`;
  if (!isInit) {
    if (!Array.isArray(args.value) || args.value.length !== 1) return 'its params are not the one-element tuple [message]';
    const message = messageFromSerde(args.value[0]);
    if (!message.ok) return `its message cannot be read: ${message.error}`;
    input = message.value;
  }
  if (end.kind === 'error') return { input, responses: [], outcome: failureOutcome(end.message) };
  const result = jsonOf(end.result);
  if (!result) return 'its result is not JSON';
  if (isInit) return result.value === null ? { input, responses: [], outcome: { kind: 'ok' } } : `its result is ${jsonText(result.value)}, where init returns none (null)`;
  const response = Array.isArray(result.value) && result.value.length === 1 && isObject(result.value[0]) ? result.value[0].messages : undefined;
  if (!Array.isArray(response)) return 'its result is not the one-element tuple [{"messages": [...]}]';
  const responses: WireOutcome[] = [];
  for (const json of response) {
    const message = messageFromSerde(json);
    if (!message.ok) return `a response message cannot be read: ${message.error}`;
    responses.push(toWire(message.value));
  }
  return { input, responses, outcome: { kind: 'ok' } };
}

/** Playground connection numbers for the connection ids a chain names, from 1 in the order it first names them (a chain has no playground ids). */
class ConnectionNumbers {
  readonly #ids = new Map<string, number>();
  of(actorId: string): number {
    let id = this.#ids.get(actorId);
    if (id === undefined) this.#ids.set(actorId, (id = this.#ids.size + 1));
    return id;
  }
}

/**
 * An http-framework handler's call read back as an event: its connection (numbered by
 * `numbers`), what the handler got, and what the actor sent during it (a successful
 * `send-websocket-message` or `close-websocket`, to the connection it named). A string says why not.
 */
function readHttpCall(fn: string, params: number[], end: Extract<Payload, { kind: 'result' | 'error' }>, hostCalls: readonly HostCall[], numbers: ConnectionNumbers) {
  if (end.fn !== fn) return `the call to ${fn} ends with a result of ${end.fn}`;
  const args = jsonOf(params);
  if (!args) return 'its params are not JSON';
  const call = httpCallOf(fn, bigintsAsDigits(args.value));
  if (typeof call === 'string') return call;
  const connectionId = numbers.of(call.http.connection);
  const responses: WireOutcome[] = hostCalls
    .filter((c) => isHttpFrameworkCall(c) && (c.function === 'send-websocket-message' || c.function === 'close-websocket') && (c.result as { tag?: string } | undefined)?.tag === 'ok')
    .map((c) => ({ ...toWire(c.function === 'close-websocket' ? makeMessage('close') : (c.args[2] as WebsocketMessage)), to: numbers.of(String(c.args[1])) }));
  if (end.kind === 'error') return { input: call.input, connectionId, http: call.http, responses, outcome: failureOutcome(end.message) };
  const result = jsonOf(end.result);
  if (!result) return 'its result is not JSON';
  const returned = httpReturnedOf(fn, result.value);
  if (typeof returned === 'string') return returned;
  return { input: call.input, connectionId, http: { ...call.http, ...returned }, responses, outcome: { kind: 'ok' } as CallOutcome };
}

const sameEntries = (written: ReturnType<typeof eventPayloads>, records: readonly JsonChainRecord[]) =>
  written.length === records.length && written.every((p, i) => p.eventType === records[i]!.eventType && bytesEqual(entryData(p.data), records[i]!.data));

/**
 * How the chain itself names its calls and which id its init got, from its first call of init or
 * handle-message: usually the first entry, so only a chain with neither is read through twice.
 */
function writerOf(entries: readonly ChainEntry[]): ChainWriter {
  for (const entry of entries) {
    const payload = payloadOf({ eventType: entry.event_type, data: Uint8Array.from(entry.data) });
    const known = payload.kind === 'call' ? callOf(payload.fn) : undefined;
    if (payload.kind !== 'call' || !known) continue;
    const actorId = known.call === 'init' ? initParamsOf(jsonOf(payload.params)?.value)?.actorId : undefined;
    return actorId === undefined ? { package: known.pkg } : { package: known.pkg, actorId };
  }
  return { package: 'theater:simple' };
}

/**
 * Rebuilds a verified JSON chain as a history, keeping every entry. A `WasmCall` of `init` or
 * `websocket-server.handle-message` (in either package), the host calls after it and its
 * `WasmResult` or `WasmError` become one replayable event: the state before is the last committed
 * one, a result's state is committed, a failure commits nothing. Everything else becomes a
 * read-only `chain` event with the entries as written and the reason. Connection ids are not in a
 * chain, so events have none.
 *
 * `actor` is the one whose history this becomes (the loaded component; by default, the one that
 * wrote the chain): an event keeps its entries as written whenever that actor, given the chain's
 * actor id, would write other bytes (another package's names, other init params, Pack values), so
 * exporting the history again keeps every hash.
 */
export function chainToHistory(entries: readonly ChainEntry[], actor?: ChainWriter): ChainHistory {
  const recorded = writerOf(entries);
  const actorId = givenActorId(actor ? actor.actorId : recorded.actorId, recorded.actorId);
  const writer: ChainWriter = { package: (actor ?? recorded).package, ...(actorId === undefined ? {} : { actorId }) };
  const states = new StateStore();
  const events: ActorEvent[] = [];
  let committed: StateRef = null;
  let open: { fn: string; params: number[]; hostCalls: HostCall[]; records: JsonChainRecord[]; unreadable?: string } | undefined;
  // The last event, when it called runtime.shutdown: Theater's `shutdown` entry should follow it.
  let stopping: ActorEvent | undefined;
  const lookup = (ref: StateRef) => states.get(ref);
  const numbers = new ConnectionNumbers();

  const readOnly = (records: JsonChainRecord[], reason: string, outcome: CallOutcome = { kind: 'ok' }, shutdown = false) =>
    events.push({ seq: events.length, kind: 'chain', connectionId: null, startedAt: 0, durationMs: 0, input: null, stateBefore: committed, stateAfter: committed, outcome, responses: [], hostCalls: [], shutdown, chain: { format: 'json', entries: records, readOnly: reason } });
  const flushOpen = (reason: string) => {
    if (open) readOnly(open.records, open.unreadable ?? reason);
    open = undefined;
  };
  /** Without its `shutdown` entry after it, an export would add one: keep the entries as written instead. */
  const settleStopping = (event: ActorEvent, records: JsonChainRecord[] | undefined) => {
    if (records) event.chain = { format: 'json', entries: [...(event.chain?.format === 'json' ? event.chain.entries : regenerated(event)), ...records] };
    else if (!event.chain) event.chain = { format: 'json', entries: regenerated(event) };
    stopping = undefined;
  };
  const regenerated = (event: ActorEvent): JsonChainRecord[] =>
    eventPayloads({ ...event, shutdown: false }, lookup, writer).map((p) => ({ eventType: p.eventType, data: entryData(p.data) }));

  const close = (end: Extract<Payload, { kind: 'result' | 'error' }>, record: JsonChainRecord) => {
    const call = open!;
    open = undefined;
    const records = [...call.records, record];
    const read = call.unreadable ?? (isHttpHandlerFunction(call.fn) ? readHttpCall(call.fn, call.params, end, call.hostCalls, numbers) : readCall(call.fn, call.params, end));
    if (typeof read === 'string') return readOnly(records, read, end.kind === 'error' ? { kind: 'err', message: end.message } : { kind: 'ok' });
    const stateAfter = end.kind === 'result' ? states.put(end.state ? Uint8Array.from(end.state) : undefined).ref : committed;
    const shutdown = call.hostCalls.some(callsShutdown);
    const event: ActorEvent = { seq: events.length, kind: callOf(call.fn)?.call === 'init' ? 'init' : 'message', connectionId: null, startedAt: 0, durationMs: 0, ...read, stateBefore: committed, stateAfter, hostCalls: call.hostCalls, shutdown };
    // Kept as written only when the playground would write other bytes (Pack values, other spellings).
    if (!sameEntries(eventPayloads({ ...event, shutdown: false }, lookup, writer), records)) event.chain = { format: 'json', entries: records };
    events.push(event);
    committed = stateAfter;
    if (shutdown) stopping = event;
  };

  for (const entry of entries) {
    const record: JsonChainRecord = { eventType: entry.event_type, data: Uint8Array.from(entry.data) };
    const payload = payloadOf(record);
    if (stopping && payload.kind !== 'shutdown') settleStopping(stopping, undefined);
    switch (payload.kind) {
      case 'call':
        flushOpen('a call that never returned: the next call began first');
        open = { fn: payload.fn, params: payload.params, hostCalls: [], records: [record] };
        break;
      case 'host':
        if (!open) readOnly([record], 'a host call outside any call into the actor');
        else {
          open.hostCalls.push(payload.call);
          open.records.push(record);
        }
        break;
      case 'result':
      case 'error':
        if (open) close(payload, record);
        else readOnly([record], `the ${payload.kind === 'result' ? 'result' : 'failure'} of a call to ${payload.fn} whose call is not in the chain`, payload.kind === 'error' ? { kind: 'err', message: payload.message } : { kind: 'ok' });
        break;
      case 'shutdown':
        flushOpen('a call that had not returned when the actor stopped');
        if (!stopping) readOnly([record], 'Theater recorded the actor stopping here', { kind: 'ok' }, true);
        else if (record.eventType === SHUTDOWN_EVENT_TYPE && bytesEqual(record.data, SHUTDOWN_BYTES)) {
          if (stopping.chain?.format === 'json') stopping.chain.entries.push(record);
          stopping = undefined;
        } else settleStopping(stopping, [record]);
        break;
      case 'unreadable':
        if (!open) readOnly([record], `an entry the playground cannot read: ${payload.why}`);
        else {
          open.records.push(record);
          open.unreadable ??= `it holds an entry the playground cannot read: ${payload.why}`;
        }
        break;
      default: {
        const exhaustive: never = payload;
        return exhaustive;
      }
    }
  }
  flushOpen('a call without its result: the chain ends before it returned');
  if (stopping) settleStopping(stopping, undefined);
  return { format: 'json', entries: entries.length, events, states, replayable: events.filter((e) => e.kind !== 'chain').length, ...(recorded.actorId === undefined ? {} : { actorId: recorded.actorId }) };
}

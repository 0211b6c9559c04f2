import { decodeUtf8 } from '../bytes';
import { hostArgs, isByteArray, isObject } from './chainValues';
import { bigintsAsDigits, jsonText, parseJson } from '../exactJson';
import type { JsonChainRecord } from '../events';
import type { HostCall } from '../hostCalls';
import { HTTP_FRAMEWORK } from '../interfaceNames';
import { httpCallFromChain } from './httpChainValues';

/**
 * What one JSON chain entry records, read from its payload (Theater's ChainEventData as serde
 * writes it: `{"category": "Wasm", "WasmCall" | "WasmResult" | "WasmError": {…}}` or
 * `{"category": "HostFunction", "interface", "function", "input", "output"}`).
 */
export type Payload =
  | { kind: 'call'; fn: string; params: number[] }
  | { kind: 'result'; fn: string; state: number[] | null; result: number[] }
  | { kind: 'error'; fn: string; message: string }
  /**
   * `input` and `output` as written (bytes of JSON, or a Pack tagged value, integers past 2^53 as
   * bigints); `call` as the playground records one, with the values' JSON text in `written`.
   */
  | { kind: 'host'; call: HostCall; input: unknown; output: unknown }
  | { kind: 'shutdown' }
  | { kind: 'unreadable'; why: string };

const unreadable = (why: string): Payload => ({ kind: 'unreadable', why });

/** The JSON a byte array holds (integers past 2^53 as bigints, see exactJson.ts), or `undefined` for bytes that are not UTF-8 JSON. */
export function jsonOf(bytes: readonly number[]): { value: unknown } | undefined {
  const text = decodeUtf8(Uint8Array.from(bytes));
  if (text === undefined) return undefined;
  try {
    return { value: parseJson(text) };
  } catch {
    return undefined;
  }
}

/** A host call's input or output: the value whose JSON the bytes hold, or (a Pack tagged value, say) the value as written. */
export const hostValueOf = (value: unknown): unknown => (isByteArray(value) ? (jsonOf(value) ?? { value }).value : value);

/** Sorts an entry's payload; an entry Theater would not write is `unreadable`, with why. */
export function payloadOf({ data }: JsonChainRecord): Payload {
  const text = decodeUtf8(data);
  if (text === undefined) return unreadable('its data is not UTF-8 text');
  let json: unknown;
  try {
    json = parseJson(text);
  } catch {
    return unreadable('its data is not JSON');
  }
  if (!isObject(json)) return unreadable('its payload is not a JSON object');
  if (json.category === 'HostFunction') {
    const { interface: iface, function: fn } = json;
    if (typeof iface !== 'string' || typeof fn !== 'string' || !('input' in json) || !('output' in json)) return unreadable('a HostFunction payload needs interface, function, input and output');
    return { kind: 'host', call: chainHostCall(iface, fn, hostValueOf(json.input), hostValueOf(json.output)), input: json.input, output: json.output };
  }
  if (json.category !== 'Wasm') return unreadable(`its category ${jsonText(json.category)} is neither Wasm nor HostFunction`);
  const keys = Object.keys(json).filter((key) => key !== 'category');
  const body = json[keys[0]!];
  if (keys.length !== 1 || !isObject(body) || typeof body.function_name !== 'string') return unreadable('a Wasm payload holds one of WasmCall, WasmResult or WasmError, with a function_name');
  const fn = body.function_name;
  switch (keys[0]) {
    case 'WasmCall':
      if (!isByteArray(body.params)) return unreadable('its WasmCall params are not bytes');
      return fn === 'shutdown' ? { kind: 'shutdown' } : { kind: 'call', fn, params: body.params };
    case 'WasmResult': {
      const pair = body.result;
      if (!Array.isArray(pair) || pair.length !== 2 || !(pair[0] === null || isByteArray(pair[0])) || !isByteArray(pair[1])) return unreadable('its WasmResult result is not the pair [state bytes or null, result bytes]');
      return { kind: 'result', fn, state: pair[0] as number[] | null, result: pair[1] };
    }
    case 'WasmError':
      return typeof body.message === 'string' ? { kind: 'error', fn, message: body.message } : unreadable('its WasmError has no message');
    default:
      return unreadable(`its Wasm payload ${keys[0]} is none of WasmCall, WasmResult or WasmError`);
  }
}


/**
 * A host call read from a chain: its values as the playground records them (a u64 past 2^53 as
 * its digits, so a replay hands back the exact integer), and as the chain wrote them, for display.
 */
function chainHostCall(iface: string, fn: string, input: unknown, output: unknown): HostCall {
  const written = { input: jsonText(input), output: jsonText(output) };
  // The simulated http-framework's calls in the form it records them, so a replay compares like with like.
  if (iface === HTTP_FRAMEWORK) return { interface: iface, function: fn, ...httpCallFromChain(fn, bigintsAsDigits(input), bigintsAsDigits(output)), stubbed: false, written };
  const result = bigintsAsDigits(output);
  return { interface: iface, function: fn, args: hostArgs(bigintsAsDigits(input)), result: result === null ? undefined : result, stubbed: false, written };
}

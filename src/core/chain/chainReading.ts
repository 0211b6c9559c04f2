import { decodeUtf8, toHex } from '../bytes';
import { hostValueOf, jsonOf, payloadOf } from './chainPayload';
import { isByteArray, isInit } from './chainValues';
import type { ChainOrigin, JsonChainRecord, TextChainRecord } from '../events';
import { jsonText } from '../exactJson';
import { providerOf } from '../interfaceNames';
import { fieldOf, findRecord, parsePackLiteral, stringOf, type PackNode } from './packLiteral';

/** What a chain entry records, as the timeline marks it. */
export const ENTRY_KINDS = ['call', 'result', 'failure', 'host', 'log', 'shutdown', 'unreadable'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** One value of an entry, as written: `note` says how it was written (JSON in bytes, a Pack value, raw bytes). */
export interface EntryField {
  label: string;
  value: string;
  note?: string;
}

/** An entry of an imported chain, read for people: a one-line summary and its values exactly as written. */
export interface EntryReading {
  kind: EntryKind;
  /** `call theater:simple/actor.init`, `log "hello"`, `wasi:random/random@0.2.3.get-random-u64`. */
  summary: string;
  fields: EntryField[];
}

/** The readings of every entry an imported event came from. */
export const chainReadings = (origin: ChainOrigin): EntryReading[] =>
  origin.format === 'json' ? origin.entries.map(readJsonRecord) : origin.entries.map(readTextRecord);

/** A JSON-in-bytes value as its JSON; anything else (a Pack tagged value) as it is. Integers past 2^53 keep every digit. */
function valueField(label: string, written: unknown): EntryField {
  if (!isByteArray(written)) return { label, value: jsonText(written), note: 'a Pack value, written as it is' };
  const json = jsonOf(written);
  return json ? { label, value: jsonText(json.value), note: 'JSON in bytes' } : bytesField(label, Uint8Array.from(written));
}

/** Bytes that hold no JSON: their UTF-8 text when they are text, else hex. */
function bytesField(label: string, bytes: Uint8Array): EntryField {
  const text = decodeUtf8(bytes);
  return text === undefined ? { label, value: toHex(bytes), note: `${bytes.length} bytes, in hex` } : { label, value: JSON.stringify(text), note: `${bytes.length} bytes of UTF-8` };
}

const isLog = (iface: string, fn: string) => providerOf(iface) === 'theater' && fn === 'log';
const callName = (fn: string) => (isInit(fn) ? 'init' : fn);

export function readJsonRecord(record: JsonChainRecord): EntryReading {
  const payload = payloadOf(record);
  switch (payload.kind) {
    case 'call':
      return { kind: 'call', summary: `call ${callName(payload.fn)}`, fields: [valueField('params', payload.params)] };
    case 'result':
      return {
        kind: 'result',
        summary: `result of ${callName(payload.fn)}`,
        fields: [payload.state === null ? { label: 'state', value: 'null', note: 'none' } : bytesField('state', Uint8Array.from(payload.state)), valueField('result', payload.result)],
      };
    case 'error':
      return { kind: 'failure', summary: `${callName(payload.fn)} failed: ${payload.message}`, fields: [{ label: 'message', value: payload.message }] };
    case 'host': {
      const { call } = payload;
      const log = isLog(call.interface, call.function) && typeof hostValueOf(payload.input) === 'string';
      return {
        kind: log ? 'log' : 'host',
        summary: log ? `log ${JSON.stringify(hostValueOf(payload.input))}` : `${call.interface}.${call.function}`,
        fields: [valueField('input', payload.input), valueField('output', payload.output)],
      };
    }
    case 'shutdown':
      return { kind: 'shutdown', summary: 'shutdown: the actor stopped', fields: [] };
    case 'unreadable':
      return { kind: 'unreadable', summary: `${record.eventType}: ${payload.why}`, fields: [bytesField('data', record.data)] };
    default: {
      const exhaustive: never = payload;
      return exhaustive;
    }
  }
}

/** A field of a text literal, exactly as written there. */
const sliceField = (literal: string, label: string, node: PackNode | undefined): EntryField[] => (node ? [{ label, value: literal.slice(node.start, node.end) }] : []);

export function readTextRecord({ hash, parent, literal }: TextChainRecord): EntryReading {
  const links: EntryField[] = [
    { label: 'hash', value: hash, note: 'not verifiable: it covers a binary encoding' },
    { label: 'parent', value: parent ?? 'root' },
    { label: 'literal', value: literal },
  ];
  const parsed = parsePackLiteral(literal);
  if (!parsed.ok) return { kind: 'unreadable', summary: `a value literal the playground cannot read (${parsed.error})`, fields: links };
  const node = parsed.value;
  const call = findRecord(node, 'wasm-call');
  const fn = call && stringOf(fieldOf(call, 'function-name'));
  if (call && fn === 'shutdown') return { kind: 'shutdown', summary: 'shutdown: the actor stopped', fields: links };
  if (call && fn !== undefined) return { kind: 'call', summary: `call ${callName(fn)}`, fields: [...sliceField(literal, 'params', fieldOf(call, 'params')), ...links] };
  const result = findRecord(node, 'wasm-result');
  const resultFn = result && stringOf(fieldOf(result, 'function-name'));
  if (result && resultFn !== undefined) {
    return { kind: 'result', summary: `result of ${callName(resultFn)}`, fields: [...sliceField(literal, 'state', fieldOf(result, 'state')), ...sliceField(literal, 'response', fieldOf(result, 'response')), ...links] };
  }
  const error = findRecord(node, 'wasm-error');
  const errorFn = error && stringOf(fieldOf(error, 'function-name'));
  if (error && errorFn !== undefined) return { kind: 'failure', summary: `${callName(errorFn)} failed: ${stringOf(fieldOf(error, 'message')) ?? ''}`, fields: links };
  const host = findRecord(node, 'host-function-call');
  const iface = host && stringOf(fieldOf(host, 'interface'));
  const hostFn = host && stringOf(fieldOf(host, 'function'));
  if (host && iface !== undefined && hostFn !== undefined) {
    const input = fieldOf(host, 'input');
    const logged = isLog(iface, hostFn) ? stringOf(input) : undefined;
    const values = [...sliceField(literal, 'input', input), ...sliceField(literal, 'output', fieldOf(host, 'output'))];
    return { kind: logged === undefined ? 'host' : 'log', summary: logged === undefined ? `${iface}.${hostFn}` : `log ${JSON.stringify(logged)}`, fields: [...values, ...links] };
  }
  const head = node.kind === 'case' || node.kind === 'name' || (node.kind === 'record' && node.name) ? (node as { name: string }).name : node.kind;
  return { kind: 'unreadable', summary: `${head}: not a call, result or host call the playground knows`, fields: links };
}

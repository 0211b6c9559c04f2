/**
 * WIT values written in WAVE, the WebAssembly Value Encoding of wasm-tools' `wasm-wave`: the
 * notation `wasmtime run --invoke` and `wasm-tools` use, so a call copied from the playground
 * reads the same as in those tools. The inspector shows events in it; transcripts export in it.
 */
import type { ActorEvent } from './events';
import { clipText, formatSize, utf8Length } from './longText';
import type { MessageType, WebsocketMessage } from './messages';

export interface WaveOptions {
  /**
   * Byte lists longer than this are written as their first bytes and their size,
   * `[1, 2, 3, … 1024 bytes]`: for reading, no longer valid WAVE. Unlimited by default.
   */
  maxBytes?: number;
  /**
   * Strings longer than this are written as their start and their size in UTF-8,
   * `"AAAA…" (1.00 MB)`: for reading, no longer valid WAVE. Unlimited by default.
   */
  maxChars?: number;
}

/** Bytes shown before the size in a shortened list. */
const BYTE_PREVIEW = 8;

/** Words WAVE reserves: a label spelled like one is written with a `%` prefix. */
const KEYWORDS = new Set(['true', 'false', 'some', 'none', 'ok', 'err', 'inf', 'nan']);

/**
 * What wasm-wave's writer escapes besides `\ " ' tab CR LF`: Rust's `escape_debug` turns
 * controls, format characters, separators other than the space, private-use, unassigned and
 * grapheme-extending characters into `\u{…}`.
 */
const UNICODE_ESCAPED = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Grapheme_Extend}]|(?! )\p{Zs}/u;
const NEEDS_ESCAPE = new RegExp(`[\\\\"'\\t\\r\\n]|${UNICODE_ESCAPED.source}`, 'u');
const SHORT_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', "'": "\\'", '\t': '\\t', '\r': '\\r', '\n': '\\n' };

function escapeChar(char: string): string {
  const short = SHORT_ESCAPES[char];
  if (short) return short;
  return UNICODE_ESCAPED.test(char) ? `\\u{${char.codePointAt(0)!.toString(16)}}` : char;
}

/**
 * A WAVE string literal, escaped exactly as wasm-wave's writer escapes it; past `maxChars`, only
 * its start (escaping a megabyte to show a line of it would cost what the cut saves).
 */
export function waveString(text: string, { maxChars = Infinity }: WaveOptions = {}): string {
  if (text.length > maxChars) return `${waveString(clipText(text, maxChars))} (${formatSize(utf8Length(text))})`;
  if (!NEEDS_ESCAPE.test(text)) return `"${text}"`;
  let out = '"';
  for (const char of text) out += escapeChar(char);
  return `${out}"`;
}

/** A record field, variant case or enum case name: kebab-case, `%`-prefixed when it is a keyword. */
export const waveLabel = (name: string): string => (KEYWORDS.has(name) ? `%${name}` : name);

/** A `list<u8>`, shortened to a preview and its size past `maxBytes`. */
export function waveBytes(bytes: Uint8Array, options: WaveOptions = {}): string {
  const max = options.maxBytes ?? Infinity;
  if (bytes.length <= max) return `[${bytes.join(', ')}]`;
  return `[${Array.from(bytes.subarray(0, BYTE_PREVIEW)).join(', ')}, … ${bytes.length} bytes]`;
}

/** An `option<T>`: jco passes `none` as undefined. */
export const waveOption = <T>(value: T | undefined | null, write: (value: T) => string): string => (value === undefined || value === null ? 'none' : `some(${write(value)})`);

/** A `message-type` case: `text`, or `other("…")`. */
export const waveMessageType = (ty: MessageType): string => (ty.tag === 'other' ? `other(${waveString(ty.val)})` : waveLabel(ty.tag));

/** A `websocket-message` record, every field written (wasm-wave's writer would leave out `none` fields). */
export function waveMessage(message: WebsocketMessage, options: WaveOptions = {}): string {
  const data = waveOption(message.data, (bytes) => waveBytes(bytes, options));
  return `{ty: ${waveMessageType(message.ty)}, data: ${data}, text: ${waveOption(message.text, (text) => waveString(text, options))}}`;
}

/** A `websocket-response` record. */
export const waveResponse = (messages: readonly WebsocketMessage[], options: WaveOptions = {}): string => `{messages: [${messages.map((m) => waveMessage(m, options)).join(', ')}]}`;

/** A state, `option<list<u8>>`. */
export const waveState = (state: Uint8Array | undefined, options: WaveOptions = {}): string => waveOption(state, (bytes) => waveBytes(bytes, options));

/**
 * The call into the actor as the interface declares it: `handle-message(state, (message,))`,
 * `init(state)`, or an http-framework actor's handler,
 * `handle-websocket-message(state, (handler, connection, message))` and its connect and disconnect
 * siblings. `before` is the state it was given. An http-framework event whose path has no handler
 * for it made no call, and says so.
 */
export function waveCall(event: Pick<ActorEvent, 'kind' | 'input' | 'http'>, before: Uint8Array | undefined, options: WaveOptions = {}): string {
  const state = waveState(before, options);
  if (event.kind === 'init' || !event.input) return `init(${state})`;
  const { http, input } = event;
  if (!http) return `handle-message(${state}, (${waveMessage(input, options)},))`;
  const tag = input.ty.tag;
  const which = tag === 'connect' ? 'connect' : tag === 'close' ? 'disconnect' : 'message';
  if (http.handler === null) return `no call: the path has no ${which} handler, so Theater calls nothing`;
  const head = `${http.handler}, ${http.connection}`;
  const params = which === 'connect' ? `${head}, ${waveString(http.path ?? '/')}, none` : which === 'disconnect' ? head : `${head}, ${waveMessage(input, options)}`;
  return `handle-websocket-${which}(${state}, (${params}))`;
}

/**
 * What the call returned: `ok((state, (response,)))`, `ok((state,))` for init, or `err("…")`.
 * Undefined when nothing came back (a trap or a timeout is not a value). `after` is the new state.
 */
export function waveResult(event: Pick<ActorEvent, 'kind' | 'outcome' | 'responses' | 'input' | 'http'>, after: Uint8Array | undefined, options: WaveOptions = {}): string | undefined {
  const { outcome, http } = event;
  if (http?.handler === null) return undefined;
  switch (outcome.kind) {
    case 'ok': {
      const state = waveState(after, options);
      if (event.kind === 'init') return `ok((${state},))`;
      // An http-framework handler: connect and disconnect return the state alone, message also the list Theater ignores.
      if (http) return event.input?.ty.tag === 'connect' || event.input?.ty.tag === 'close' ? `ok((${state},))` : `ok((${state}, ([${(http.returned ?? []).map((m) => waveMessage(m, options)).join(', ')}],)))`;
      return `ok((${state}, (${waveResponse(event.responses.map((r) => r.message), options)},)))`;
    }
    case 'err':
      return `err(${waveString(outcome.message, options)})`;
    case 'trap':
    case 'timeout':
      return undefined;
    default: {
      const exhaustive: never = outcome;
      return exhaustive;
    }
  }
}

const kebab = (name: string): string => name.replace(/[A-Z]/g, (upper) => `-${upper.toLowerCase()}`);

/**
 * Any value as jco hands it over (host call arguments and results, whose WIT types the
 * playground may not know): strings, numbers, bigints, `Uint8Array` for `list<u8>`, arrays,
 * `{tag, val}` variants and results, camelCase records, undefined for `none`. Best effort: a tuple reads as
 * a list, and an `option` inside an `option` cannot be told apart.
 */
export function waveValue(value: unknown, options: WaveOptions = {}): string {
  if (value === undefined || value === null) return 'none';
  if (typeof value === 'string') return waveString(value, options);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'number') return Number.isNaN(value) ? 'nan' : value === Infinity ? 'inf' : value === -Infinity ? '-inf' : String(value);
  if (value instanceof Uint8Array) return waveBytes(value, options);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return waveValue(Array.from(value as unknown as ArrayLike<number>), options);
  if (Array.isArray(value)) return `[${value.map((item) => waveValue(item, options)).join(', ')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.tag === 'string' && Object.keys(record).every((key) => key === 'tag' || key === 'val')) {
      // jco writes a `result` nested in another value as `{tag: 'ok' | 'err', val}`: far likelier than a case named `ok`.
      const label = record.tag === 'ok' || record.tag === 'err' ? record.tag : waveLabel(record.tag);
      return record.val === undefined ? label : `${label}(${waveValue(record.val, options)})`;
    }
    const fields = Object.entries(record).map(([key, field]) => `${waveLabel(kebab(key))}: ${waveValue(field, options)}`);
    return fields.length === 0 ? '{:}' : `{${fields.join(', ')}}`;
  }
  return String(value);
}

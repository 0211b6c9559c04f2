import type { CallOutcome } from '../events';
import { jsonText } from '../exactJson';
import { theaterInterface, THEATER_PACKAGES, type TheaterPackage } from '../interfaceNames';
import type { MessageKind, WebsocketMessage } from '../messages';
import { fail, ok, type Result } from '../result';

/**
 * The values inside Theater's chain payloads, both ways. Theater (crates/theater/src/events/wasm.rs,
 * revision 1f412264) writes its params and results with serde_json: a call's `params` is the JSON
 * of the params tuple without the state, a result's `result` the pair `(new state, JSON of the
 * result)`, and a `websocket-message` comes out as serde writes the Rust record.
 */

/** The two exports the playground calls, named as Theater's chain names them in an actor's package. */
export const initFunction = (pkg: TheaterPackage): string => `${theaterInterface(pkg, 'actor')}.init`;
export const handleMessageFunction = (pkg: TheaterPackage): string => `${theaterInterface(pkg, 'websocket-server')}.handle-message`;
/** Today's names (`theater:simple`). */
export const INIT_FUNCTION = initFunction('theater:simple');
export const HANDLE_MESSAGE_FUNCTION = handleMessageFunction('theater:simple');

/** One of the two calls, in the package a chain names it by (chains of the `ntwk:theater` era use that package's names). */
export interface KnownCall {
  call: 'init' | 'handle-message';
  pkg: TheaterPackage;
}
const CALLS: ReadonlyMap<string, KnownCall> = new Map(
  THEATER_PACKAGES.flatMap((pkg): Array<[string, KnownCall]> => [
    [initFunction(pkg), { call: 'init', pkg }],
    [handleMessageFunction(pkg), { call: 'handle-message', pkg }],
  ]),
);
/** Which of the two calls a chain's function name is, and in which package; undefined for any other function. */
export const callOf = (name: string): KnownCall | undefined => CALLS.get(name);
export const isInit = (name: string): boolean => CALLS.get(name)?.call === 'init';
export const isHandleMessage = (name: string): boolean => CALLS.get(name)?.call === 'handle-message';

/**
 * What an actor's chain entries say that its events do not hold: the package its exports belong
 * to (it names the calls: `ntwk:theater/actor.init`) and the actor id its init was given (init's
 * params: `["<id>"]`, serde's JSON of `(actor-id,)`, or `null` when init takes none). A loaded
 * `ComponentInfo` is one.
 */
export interface ChainWriter {
  package: TheaterPackage;
  actorId?: string;
}

/** Init's params as Theater writes them: `null` for an init that takes the state alone, `["<id>"]` for `(actor-id,)`. */
export const initParams = (actorId: string | undefined): [string] | null => (actorId === undefined ? null : [actorId]);

/** `initParams` read back: the actor id, none (`null` params), or undefined for params init never takes. */
export function initParamsOf(json: unknown): { actorId: string | undefined } | undefined {
  if (json === null) return { actorId: undefined };
  return Array.isArray(json) && json.length === 1 && typeof json[0] === 'string' ? { actorId: json[0] } : undefined;
}

/** What Theater records when an actor stops: a call entry named `shutdown` with empty params. */
export const SHUTDOWN_EVENT_TYPE = 'shutdown';
export const SHUTDOWN_PAYLOAD = { category: 'Wasm', WasmCall: { function_name: 'shutdown', params: [] } } as const;

/** serde's names for the unit cases of `message-type` (PascalCase); `other` is `{"Other": "…"}`. */
const SERDE_TYPES = { text: 'Text', binary: 'Binary', connect: 'Connect', close: 'Close', ping: 'Ping', pong: 'Pong' } as const satisfies Record<Exclude<MessageKind, 'other'>, string>;
const FROM_SERDE = new Map(Object.entries(SERDE_TYPES).map(([tag, name]) => [name as string, tag as Exclude<MessageKind, 'other'>]));

/** serde's JSON of a `websocket-message`: `{"ty":"Text","data":null,"text":"hi"}`, keys in that order, bytes as numbers. */
export function serdeMessage(message: WebsocketMessage): { ty: string | { Other: string }; data: Uint8Array | null; text: string | null } {
  const { ty } = message;
  return { ty: ty.tag === 'other' ? { Other: ty.val } : SERDE_TYPES[ty.tag], data: message.data ?? null, text: message.text ?? null };
}

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
/** Whether `value` is an array of bytes (integers 0 to 255), `length` of them when given. */
export function isByteArray(value: unknown, length?: number): value is number[] {
  if (!Array.isArray(value) || (length !== undefined && value.length !== length)) return false;
  // A plain loop, not every(): a chain's data and states are arrays of millions of numbers.
  for (let i = 0; i < value.length; i++) {
    const b: unknown = value[i];
    if (typeof b !== 'number' || (b & 0xff) !== b) return false;
  }
  return true;
}

/** A message back from serde's JSON; the error says which field is wrong. */
export function messageFromSerde(json: unknown): Result<WebsocketMessage, string> {
  if (!isObject(json)) return fail('a websocket-message is a JSON object {ty, data, text}');
  const { ty, data, text } = json;
  const tag = typeof ty === 'string' ? FROM_SERDE.get(ty) : undefined;
  const other = isObject(ty) && Object.keys(ty).length === 1 && typeof ty.Other === 'string' ? ty.Other : undefined;
  if (!tag && other === undefined) return fail(`its ty ${jsonText(ty)} is none of ${Object.values(SERDE_TYPES).join(', ')} or {"Other": "…"}`);
  if (!(data === null || data === undefined || isByteArray(data))) return fail('its data is neither null nor an array of bytes');
  if (!(text === null || text === undefined || typeof text === 'string')) return fail('its text is neither null nor a string');
  return ok({
    ty: tag ? { tag } : { tag: 'other', val: other! },
    data: data ? Uint8Array.from(data) : undefined,
    text: typeof text === 'string' ? text : undefined,
  });
}

/** A host call's arguments as the one value Theater records: none → null, one → itself, several → the tuple. */
export const hostValue = (args: readonly unknown[]): unknown => (args.length === 0 ? null : args.length === 1 ? args[0] : args);

/** The inverse of `hostValue`, as far as JSON allows: null → none, an array → several, anything else → one. */
export const hostArgs = (value: unknown): unknown[] => (value === null ? [] : Array.isArray(value) ? value : [value]);

/**
 * A failure as a `WasmError` message. Theater writes the error's text: an actor's `err` is its
 * string as it came; the playground marks its own traps and timeouts so they read back as such.
 */
export function failureMessage(outcome: Exclude<CallOutcome, { kind: 'ok' }>): string {
  switch (outcome.kind) {
    case 'err':
      return outcome.message;
    case 'trap':
      return `trap: ${outcome.message}`;
    case 'timeout':
      return `timed out after ${outcome.afterMs} ms`;
    default: {
      const exhaustive: never = outcome;
      return exhaustive;
    }
  }
}

/** `failureMessage` read back: anything not marked as a trap or a timeout is an `err` with the message as written. */
export function failureOutcome(message: string): Exclude<CallOutcome, { kind: 'ok' }> {
  const timeout = /^timed out after (\d+(?:\.\d+)?) ms$/.exec(message);
  if (timeout && String(Number(timeout[1])) === timeout[1]) return { kind: 'timeout', afterMs: Number(timeout[1]) };
  if (message.startsWith('trap: ')) return { kind: 'trap', message: message.slice('trap: '.length) };
  return { kind: 'err', message };
}

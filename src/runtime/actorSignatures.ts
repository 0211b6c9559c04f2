import { engineError, type EngineError } from '../core/errors';
import { HTTP_HANDLERS, theaterInterface, type TheaterPackage } from '../core/interfaceNames';
import { ok, type Result } from '../core/result';
import { exportedInterface } from './wasm/exportedInterface';

/**
 * What the playground calls, as WIT (the form `exportedInterface` renders, aliases expanded):
 * `wit/websocket-server.wit`, which is Theater's `handle-message` since February 2025 (revision
 * 4d88eeec, then `ntwk:theater`). Before that it took `(message, state: list<u8>)`, and for one
 * day returned a bare tuple instead of a result.
 */
export const HANDLE_MESSAGE = 'func(state: option<list<u8>>, params: tuple<websocket-message>) -> result<tuple<option<list<u8>>, tuple<websocket-response>>, string>';
/** Theater's `handle-message` before February 2025, in both its forms: the message first, then the state as bytes. */
const OLDER_HANDLE_MESSAGE = /^func\(message: websocket-message, state: list<u8>\)/;
const MESSAGE_TYPES: ReadonlyArray<[string, string]> = [
  ['message-type', 'variant message-type { text, binary, connect, close, ping, pong, other(string) }'],
  ['websocket-message', 'record websocket-message { ty: message-type, data: option<list<u8>>, text: option<string> }'],
  ['websocket-response', 'record websocket-response { messages: list<websocket-message> }'],
];

/**
 * The two `init`s the playground calls: with the state only (`wit/actor.wit`), or with the state
 * and Theater's `(actor-id,)` params (Theater's `actor.wit` since February 2025, in both packages).
 */
export const INIT_STATE_ONLY = 'func(state: option<list<u8>>) -> result<tuple<option<list<u8>>>, string>';
export const INIT_WITH_ACTOR_ID = 'func(state: option<list<u8>>, params: tuple<string>) -> result<tuple<option<list<u8>>>, string>';

export interface CheckedExports {
  /** `init` takes `(actor-id,)` after the state, so it must be called with an actor id. */
  initTakesActorId: boolean;
}

/**
 * Compares the signatures a component declares for `handle-message`, the message types and
 * `init` with the ones the playground calls, before anything runs: a mismatch would otherwise
 * surface as a trap on the first message. When the binary's layout cannot be read, nothing is
 * refused; an `ntwk:theater` init is then taken to want the actor id, as every one did.
 */
export function checkExportSignatures(bytes: Uint8Array, pkg: TheaterPackage): Result<CheckedExports, EngineError> {
  const serverName = theaterInterface(pkg, 'websocket-server');
  const server = exportedInterface(bytes, serverName);
  const handleMessage = server?.functions.get('handle-message');
  if (handleMessage !== undefined && handleMessage !== HANDLE_MESSAGE) {
    return engineError(
      'signature-mismatch',
      `${OLDER_HANDLE_MESSAGE.test(handleMessage) ? `This actor was built against an older \`${serverName}\`` : `This actor's \`${serverName}\` is not Theater's interface of that name`}: it declares \`handle-message: ${handleMessage}\`, but the playground calls \`handle-message: ${HANDLE_MESSAGE}\` (Theater's signature since February 2025); ${partsThatDiffer(handleMessage, HANDLE_MESSAGE)}. Rebuild the actor against the current websocket-server WIT.`,
    );
  }
  for (const [name, expected] of MESSAGE_TYPES) {
    const declared = server?.types.get(name);
    if (declared !== undefined && declared !== expected) {
      return engineError('signature-mismatch', `This actor's \`${serverName}\` declares \`${declared}\`, but the playground sends and reads \`${expected}\`. Rebuild the actor against the current websocket-server WIT.`);
    }
  }
  return checkInitSignature(bytes, pkg);
}

/** Compares the `init` a component declares (if any) with the two the playground calls. */
export function checkInitSignature(bytes: Uint8Array, pkg: TheaterPackage): Result<CheckedExports, EngineError> {
  const actorName = theaterInterface(pkg, 'actor');
  const init = exportedInterface(bytes, actorName)?.functions.get('init');
  if (init !== undefined && init !== INIT_STATE_ONLY && init !== INIT_WITH_ACTOR_ID) {
    return engineError(
      'signature-mismatch',
      `This actor's \`${actorName}\` declares \`init: ${init}\`, but the playground calls \`init: ${INIT_WITH_ACTOR_ID}\` (Theater's) or \`init: ${INIT_STATE_ONLY}\`; ${partsThatDiffer(init, INIT_WITH_ACTOR_ID)}. Rebuild the actor against the current actor WIT.`,
    );
  }
  return ok({ initTakesActorId: init === undefined ? pkg === 'ntwk:theater' : init === INIT_WITH_ACTOR_ID });
}

/**
 * What the playground calls an `http-framework` actor with: Theater's `http-handlers` (its
 * `wit/http.wit`, `handler-id` a `u64`), as `exportedInterface` renders it.
 */
export const HTTP_HANDLER_FUNCTIONS: ReadonlyArray<[string, string]> = [
  ['handle-websocket-connect', 'func(state: option<list<u8>>, params: tuple<u64, u64, string, option<string>>) -> result<tuple<option<list<u8>>>, string>'],
  ['handle-websocket-message', 'func(state: option<list<u8>>, params: tuple<u64, u64, websocket-message>) -> result<tuple<option<list<u8>>, tuple<list<websocket-message>>>, string>'],
  ['handle-websocket-disconnect', 'func(state: option<list<u8>>, params: tuple<u64, u64>) -> result<tuple<option<list<u8>>>, string>'],
];

/**
 * `checkExportSignatures` for an `http-framework` actor: its WebSocket handlers and `init`. A
 * handler it does not export is no error here: Theater only calls the ones a path names, and the
 * loader says which are missing.
 */
export function checkHttpHandlerSignatures(bytes: Uint8Array): Result<CheckedExports, EngineError> {
  const handlers = exportedInterface(bytes, HTTP_HANDLERS);
  for (const [name, expected] of HTTP_HANDLER_FUNCTIONS) {
    const declared = handlers?.functions.get(name);
    if (declared !== undefined && declared !== expected) {
      return engineError(
        'signature-mismatch',
        `This actor's \`${HTTP_HANDLERS}\` declares \`${name}: ${declared}\`, but the playground calls \`${name}: ${expected}\` (Theater's \`wit/http.wit\`); ${partsThatDiffer(declared, expected)}. Rebuild the actor against Theater's http-handlers WIT.`,
      );
    }
  }
  return checkInitSignature(bytes, 'theater:simple');
}

/** "the parameters differ", "the result differs" or both, for two rendered `func(...) -> ...` types. */
function partsThatDiffer(declared: string, expected: string): string {
  const split = (type: string) => {
    const arrow = type.indexOf(') -> ');
    return arrow < 0 ? [type, ''] : [type.slice(0, arrow + 1), type.slice(arrow + 5)];
  };
  const [declaredParams, declaredResult] = split(declared);
  const [expectedParams, expectedResult] = split(expected);
  const parts = [declaredParams !== expectedParams && 'the parameters differ', declaredResult !== expectedResult && 'the result differs'];
  return parts.filter(Boolean).join(' and ') || 'one of them is async';
}

import { engineError, type EngineError } from '../core/errors';
import { theaterInterface, type TheaterPackage } from '../core/interfaceNames';
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

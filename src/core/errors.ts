import type { HostCall } from './hostCall';
import { fail } from './result';

/**
 * A call or a load past one of the server's limits (core/limits.ts), one code per limit; the call
 * time limit's is `timeout`, as before limits were configurable.
 */
export const LIMIT_ERROR_CODES = [
  'component-too-large',
  'state-too-large',
  'too-many-responses',
  'response-too-large',
  'too-many-log-lines',
  'log-too-large',
  'too-many-host-calls',
  'memory-too-large',
] as const;
export type LimitErrorCode = (typeof LIMIT_ERROR_CODES)[number] | 'timeout';

/**
 * Every way loading or driving an actor can fail that a person can do something about, one code
 * per cause: `actor-stopped` is an actor that shut itself down, `no-websocket-path` a client of an
 * http-framework actor that serves no WebSocket path (or not the one asked for), `no-actor` a call with nothing
 * loaded, `timeout` a worker the watchdog gave up on, `invalid-request` a message to the worker
 * it cannot read (another protocol version, not a request), `internal-error` only a bug, and
 * `LIMIT_ERROR_CODES` a limit gone past.
 */
export const ENGINE_ERROR_CODES = [
  'empty-file',
  'not-wasm',
  'core-module',
  'pack-module',
  'wit-package',
  'invalid-component',
  'missing-export',
  'signature-mismatch',
  'instantiate-failed',
  'init-failed',
  'actor-stopped',
  'no-actor',
  'no-such-connection',
  'no-websocket-path',
  'no-such-event',
  'no-such-branch',
  'connection-closed',
  'invalid-message',
  'invalid-snapshot',
  'invalid-chain',
  'invalid-session',
  'too-large',
  'invalid-request',
  'timeout',
  'worker-crashed',
  'internal-error',
  ...LIMIT_ERROR_CODES,
] as const;
export type EngineErrorCode = (typeof ENGINE_ERROR_CODES)[number];

/** An error with a stable `code` for programs and a `message` that tells a person what to do. */
export interface EngineError {
  code: EngineErrorCode;
  message: string;
  /** `init-failed`: the host calls the failed init made (its logs, an Editor actor's report of where it threw). */
  initCalls?: HostCall[];
}

export const engineError = (code: EngineErrorCode, message: string) => fail<EngineError>({ code, message });

/**
 * What a session file or chain that cannot be used leaves behind, said in its message (the page
 * imports them). Its one owner: the command line, which reads them to replay, says it in its own
 * words with `asReplayRefusal`.
 */
export const NOTHING_IMPORTED = 'Nothing was imported';

/** A history file's message as the command line tells it: nothing was replayed, rather than imported. */
export const asReplayRefusal = (message: string): string => message.replace(NOTHING_IMPORTED, 'Nothing was replayed');

/**
 * Nothing is loaded to call, export or replay against: the worker, the page's client and the page
 * all say it with this one message. `todo` replaces what to do where the page knows better.
 */
export const noActor = (todo = 'load a `.wasm` first.'): EngineError => ({ code: 'no-actor', message: `No actor is loaded: ${todo}` });

/**
 * Failures only the page meets, which the engine never sees: a file the browser could not read,
 * an asset the server would not send, a catalog that is not the shape the build script writes,
 * IndexedDB refusing to open, read or write (`storage-failed`), a saved session another tab has
 * open and is writing (`session-in-use`).
 */
export const PAGE_ERROR_CODES = ['read-failed', 'fetch-failed', 'invalid-catalog', 'storage-failed', 'session-in-use'] as const;
export type PageErrorCode = (typeof PAGE_ERROR_CODES)[number];

/** Every code the page can report: the engine's, and the page's own. */
export type ErrorCode = EngineErrorCode | PageErrorCode;

/** What the page reports (its alert, persistence's results): an engine error as it came, or one of the page's own. */
export interface PlaygroundError {
  code: ErrorCode;
  message: string;
  /** As on an EngineError: what a failed init called. */
  initCalls?: HostCall[];
}

/** The message of anything thrown, including jco's ComponentError (whose payload says why). */
export function describeThrown(thrown: unknown): string {
  if (thrown && typeof thrown === 'object' && 'payload' in thrown) {
    const payload = (thrown as { payload: unknown }).payload;
    if (typeof payload === 'string') return payload;
    if (payload && typeof payload === 'object') {
      const { tag, val } = payload as { tag?: unknown; val?: unknown };
      if (typeof val === 'string') return val;
      if (typeof tag === 'string') return tag;
    }
  }
  if (thrown instanceof Error) return thrown.message;
  return String(thrown);
}

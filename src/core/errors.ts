import { fail } from './result';

/** Every way loading or driving an actor can fail that a person can do something about. */
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
  'no-such-connection',
  'no-such-event',
  'no-such-branch',
  'connection-closed',
  'invalid-message',
  'invalid-snapshot',
  'invalid-chain',
  'invalid-session',
  'too-large',
  'worker-crashed',
  'internal-error',
] as const;
export type EngineErrorCode = (typeof ENGINE_ERROR_CODES)[number];

/** An error with a stable `code` for programs and a `message` that tells a person what to do. */
export interface EngineError {
  code: EngineErrorCode;
  message: string;
}

export const engineError = (code: EngineErrorCode, message: string) => fail<EngineError>({ code, message });

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

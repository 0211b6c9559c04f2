import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cacheFromEnvironment } from '../../cli/fileComponentCache';
import { ActorSession, type Started } from '../session';
import type { SessionOptions } from '../sessionOptions';

/** Test support: the real example actors built by `npm run build:actors` (vitest's global setup). */
export const EXAMPLES = ['echo', 'counter', 'counter-v2', 'minimal', 'faulty', 'imports', 'dice', 'chat-room', 'chat-room-v2', 'editor-host'] as const;
export type ExampleName = (typeof EXAMPLES)[number];

export const exampleBytes = (name: ExampleName): Uint8Array =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../public/actors/${name}.wasm`, import.meta.url))));

/**
 * Starts an example or fails the test with the engine's own message. Through the test run's
 * component cache (cli/fileComponentCache.ts) when there is one: jco transpiles each example once
 * a run, not once a start (the tests that are about jco call `ActorSession.start` or `inspect`).
 * `options` add to or replace the session's (the WASI settings or its limits, say).
 */
export async function startExample(name: ExampleName, options: Partial<SessionOptions> = {}): Promise<Started> {
  const started = await ActorSession.start(exampleBytes(name), { name: `${name}.wasm`, cache: cacheFromEnvironment(), ...options });
  if (!started.ok) throw new Error(`${name} did not start: ${started.error.message}`);
  return started.value;
}

/** Unwraps a Result in a test, failing with its error message. */
export function expectOk<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error.message}`);
  return result.value;
}

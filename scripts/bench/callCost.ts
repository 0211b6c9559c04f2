import { $init, generate } from '@bytecodealliance/jco-transpile/component';
import { readFileSync } from 'node:fs';
import { textMessage } from '../../src/core';
import { ActorSession, dataUrlImporter } from '../../src/runtime';
import { median, round } from './stats';

const CALLS = 20_000;
const RUNS = 7;

/** The bare jco call: transpile and instantiate by hand, then call handle-message in a loop. */
export async function bareCall(bytes: Uint8Array): Promise<(message: ReturnType<typeof textMessage>) => void> {
  await $init;
  const { files } = generate(bytes, { name: 'actor', instantiation: { tag: 'async' }, noNodejsCompat: true, noTypescript: true });
  const glue = new TextDecoder().decode(files.find(([name]) => name === 'actor.js')![1]);
  const cores = new Map(files.filter(([name]) => name.endsWith('.wasm')).map(([name, b]) => [name, WebAssembly.compile(b as Uint8Array<ArrayBuffer>)]));
  const module = (await dataUrlImporter(glue)) as { instantiate: (get: (n: string) => Promise<WebAssembly.Module>, imports: object) => Promise<Record<string, { handleMessage: (s: unknown, p: unknown) => unknown }>> };
  const root = await module.instantiate((name) => cores.get(name)!, {});
  const server = root['theater:simple/websocket-server']!;
  return (message) => void server.handleMessage(undefined, [message]);
}

/** µs per handle-message on `minimal`: the bare jco call against the engine with full recording. */
export async function measureCallCost(wasmPath: string): Promise<Record<string, number>> {
  const bytes = new Uint8Array(readFileSync(wasmPath));
  const message = textMessage('hello');
  const bare = await bareCall(bytes);
  // One session for every run, like the one bare instance: both are warmed up alike.
  const started = await ActorSession.start(bytes, { name: 'minimal.wasm' });
  if (!started.ok) throw new Error(started.error.message);
  const session = started.value.session;
  const opened = await session.open();
  if (!opened.ok) throw new Error(opened.error.message);
  const connectionId = opened.value.connection.id;
  const bareRuns: number[] = [];
  const engineRuns: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    let t0 = performance.now();
    for (let i = 0; i < CALLS; i++) bare(message);
    bareRuns.push(((performance.now() - t0) * 1000) / CALLS);
    t0 = performance.now();
    for (let i = 0; i < CALLS; i++) await session.send(connectionId, message);
    engineRuns.push(((performance.now() - t0) * 1000) / CALLS);
  }
  const bareUs = median(bareRuns);
  const engineUs = median(engineRuns);
  return { calls_per_run: CALLS, runs: RUNS, bare_jco_us: round(bareUs, 3), engine_recording_us: round(engineUs, 3), ratio: round(engineUs / bareUs) };
}

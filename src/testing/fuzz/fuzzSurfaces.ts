import { gzipSync } from 'fflate';
import fc from 'fast-check';
import { entryHash, type ChainEntry } from '../../core/chain/chain';
import { readChain } from '../../core/chain/chainHistory';
import type { EngineError } from '../../core/errors';
import { textMessage } from '../../core/messages';
import type { Result } from '../../core/result';
import { componentHash, sessionFileLines } from '../../core/sessionFile';
import { readSessionForImport } from '../../core/sessionImport';
import { ActorSession } from '../../runtime/session';
import { exampleBytes, expectOk, startExample } from '../../runtime/testing/exampleActors';
import { readFixture } from '../../runtime/testing/theaterChains';
import { mutatedBytes, mutatedJson, type Mutated } from './mutations';

/**
 * One surface the fuzzer feeds: its cases (mutations of real inputs) and what takes them, the
 * same code the actor worker runs for `Load actor`, `Import session` and `Import chain`.
 */
export interface FuzzSurface<T = unknown> {
  name: string;
  cases: fc.Arbitrary<Mutated<T>>;
  run(input: T): Promise<Result<unknown, EngineError>>;
}

const encoder = new TextEncoder();

/**
 * Component files: the `minimal` example (2 KiB, so a case that survives inspection is
 * transpiled and run in milliseconds), mutated, then started, and sent a message if it starts.
 */
export function componentSurface(): FuzzSurface<Uint8Array> {
  return {
    name: 'components',
    cases: mutatedBytes(exampleBytes('minimal')),
    async run(bytes) {
      const started = await ActorSession.start(bytes, { name: 'fuzz.wasm' });
      if (!started.ok) return started;
      const opened = await started.value.session.open();
      return opened.ok ? started.value.session.send(opened.value.connection.id, textMessage('fuzz')) : opened;
    },
  };
}

/**
 * Session files: a real one of the counter (a connection, three calls), mutated as JSON (one
 * line's field), as text and as its gzip bytes, then read for import with the counter loaded.
 */
export async function sessionSurface(): Promise<FuzzSurface<Uint8Array>> {
  const { session } = await startExample('counter');
  const { connection } = expectOk(await session.open());
  for (const text of ['inc', 'inc 2', 'reset']) expectOk(await session.send(connection.id, textMessage(text)));
  const bytes = exampleBytes('counter');
  const snapshot = session.snapshot();
  const component = { name: 'counter.wasm', sha256: componentHash(bytes), size: bytes.length };
  const lines = [...sessionFileLines({ component, connections: snapshot.connections, events: snapshot.events, states: new Map(snapshot.states) }, false)].map((line) => JSON.parse(line) as unknown);
  const text = encoder.encode(lines.map((line) => JSON.stringify(line)).join('\n'));
  const lineCases = lines.map((line, i) =>
    mutatedJson(line).map(({ what, value }) => ({ what: `line ${i}: ${what}`, value: encoder.encode(lines.map((other, j) => JSON.stringify(j === i ? value : other)).join('\n')) })),
  );
  return {
    name: 'session files',
    cases: fc.oneof(...lineCases, mutatedBytes(text), mutatedBytes(gzipSync(text)).map(({ what, value }) => ({ what: `gzip: ${what}`, value }))),
    run: (file) => readSessionForImport(new Blob([new Uint8Array(file)]), { name: 'counter.wasm', bytes }),
  };
}

/**
 * Theater's chains (the fixtures that verify, JSON and text), mutated as JSON (one field, then
 * hashed again by Theater's rule so the reader gets past verification) and as text, then read
 * as `Import chain` reads them.
 */
export function chainSurface(): FuzzSurface<string> {
  const json = (['websocket.json', 'host-values.json', 'init-logs.json'] as const).map((name) => JSON.parse(readFixture(name)) as ChainEntry[]);
  const texts = [...json.map((entries) => JSON.stringify(entries)), readFixture('greeter.chain')];
  const decoder = new TextDecoder();
  return {
    name: 'chains',
    cases: fc.oneof(
      ...json.map((entries) => mutatedJson(entries).map(({ what, value }) => ({ what: `${what}, hashed again`, value: JSON.stringify(rehashed(value)) }))),
      ...texts.map((text) => mutatedBytes(encoder.encode(text)).map(({ what, value }) => ({ what, value: decoder.decode(value) }))),
    ),
    run: async (text) => readChain(text),
  };
}

/** The entries with every hash and parent link made right again, where the entries still have the shape to hash. */
function rehashed(entries: unknown): unknown {
  if (!Array.isArray(entries) || !entries.every((e: Partial<ChainEntry> | null) => e && Array.isArray(e.data) && typeof e.event_type === 'string')) return entries;
  let parent: number[] | null = null;
  return (entries as ChainEntry[]).map((entry, i) => {
    const linked = { parent_hash: i === 0 ? entry.parent_hash : parent, event_type: entry.event_type, data: entry.data };
    const hash = entryHash(linked);
    parent = hash;
    return { hash, ...linked };
  });
}

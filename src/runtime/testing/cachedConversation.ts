import type { CompiledComponent } from '../../core/compiledComponent';
import { textMessage } from '../../core/messages';
import type { CacheRead, ComponentCache, TranspiledComponent } from '../componentCache';
import { ActorSession } from '../session';
import { exampleBytes, expectOk } from './exampleActors';

/**
 * A component cache kept in memory, standing in for the page's Cache Storage (which Node lacks;
 * e2e/componentCache.spec.ts runs the real one): it keeps copies, as a store would, and lets a
 * test damage what it holds.
 */
export class MemoryCache implements ComponentCache {
  readonly entries = new Map<string, TranspiledComponent>();
  async read(key: string): Promise<CacheRead> {
    const entry = this.entries.get(key);
    return entry ? { kind: 'hit', entry: structuredClone(entry) } : { kind: 'miss' };
  }
  async write(key: string, entry: TranspiledComponent): Promise<void> {
    this.entries.set(key, structuredClone(entry));
  }
  async usage() {
    return { entries: this.entries.size, bytes: 0, limitBytes: Infinity };
  }
  async clear() {
    this.entries.clear();
  }
}

/**
 * Starts counter the same way each time (fixed clock and connection ids) and has one conversation
 * with it; `compiled`: an earlier session's compiled form to start from, as the page hands one back.
 */
export async function converse(cache: ComponentCache | undefined, compiled?: CompiledComponent) {
  const started = expectOk(await ActorSession.start(exampleBytes('counter'), { name: 'counter', cache, compiled, now: () => 1_000, connectionNumber: () => 7n }));
  const { session } = started;
  const { connection } = expectOk(await session.open());
  for (const text of ['increment', 'increment', 'hello']) expectOk(await session.send(connection.id, textMessage(text)));
  // Everything recorded but how long each call took, which no two runs share.
  const { events, ...rest } = session.snapshot();
  return { session, history: { ...rest, events: events.map(({ durationMs: _took, ...event }) => event) } };
}

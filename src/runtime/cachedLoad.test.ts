import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { textMessage } from '../core/messages';
import { cacheKeyOf, TRANSPILED_BY, type CacheRead, type ComponentCache, type TranspiledComponent } from './componentCache';
import { ActorSession } from './session';
import { exampleBytes, expectOk } from './testing/exampleActors';

/**
 * A component cache kept in memory, standing in for the page's Cache Storage (which Node lacks;
 * e2e/componentCache.spec.ts runs the real one): it keeps copies, as a store would, and lets a
 * test damage what it holds.
 */
class MemoryCache implements ComponentCache {
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

/** Starts counter the same way each time (fixed clock and connection ids) and has one conversation with it. */
async function converse(cache: ComponentCache | undefined) {
  const started = expectOk(await ActorSession.start(exampleBytes('counter'), { name: 'counter', cache, now: () => 1_000, connectionNumber: () => 7n }));
  const { session } = started;
  const { connection } = expectOk(await session.open());
  for (const text of ['increment', 'increment', 'hello']) expectOk(await session.send(connection.id, textMessage(text)));
  // Everything recorded but how long each call took, which no two runs share.
  const { events, ...rest } = session.snapshot();
  return { session, history: { ...rest, events: events.map(({ durationMs: _took, ...event }) => event) } };
}

describe('loading through the component cache', () => {
  it('gives the same component and the same recorded history as a load without it', async () => {
    const cache = new MemoryCache();
    const uncached = await converse(undefined);
    const first = await converse(cache);
    const cached = await converse(cache);
    expect(uncached.session.cacheUse).toEqual({ kind: 'off' });
    expect(first.session.cacheUse).toEqual({ kind: 'miss' });
    expect(cached.session.cacheUse).toEqual({ kind: 'hit' });
    expect(cache.entries.has(await cacheKeyOf(exampleBytes('counter')))).toBe(true);
    expect(cached.session.info).toEqual(uncached.session.info);
    expect(cached.history).toEqual(uncached.history);
    expect(cached.history.events.length).toBe(5);
  });

  it('falls back to jco, says why and caches again when a cached entry does not load', async () => {
    const cache = new MemoryCache();
    await converse(cache);
    const key = await cacheKeyOf(exampleBytes('counter'));
    const entry = cache.entries.get(key)!;
    // The glue damaged in a way no checksum of the store caught: the engine still refuses it.
    cache.entries.set(key, { ...entry, files: entry.files.map(([path, content]) => [path, path === 'actor.js' ? new TextEncoder().encode('export const instantiate = ;') : content]) });
    const fallen = await converse(cache);
    expect(fallen.session.cacheUse.kind).toBe('fallback');
    expect(fallen.session.cacheUse.kind === 'fallback' && fallen.session.cacheUse.reason).toMatch(/cached copy did not load/);
    expect(fallen.history).toEqual((await converse(undefined)).history);
    expect((await converse(cache)).session.cacheUse).toEqual({ kind: 'hit' });
  });

  it('passes on what the store reports as damaged, and loads in full', async () => {
    const damaged = new MemoryCache();
    damaged.read = async () => ({ kind: 'broken', reason: 'it is damaged (actor.js does not match its checksum)' });
    const { session } = await converse(damaged);
    expect(session.cacheUse).toEqual({ kind: 'fallback', reason: 'it is damaged (actor.js does not match its checksum)' });
    expect(session.info).toEqual((await converse(undefined)).session.info);
  });

  it('keys entries by the jco that made them', () => {
    const jco = JSON.parse(readFileSync('node_modules/@bytecodealliance/jco-transpile/package.json', 'utf8')) as { version: string };
    // A new jco makes new glue: bump TRANSPILED_BY with it, so no page reuses the old one.
    expect(TRANSPILED_BY).toContain(`jco-transpile@${jco.version}+`);
  });
});

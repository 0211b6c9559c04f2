import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cacheKeyOf, TRANSPILED_BY } from './componentCache';
import { converse, MemoryCache } from './testing/cachedConversation';
import { exampleBytes, expectOk } from './testing/exampleActors';
import { ActorSession } from './session';

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

  it('from the compiled modules of an earlier load, gives the same component and history without the cache or jco', async () => {
    const uncached = await converse(undefined);
    const cache = new MemoryCache();
    const first = await converse(cache);
    // The cache emptied: what the second load needs comes from the first load's compiled form alone.
    await cache.clear();
    const reused = await converse(cache, first.session.compiled);
    expect(reused.session.cacheUse).toEqual({ kind: 'compiled' });
    expect(cache.entries.size).toBe(0);
    expect(reused.session.info).toEqual(uncached.session.info);
    expect(reused.history).toEqual(uncached.history);
    // Another component's compiled form is not used for these bytes.
    const other = expectOk(await ActorSession.start(exampleBytes('echo'), { name: 'echo' }));
    expect((await converse(undefined, other.session.compiled)).session.cacheUse).toEqual({ kind: 'off' });
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

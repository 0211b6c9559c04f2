import { describe, expect, it } from 'vitest';
import { cacheKeyOf, packEntry } from '../runtime';
import { inspect } from '../runtime/inspect';
import { LoadedComponent } from '../runtime/loader';
import { converse, MemoryCache } from '../runtime/testing/cachedConversation';
import { exampleBytes, expectOk, type ExampleName } from '../runtime/testing/exampleActors';
import { PREBUILT_DIR, WithPrebuilt } from './prebuiltComponents';

const dir = new URL(`https://app.test/${PREBUILT_DIR}`);

/** The files scripts/prebuild-components.ts writes for `name`, served under `hash` (the bytes' own by default). */
async function served(name: ExampleName, key?: string): Promise<Map<string, Uint8Array>> {
  const bytes = exampleBytes(name);
  const info = expectOk(await inspect(bytes));
  const files = expectOk(await LoadedComponent.transpile(bytes, info, name));
  const { manifest, content } = await packEntry({ info, files });
  const full = key ?? (await cacheKeyOf(bytes));
  const hash = full.slice(full.lastIndexOf('/') + 1);
  return new Map([
    [new URL(`${hash}.json`, dir).href, new TextEncoder().encode(JSON.stringify({ ...manifest, key: full }))],
    [new URL(`${hash}.bin`, dir).href, content],
  ]);
}

/** Fetches from `files` as the app's static server would: 404 for anything else. */
const server = (files: Map<string, Uint8Array>) => async (url: URL) => {
  const body = files.get(url.href);
  return body ? new Response(body as Uint8Array<ArrayBuffer>) : new Response(null, { status: 404 });
};

describe('the build\'s prebuilt entries', () => {
  it('give the same component and history as a transpiled load, and fill the cache', async () => {
    const cache = new MemoryCache();
    const prebuilt = await converse(new WithPrebuilt(cache, dir, server(await served('counter'))));
    const transpiled = await converse(undefined);
    expect(prebuilt.session.cacheUse).toEqual({ kind: 'prebuilt' });
    expect(prebuilt.session.info).toEqual(transpiled.session.info);
    expect(prebuilt.history).toEqual(transpiled.history);
    expect(cache.entries.has(await cacheKeyOf(exampleBytes('counter')))).toBe(true);
    // Loaded again: an ordinary cache hit.
    expect((await converse(new WithPrebuilt(cache, dir, server(new Map())))).session.cacheUse).toEqual({ kind: 'hit' });
  });

  it('are loaded without a cache too (no Cache Storage outside secure contexts)', async () => {
    const { session } = await converse(new WithPrebuilt(undefined, dir, server(await served('counter'))));
    expect(session.cacheUse).toEqual({ kind: 'prebuilt' });
  });

  it('are not used for other bytes, another jco or damaged files: jco runs', async () => {
    const counterKey = await cacheKeyOf(exampleBytes('counter'));
    // Another component's entry where counter's would be (a stale file named by the old hash).
    const other = await served('minimal', counterKey.replace(/[0-9a-f]{64}$/, 'f'.repeat(64)));
    const renamed = new Map([...other].map(([url, body]) => [url.replace('f'.repeat(64), counterKey.slice(-64)), body]));
    // counter's own entry, made by another jco.
    const olderJco = await served('counter', counterKey.replace(/^[^/]+/, 'jco-transpile@0.0.1+async-glue'));
    // counter's own entry with one byte of its files flipped.
    const damaged = await served('counter');
    const bin = [...damaged.keys()].find((url) => url.endsWith('.bin'))!;
    damaged.get(bin)![100]! ^= 0xff;
    const transpiled = await converse(undefined);
    for (const files of [renamed, olderJco, damaged]) {
      const cache = new MemoryCache();
      const loaded = await converse(new WithPrebuilt(cache, dir, server(files)));
      expect(loaded.session.cacheUse).toEqual({ kind: 'miss' });
      expect(loaded.session.info).toEqual(transpiled.session.info);
      expect(loaded.history).toEqual(transpiled.history);
    }
  });
});

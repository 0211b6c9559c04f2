/// <reference lib="webworker" />
import type { CacheUsage } from '../core';
import { unpackEntry, type CacheRead, type ComponentCache, type TranspiledComponent } from '../runtime';

/**
 * Where the build keeps the example actors' transpiled entries, relative to the app's root
 * (scripts/prebuild-components.ts writes them): `<sha256 of the .wasm>.json`, the packed index
 * (runtime/packedEntry.ts) with the full cache `key` it was made for, and `<sha256>.bin`, its files.
 */
export const PREBUILT_DIR = 'actors/prebuilt/';

/**
 * The component cache with the build's prebuilt entries behind it: a lookup the cache misses (or
 * that runs without a cache: no Cache Storage outside secure contexts) tries the entry the build
 * made for the same bytes, so a first visit loads the examples without jco. A prebuilt entry is
 * used only when its key (jco's version and the bytes' SHA-256) is the lookup's and its files
 * match their checksum; anything else is a miss and jco runs. A prebuilt hit is copied into the
 * cache, so loading it again, or after a reload, is an ordinary cache hit.
 */
export class WithPrebuilt implements ComponentCache {
  constructor(
    private readonly cache: ComponentCache | undefined,
    private readonly dir: URL,
    private readonly fetchFile: (url: URL) => Promise<Response> = (url) => fetch(url),
  ) {}

  async read(key: string): Promise<CacheRead> {
    const cached: CacheRead = this.cache ? await this.cache.read(key).catch(() => ({ kind: 'miss' }) as const) : { kind: 'miss' };
    if (cached.kind !== 'miss') return cached;
    const entry = await this.#prebuilt(key).catch(() => undefined);
    if (!entry) return cached;
    // Awaited, as a full load's write is (runtime/cachedLoad.ts): once the load has answered, the entry is in the cache.
    await this.cache?.write(key, entry).catch(() => undefined);
    return { kind: 'hit', entry, prebuilt: true };
  }

  async write(key: string, entry: TranspiledComponent): Promise<void> {
    await this.cache?.write(key, entry);
  }

  async usage(): Promise<CacheUsage> {
    return this.cache ? this.cache.usage() : { entries: 0, bytes: 0, limitBytes: 0 };
  }

  async clear(): Promise<void> {
    await this.cache?.clear();
  }

  /** The build's entry for `key`, or undefined when there is none for these bytes and this jco, or it is damaged. */
  async #prebuilt(key: string): Promise<TranspiledComponent | undefined> {
    const hash = key.slice(key.lastIndexOf('/') + 1);
    if (!/^[0-9a-f]{64}$/.test(hash)) return undefined;
    const index = await this.fetchFile(new URL(`${hash}.json`, this.dir));
    if (!index.ok) return undefined;
    const manifest = (await index.json()) as { key?: unknown };
    if (manifest.key !== key) return undefined;
    const files = await this.fetchFile(new URL(`${hash}.bin`, this.dir));
    if (!files.ok) return undefined;
    const unpacked = await unpackEntry(manifest, new Uint8Array(await files.arrayBuffer()));
    return 'entry' in unpacked ? unpacked.entry : undefined;
  }
}

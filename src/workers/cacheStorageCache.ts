/// <reference lib="webworker" />
import type { CacheUsage } from '../core';
import { packEntry, unpackEntry, type CacheRead, type ComponentCache, type PackedManifest, type TranspiledComponent } from '../runtime';

/** The Cache Storage cache that holds every entry (one per component, by key). */
export const CACHE_NAME = 'theater-playground-components';

/** The cache's bound: past it, the least recently used entries go (echo's entry is about 1.8 MB). */
export const CACHE_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * One entry's index (runtime/packedEntry.ts). Its files are stored one after another in one
 * response, so a read is two lookups, not one per file; the manifest is written last, so an entry
 * whose files did not arrive (quota, a tab closed mid-write) reads as a miss. `usedAt` (ms since
 * the epoch) orders entries for eviction.
 */
interface Manifest extends PackedManifest {
  usedAt: number;
}

/**
 * The component cache in Cache Storage, which module workers reach (`caches`) and which outlives
 * a page reload. Chosen over IndexedDB because it also holds what the browser may one day keep
 * compiled (see runtime/cachedLoad.ts for what Chromium does today); entries are plain Responses.
 */
export class CacheStorageCache implements ComponentCache {
  constructor(
    private readonly storage: CacheStorage = caches,
    private readonly limitBytes = CACHE_LIMIT_BYTES,
  ) {}

  async read(key: string): Promise<CacheRead> {
    const cache = await this.storage.open(CACHE_NAME);
    const stored = await cache.match(urlOf(key, MANIFEST));
    if (!stored) return { kind: 'miss' };
    const manifest = await stored.json().catch(() => undefined) as Manifest | undefined;
    const broken = async (reason: string): Promise<CacheRead> => {
      await this.#remove(cache, key);
      return { kind: 'broken', reason };
    };
    if (!manifest || !Array.isArray(manifest.files)) return broken('its index is unreadable');
    const response = await cache.match(urlOf(key, FILES));
    if (!response) return broken('its files were evicted');
    const unpacked = await unpackEntry(manifest, new Uint8Array(await response.arrayBuffer()));
    if ('reason' in unpacked) return broken(unpacked.reason);
    // Marks it recently used; not awaited, the load goes on.
    void cache.put(urlOf(key, MANIFEST), manifestResponse({ ...manifest, usedAt: Date.now() })).catch(() => undefined);
    return { kind: 'hit', entry: unpacked.entry };
  }

  async write(key: string, entry: TranspiledComponent): Promise<void> {
    const cache = await this.storage.open(CACHE_NAME);
    const { manifest, content } = await packEntry(entry);
    if (manifest.bytes > this.limitBytes) return;
    await cache.put(urlOf(key, FILES), new Response(content as Uint8Array<ArrayBuffer>));
    await cache.put(urlOf(key, MANIFEST), manifestResponse({ ...manifest, usedAt: Date.now() }));
    await this.#evict(cache, key);
  }

  async usage(): Promise<CacheUsage> {
    const entries = await this.#entries(await this.storage.open(CACHE_NAME));
    return { entries: entries.length, bytes: entries.reduce((sum, entry) => sum + entry.bytes, 0), limitBytes: this.limitBytes };
  }

  async clear(): Promise<void> {
    await this.storage.delete(CACHE_NAME);
  }

  /** Drops the least recently used entries (never `keep`, just written) until the rest fit the bound. */
  async #evict(cache: Cache, keep: string): Promise<void> {
    const entries = (await this.#entries(cache)).sort((a, b) => (a.key === keep ? -1 : b.key === keep ? 1 : b.usedAt - a.usedAt));
    let total = 0;
    for (const entry of entries) {
      total += entry.bytes;
      if (total > this.limitBytes) await this.#remove(cache, entry.key);
    }
  }

  /** Every entry with a readable manifest: its key, size and last use. */
  async #entries(cache: Cache): Promise<Array<{ key: string; bytes: number; usedAt: number }>> {
    const found: Array<{ key: string; bytes: number; usedAt: number }> = [];
    for (const request of await cache.keys()) {
      const key = keyOf(request.url);
      if (key === undefined) continue;
      const manifest = (await (await cache.match(request))?.json().catch(() => undefined)) as Manifest | undefined;
      found.push({ key, bytes: manifest?.bytes ?? 0, usedAt: manifest?.usedAt ?? 0 });
    }
    return found;
  }

  async #remove(cache: Cache, key: string): Promise<void> {
    const prefix = urlOf(key, '');
    for (const request of await cache.keys()) if (request.url.startsWith(prefix)) await cache.delete(request);
  }
}

const MANIFEST = 'manifest.json';
const FILES = 'files';

/**
 * Where an entry's manifest or files are kept: a URL on a reserved name (`.invalid` never resolves), since
 * Cache Storage keys are requests and these are never fetched.
 */
const urlOf = (key: string, path: string): string => `https://component-cache.invalid/${encodeURIComponent(key)}/${path}`;

/** The key of a manifest's URL, or undefined for an entry's other files. */
function keyOf(url: string): string | undefined {
  const match = /^https:\/\/component-cache\.invalid\/([^/]+)\/manifest\.json$/.exec(url);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

const manifestResponse = (manifest: Manifest): Response => new Response(JSON.stringify(manifest), { headers: { 'content-type': 'application/json' } });

/// <reference lib="webworker" />
import type { CacheUsage, ComponentInfo } from '../core';
import { sha256Hex, type CacheRead, type ComponentCache, type TranspiledComponent } from '../runtime';

/** The Cache Storage cache that holds every entry (one per component, by key). */
export const CACHE_NAME = 'theater-playground-components';

/** The cache's bound: past it, the least recently used entries go (echo's entry is about 1.8 MB). */
export const CACHE_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * One entry's index. Its files are stored one after another in one response (`files`: each
 * file's path and size, in order), so a read is two lookups, not one per file; the manifest is
 * written last, so an entry whose files did not arrive (quota, a tab closed mid-write) reads as
 * a miss. `sha256` of the files' bytes tells a damaged entry from a good one; `usedAt` (ms since
 * the epoch) orders entries for eviction.
 */
interface Manifest {
  info: ComponentInfo;
  files: Array<{ path: string; size: number }>;
  bytes: number;
  sha256: string;
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
    const content = new Uint8Array(await response.arrayBuffer());
    if (content.length !== manifest.bytes || (await sha256Hex(content)) !== manifest.sha256) return broken('it is damaged (its files do not match their checksum)');
    const files: Array<[string, Uint8Array]> = [];
    let at = 0;
    for (const { path, size } of manifest.files) {
      files.push([path, content.subarray(at, at + size)]);
      at += size;
    }
    // Marks it recently used; not awaited, the load goes on.
    void cache.put(urlOf(key, MANIFEST), manifestResponse({ ...manifest, usedAt: Date.now() })).catch(() => undefined);
    return { kind: 'hit', entry: { info: manifest.info, files } };
  }

  async write(key: string, entry: TranspiledComponent): Promise<void> {
    const cache = await this.storage.open(CACHE_NAME);
    const files = entry.files.map(([path, content]) => ({ path, size: content.length }));
    const bytes = files.reduce((sum, file) => sum + file.size, 0);
    if (bytes > this.limitBytes) return;
    const content = new Uint8Array(bytes);
    let at = 0;
    for (const [, file] of entry.files) {
      content.set(file, at);
      at += file.length;
    }
    await cache.put(urlOf(key, FILES), new Response(content));
    await cache.put(urlOf(key, MANIFEST), manifestResponse({ info: entry.info, files, bytes, sha256: await sha256Hex(content), usedAt: Date.now() }));
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

import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex, type CacheUsage, type ComponentInfo } from '../core';
import type { CacheRead, ComponentCache, TranspiledComponent } from '../runtime';

/**
 * Names the folder the Node actor worker (`actorThread.ts`) and the tests' `startExample` keep
 * jco's output in, when set. The unit tests set it for one run (scripts/vitest-setup.ts): every
 * worker thread and test file then transpiles each component once, instead of once per load
 * (about 1.5 of a worker's 2.3 s load of counter; in a test file's own process, jco's own
 * start-up of several seconds too).
 */
export const CACHE_DIR_VARIABLE = 'THEATER_COMPONENT_CACHE';

/** One entry's index, written after its files (so a half-written entry reads as a miss). */
interface Manifest {
  info: ComponentInfo;
  files: Array<{ path: string; size: number }>;
  sha256: string;
}

/**
 * The component cache in a folder, for Node: the same contract as the page's Cache Storage cache
 * (workers/cacheStorageCache.ts), without its bound, since the folder lives as long as one test
 * run. Each entry is `<key>.files` (the files one after another) and `<key>.json` (their paths and
 * sizes, and the SHA-256 a read checks). Writes go through a temporary name and a rename, so
 * threads and processes loading the same component at once never read each other's half-written files.
 */
export class FileComponentCache implements ComponentCache {
  constructor(private readonly dir: string) {}

  async read(key: string): Promise<CacheRead> {
    const manifest = await readFile(this.#path(key, MANIFEST), 'utf8').then((text) => JSON.parse(text) as Manifest, () => undefined);
    if (!manifest) return { kind: 'miss' };
    const content = await readFile(this.#path(key, FILES)).catch(() => undefined);
    if (!content || (await sha256Hex(content)) !== manifest.sha256) return { kind: 'broken', reason: 'it is damaged (its files do not match their checksum)' };
    const files: Array<[string, Uint8Array]> = [];
    let at = 0;
    for (const { path, size } of manifest.files) {
      files.push([path, new Uint8Array(content.subarray(at, at + size))]);
      at += size;
    }
    return { kind: 'hit', entry: { info: manifest.info, files } };
  }

  async write(key: string, entry: TranspiledComponent): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const content = Buffer.concat(entry.files.map(([, file]) => file));
    const manifest: Manifest = { info: entry.info, files: entry.files.map(([path, file]) => ({ path, size: file.length })), sha256: await sha256Hex(content) };
    await this.#replace(this.#path(key, FILES), content);
    await this.#replace(this.#path(key, MANIFEST), JSON.stringify(manifest));
  }

  async usage(): Promise<CacheUsage> {
    const names = await readdir(this.dir).catch(() => []);
    const manifests = await Promise.all(names.filter((name) => name.endsWith(MANIFEST)).map((name) => readFile(join(this.dir, name), 'utf8').then((text) => JSON.parse(text) as Manifest, () => undefined)));
    const found = manifests.filter((manifest) => manifest !== undefined);
    return { entries: found.length, bytes: found.reduce((sum, { files }) => sum + files.reduce((n, file) => n + file.size, 0), 0), limitBytes: Infinity };
  }

  async clear(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  #path(key: string, ending: string): string {
    return join(this.dir, `${encodeURIComponent(key)}${ending}`);
  }

  /** Writes `path` whole or not at all: a unique temporary name, then a rename over it. */
  async #replace(path: string, content: string | Uint8Array): Promise<void> {
    const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(temporary, content);
    await rename(temporary, path);
  }
}

/** The cache the environment names (CACHE_DIR_VARIABLE), or none: every load then runs jco. */
export function cacheFromEnvironment(): FileComponentCache | undefined {
  const dir = process.env[CACHE_DIR_VARIABLE];
  return dir ? new FileComponentCache(dir) : undefined;
}

const MANIFEST = '.json';
const FILES = '.files';

import type { CacheUsage } from '../core/actorSnapshot';
import { sha256Hex } from '../core/compiledComponent';
import { cacheKeyBytes } from '../core/editor/editorSource';
import type { ComponentInfo } from '../core/componentInfo';

/**
 * What a load of the same bytes can skip: `inspect`'s result (before any actor id is given) and
 * jco's output, every file as `generate` made it (`actor.js`, the `.d.ts` files, the core `.wasm`
 * modules). Both depend on the bytes and on this build's jco only, so the bytes' hash keys them.
 */
export interface TranspiledComponent {
  info: ComponentInfo;
  files: Array<[path: string, content: Uint8Array]>;
}

/**
 * A lookup: found and intact, not there, or there but unusable (damaged, partly evicted: `reason`
 * says which). `prebuilt`: the entry came with the app's build (workers/prebuiltComponents.ts),
 * not from an earlier load.
 */
export type CacheRead = { kind: 'hit'; entry: TranspiledComponent; prebuilt?: boolean } | { kind: 'miss' } | { kind: 'broken'; reason: string };

/**
 * Where transpiled components are kept between loads (the page's worker: Cache Storage,
 * workers/cacheStorageCache.ts). Reads verify what they return; writes keep the store within its
 * bound. Failures of the store itself (quota, storage switched off) reject: the session treats
 * them as a miss and carries on with jco.
 */
export interface ComponentCache {
  read(key: string): Promise<CacheRead>;
  write(key: string, entry: TranspiledComponent): Promise<void>;
  usage(): Promise<CacheUsage>;
  clear(): Promise<void>;
}

/**
 * What a cached entry was made by: jco-transpile's version and the options `loader.ts` passes it,
 * and the shape of the `ComponentInfo` kept with it (`info2`: with its `actorKind`). A build with
 * another jco must not reuse another's glue, nor read an info without a field it needs, so all are
 * in every key; componentCache.test.ts fails when jco's package version moves without this.
 */
export const TRANSPILED_BY = 'jco-transpile@0.15.0+async-glue+info2';

/**
 * The cache key of `bytes`: SHA-256 (crypto.subtle, in Node and browsers alike) after what made the
 * entry. An Editor actor's key is its host component's: every edit shares one transpiled entry.
 */
export async function cacheKeyOf(bytes: Uint8Array): Promise<string> {
  return `${TRANSPILED_BY}/${await sha256Hex(cacheKeyBytes(bytes))}`;
}

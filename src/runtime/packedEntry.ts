import { sha256Hex } from '../core/compiledComponent';
import type { TranspiledComponent } from './componentCache';

/**
 * How a transpiled component is stored as two blobs, by the component cache (workers/
 * cacheStorageCache.ts) and by the entries the build ships (scripts/prebuild-components.ts): this
 * index, as JSON, and every file's bytes one after another (`files`: each file's path and size, in
 * order; `bytes`: their sum). `sha256` of those bytes tells a damaged copy from a good one.
 */
export interface PackedManifest {
  info: TranspiledComponent['info'];
  files: Array<{ path: string; size: number }>;
  bytes: number;
  sha256: string;
}

/** `entry` as an index and its files' bytes (hashed here, by crypto.subtle). */
export async function packEntry(entry: TranspiledComponent): Promise<{ manifest: PackedManifest; content: Uint8Array }> {
  const files = entry.files.map(([path, content]) => ({ path, size: content.length }));
  const bytes = files.reduce((sum, file) => sum + file.size, 0);
  const content = new Uint8Array(bytes);
  let at = 0;
  for (const [, file] of entry.files) {
    content.set(file, at);
    at += file.length;
  }
  return { manifest: { info: entry.info, files, bytes, sha256: await sha256Hex(content) }, content };
}

/**
 * The entry that `manifest` (parsed JSON, not yet trusted) indexes in `content`, or why there is
 * none: an index of the wrong shape, or bytes that are not the ones it was written with.
 */
export async function unpackEntry(manifest: unknown, content: Uint8Array): Promise<{ entry: TranspiledComponent } | { reason: string }> {
  const index = manifest as Partial<PackedManifest> | undefined;
  if (!index || typeof index !== 'object' || !Array.isArray(index.files) || typeof index.info !== 'object') return { reason: 'its index is unreadable' };
  if (content.length !== index.bytes || (await sha256Hex(content)) !== index.sha256) return { reason: 'it is damaged (its files do not match their checksum)' };
  const files: Array<[string, Uint8Array]> = [];
  let at = 0;
  for (const { path, size } of index.files) {
    files.push([path, content.subarray(at, at + size)]);
    at += size;
  }
  return { entry: { info: index.info, files } };
}

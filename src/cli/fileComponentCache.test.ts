import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TranspiledComponent } from '../runtime';
import { FileComponentCache } from './fileComponentCache';

/** An entry shaped as jco's output is (glue text, a core module's bytes); the cache only stores bytes. */
const entry: TranspiledComponent = {
  info: { size: 8, wit: 'world actor {}', imports: [], exports: [], hasInit: false, actorKind: 'websocket-server', package: 'theater:simple', actorId: 'a1' },
  files: [
    ['actor.js', new TextEncoder().encode('export const x = 1;')],
    ['actor.core.wasm', new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])],
  ],
};
const KEY = 'jco-transpile@0.15.0+async-glue/00ff';

describe('the component cache in a folder (the Node actor worker under test)', () => {
  it('gives back what was written, file by file; an unknown key is a miss', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'component-cache-'));
    const cache = new FileComponentCache(dir);
    expect(await cache.read(KEY)).toEqual({ kind: 'miss' });
    await cache.write(KEY, entry);
    expect(await new FileComponentCache(dir).read(KEY)).toEqual({ kind: 'hit', entry });
    expect(await cache.usage()).toEqual({ entries: 1, bytes: 27, limitBytes: Infinity });
    // Written whole or not at all: nothing half-written is left beside the entry.
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await cache.clear();
    expect(await cache.read(KEY)).toEqual({ kind: 'miss' });
  });

  it('says an entry whose files changed is damaged, so the load runs jco instead', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'component-cache-'));
    const cache = new FileComponentCache(dir);
    await cache.write(KEY, entry);
    const files = readdirSync(dir).find((name) => name.endsWith('.files'))!;
    writeFileSync(join(dir, files), 'something else');
    expect(await cache.read(KEY)).toEqual({ kind: 'broken', reason: 'it is damaged (its files do not match their checksum)' });
  });
});

// Writes the example actors' transpiled entries into public/actors/prebuilt/, so a first visit
// loads them without jco (src/workers/prebuiltComponents.ts reads them). Each is what a load in
// the page would put in its component cache: `inspect`'s result and jco's files, packed as
// src/runtime/packedEntry.ts says, named by the SHA-256 of the .wasm and holding the full cache
// key (jco's version too). An entry whose key is current is kept, so an up-to-date run costs a
// hash per actor; a rebuilt .wasm or another jco makes a new one, and files no actor names go.
// Runs after scripts/build-actors.mjs (before dev, build and test).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LoadedComponent } from '../src/runtime/loader';
import { inspect } from '../src/runtime/inspect';
import { cacheKeyOf, packEntry } from '../src/runtime';

const actorsDir = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'public/actors');
const outDir = join(actorsDir, 'prebuilt');

const names = (JSON.parse(readFileSync(join(actorsDir, 'catalog.json'), 'utf8')) as Array<{ name: string }>).map((actor) => actor.name);
mkdirSync(outDir, { recursive: true });
const keep = new Set<string>();
let failed = 0;
for (const name of names) {
  const bytes = new Uint8Array(readFileSync(join(actorsDir, `${name}.wasm`)));
  const key = await cacheKeyOf(bytes);
  const hash = key.slice(key.lastIndexOf('/') + 1);
  keep.add(`${hash}.json`).add(`${hash}.bin`);
  const indexPath = join(outDir, `${hash}.json`);
  if (existsSync(indexPath) && (JSON.parse(readFileSync(indexPath, 'utf8')) as { key?: string }).key === key) {
    console.log(`prebuild-components: ${name}  up to date`);
    continue;
  }
  const info = await inspect(bytes);
  const files = info.ok ? await LoadedComponent.transpile(bytes, info.value, name) : info;
  if (!info.ok || !files.ok) {
    // An actor jco refuses (on purpose or not) simply has no prebuilt entry: the page runs jco, as it would anyway.
    console.log(`prebuild-components: ${name}  skipped (${files.ok ? '' : files.error.message})`);
    failed++;
    continue;
  }
  const { manifest, content } = await packEntry({ info: info.value, files: files.value });
  // Files first, index last: a run cut short leaves no index that points at missing bytes.
  writeFileSync(join(outDir, `${hash}.bin`), content);
  writeFileSync(indexPath, JSON.stringify({ ...manifest, key }));
  console.log(`prebuild-components: ${name}  ${(content.length / 1024).toFixed(0)} KiB`);
}
for (const file of readdirSync(outDir)) if (!keep.has(file)) rmSync(join(outDir, file));
console.log(`prebuild-components: ${names.length - failed} of ${names.length} prebuilt`);

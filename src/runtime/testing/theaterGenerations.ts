import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Test support: actors built for other Theater generations (see generations/README.md). The
 * component ones are built with componentize-qjs on first use and cached by the hash of their
 * sources, so only a changed source costs a build (about a second each).
 */
export const GENERATION_ACTORS = ['ntwk-2025-04', 'ntwk-2025-01'] as const;
export type GenerationActor = (typeof GENERATION_ACTORS)[number];

const root = fileURLToPath(new URL('../../../', import.meta.url));
const sources = join(root, 'src/runtime/testing/generations');
const cache = join(root, 'node_modules/.cache/theater-playground/generations');

/** The built component's path (for e2e, which loads it through the page) and its bytes. */
export async function generationActor(name: GenerationActor): Promise<{ path: string; bytes: Uint8Array }> {
  const folder = join(sources, name);
  const witDir = join(folder, 'wit');
  const jsPath = join(folder, 'actor.js');
  const inputs = [...readdirSync(witDir).sort().map((file) => join(witDir, file)), jsPath];
  const version = JSON.parse(readFileSync(join(root, 'node_modules/componentize-qjs/package.json'), 'utf8')).version as string;
  const hash = createHash('sha256').update(version);
  for (const file of inputs) hash.update(file.slice(folder.length)).update(readFileSync(file));
  const path = join(cache, `${name}-${hash.digest('hex').slice(0, 16)}.wasm`);
  if (!existsSync(path)) {
    const { componentize } = await import('componentize-qjs');
    const { component } = await componentize({
      witPath: witDir,
      world: 'websocket-actor',
      jsSource: readFileSync(jsPath, 'utf8'),
      jsPath,
      moduleRoot: folder,
      sync: true,
      stubWasi: true,
    });
    mkdirSync(cache, { recursive: true });
    // Renamed into place: a parallel test run never reads a half-written file.
    const partial = `${path}.${process.pid}.tmp`;
    writeFileSync(partial, component);
    renameSync(partial, path);
  }
  return { path, bytes: new Uint8Array(readFileSync(path)) };
}

/** Theater's own binary WIT package (`wit/simple.wasm`), unchanged. */
export const theaterWitPackage = (): Uint8Array => new Uint8Array(readFileSync(join(sources, 'theater-simple-wit.wasm')));

/** A core module shaped like an actor for today's Theater (Pack): `__pack_types` and `theater:simple/actor.init`. */
export async function packActor(): Promise<Uint8Array> {
  const { parse } = await import('@bytecodealliance/jco-transpile/wasm-tools');
  return parse(readFileSync(join(sources, 'pack-actor.wat'), 'utf8'));
}

/**
 * Theater's WIT package with an empty core module put in front: wasm-tools still takes it for a
 * WIT package (its exports are all component types) and panics inside jco's `componentWit`
 * ("Unexpected wit package"), which traps jco's instance. The playground's own WIT-package check
 * lets it through (it holds a core module), so it reaches jco: the input for checking that a
 * crash inside jco does not outlive the file.
 */
export function jcoCrashingComponent(): Uint8Array {
  const wit = theaterWitPackage();
  const emptyModule = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  return Uint8Array.from([...wit.subarray(0, 8), 0x01, emptyModule.length, ...emptyModule, ...wit.subarray(8)]);
}

/**
 * The same component under another hash, as a rebuild that changed nothing the actor does would
 * be: a custom section (which nothing runs or reads) appended after the last section. Its actor
 * id, made from the hash, differs from the original's.
 */
export function withCustomSection(component: Uint8Array): Uint8Array {
  const name = Array.from('playground-rebuild', (c) => c.charCodeAt(0));
  // Section id 0 (custom), then its size and the name's length: both below 128, so one LEB128 byte each.
  const section = [0x00, name.length + 1, name.length, ...name];
  const out = new Uint8Array(component.length + section.length);
  out.set(component);
  out.set(section, component.length);
  return out;
}

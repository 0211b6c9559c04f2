import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtActor } from './builtActor';

/**
 * Test support: actors built for other Theater generations (see generations/README.md). The
 * component ones are built on first use and cached (see builtActor.ts).
 */
export const GENERATION_ACTORS = ['ntwk-2025-04', 'ntwk-2025-01'] as const;
export type GenerationActor = (typeof GENERATION_ACTORS)[number];

const root = fileURLToPath(new URL('../../../', import.meta.url));
const sources = join(root, 'src/runtime/testing/generations');

/** The built component's path (for e2e, which loads it through the page) and its bytes. */
export const generationActor = (name: GenerationActor): Promise<{ path: string; bytes: Uint8Array }> =>
  builtActor({ name, folder: join(sources, name), witDir: join(sources, name, 'wit'), world: 'websocket-actor' });

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

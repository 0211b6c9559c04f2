import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { componentizeActor } from '../../server/actorBuild/componentize.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cache = join(root, 'node_modules/.cache/theater-playground/actors');

/** A test actor's sources: `actor.js` in `folder`, built against the WIT files of `witDir` for `world`. */
export interface ActorSources {
  /** Names the cached file (a readable prefix: the hash of the sources decides which build it is). */
  name: string;
  folder: string;
  witDir: string;
  world: string;
}

/**
 * Test support: a JavaScript actor built with componentize-qjs on first use and cached by the hash
 * of its sources (and of componentize-qjs's version), so only a changed source costs a build
 * (about a second). Returns the built component's path (for e2e, which loads it through the page)
 * and its bytes.
 */
export async function builtActor({ name, folder, witDir, world }: ActorSources): Promise<{ path: string; bytes: Uint8Array }> {
  const jsPath = join(folder, 'actor.js');
  const inputs = [...readdirSync(witDir).filter((file) => file.endsWith('.wit')).sort().map((file) => join(witDir, file)), jsPath];
  const version = JSON.parse(readFileSync(join(root, 'node_modules/componentize-qjs/package.json'), 'utf8')).version as string;
  const hash = createHash('sha256').update(version).update(world);
  for (const file of inputs) hash.update(file.slice(root.length)).update(readFileSync(file));
  const path = join(cache, `${name}-${hash.digest('hex').slice(0, 16)}.wasm`);
  if (!existsSync(path)) {
    const component = await componentizeActor({ witDir, world, jsSource: readFileSync(jsPath, 'utf8'), jsPath, moduleRoot: folder });
    mkdirSync(cache, { recursive: true });
    // Renamed into place: a parallel test run never reads a half-written file.
    const partial = `${path}.${process.pid}.tmp`;
    writeFileSync(partial, component);
    renameSync(partial, path);
  }
  return { path, bytes: new Uint8Array(readFileSync(path)) };
}

/**
 * An actor that stops itself (quitter/actor.js), built against the project's own `wit/`: its host
 * calls are `runtime.shutdown` with `none` and with bytes, the arguments whose chain form (one JSON
 * value) cannot tell how many arguments there were.
 */
export const quitterActor = (): Promise<{ path: string; bytes: Uint8Array }> =>
  builtActor({ name: 'quitter', folder: join(root, 'src/runtime/testing/quitter'), witDir: join(root, 'wit'), world: 'websocket-actor-with-runtime' });

import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const built = new Map<boolean, Promise<Uint8Array>>();

/**
 * Test support: `shapes/` built into a component with componentize-qjs (about a second, once per
 * test process). It imports `test:shapes/all`, an interface with a function for every WIT type
 * shape and a resource, and answers each text by calling the import it names (see shapes.js).
 * With `wasi`, QuickJS's own WASI imports are kept (normally stubbed out in the component).
 */
export function shapesActorBytes({ wasi = false } = {}): Promise<Uint8Array> {
  let bytes = built.get(wasi);
  if (!bytes) built.set(wasi, (bytes = build(wasi)));
  return bytes;
}

async function build(wasi: boolean): Promise<Uint8Array> {
  const { componentize } = await import('componentize-qjs');
  // The world exports Theater's websocket-server: the WIT package goes beside it as a dependency.
  const dir = mkdtempSync(join(tmpdir(), 'shapes-actor-'));
  try {
    copyFileSync(here('./shapes/shapes.wit'), join(dir, 'shapes.wit'));
    mkdirSync(join(dir, 'deps/theater-simple'), { recursive: true });
    copyFileSync(here('../../../wit/websocket-server.wit'), join(dir, 'deps/theater-simple/websocket-server.wit'));
    const jsPath = here('./shapes/shapes.js');
    const { component } = await componentize({ witPath: dir, world: 'shapes-actor', jsSource: readFileSync(jsPath, 'utf8'), sync: true, stubWasi: !wasi });
    return new Uint8Array(component);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

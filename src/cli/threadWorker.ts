import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Response } from '../protocols/actorWorker';
import type { WorkerFactory } from '../host/workerLike';

// A path joined by hand, not `new URL('./actorThread.ts', import.meta.url)`: Vite rewrites that
// pattern into a dev-server address when a test runs in a DOM environment (component tests).
const entry = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), 'actorThread.ts')).href;
// tsx's ESM API (`tsx/esm/api`, import condition); resolved from its package.json because a
// CommonJS resolve picks the `require` build, which cannot be imported.
const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;

/**
 * A worker thread running the TypeScript module at `moduleUrl` (a file URL), given `workerData`. A
 * worker thread does not inherit the parent's TypeScript loader, so its bootstrap loads the entry
 * through tsx: no build step stands between an edit and the command line, the tests or the bench.
 */
export function typeScriptThread(moduleUrl: string, workerData?: unknown): Worker {
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(moduleUrl)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** A WorkerFactory for Node: the engine on a worker thread, killed and replaced like a Web Worker. */
export const threadWorker: WorkerFactory = () => {
  const worker = typeScriptThread(entry);
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (handler) => worker.on('message', (message: Response) => handler(message)),
    onCrash: (handler) => worker.on('error', (error) => handler(error.message)),
    terminate: () => void worker.terminate(),
  };
};

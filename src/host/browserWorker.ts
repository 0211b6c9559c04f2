import type { Response } from '../protocols/actorWorker';
import type { WorkerFactory } from './workerLike';

/** The page's factory: the engine worker bundled by Vite as a module worker. */
export const browserWorker: WorkerFactory = () => {
  const worker = new Worker(new URL('../workers/actorWorker.ts', import.meta.url), { type: 'module', name: 'actor' });
  return {
    post: (message, transfer = []) => worker.postMessage(message, transfer),
    onMessage: (handler) => worker.addEventListener('message', (event: MessageEvent<Response>) => handler(event.data)),
    onCrash: (handler) => worker.addEventListener('error', (event) => handler(event.message || 'the actor worker crashed')),
    terminate: () => worker.terminate(),
  };
};

import type { DiffAnswer } from '../protocols/diffWorker';
import type { DiffWorkerFactory } from './diffClient';

/** The page's diff worker: the diff job bundled by Vite as a module worker, started on first large diff. */
export const browserDiffWorker: DiffWorkerFactory = () => {
  const worker = new Worker(new URL('../workers/diffWorker.ts', import.meta.url), { type: 'module', name: 'diff' });
  return {
    post: (job, transfer) => worker.postMessage(job, transfer),
    onAnswer: (handler) => worker.addEventListener('message', (event: MessageEvent<DiffAnswer>) => handler(event.data)),
    onCrash: (handler) => worker.addEventListener('error', (event) => handler(event.message || 'the diff worker crashed')),
    terminate: () => worker.terminate(),
  };
};

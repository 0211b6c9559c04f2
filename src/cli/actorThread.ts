import { parentPort } from 'node:worker_threads';
import { dataUrlImporter } from '../runtime';
import type { Request, Response } from '../protocols/actorWorker';
import { serve } from '../workers/serve';
import { cacheFromEnvironment } from './fileComponentCache';

// The same worker switch the page runs, on a Node worker thread: the command line and the tests
// get the real watchdog path (a hung actor is killed with its thread) without a browser.
const port = parentPort!;
serve(
  {
    post: (message: Response, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer),
    listen: (handler) => port.on('message', (message: Request) => handler(message)),
  },
  dataUrlImporter,
  // Without the variable every load runs jco, as the page does where Cache Storage is missing.
  cacheFromEnvironment(),
);

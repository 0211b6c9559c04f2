import { parentPort } from 'node:worker_threads';
import { dataUrlImporter } from '../engine';
import type { Request, Response } from '../protocol/messages';
import { serve } from '../worker/serve';

// The same worker switch the page runs, on a Node worker thread: the command line and the tests
// get the real watchdog path (a hung actor is killed with its thread) without a browser.
const port = parentPort!;
serve(
  {
    post: (message: Response) => port.postMessage(message),
    listen: (handler) => port.on('message', (message: Request) => handler(message)),
  },
  dataUrlImporter,
);

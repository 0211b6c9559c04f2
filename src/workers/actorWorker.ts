/// <reference lib="webworker" />
import type { ModuleImporter } from '../runtime';
import { ANSWER_CHANNEL_PREFIX, type Request, type Response } from '../protocols/actorWorker';
import { CacheStorageCache } from './cacheStorageCache';
import { PREBUILT_DIR, WithPrebuilt } from './prebuiltComponents';
import { serve } from './serve';
import { warmSample } from './warmSample';

declare const self: DedicatedWorkerGlobalScope;

/**
 * The app's root, where `public/` is served: the built worker is in the app's assets/ folder, one
 * down; the dev server serves this file from src/workers/ and `public/` at the server's root.
 */
const appRoot = new URL(import.meta.env.DEV ? '/' : '../', self.location.href);

/** Blob URLs keep the generated glue out of the address bar limits a data URL would hit. */
const blobImporter: ModuleImporter = async (source) => {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  try {
    return await import(/* @vite-ignore */ url);
  } finally {
    URL.revokeObjectURL(url);
  }
};

/** The page's answer channel, named as this worker is (host/browserWorker.ts); none when the page named no channel. */
const answers = self.name.startsWith(ANSWER_CHANNEL_PREFIX) ? new BroadcastChannel(self.name) : undefined;

serve(
  {
    post: (message: Response, transfer: ArrayBuffer[] = []) => self.postMessage(message, transfer),
    // These answers transfer nothing, so a broadcast clones exactly what postMessage would.
    postAnswer: answers && ((message: Response) => answers.postMessage(message)),
    listen: (handler) => self.addEventListener('message', (event: MessageEvent<Request>) => handler(event.data)),
  },
  blobImporter,
  new WithPrebuilt(
    // Cache Storage exists only in secure contexts (https, localhost): elsewhere only the build's entries spare jco.
    typeof caches === 'undefined' ? undefined : new CacheStorageCache(),
    new URL(PREBUILT_DIR, appRoot),
  ),
  warmSample(appRoot),
);

/// <reference lib="webworker" />
import type { ModuleImporter } from '../runtime';
import type { Request, Response } from '../protocols/actorWorker';
import { CacheStorageCache } from './cacheStorageCache';
import { serve } from './serve';

declare const self: DedicatedWorkerGlobalScope;

/** Blob URLs keep the generated glue out of the address bar limits a data URL would hit. */
const blobImporter: ModuleImporter = async (source) => {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  try {
    return await import(/* @vite-ignore */ url);
  } finally {
    URL.revokeObjectURL(url);
  }
};

serve(
  {
    post: (message: Response) => self.postMessage(message),
    listen: (handler) => self.addEventListener('message', (event: MessageEvent<Request>) => handler(event.data)),
  },
  blobImporter,
  // Cache Storage exists only in secure contexts (https, localhost): elsewhere every load runs jco.
  typeof caches === 'undefined' ? undefined : new CacheStorageCache(),
);

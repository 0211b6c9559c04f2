/// <reference lib="webworker" />
import type { ModuleImporter } from '../runtime';
import type { Request, Response } from '../protocols/actorWorker';
import { CacheStorageCache } from './cacheStorageCache';
import { PREBUILT_DIR, WithPrebuilt } from './prebuiltComponents';
import { serve } from './serve';
import { warmSample } from './warmSample';

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
  new WithPrebuilt(
    // Cache Storage exists only in secure contexts (https, localhost): elsewhere only the build's entries spare jco.
    typeof caches === 'undefined' ? undefined : new CacheStorageCache(),
    // The built worker is in the app's assets/ folder. Under the dev server it is served from
    // src/workers/, where this finds nothing, so every prebuilt lookup there is a miss.
    new URL(`../${PREBUILT_DIR}`, self.location.href),
  ),
  // The built worker is in the app's assets/ folder: the app's root is one up.
  warmSample(new URL('../', self.location.href)),
);

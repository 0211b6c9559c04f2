import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, vi } from 'vitest';
import type { StoreApi } from 'zustand/vanilla';
import { threadWorker } from '../../cli/threadWorker';
import type { WorkerLike } from '../../host/workerLike';
import { createPlaygroundStore, type StoreOptions } from '../createPlaygroundStore';
import type { PlaygroundState } from '../playgroundState';

/** The app's own files, as `vite build` copies them beside the page. */
const PUBLIC = join(dirname(fileURLToPath(import.meta.url)), '../../../public');

/** A store of a test's own, and how to stop the workers it started. */
export interface NodeStore {
  store: StoreApi<PlaygroundState>;
  /** Terminates every actor worker the store started (a restart starts another). */
  dispose(): void;
}

/** What a test may change: the client's options (a short watchdog), and a wait before each file is served (a slow network). */
export interface NodeStoreOptions {
  client?: StoreOptions['client'];
  beforeFetch?: () => Promise<void>;
}

/**
 * Test support: a playground store over the real actor worker on a Node worker thread
 * (`cli/threadWorker.ts`), reading the app's own files (`./actors/counter.wasm`) from `public/`
 * as the built page fetches them. No diff worker: every diff runs in the test's thread.
 */
export function nodeStore({ client, beforeFetch }: NodeStoreOptions = {}): NodeStore {
  const workers: WorkerLike[] = [];
  const store = createPlaygroundStore({
    createWorker: () => {
      const worker = threadWorker();
      workers.push(worker);
      return worker;
    },
    // A path, not `new URL(url, import.meta.url)`: a DOM test environment's URL does not resolve file URLs.
    fetchAsset: async (url) => {
      await beforeFetch?.();
      return new Response(readFileSync(join(PUBLIC, url)));
    },
    client,
  });
  return { store, dispose: () => workers.forEach((worker) => worker.terminate()) };
}

/**
 * Test support: a maker of stores for one test file, each over workers of its own (`nodeStore`),
 * every one of them stopped after the file's last test (it registers vitest's `afterAll`).
 */
export function nodeStores(): (options?: NodeStoreOptions) => StoreApi<PlaygroundState> {
  const made: NodeStore[] = [];
  afterAll(() => made.forEach((one) => one.dispose()));
  return (options) => {
    const one = nodeStore(options);
    made.push(one);
    return one.store;
  };
}

/** An example actor's bytes as `npm run build:actors` built them (`counter`: public/actors/counter.wasm). */
export const actorBytes = (name: string): Uint8Array => readFileSync(join(PUBLIC, 'actors', `${name}.wasm`));

/** Loads the example counter and opens one connection: events #0 (init) and #1 (connect). */
export async function counterWithConnection(store: StoreApi<PlaygroundState>): Promise<number> {
  await store.getState().loadUrl('./actors/counter.wasm', 'counter');
  const { alert, status } = store.getState();
  if (status !== 'ready') throw new Error(`the counter did not load: ${status} ${alert?.message ?? ''}`);
  await store.getState().openConnection();
  // The store follows the client's events at most every 50 ms (createPlaygroundStore.ts).
  await vi.waitFor(() => expect(store.getState().connections).toHaveLength(1));
  return store.getState().connections[0]!.id;
}

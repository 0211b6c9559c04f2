import { createStore, type StoreApi } from 'zustand/vanilla';
import { ActorClient, type ClientOptions } from '../host/actorClient';
import type { WorkerFactory } from '../host/workerLike';
import { DiffClient, type DiffWorkerFactory } from '../host/diffClient';
import { createCatalogSlice } from '../features/actor/catalogSlice';
import { createComponentCacheSlice } from '../features/interface/componentCacheSlice';
import { createComposerSlice } from '../features/chat/composerSlice';
import { createConnectionsSlice } from '../features/chat/connectionsSlice';
import type { StoreContext } from './context';
import { mirror } from './mirror';
import type { PlaygroundState } from './playgroundState';
import { createSessionSlice } from '../features/actor/sessionSlice';
import { createSessionsSlice } from '../features/sessions/sessionsSlice';
import { createHistorySlice } from '../features/history/historySlice';
import { createTimeTravelSlice } from '../features/history/timeTravelSlice';
import { createTimelineSlice } from '../features/timeline/timelineSlice';
import { createTimelineViewSlice } from '../features/timeline/timelineViewSlice';
import { createUiSlice } from '../features/page/uiSlice';
import { createStatesSlice } from '../features/inspector/statesSlice';
import { createInspectorSlice } from '../features/inspector/inspectorSlice';
import { createBridgeSlice } from '../features/bridge/bridgeSlice';

/**
 * Recorded events reach the store (and so the page) at most this often: the first at once, the
 * rest of a stream every 50 ms (20 updates a second reads as live). Each store change re-renders
 * and lays out the page; events that stream in (real clients through the bridge, a burst) would
 * otherwise pay that per event, and the page would fall behind the actor.
 */
const MIRROR_EVERY_MS = 50;

/** The page's call watchdog unless the store's options say otherwise (ms): the pending row counts down to it. */
const CALL_TIMEOUT_MS = 5000;

/** `run` at once, unless it ran less than `everyMs` ago: then once, when that time is up. */
function throttled(run: () => void, everyMs: number): () => void {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    timer = undefined;
    last = performance.now();
    run();
  };
  return () => {
    if (timer !== undefined) return;
    const wait = last + everyMs - performance.now();
    if (wait <= 0) fire();
    else timer = setTimeout(fire, wait);
  };
}

/** What a store is made of: the page passes the browser's worker factories, tests Node's or the engine's. */
export interface StoreOptions {
  /** Starts the actor worker (the page: `host/browserWorker.ts`; Node: `cli/threadWorker.ts`). */
  createWorker: WorkerFactory;
  /** Starts the diff worker for large states (the page: `host/browserDiffWorker.ts`); without it every diff runs on the main thread. */
  createDiffWorker?: DiffWorkerFactory;
  fetchAsset?: StoreContext['fetchAsset'];
  client?: Omit<ClientOptions, 'createWorker' | 'onEvent'>;
}

/**
 * The playground's one store. It owns the one ActorClient, and every recorded event (including a
 * timeout the client wrote down after restarting a hung worker) lands here as it happens.
 */
export function createPlaygroundStore(options: StoreOptions): StoreApi<PlaygroundState> {
  return createStore<PlaygroundState>()((set, get, api) => {
    const listeners: Array<() => void> = [];
    const mirrorSoon = throttled(() => set(mirror(client)), MIRROR_EVERY_MS);
    const onEvent = () => {
      for (const listener of listeners) listener();
      mirrorSoon();
    };
    const callTimeoutMs = options.client?.callTimeoutMs ?? CALL_TIMEOUT_MS;
    const client: ActorClient = new ActorClient({ ...options.client, callTimeoutMs, createWorker: options.createWorker, onEvent });
    const context: StoreContext = { client, callTimeoutMs, diffs: new DiffClient(options.createDiffWorker), onRecorded: (listener) => listeners.push(listener), fetchAsset: options.fetchAsset ?? ((url) => fetch(url)) };
    return {
      ...createSessionSlice(context)(set, get, api),
      ...createConnectionsSlice(context)(set, get, api),
      ...createComposerSlice()(set, get, api),
      ...createCatalogSlice(context)(set, get, api),
      ...createComponentCacheSlice(context)(set, get, api),
      ...createUiSlice()(set, get, api),
      ...createStatesSlice(context)(set, get, api),
      ...createTimelineSlice(context)(set, get, api),
      ...createTimelineViewSlice()(set, get, api),
      ...createHistorySlice(context)(set, get, api),
      ...createTimeTravelSlice(context)(set, get, api),
      ...createSessionsSlice(context)(set, get, api),
      ...createInspectorSlice(context)(set, get, api),
      ...createBridgeSlice(context)(set, get, api),
    };
  });
}

import { createStore, type StoreApi } from 'zustand/vanilla';
import { ActorClient, type ClientOptions } from '../client/actorClient';
import type { WorkerFactory } from '../client/workerLike';
import { createCatalogSlice } from './catalogSlice';
import { createComposerSlice } from './composerSlice';
import { createConnectionsSlice } from './connectionsSlice';
import type { StoreContext } from './context';
import { mirror } from './mirror';
import type { PlaygroundState } from './playgroundState';
import { createSessionSlice } from './sessionSlice';
import { createSessionsSlice } from './sessionsSlice';
import { createHistorySlice } from './historySlice';
import { createTimeTravelSlice } from './timeTravelSlice';
import { createTimelineSlice } from './timelineSlice';
import { createTimelineViewSlice } from './timelineViewSlice';
import { createUiSlice } from './uiSlice';
import { createStatesSlice } from './statesSlice';
import { createInspectorSlice } from './inspectorSlice';
import { createBridgeSlice } from './bridgeSlice';

export interface StoreOptions {
  createWorker: WorkerFactory;
  fetchAsset?: StoreContext['fetchAsset'];
  client?: Omit<ClientOptions, 'createWorker' | 'onEvent'>;
}

/**
 * The playground's one store. It owns the one ActorClient, and every recorded event (including a
 * timeout the client wrote down after restarting a hung worker) lands here as it happens.
 */
export function createPlaygroundStore(options: StoreOptions): StoreApi<PlaygroundState> {
  return createStore<PlaygroundState>()((set, get, api) => {
    const client: ActorClient = new ActorClient({ ...options.client, createWorker: options.createWorker, onEvent: () => set(mirror(client)) });
    const context: StoreContext = { client, fetchAsset: options.fetchAsset ?? ((url) => fetch(url)) };
    return {
      ...createSessionSlice(context)(set, get, api),
      ...createConnectionsSlice(context)(set, get, api),
      ...createComposerSlice()(set, get, api),
      ...createCatalogSlice(context)(set, get, api),
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

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
import { requestFrame } from './nextFrame';
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
import { createTourSlice } from '../features/tour/tourSlice';
import { createClockAndRandomSlice } from '../features/settings/clockAndRandomSlice';
import { createLimitsSlice } from '../features/settings/limitsSlice';
import { createEditorSlice } from '../features/editor/editorSlice';

/**
 * A batch that took long to draw (a slow machine, a busy page) delays the next one by as long
 * again: drawing events then takes at most about half the main thread, and the other half stays
 * free for what cannot wait, such as real clients' answers, which leave from this thread.
 */
const DRAW_SHARE = 0.5;
/** However long one batch took, the next is not put off by more than this (ms). */
const MAX_PAUSE_MS = 250;
/**
 * A batch of at least `STREAM_EVENTS` events means a stream (real clients through the bridge, a
 * burst): the next batch then waits `STREAM_GAP_MS`, so a stream is drawn about ten times a second
 * however fast it flows, not at the display's rate. Drawing costs per batch much more than per
 * event (layout and paint of the whole page), and the main thread it frees answers real clients.
 * A person's Send (a batch of one or two) is drawn at the next frame as before.
 */
const STREAM_EVENTS = 8;
const STREAM_GAP_MS = 100;

/** The page's call watchdog unless the store's options say otherwise (ms): the pending row counts down to it. */
const CALL_TIMEOUT_MS = 5000;

/**
 * Recorded events reach the store (and so the page) in batches, at most once per animation frame:
 * however many events a frame's time brought (real clients through the bridge, a burst) cost one
 * store update, one render and one layout. Where frames do not come (a hidden tab, Node) a timer
 * commits them instead, so the store (and what saves it) never waits on the screen.
 *
 * `run` once, at the next animation frame (`requestFrame`), however often it is
 * asked for before then (once per event); paced by `DRAW_SHARE` and, for streams, `STREAM_GAP_MS`.
 */
function perFrame(run: () => void): () => void {
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let notBefore = 0;
  const fire = () => {
    if (asked === 0) return;
    clearTimeout(timer);
    const start = performance.now();
    if (start < notBefore) {
      timer = setTimeout(fire, notBefore - start);
      return;
    }
    const stream = asked >= STREAM_EVENTS;
    asked = 0;
    run();
    if (stream) notBefore = start + STREAM_GAP_MS;
    // A task queued now runs once the frame is drawn: until then is what this batch cost.
    setTimeout(() => {
      const cost = performance.now() - start;
      notBefore = Math.max(notBefore, start + Math.min(MAX_PAUSE_MS, cost / DRAW_SHARE));
    }, 0);
  };
  return () => {
    if (asked++ > 0) return;
    timer = requestFrame(fire);
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
    const mirrorSoon = perFrame(() => set(mirror(client)));
    const onEvent = () => {
      for (const listener of listeners) listener();
      mirrorSoon();
    };
    const callTimeoutMs = options.client?.callTimeoutMs ?? CALL_TIMEOUT_MS;
    const client: ActorClient = new ActorClient({ ...options.client, callTimeoutMs, createWorker: options.createWorker, onEvent });
    const context: StoreContext = { client, callTimeoutMs, diffs: new DiffClient(options.createDiffWorker), onRecorded: (listener) => listeners.push(listener), fetchAsset: options.fetchAsset ?? ((url, init) => fetch(url, init)) };
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
      ...createTourSlice()(set, get, api),
      ...createClockAndRandomSlice(context)(set, get, api),
      ...createLimitsSlice(context)(set, get, api),
      ...createEditorSlice(context)(set, get, api),
    };
  });
}

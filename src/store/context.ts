import type { StateCreator } from 'zustand/vanilla';
import type { ActorClient } from '../host/actorClient';
import type { DiffClient } from '../host/diffClient';
import type { PlaygroundState } from './playgroundState';

/** What every slice may use besides the store itself: the one client, the diffs, and how to fetch assets. */
export interface StoreContext {
  client: ActorClient;
  /** Diffs two states, large ones in the diff worker the store was given. */
  diffs: DiffClient;
  /**
   * Calls `listener` as soon as the client records an event, before the store (which follows
   * recorded events at most once a frame) knows of it: for what must not wait for a render.
   */
  onRecorded: (listener: () => void) => void;
  /** How long one call into the actor may run before the client's watchdog restarts it (ms). */
  callTimeoutMs: number;
  /** Fetches one of the app's own files by relative URL (`./actors/echo.wasm`), or asks the dev server (`init`: a POST). */
  fetchAsset: (url: string, init?: RequestInit) => Promise<Response>;
}

/** A slice of the playground store, written against the whole state so actions can cross slices. */
export type Slice<T> = StateCreator<PlaygroundState, [], [], T>;

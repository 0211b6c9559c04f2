import type { StateRef } from '../engine';
import type { Slice, StoreContext } from './context';
import type { PlaygroundState } from './playgroundState';

/**
 * The actor's state bytes. The client keeps them by hash, once each; the store hands out only
 * what a panel shows, so a long session never copies states into React.
 */
export interface StatesSlice {
  /** The bytes behind a state reference; undefined for `none`. */
  stateBytes(ref: StateRef): Uint8Array | undefined;
}

export const createStatesSlice =
  ({ client }: StoreContext): Slice<StatesSlice> =>
  () => ({
    stateBytes: (ref) => client.state(ref),
  });

/**
 * Bytes in the last committed state, the one the next call will get; null while it is `none`.
 * A failed call leaves its `stateAfter` equal to its `stateBefore`, so the newest event's is it.
 */
export const committedStateSize = (state: PlaygroundState): number | null => {
  const newest = state.events[state.eventCount - 1];
  return newest ? (state.stateBytes(newest.stateAfter)?.length ?? null) : null;
};

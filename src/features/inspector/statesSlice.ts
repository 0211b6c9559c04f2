import type { StateRef } from '../../core';
import type { Slice, StoreContext } from '../../store/context';
import type { PlaygroundState } from '../../store/playgroundState';
import { cursorOf } from '../../store/cursor';

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
 * Bytes in the state as it was after the event at the cursor (null while it is `none`): while
 * following, the last committed state, the one the next call gets. A failed call leaves its
 * `stateAfter` equal to its `stateBefore`, so an event's `stateAfter` is always the committed one.
 */
export const stateSizeAtCursor = (state: PlaygroundState): number | null => {
  const event = state.events[cursorOf(state)];
  return event ? (state.stateBytes(event.stateAfter)?.length ?? null) : null;
};

// This slice's part of the store's state (see store/playgroundState.ts).
declare module '../../store/playgroundState' {
  interface PlaygroundState extends StatesSlice {}
}

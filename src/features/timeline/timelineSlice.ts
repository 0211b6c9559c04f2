import type { StateRef } from '../../core';
import type { Slice, StoreContext } from '../../store/context';
import { cursorOf } from '../../store/cursor';

/** Where the person is in the history: the event they look at, which every panel follows. */
export interface TimelineSlice {
  /** The selected event; null follows the newest one as events arrive. */
  cursor: number | null;
  /** Selects an event (null: follow the newest). Out-of-range positions are clamped. */
  select(seq: number | null): void;
  /** Moves the cursor by `delta` events from where it is (from the newest when following). */
  step(delta: number): void;
  /** Bytes in a state (0 for `none`); undefined when the client does not hold it. */
  stateSizeOf(ref: StateRef): number | undefined;
}

export const createTimelineSlice =
  ({ client }: StoreContext): Slice<TimelineSlice> =>
  (set, get) => {
    // States are content-addressed: a reference names the same bytes forever, so a size never goes stale.
    const sizes = new Map<string, number>();
    return {
      cursor: null,
      select(seq) {
        const last = get().eventCount - 1;
        set({ cursor: seq === null || last < 0 ? null : Math.max(0, Math.min(seq, last)) });
      },
      step(delta) {
        const state = get();
        if (state.eventCount === 0) return;
        const target = cursorOf(state) + delta;
        // Stepping onto the newest event goes back to following new ones.
        state.select(target >= state.eventCount - 1 ? null : target);
      },
      stateSizeOf(ref) {
        if (ref === null) return 0;
        let size = sizes.get(ref);
        if (size === undefined) {
          size = client.state(ref)?.length;
          if (size !== undefined) sizes.set(ref, size);
        }
        return size;
      },
    };
  };

// This slice's part of the store's state (see store/playgroundState.ts).
declare module '../../store/playgroundState' {
  interface PlaygroundState extends TimelineSlice {}
}

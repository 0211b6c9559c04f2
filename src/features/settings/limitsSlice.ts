import { DEFAULT_LIMITS, type LimitKey, type Limits } from '../../core';
import type { Slice, StoreContext } from '../../store/context';

/** The server's limits as the page sets them (Server settings → Limits). */
export interface LimitsSlice {
  /** What the next load, imported session or restarted worker runs under; the actor running keeps its own until then. */
  limits: Limits;
  /** Sets one limit (a valid value: `isLimitValue`) for the next load. */
  setLimit(key: LimitKey, value: number): void;
  /** Every limit back to its default (the call time to the store's watchdog). */
  resetLimits(): void;
}

/** The limits slice: it starts at the defaults and hands every change to the client, for the next load. */
export const createLimitsSlice =
  ({ client, callTimeoutMs }: StoreContext): Slice<LimitsSlice> =>
  (set, get) => {
    // The store's own watchdog (tests shorten it) is the call time limit's default.
    const defaults: Limits = { ...DEFAULT_LIMITS, callTimeMs: callTimeoutMs };
    const apply = (limits: Limits) => {
      client.limits = limits;
      set({ limits });
    };
    return {
      limits: defaults,
      setLimit(key, value) {
        apply({ ...get().limits, [key]: value });
      },
      resetLimits() {
        apply(defaults);
      },
    };
  };

// This slice's part of the store's state (see store/playgroundState.ts).
declare module '../../store/playgroundState' {
  interface PlaygroundState extends LimitsSlice {}
}

/**
 * States stored as deltas: each distinct state against the one stored before it, with a whole
 * state (a keyframe) at least every `KEYFRAME_INTERVAL` states, so rebuilding any one costs at
 * most `KEYFRAME_INTERVAL - 1` deltas. Session files (`sessionFile.ts`) and saved sessions
 * (IndexedDB) both store states this way.
 *
 * The delta is the simplest one that fits how actors change their state (a counter, a field, an
 * appended entry: one region of a mostly unchanged buffer): the length of the prefix the two
 * states share, the length of the suffix they share after it, and the bytes that replace what lies
 * between. `next = base[0, prefix) + middle + base[base.length - suffix, base.length)`. A state
 * rewritten throughout gives a middle as long as itself; such a state is stored whole instead.
 */

/** `next` as the bytes that replace `base[prefix, base.length - suffix)`. */
export interface StateDelta {
  /** Bytes at the start that `base` and `next` share. */
  prefix: number;
  /** Bytes at the end they share, not overlapping `prefix` in either. */
  suffix: number;
  /** What `next` has between them. */
  middle: Uint8Array;
}

/** How many states a chain holds per keyframe: reading one costs at most this many minus one deltas. */
export const KEYFRAME_INTERVAL = 128;

/** The delta that makes `next` from `base`. `middle` is a view into `next`, not a copy. */
export function deltaOf(base: Uint8Array, next: Uint8Array): StateDelta {
  const shorter = Math.min(base.length, next.length);
  let prefix = 0;
  while (prefix < shorter && base[prefix] === next[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && base[base.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
  return { prefix, suffix, middle: next.subarray(prefix, next.length - suffix) };
}

/** `next` rebuilt from `base` and its delta; undefined when the delta does not fit `base` (a damaged record). */
export function applyDelta(base: Uint8Array, { prefix, suffix, middle }: StateDelta): Uint8Array | undefined {
  if (!Number.isInteger(prefix) || !Number.isInteger(suffix) || prefix < 0 || suffix < 0 || prefix + suffix > base.length) return undefined;
  const next = new Uint8Array(prefix + middle.length + suffix);
  next.set(base.subarray(0, prefix));
  next.set(middle, prefix);
  next.set(base.subarray(base.length - suffix), prefix + middle.length);
  return next;
}

/** A state as a chain stores it: whole, or as a delta against `base`, the state stored just before it. */
export type ChainedState = { ref: string; key: Uint8Array } | { ref: string; base: string; delta: StateDelta };

/**
 * Decides how each state of a sequence is stored: a delta against the one before, or a keyframe
 * (the first, every `interval`-th since the last keyframe, and any state a delta would not shrink
 * to under half its size). Give it states in the order they are stored; `restart` after the
 * stored chain was lost (a rewrite from scratch).
 */
export class StateChainWriter {
  #previous: { ref: string; bytes: Uint8Array } | undefined;
  #depth = 0;

  constructor(private readonly interval = KEYFRAME_INTERVAL) {}

  next(ref: string, bytes: Uint8Array): ChainedState {
    const previous = this.#previous;
    this.#previous = { ref, bytes };
    if (previous && this.#depth + 1 < this.interval) {
      const delta = deltaOf(previous.bytes, bytes);
      if (delta.middle.length * 2 < bytes.length) {
        this.#depth++;
        return { ref, base: previous.ref, delta };
      }
    }
    this.#depth = 0;
    return { ref, key: bytes };
  }

  restart(): void {
    this.#previous = undefined;
    this.#depth = 0;
  }
}

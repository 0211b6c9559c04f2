import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import type { WasiSettings } from '../../core/wasiSettings';

/** WASI's `datetime`, as jco passes it: seconds since the Unix epoch and nanoseconds within the second. */
export interface Datetime {
  seconds: bigint;
  nanoseconds: number;
}

/** Each event's virtual clocks start this far after the previous event's (ns): one second per event. */
export const EVENT_STEP_NS = 1_000_000_000n;
/** Each read of a virtual clock within one event advances it by this much (ns): one microsecond. */
export const READ_STEP_NS = 1_000n;

/**
 * Murmur3's 32-bit finaliser: spreads (seed, event) over the generator's seeds, so neighbouring
 * events and seeds get unrelated streams (xoroshiro's own seeding keeps close seeds close at first).
 */
const mix32 = (h: number): number => {
  h = Math.imul(h ^ (h >>> 16), 0x85eb_ca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2_ae35);
  return (h ^ (h >>> 16)) >>> 0;
};

/**
 * The clocks and random bytes the recorded WASI answers from. Deterministic unless the settings
 * grant the real ones: each event's random stream and clock readings come from the seed and the
 * event's position in the history alone (`eventSeq`), never from a counter the worker keeps, so a
 * restarted worker, a fork or a reloaded session answers the next event exactly as the first
 * worker would have. The virtual wall clock reads `startMs` + event × 1 s + reads within the event
 * × 1 µs; the monotonic clock the same from 0.
 */
export class WasiSources {
  #seq = -1;
  #rng: RandomGenerator = xoroshiro128plus(0);
  #wallReads = 0n;
  #monotonicReads = 0n;

  constructor(
    readonly settings: WasiSettings,
    /** The position in the history of the event the actor is running (the next one to be recorded). */
    private readonly eventSeq: () => number,
  ) {}

  /** What the recording says answered: the seed, or `real` when the real clock and random were granted. */
  get source(): number | 'real' {
    return this.settings.real ? 'real' : this.settings.seed;
  }

  wallNow(): Datetime {
    if (this.settings.real) {
      const ms = Date.now();
      return { seconds: BigInt(Math.floor(ms / 1000)), nanoseconds: (ms % 1000) * 1_000_000 };
    }
    const ns = BigInt(this.settings.startMs) * 1_000_000n + this.#event() * EVENT_STEP_NS + this.#wallReads++ * READ_STEP_NS;
    return { seconds: ns / EVENT_STEP_NS, nanoseconds: Number(ns % EVENT_STEP_NS) };
  }

  /** The wall clock's resolution: a millisecond for the real one (`Date.now`), the read step for the virtual one. */
  wallResolution(): Datetime {
    return { seconds: 0n, nanoseconds: Number(this.settings.real ? 1_000_000n : READ_STEP_NS) };
  }

  /** Nanoseconds. */
  monotonicNow(): bigint {
    if (this.settings.real) return BigInt(Math.round(performance.now() * 1_000_000));
    return this.#event() * EVENT_STEP_NS + this.#monotonicReads++ * READ_STEP_NS;
  }

  /** Nanoseconds. */
  monotonicResolution(): bigint {
    return READ_STEP_NS;
  }

  bytes(length: number): Uint8Array {
    const bytes = new Uint8Array(length);
    if (this.settings.real) {
      // getRandomValues fills at most 64 KiB a call.
      for (let at = 0; at < length; at += 65_536) crypto.getRandomValues(bytes.subarray(at, at + 65_536));
      return bytes;
    }
    this.#event();
    for (let at = 0; at < length; at += 4) {
      const word = this.#rng.next();
      for (let i = 0; i < 4 && at + i < length; i++) bytes[at + i] = (word >>> (8 * i)) & 0xff;
    }
    return bytes;
  }

  u64(): bigint {
    const bytes = this.bytes(8);
    return new DataView(bytes.buffer).getBigUint64(0, true);
  }

  /** Starts the event's streams afresh when the actor runs a new event; returns the event's position. */
  #event(): bigint {
    const seq = this.eventSeq();
    if (seq !== this.#seq) {
      this.#seq = seq;
      this.#rng = xoroshiro128plus(mix32(this.settings.seed ^ mix32(seq + 1)));
      this.#wallReads = 0n;
      this.#monotonicReads = 0n;
    }
    return BigInt(seq);
  }
}

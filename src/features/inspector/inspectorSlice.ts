import { diffKeyOf, lastChangeOf, type ActorEvent, type DiffView, type StateDiff, type StatePlace } from '../../core';
import type { Slice, StoreContext } from '../../store/context';
import type { PlaygroundState } from '../../store/playgroundState';
import { cursorOf } from '../../store/cursor';

/**
 * The diff on screen: the pair of states (`key`) and the view last asked for. `diff` is the
 * newest one computed for this pair, kept while another view of it computes so the summary and
 * the tabs stay put.
 */
export interface StateDiffStatus {
  key: string;
  view: DiffView | null;
  pending: boolean;
  diff?: StateDiff;
  error?: string;
}

/** The chain hash on screen, for the event object it belongs to (a reload starts new events at seq 0). */
export type ChainHashStatus = { event: ActorEvent } & ({ status: 'pending' } | { status: 'ready'; hash: string | undefined } | { status: 'error'; message: string });

/**
 * The answer to "which event last changed this?": asked from event `from` about `place` (named
 * `label` for people), `found` is the event that wrote it, or null when none did.
 */
export interface ChangeTrace {
  label: string;
  from: number;
  found: number | null;
}

/** What the Inspector shows of the selected event beyond the event itself. */
export interface InspectorSlice {
  /** The diff view the person chose; null shows the best one for each state change. */
  diffView: DiffView | null;
  /** Show long unchanged stretches in the hex view instead of folding them. */
  showUnchanged: boolean;
  stateDiff: StateDiffStatus | null;
  chain: ChainHashStatus | null;
  changeTrace: ChangeTrace | null;
  /**
   * How far the engine has hashed the chain (it extends it incrementally), for the history that
   * starts with `first`: a new session or branch starts over.
   */
  chainHashed: { first: ActorEvent | undefined; through: number };
  setDiffView(view: DiffView | null): void;
  setShowUnchanged(show: boolean): void;
  /** Computes the diff of event `seq`'s states in the chosen view, unless it is already there or on its way. */
  diffStates(seq: number): Promise<void>;
  /** Fetches the chain hash closing event `seq`: the engine extends the chain only when asked. */
  chainHash(seq: number): Promise<void>;
  /** Selects the event that last changed `place` at or before the selected one, and says which. */
  traceChange(place: StatePlace, label: string): void;
}

/** The pair of states an event changed between, as the diff on screen names it. */
export const diffKey = (event: Pick<ActorEvent, 'stateBefore' | 'stateAfter'>): string => diffKeyOf(event.stateBefore, event.stateAfter);

export const createInspectorSlice =
  ({ client, diffs }: StoreContext): Slice<InspectorSlice> =>
  (set, get) => {
    return {
      diffView: null,
      showUnchanged: false,
      stateDiff: null,
      chain: null,
      changeTrace: null,
      chainHashed: { first: undefined, through: -1 },

      setDiffView(view) {
        set({ diffView: view });
      },

      setShowUnchanged(show) {
        set({ showUnchanged: show });
      },

      async diffStates(seq) {
        const event = get().events[seq];
        if (!event) return;
        const key = diffKey(event);
        const view = get().diffView;
        const current = get().stateDiff;
        if (current && current.key === key && current.view === view && !current.error) return;
        const kept = current?.key === key ? current.diff : undefined;
        set({ stateDiff: { key, view, pending: true, diff: kept } });
        const { stateBytes } = get();
        const outcome = await diffs.diff({ ref: event.stateBefore, bytes: stateBytes(event.stateBefore) }, { ref: event.stateAfter, bytes: stateBytes(event.stateAfter) }, view);
        const latest = get().stateDiff;
        // Superseded, or the person moved on while it ran: the newer request owns the field.
        if (!outcome || latest?.key !== key || latest.view !== view) return;
        set({ stateDiff: outcome.ok ? { key, view, pending: false, diff: outcome.value } : { key, view, pending: false, diff: kept, error: outcome.error } });
      },

      async chainHash(seq) {
        const event = get().events[seq];
        if (!event) return;
        const current = get().chain;
        if (current && current.event === event && current.status !== 'error') return;
        set({ chain: { event, status: 'pending' } });
        const result = await client.chainHash(seq);
        const { events, chainHashed } = get();
        if (result.ok && events[seq] === event && (chainHashed.first !== events[0] || chainHashed.through < seq)) set({ chainHashed: { first: events[0], through: seq } });
        if (get().chain?.event !== event) return;
        set({ chain: result.ok ? { event, status: 'ready', hash: result.value } : { event, status: 'error', message: result.error.message } });
      },

      traceChange(place, label) {
        const state = get();
        const from = cursorOf(state);
        const found = lastChangeOf(state.events, state.stateBytes, from, place);
        set({ changeTrace: { label, from, found } });
        if (found !== null && found !== from) state.select(found);
      },
    };
  };

/** What hashing one event costs besides its states (its entries' JSON, SHA-1), counted as bytes. */
const EVENT_OVERHEAD = 2048;

/**
 * Roughly what the engine still has to hash before it knows event `seq`'s chain hash, in bytes
 * of state plus an overhead per event, counted only up to `limit` (enough to know it is too
 * much, and cheap enough to run on every store change). Each entry carries its states as JSON
 * byte arrays, so a 16 MiB state is about 200 MB of text to hash (about half a second in the
 * actor's worker), and every call to the actor waits behind it: past the limit the Inspector asks
 * before starting that.
 */
export function chainCost(state: PlaygroundState, seq: number, limit: number): number {
  const { events, chainHashed } = state;
  const from = chainHashed.first === events[0] ? chainHashed.through + 1 : 0;
  let cost = 0;
  for (let i = from; i <= seq && cost <= limit; i++) {
    const event = events[i];
    if (event) cost += EVENT_OVERHEAD + (state.stateSizeOf(event.stateBefore) ?? 0) + (state.stateSizeOf(event.stateAfter) ?? 0);
  }
  return cost;
}

// This slice's part of the store's state (see store/playgroundState.ts).
declare module '../../store/playgroundState' {
  interface PlaygroundState extends InspectorSlice {}
}

import { compareEvents, type ActorEvent, type Difference, type EngineError, type ReplayResult, type SessionSnapshot, type WebsocketMessage } from '../../core';
import type { Slice, StoreContext } from '../../store/context';
import { mirror, settledStatus } from '../../store/mirror';

/** A history kept aside when the live one was rewritten (a fork, an edit), to switch back to. */
export interface Branch {
  id: number;
  label: string;
  snapshot: SessionSnapshot;
}

/** A replay's life: what it ran against, how far it got, what it found. */
export type ReplayRun =
  | { status: 'running'; build: string; from: number; done: number; total: number }
  | { status: 'done'; build: string; from: number; result: ReplayResult }
  | { status: 'failed'; build: string; from: number; error: EngineError };

/** After an edit: how each re-run event compares with the one it replaced. */
export interface RewriteReport {
  from: number;
  changes: Array<{ seq: number; differences: Difference[] }>;
}

/** One way to change the past: every one is "keep events before `from`, re-run these inputs". */
export type HistoryEdit =
  | { kind: 'edit'; seq: number; input: WebsocketMessage }
  | { kind: 'delete'; seq: number }
  | { kind: 'insert-after'; seq: number; connectionId: number; input: WebsocketMessage }
  | { kind: 'move-later'; seq: number };

export interface TimeTravelSlice {
  branches: Branch[];
  replayRun: ReplayRun | null;
  rewriteReport: RewriteReport | null;
  /** Replays the history (from `from`) against the loaded build or another one, in its own worker. */
  replay(build?: { name: string; bytes: Uint8Array }, from?: number): Promise<void>;
  dismissReplay(): void;
  /** Replaces the component with a new build and keeps going from the current state and history. */
  hotSwap(name: string, bytes: Uint8Array): Promise<void>;
  /** Continues live from the state after `seq`; the old future is kept as a branch. */
  fork(seq: number): Promise<void>;
  /** Changes the past and re-runs what followed; the old history is kept as a branch. */
  rewrite(edit: HistoryEdit): Promise<void>;
  switchBranch(id: number): Promise<void>;
}

/** The inputs to re-run for an edit, and where the re-run starts. */
function planEdit(events: readonly ActorEvent[], edit: HistoryEdit): { from: number; inputs: ActorEvent[] } {
  const { seq } = edit;
  switch (edit.kind) {
    case 'edit':
      return { from: seq, inputs: [{ ...events[seq]!, input: edit.input, hostCalls: [] }, ...events.slice(seq + 1)] };
    case 'delete':
      return { from: seq, inputs: events.slice(seq + 1) };
    case 'insert-after': {
      const inserted = { ...events[seq]!, kind: 'message' as const, connectionId: edit.connectionId, input: edit.input, hostCalls: [] };
      return { from: seq + 1, inputs: [inserted, ...events.slice(seq + 1)] };
    }
    case 'move-later':
      return { from: seq, inputs: [events[seq + 1]!, events[seq]!, ...events.slice(seq + 2)].filter(Boolean) };
    default: {
      const exhaustive: never = edit;
      return exhaustive;
    }
  }
}

export const createTimeTravelSlice =
  ({ client }: StoreContext): Slice<TimeTravelSlice> =>
  (set, get) => {
    const keepAsBranch = (label: string): void => {
      // Numbered after the highest kept: branches restored with a saved session keep their numbers.
      const id = get().branches.reduce((max, b) => Math.max(max, b.id), 0) + 1;
      set({ branches: [...get().branches, { id, label, snapshot: client.snapshot() }] });
    };
    const settle = (alert?: EngineError) => set({ ...mirror(client), status: settledStatus(client), ...(alert ? { alert } : {}) });

    return {
      branches: [],
      replayRun: null,
      rewriteReport: null,

      async replay(build, from = 0) {
        const component = build ?? client.component;
        if (!component) return;
        set({ replayRun: { status: 'running', build: component.name, from, done: 0, total: get().eventCount - from }, alert: null });
        const result = await client.replay(component.name, component.bytes, {
          from,
          onProgress: (progress) => {
            if (progress.kind === 'replay') set({ replayRun: { status: 'running', build: component.name, from, ...progress } });
          },
        });
        if (!result.ok) {
          set({ replayRun: { status: 'failed', build: component.name, from, error: result.error } });
          return;
        }
        set({ replayRun: { status: 'done', build: component.name, from, result: result.value } });
        // The first divergence is what a person came for: put the cursor on it.
        const first = result.value.summary.firstDivergence;
        if (first !== null) get().select(first);
      },

      dismissReplay() {
        set({ replayRun: null });
      },

      async hotSwap(name, bytes) {
        set({ status: 'loading', alert: null });
        const adopted = await client.adoptHistory(name, bytes, client.snapshot());
        if (adopted.ok) set({ info: adopted.value, actorName: name.replace(/\.wasm$/i, '') });
        settle(adopted.ok ? undefined : adopted.error);
      },

      async fork(seq) {
        keepAsBranch(`before fork at #${seq}`);
        set({ status: 'loading', alert: null, rewriteReport: null });
        const result = await client.rewrite(seq + 1, []);
        settle(result.ok ? undefined : result.error);
        set({ cursor: null });
      },

      async rewrite(edit) {
        const old = client.events.slice();
        const { from, inputs } = planEdit(old, edit);
        keepAsBranch(`before ${edit.kind} at #${edit.seq}`);
        set({ status: 'loading', alert: null });
        const result = await client.rewrite(from, inputs);
        settle(result.ok ? undefined : result.error);
        if (!result.ok) return;
        const changes = result.value.map(({ event }) => {
          const before = old[event.seq];
          return { seq: event.seq, differences: before ? compareEvents(before, event) : [{ aspect: 'outcome' as const, recorded: 'no event', replayed: 'new event' }] };
        });
        set({ rewriteReport: { from, changes }, cursor: from < get().eventCount ? from : null });
      },

      async switchBranch(id) {
        const branch = get().branches.find((b) => b.id === id);
        const component = client.component;
        if (!branch || !component) return;
        const current = client.snapshot();
        set({ status: 'loading', alert: null });
        const adopted = await client.adoptHistory(component.name, component.bytes, branch.snapshot);
        if (!adopted.ok) return settle(adopted.error);
        // The history left behind becomes the branch, so switching back and forth loses nothing.
        set({ branches: get().branches.map((b) => (b.id === id ? { ...b, label: `switched away at ${current.events.length} events`, snapshot: current } : b)), cursor: null, rewriteReport: null });
        settle();
      },
    };
  };

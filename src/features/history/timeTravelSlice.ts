import { actorNameOf, findBranch, planEdit, planFork, reduceBranches, rewriteReportOf, type Branch, type EngineError, type HistoryEdit, type ReplayResult, type RewriteReport } from '../../core';
import type { Slice, StoreContext } from '../../store/context';
import { mirror, replacedHistory, settledStatus } from '../../store/mirror';

/** A replay's life: what it ran against, how far it got, what it found. */
export type ReplayRun =
  | { status: 'running'; build: string; from: number; done: number; total: number }
  | { status: 'done'; build: string; from: number; result: ReplayResult }
  | { status: 'failed'; build: string; from: number; error: EngineError };

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

export const createTimeTravelSlice =
  ({ client }: StoreContext): Slice<TimeTravelSlice> =>
  (set, get) => {
    const keepAsBranch = (label: string): void => {
      const kept = reduceBranches(get().branches, { kind: 'keep', label, snapshot: client.snapshot() });
      if (kept.ok) set({ branches: kept.value });
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
        if (adopted.ok) set({ info: adopted.value, actorName: actorNameOf(name) });
        settle(adopted.ok ? undefined : adopted.error);
      },

      async fork(seq) {
        const plan = planFork(client.events, seq);
        if (!plan.ok) return set({ alert: plan.error });
        keepAsBranch(plan.value.label);
        // The reports described the history this fork leaves behind (it is a branch now).
        set({ status: 'loading', alert: null, rewriteReport: null, replayRun: null });
        const result = await client.rewrite(plan.value.from, plan.value.inputs);
        settle(result.ok ? undefined : result.error);
        set({ cursor: null });
      },

      async rewrite(edit) {
        const old = client.events.slice();
        const plan = planEdit(old, edit, get().info?.actorKind);
        if (!plan.ok) return set({ alert: plan.error });
        const { from, inputs, label } = plan.value;
        keepAsBranch(label);
        set({ status: 'loading', alert: null, replayRun: null });
        const result = await client.rewrite(from, inputs);
        settle(result.ok ? undefined : result.error);
        if (!result.ok) return;
        const report = rewriteReportOf(old, from, result.value.map(({ event }) => event));
        set({ rewriteReport: report, cursor: from < get().eventCount ? from : null });
      },

      async switchBranch(id) {
        const branch = findBranch(get().branches, id);
        if (!branch.ok) return set({ alert: branch.error });
        const component = client.component;
        if (!component) return;
        const current = client.snapshot();
        set({ status: 'loading', alert: null });
        const adopted = await client.adoptHistory(component.name, component.bytes, branch.value.snapshot);
        if (!adopted.ok) return settle(adopted.error);
        // The history left behind becomes the branch, so switching back and forth loses nothing.
        const swapped = reduceBranches(get().branches, { kind: 'swap', id, current });
        set({ ...replacedHistory(client, adopted.value), branches: swapped.ok ? swapped.value : get().branches, status: settledStatus(client) });
      },
    };
  };

// This slice's part of the store's state (see store/playgroundState.ts).
declare module '../../store/playgroundState' {
  interface PlaygroundState extends TimeTravelSlice {}
}

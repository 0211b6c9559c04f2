import { useEffect } from 'react';
import { usePlaygroundStore, type PlaygroundState } from '../store';

/** A report or branch that did not exist a moment ago: a replay starting, a rewrite's report, a new branch. */
export function reportArrived(next: PlaygroundState, prev: PlaygroundState): boolean {
  const replayStarted = next.replayRun !== null && (prev.replayRun === null || (next.replayRun.status === 'running' && prev.replayRun.status !== 'running'));
  const rewritten = next.rewriteReport !== null && next.rewriteReport !== prev.rewriteReport;
  return replayStarted || rewritten || next.branches.length > prev.branches.length;
}

/**
 * Reports live in the side panel's `Reports` tab, out of the workspace's way; when one arrives the
 * tab comes forward, so the person sees where it went without hunting for it.
 */
export function useReportHome(): void {
  const store = usePlaygroundStore();
  useEffect(
    () =>
      store.subscribe((next, prev) => {
        if (next.sideTab !== 'reports' && reportArrived(next, prev)) next.showSideTab('reports');
      }),
    [store],
  );
}

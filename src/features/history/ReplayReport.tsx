import { useMemo } from 'react';
import type { ReplayResult } from '../../core';
import { DifferenceDiff } from './DifferenceDiff';
import { usePlayground } from '../../store';

/**
 * What a replay found: how many events matched, and for each that diverged, what differs
 * (outcome, state, responses, host calls), recorded side by side with replayed.
 */
export function ReplayReport() {
  const run = usePlayground((s) => s.replayRun);
  const select = usePlayground((s) => s.select);
  const dismiss = usePlayground((s) => s.dismissReplay);
  const replay = usePlayground((s) => s.replay);
  const eventCount = usePlayground((s) => s.eventCount);
  if (!run) return null;
  // The report covers the history as it was when the replay started; events recorded since are not in it.
  const covered = run.from + (run.status === 'done' ? run.result.summary.total : run.status === 'running' ? run.total : 0);
  const since = run.status === 'done' ? eventCount - covered : 0;
  return (
    <section className="replay-report" aria-label="Replay report">
      <header className="replay-report__head">
        <h3>Replay against {run.build}</h3>
        <button type="button" onClick={dismiss}>
          Close report
        </button>
      </header>
      {run.status === 'running' && (
        <p>
          <progress max={run.total} value={run.done} aria-label="Replay progress" /> {run.done} of {run.total} events
        </p>
      )}
      {run.status === 'failed' && <p role="alert">{run.error.message}</p>}
      {run.status === 'done' && <ReplayFindings result={run.result} onSelect={select} />}
      {since > 0 && (
        <p className="replay-report__stale">
          {since} event{since === 1 ? '' : 's'} recorded since this replay {since === 1 ? 'is' : 'are'} not in it.{' '}
          <button type="button" onClick={() => void replay(undefined, run.from)}>
            Replay again against the loaded build
          </button>
        </p>
      )}
    </section>
  );
}

function ReplayFindings({ result, onSelect }: { result: ReplayResult; onSelect: (seq: number) => void }) {
  const { summary } = result;
  const events = usePlayground((s) => s.events);
  const stateBytes = usePlayground((s) => s.stateBytes);
  const replayedStates = useMemo(() => new Map(result.states), [result.states]);
  const diverging = result.comparisons.filter((c) => c.differences.length > 0);
  return (
    <>
      <p className="replay-report__summary">
        {summary.matched} of {summary.total} events matched, {summary.diverged} diverged{summary.skipped ? `, ${summary.skipped} skipped` : ''}.{' '}
        {verdict(summary)}
      </p>
      {diverging.length > 0 && (
        <ol className="replay-report__list" aria-label="Divergences">
          {diverging.slice(0, 200).map((comparison) => {
            const recorded = events[comparison.seq]?.stateAfter ?? null;
            const replayed = comparison.replayed?.stateAfter ?? null;
            const states = { recorded: stateBytes(recorded), replayed: replayed === null ? undefined : replayedStates.get(replayed) };
            return (
              <li key={comparison.seq}>
                <button type="button" onClick={() => onSelect(comparison.seq)}>
                  Event #{comparison.seq}
                </button>
                <dl>
                  {comparison.differences.map((difference) => (
                    <DifferenceDiff key={difference.aspect} difference={difference} states={states} />
                  ))}
                </dl>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}

/** The line under the counts: "no divergence" only when something was compared. */
function verdict(summary: ReplayResult['summary']): string {
  if (summary.firstDivergence !== null) return `First divergence at event #${summary.firstDivergence}.`;
  if (summary.matched === 0) return 'Nothing was compared: every event here is read-only (entries of an imported chain, or bridge frames), so this says nothing about the build.';
  return 'No divergence: the build behaves the same on this history.';
}

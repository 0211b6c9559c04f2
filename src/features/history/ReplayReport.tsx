import type { ReplayResult } from '../../core';
import { usePlayground } from '../../store';
import { ClippedText } from '../../ui/ClippedText';

/**
 * What a replay found: how many events matched, and for each that diverged, what differs
 * (outcome, state, responses, host calls), recorded side by side with replayed.
 */
export function ReplayReport() {
  const run = usePlayground((s) => s.replayRun);
  const select = usePlayground((s) => s.select);
  const dismiss = usePlayground((s) => s.dismissReplay);
  if (!run) return null;
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
    </section>
  );
}

function ReplayFindings({ result, onSelect }: { result: ReplayResult; onSelect: (seq: number) => void }) {
  const { summary } = result;
  const diverging = result.comparisons.filter((c) => c.differences.length > 0);
  return (
    <>
      <p className="replay-report__summary">
        {summary.matched} of {summary.total} events matched, {summary.diverged} diverged{summary.skipped ? `, ${summary.skipped} skipped` : ''}.{' '}
        {summary.firstDivergence === null ? 'No divergence: the build behaves the same on this history.' : `First divergence at event #${summary.firstDivergence}.`}
      </p>
      {diverging.length > 0 && (
        <ol className="replay-report__list" aria-label="Divergences">
          {diverging.slice(0, 200).map((comparison) => (
            <li key={comparison.seq}>
              <button type="button" onClick={() => onSelect(comparison.seq)}>
                Event #{comparison.seq}
              </button>
              <dl>
                {comparison.differences.map((difference) => (
                  <div key={difference.aspect} className="replay-report__difference">
                    <dt>{difference.aspect}</dt>
                    <dd>
                      <span className="replay-report__side">recorded</span> <code>
                        <ClippedText text={difference.recorded} />
                      </code>
                    </dd>
                    <dd>
                      <span className="replay-report__side">replayed</span> <code>
                        <ClippedText text={difference.replayed} />
                      </code>
                    </dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

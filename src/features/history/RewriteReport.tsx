import { usePlayground } from '../../store';
import { DifferenceDiff } from './DifferenceDiff';

/** After changing the past: which re-run events now differ from the ones they replaced. */
export function RewriteReport() {
  const report = usePlayground((s) => s.rewriteReport);
  const select = usePlayground((s) => s.select);
  if (!report) return null;
  const changed = report.changes.filter((c) => c.differences.length > 0);
  return (
    <section className="rewrite-report" aria-label="Rewrite report">
      <p>
        Re-ran {report.changes.length} event{report.changes.length === 1 ? '' : 's'} from #{report.from}: {changed.length} now differ from before.
      </p>
      {changed.length > 0 && (
        <ol className="replay-report__list" aria-label="Changed events">
          {changed.slice(0, 50).map((change) => (
            <li key={change.seq}>
              <button type="button" onClick={() => select(change.seq)}>
                Event #{change.seq}
              </button>
              <dl>
                {/* The states the edit left behind are in the branch it kept; only the other aspects are diffed here. */}
                {change.differences.map((difference) => (
                  <DifferenceDiff key={difference.aspect} difference={difference} />
                ))}
              </dl>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

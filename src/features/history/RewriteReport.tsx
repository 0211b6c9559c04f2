import { clipText } from '../../core';
import { usePlayground } from '../../store';
import { PREVIEW_CHARS } from '../../ui/ClippedText';

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
        <ul>
          {changed.slice(0, 50).map((change) => (
            <li key={change.seq}>
              <button type="button" onClick={() => select(change.seq)}>
                Event #{change.seq}
              </button>{' '}
              {/* Cut: a difference can hold whole messages; the Inspector shows the event in full. */}
              {change.differences.map((d) => `${d.aspect}: ${clipText(d.recorded, PREVIEW_CHARS)} → ${clipText(d.replayed, PREVIEW_CHARS)}`).join('; ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

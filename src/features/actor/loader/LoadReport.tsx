import { usePlayground } from '../../../store';
import { LoadStages } from './LoadStages';
import { LoadSummary } from './LoadSummary';

/**
 * How loading went: what is loaded, and the stages of the latest load with their times (under
 * way, done, or failed while the previous actor stays loaded).
 */
export function LoadReport() {
  const progress = usePlayground((s) => s.loadProgress);
  const loaded = usePlayground((s) => s.loaded);
  const info = usePlayground((s) => s.info);
  const settledName = usePlayground((s) => (s.status === 'loading' ? null : s.actorName));
  // A session reopened from storage brings a component that no load here timed.
  const timed = loaded && loaded.info === info ? loaded : null;
  const name = timed?.name ?? settledName;
  const stages = progress && (progress.outcome !== 'loaded' || progress === timed) ? progress : null;
  if (!stages && !(info && name)) return null;
  return (
    <section className="load-report" aria-labelledby="load-report-heading">
      <h2 id="load-report-heading" className="visually-hidden">
        Load report
      </h2>
      {info && name && <LoadSummary name={name} info={info} totalMs={timed?.totalMs ?? null} />}
      {stages && <LoadStages progress={stages} previous={stages === timed ? null : name} />}
    </section>
  );
}

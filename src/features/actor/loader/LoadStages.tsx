import { fractionDone, phasesOf, type LoadProgress, type PhaseState } from '../loadProgress';
import { formatDuration } from '../../../ui/format';
import { Term } from '../../../ui/term/Term';
import { useElapsed } from './useElapsed';

function timeOf(phase: PhaseState, elapsedMs: number): string {
  switch (phase.state) {
    case 'done':
      return formatDuration(phase.ms);
    case 'running':
      return `${formatDuration(elapsedMs)}…`;
    case 'pending':
      return '';
    case 'failed':
      return 'failed';
    case 'reused':
      return 'skipped';
    case 'skipped':
      return 'none';
    default: {
      const exhaustive: never = phase;
      return exhaustive;
    }
  }
}

/**
 * The stages of one load, each with the time it took: reading the bytes, then the engine's
 * inspecting, transpiling, compiling, instantiating and init. `previous` names the actor that
 * stays loaded while this one runs or after it failed.
 */
export function LoadStages({ progress, previous }: { progress: LoadProgress; previous: string | null }) {
  const phases = phasesOf(progress);
  const running = phases.find((p) => p.state === 'running');
  const elapsed = useElapsed(running ? `${progress.id}:${running.phase}` : null);
  const percent = Math.round(fractionDone(progress) * 100);
  return (
    <div className={`stages stages--${progress.outcome}`}>
      {progress.outcome === 'running' && (
        <>
          <p className="stages__title">
            Loading <strong>{progress.name}</strong> from {progress.source}
            {previous && <span className="stages__aside"> · {previous} answers until it is ready</span>}
          </p>
          <div className="stages__bar" role="progressbar" aria-label={`Loading ${progress.name}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={`${running?.phase ?? 'starting'}, ${percent}%`}>
            <span className="stages__fill" style={{ width: `${percent}%` }} />
          </div>
        </>
      )}
      {progress.outcome === 'failed' && (
        <p className="stages__title">
          Could not load <strong>{progress.source}</strong>
          <span className="stages__aside"> · {previous ? `${previous} is still loaded and answering` : 'no actor is loaded'}</span>
        </p>
      )}
      <CacheNote progress={progress} />
      <ol className="stages__list" aria-label="Load stages">
        {phases.map((phase) => (
          <li key={phase.phase} className={`stage stage--${phase.state}`}>
            {/* A skipped init (no actor interface) reads "init none": say what that means. */}
            {phase.phase === 'init' && phase.state === 'skipped' ? (
              <Term term="init-none">
                <span className="stage__name">{phase.phase}</span> <span className="stage__time">{timeOf(phase, elapsed)}</span>
              </Term>
            ) : (
              <>
                <span className="stage__name">{phase.phase}</span> <span className="stage__time">{timeOf(phase, elapsed)}</span>
              </>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * What the component cache did for a finished load: spared jco, or could not (a damaged or partly
 * evicted entry), in which case the load ran in full and the person is told why.
 */
function CacheNote({ progress }: { progress: LoadProgress }) {
  const cache = progress.cache;
  switch (cache?.kind) {
    case undefined:
    case 'off':
    case 'miss':
      return null;
    case 'compiled':
      return <p className="stages__cache">Compiled modules reused from the last load of these bytes: inspecting, transpiling and compiling skipped.</p>;
    case 'hit':
      return <p className="stages__cache">From the component cache: inspecting and transpiling skipped.</p>;
    case 'prebuilt':
      return <p className="stages__cache">Transpiled with the app&apos;s build: inspecting and transpiling skipped.</p>;
    case 'fallback':
      return (
        <p className="stages__cache stages__cache--fallback" role="note">
          The cached copy of {progress.name} could not be used: {cache.reason}. It was loaded in full and cached again.
        </p>
      );
    default: {
      const exhaustive: never = cache;
      return exhaustive;
    }
  }
}

import { LOAD_STAGES, type CacheUse, type ComponentInfo } from '../../core';

/** Every step of a load, in order: the page reads the bytes, then the engine's own stages. */
export const LOAD_PHASES = ['reading', ...LOAD_STAGES] as const;
export type LoadPhase = (typeof LOAD_PHASES)[number];

/** How one load went, or is going: what the loader shows while it runs and after it ends. */
export interface LoadProgress {
  /** Tells this load from a later one, whose stages must not be mixed into it. */
  id: number;
  name: string;
  /** Where the bytes come from, as a person would name it: a file name or a URL. */
  source: string;
  /** Known once the bytes are read. */
  size: number | null;
  /** The phases finished so far, in order, with how long each took; null: it did not run, its result was reused (`cache` says from where). */
  done: Array<{ phase: LoadPhase; ms: number | null }>;
  outcome: 'running' | 'loaded' | 'failed';
  /** Wall-clock time from the first byte read to the end, once it ended. */
  totalMs: number | null;
  /**
   * What it loaded, once it did. The store's `info` can come from elsewhere too (a session
   * reopened from storage), so this tells whether these times belong to the component shown.
   */
  info: ComponentInfo | null;
  /** Once loaded: whether the component cache spared jco, or could not and why (the stages say so). */
  cache?: CacheUse;
}

/** What became of one phase, for the list of stages. */
export type PhaseState =
  | { state: 'done'; ms: number }
  | { state: 'running' }
  | { state: 'pending' }
  | { state: 'failed' }
  /** Did not run: what it makes came from the component cache, the app's build or an earlier load's compiled modules. */
  | { state: 'reused' }
  /** `init` when the component does not export `theater:simple/actor`. */
  | { state: 'skipped' };

/** Each phase with its state: the first unfinished one is running (or is where the load failed). */
export function phasesOf(progress: LoadProgress): Array<{ phase: LoadPhase } & PhaseState> {
  const current = LOAD_PHASES.find((phase) => !progress.done.some((d) => d.phase === phase));
  return LOAD_PHASES.map((phase) => {
    const finished = progress.done.find((d) => d.phase === phase);
    if (finished) return finished.ms === null ? { phase, state: 'reused' } : { phase, state: 'done', ms: finished.ms };
    if (progress.outcome === 'loaded') return { phase, state: 'skipped' };
    if (phase !== current) return { phase, state: 'pending' };
    return { phase, state: progress.outcome === 'failed' ? 'failed' : 'running' };
  });
}

/** Finished phases out of all of them; `init` counts as done when the actor has none to run. */
export const fractionDone = (progress: LoadProgress): number => (progress.outcome === 'loaded' ? 1 : progress.done.length / LOAD_PHASES.length);

import { Lru } from './lru';
import { StateDiffer, type DiffView, type StateDiff } from './stateDiff';
import { StateView } from './stateView';

/**
 * A request for one view of one state change, the states named by their content hashes (null
 * for `none`). `states` carries only the states the answering side does not hold yet: stepping
 * through a history sends each 16 MiB state to the diff worker once, not once per event.
 */
export interface DiffJob {
  id: number;
  before: string | null;
  after: string | null;
  states: Array<[string, Uint8Array]>;
  /** null: the best view for these states. */
  view: DiffView | null;
}

export type DiffAnswer = { id: number; ok: true; diff: StateDiff } | { id: number; ok: false; message: string };

/** Bytes of states kept between jobs: a few 16 MiB neighbours, with their text and parsed JSON. */
export const STATE_BUDGET = 64 * 1024 * 1024;

/** States are content-addressed, so their two hashes name a state change exactly. */
export const diffKeyOf = (before: string | null, after: string | null): string => `${before ?? 'none'}>${after ?? 'none'}`;

const NONE = new StateView(undefined);

/**
 * Answers diff jobs. The same code runs in the diff worker for large states and on the page for
 * small ones, where a round trip to a worker would cost more than the diff.
 */
export class DiffJobs {
  readonly #states: Lru<StateView>;
  /** The last few pairs' diffs, so going back to an event costs nothing; they hold their states. */
  readonly #differs = new Lru<StateDiffer>(4, 1);

  constructor(budget = STATE_BUDGET) {
    this.#states = new Lru<StateView>(budget);
  }

  /** Whether a state need not be sent again. The page mirrors this for the worker (see `mirrorJob`). */
  holds(ref: string): boolean {
    return this.#states.has(ref);
  }

  answer(job: DiffJob): DiffAnswer {
    const views: StateView[] = [];
    // The same operations, in the same order, as `mirrorJob`: the two caches must agree.
    for (const ref of [job.before, job.after]) {
      if (ref === null) {
        views.push(NONE);
        continue;
      }
      const sent = job.states.find(([sentRef]) => sentRef === ref);
      let view = this.#states.has(ref) ? this.#states.get(ref) : undefined;
      if (!view && sent) {
        view = new StateView(sent[1]);
        this.#states.set(ref, view, sent[1].length);
      }
      if (!view) return { id: job.id, ok: false, message: `the diff was asked for state ${ref}, which was never sent` };
      views.push(view);
    }
    const key = diffKeyOf(job.before, job.after);
    let differ = this.#differs.get(key);
    if (!differ) {
      differ = new StateDiffer(views[0], views[1]);
      this.#differs.set(key, differ, 1);
    }
    try {
      return { id: job.id, ok: true, diff: differ.diff(job.view) };
    } catch (thrown) {
      // A bug, or JSON nested deeper than the stack: say so in the inspector instead of hanging it.
      return { id: job.id, ok: false, message: thrown instanceof Error ? thrown.message : String(thrown) };
    }
  }
}

/**
 * Picks the states a job must carry to a `DiffJobs` the caller cannot ask (a worker), keeping
 * `held` (sizes only) in step with its cache by doing what `answer` will do.
 */
export function mirrorJob(held: Lru<true>, refs: ReadonlyArray<readonly [string | null, Uint8Array | undefined]>): Array<[string, Uint8Array]> {
  const states: Array<[string, Uint8Array]> = [];
  for (const [ref, bytes] of refs) {
    if (ref === null || bytes === undefined) continue;
    if (held.has(ref)) held.get(ref);
    else {
      states.push([ref, bytes]);
      held.set(ref, true, bytes.length);
    }
  }
  return states;
}

/** A cache of what a worker's `DiffJobs` holds, for `mirrorJob`. */
export const stateMirror = (budget = STATE_BUDGET): Lru<true> => new Lru<true>(budget);

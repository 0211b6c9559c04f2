import type { WorkerFactory, WorkerLike } from './workerLike';
import type { WorkerRequests } from './workerRequests';

/**
 * The actor worker the next load takes, started while the page is idle with jco already loading
 * (the `warm` request), so a load does not wait for a worker to start and for jco's 6 MB of wasm
 * to compile. A spare has never held an actor and each is taken once: no actor's state, history
 * or instance can reach the next actor.
 */
export class SpareWorker {
  #spare: WorkerLike | undefined;
  #scheduled = false;
  #disposed = false;
  /** A load is under way in a worker taken from here: no spare starts beside it (see `schedule`). */
  #loading = false;
  /** Spares started so far: the first does not load jco, the second also runs it once on a sample, later ones only load it. */
  #started = 0;

  /**
   * `whenIdle`: how to run work when the page is idle (requestIdleCallback); without it no spare
   * is kept. With it the first spare is asked for at once, so the page's default actor finds a
   * worker started; that one does not load jco: the default actor comes with the build already
   * transpiled (workers/prebuiltComponents.ts), and jco's 6 MB of wasm compiling beside it would
   * slow the page's first answer on a two-core machine. Spares after it load jco; the second, the
   * first to load it in this page, also transpiles a sample in short rounds (runtime/warmUp.ts),
   * so that the first component the page has never seen does not pay for jco's first runs.
   */
  constructor(
    private readonly createWorker: WorkerFactory,
    private readonly requests: WorkerRequests,
    private readonly timeoutMs: number,
    private readonly whenIdle: ((work: () => void) => void) | undefined,
  ) {
    this.schedule();
  }

  /** A worker that has never held an actor, for a load: the spare when there is one, else a new one. Call `schedule` when the load ends. */
  take(): WorkerLike {
    const spare = this.#spare;
    this.#spare = undefined;
    this.#loading = true;
    return spare ?? this.createWorker();
  }

  /** The spare itself, left in place, for requests that hold no actor (the component cache's); started now when there is none. */
  idle(): WorkerLike {
    return (this.#spare ??= this.#start());
  }

  /**
   * Starts a spare the next time the page is idle, unless one is there or on its way, or a load
   * is under way: a spare loading jco beside a load that needs it would halve the speed of both
   * on a two-core machine. Called when each load ends.
   */
  schedule(): void {
    this.#loading = false;
    if (!this.whenIdle || this.#scheduled) return;
    this.#scheduled = true;
    this.whenIdle(() => {
      this.#scheduled = false;
      // A load that began meanwhile asks again when it ends.
      if (!this.#spare && !this.#disposed && !this.#loading) this.#spare = this.#start();
    });
  }

  dispose(): void {
    this.#disposed = true;
    this.#spare?.terminate();
    this.#spare = undefined;
  }

  #start(): WorkerLike {
    const spare = this.createWorker();
    const started = this.#started++;
    if (started === 0) return spare;
    // A spare that cannot even start is dropped; the next load starts its own worker.
    void this.requests.send(spare, 'warm', { sample: started === 1 }, this.timeoutMs).then((answer) => {
      if (answer.ok || this.#spare !== spare) return;
      this.#spare = undefined;
      spare.terminate();
    });
    return spare;
  }
}

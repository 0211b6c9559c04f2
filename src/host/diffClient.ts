import { DiffJobs, mirrorJob, stateMirror, type DiffView, type Result, type StateDiff, type StateRef } from '../core';
import type { DiffAnswer, DiffJob } from '../protocols/diffWorker';

/** Above this many bytes (both sides together) a diff runs in the diff worker, not on the page. */
export const WORKER_THRESHOLD = 64 * 1024;

/** What the client needs of the diff worker (a Web Worker in the page). */
export interface DiffWorkerLike {
  post(job: DiffJob, transfer: Transferable[]): void;
  onAnswer(handler: (answer: DiffAnswer) => void): void;
  onCrash(handler: (reason: string) => void): void;
  terminate(): void;
}

/** Starts a diff worker; the page's is `browserDiffWorker` (`host/browserDiffWorker.ts`). */
export type DiffWorkerFactory = () => DiffWorkerLike;

/** One side of a state change: its content hash (null for `none`) and its bytes. */
export interface DiffSide {
  ref: StateRef;
  bytes: Uint8Array | undefined;
}

interface Request {
  before: DiffSide;
  after: DiffSide;
  view: DiffView | null;
  resolve: (outcome: DiffOutcome) => void;
}

/** A diff, the reason it failed, or undefined when a newer request replaced it before it ran. */
export type DiffOutcome = Result<StateDiff, string> | undefined;

/**
 * Diffs state pairs: small ones at once on the page, large ones in a worker started on first
 * need. Only the newest waiting request runs next: stepping through a hundred events with 16 MiB
 * states must not queue a hundred diffs nobody will look at.
 */
export class DiffClient {
  readonly #local = new DiffJobs();
  #worker: DiffWorkerLike | undefined;
  /** Which states the worker holds, so each is sent (copied) to it once. */
  readonly #held = stateMirror();
  #running: { id: number; resolve: Request['resolve'] } | undefined;
  #waiting: Request | undefined;
  #nextId = 1;

  /** `createWorker` undefined runs every diff on the page (Node, tests): slower for huge states, never wrong. */
  constructor(private readonly createWorker?: DiffWorkerFactory) {}

  diff(before: DiffSide, after: DiffSide, view: DiffView | null): Promise<DiffOutcome> {
    const size = (before.bytes?.length ?? 0) + (after.bytes?.length ?? 0);
    // Without a diff worker, everything runs here.
    if (size <= WORKER_THRESHOLD || !this.createWorker) {
      const states = [before, after].filter((side) => side.ref !== null && side.bytes && !this.#local.holds(side.ref)).map((side): [string, Uint8Array] => [side.ref!, side.bytes!]);
      return Promise.resolve(outcomeOf(this.#local.answer({ id: 0, before: before.ref, after: after.ref, states, view })));
    }
    return new Promise((resolve) => {
      this.#waiting?.resolve(undefined);
      this.#waiting = { before, after, view, resolve };
      if (!this.#running) this.#next();
    });
  }

  dispose(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#held.clear();
  }

  #next(): void {
    const request = this.#waiting;
    this.#waiting = undefined;
    if (!request) return;
    const worker = this.#ensureWorker();
    const id = this.#nextId++;
    const { before, after, view } = request;
    // Copies, transferred: the page keeps its states, and the worker gets them without a second copy.
    const states = mirrorJob(this.#held, [
      [before.ref, before.bytes],
      [after.ref, after.bytes],
    ]).map(([ref, bytes]): [string, Uint8Array] => [ref, bytes.slice()]);
    this.#running = { id, resolve: request.resolve };
    worker.post({ id, before: before.ref, after: after.ref, states, view }, states.map(([, bytes]) => bytes.buffer));
  }

  #settle(id: number | undefined, outcome: DiffOutcome): void {
    const running = this.#running;
    if (!running || (id !== undefined && id !== running.id)) return;
    this.#running = undefined;
    running.resolve(outcome);
    this.#next();
  }

  #ensureWorker(): DiffWorkerLike {
    if (this.#worker) return this.#worker;
    const worker = this.createWorker!();
    worker.onAnswer((answer) => this.#settle(answer.id, outcomeOf(answer)));
    // Out of memory on a huge pair, say: report it, and start a fresh worker for the next diff.
    worker.onCrash((reason) => {
      this.dispose();
      this.#settle(undefined, { ok: false, error: reason });
    });
    this.#worker = worker;
    return worker;
  }
}

const outcomeOf = (answer: DiffAnswer): DiffOutcome => (answer.ok ? { ok: true, value: answer.diff } : { ok: false, error: answer.message });

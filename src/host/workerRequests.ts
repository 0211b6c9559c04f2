import type { EngineError, Result } from '../core';
import { PROTOCOL_VERSION, type CallName, type Calls, type Progress, type Response } from '../protocols/actorWorker';
import type { WorkerLike } from './workerLike';

/** How long a call past its time may take to show it is done before it is called lost, in ms. */
const CONFIRM_MS = 1000;

/** A call that failed because its worker did not answer (hung) or died: the worker is gone. */
export type Lost = { ok: false; error: EngineError; lost: 'timeout' | 'crash' };
/** A worker's answer to one request, or how it was lost. */
export type Answer<K extends CallName> = Result<Calls[K]['value'], EngineError> | Lost;

/**
 * Requests to actor workers and their answers, under a watchdog: each request ends with the
 * worker's answer, a timeout, or the worker's crash, whichever comes first, so a hung or dead
 * worker never leaves a caller waiting. Requests are numbered across every worker it talks to, so
 * an answer from a worker that was replaced cannot be taken for another request's.
 */
export class WorkerRequests {
  #nextId = 1;
  readonly #pending = new Map<number, { worker: WorkerLike; answer: (response: Response) => void; crash: (reason: string) => void }>();
  readonly #listening = new WeakSet<WorkerLike>();

  /**
   * Sends one request and waits for its answer, its timeout, or the worker's crash. Each
   * progress note restarts the clock, with `gapMs` as the longest silence allowed after it.
   */
  send<K extends CallName>(
    worker: WorkerLike,
    call: K,
    args: Calls[K]['args'],
    timeoutMs: number,
    { onProgress, gapMs = timeoutMs }: { onProgress?: (progress: Progress) => void; gapMs?: number } = {},
  ): Promise<Answer<K>> {
    const id = this.#nextId++;
    return new Promise<Answer<K>>((resolve) => {
      const finish = (answer: Answer<K>) => {
        clearTimeout(timer);
        this.#pending.delete(id);
        resolve(answer);
      };
      const timedOut = () => finish({ ok: false, lost: 'timeout', error: { code: 'timeout', message: `${call} did not answer within ${timeoutMs} ms` } });
      // The page's timer says only that the time is up here: a page busy drawing reads the
      // worker's messages late, and its answer may be waiting. A ping is answered after it, so
      // the call is lost only when the worker has not reached the ping within a grace period.
      const expire = () => {
        timer = setTimeout(timedOut, Math.min(timeoutMs, CONFIRM_MS));
        worker.post({ v: PROTOCOL_VERSION, id: this.#nextId++, call: 'ping', args: {} });
      };
      let timer = setTimeout(expire, timeoutMs);
      this.#pending.set(id, { worker, answer: (response) => {
        if ('progress' in response) {
          clearTimeout(timer);
          timer = setTimeout(expire, gapMs);
          onProgress?.(response.progress);
          return;
        }
        finish(response.ok ? { ok: true, value: response.value as Calls[K]['value'] } : { ok: false, error: response.error });
      }, crash: (reason) => finish({ ok: false, lost: 'crash', error: { code: 'worker-crashed', message: `The actor's worker crashed: ${reason}` } }) });
      if (!this.#listening.has(worker)) {
        this.#listening.add(worker);
        worker.onMessage((response) => this.#pending.get(response.id)?.answer(response));
        worker.onCrash((reason) => {
          for (const pending of [...this.#pending.values()]) if (pending.worker === worker) pending.crash(reason);
        });
      }
      worker.post({ v: PROTOCOL_VERSION, id, call, args } as never);
    });
  }
}

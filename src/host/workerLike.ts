import type { Request, Response } from '../protocols/actorWorker';

/** What the client needs of a worker: a Web Worker in the page, a worker_thread in Node tests. */
export interface WorkerLike {
  post(message: Request, transfer?: Transferable[]): void;
  onMessage(handler: (message: Response) => void): void;
  /** A crash the worker cannot report itself (out of memory, a failed import). */
  onCrash(handler: (reason: string) => void): void;
  terminate(): void;
}

export type WorkerFactory = () => WorkerLike;

/// <reference lib="webworker" />
import { DiffJobs } from '../core';
import type { DiffJob } from '../protocols/diffWorker';

declare const self: DedicatedWorkerGlobalScope;

/** Diffs of large states, off the page's thread: one job at a time, the last pair kept for view switches. */
const jobs = new DiffJobs();
self.addEventListener('message', (event: MessageEvent<DiffJob>) => self.postMessage(jobs.answer(event.data)));

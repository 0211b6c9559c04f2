/**
 * The diff worker's protocol: the page posts a `DiffJob` (one view of one state change, with only
 * the states the worker does not hold yet) and gets a `DiffAnswer` with the same `id`. No version:
 * the page and the worker are always built together.
 *
 * The shapes are declared beside `DiffJobs` in src/core/diff/diffJob.ts, because the page answers
 * small jobs itself with the same class (src/host/diffClient.ts); this file is where the worker
 * and the page take them from, so the wire has one named home like the other protocols.
 */
export type { DiffAnswer, DiffJob } from '../core/diff/diffJob';

import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { typeScriptThread } from '../../src/cli/threadWorker';
import { median, percentile, round } from './stats';

// The bridge bench's load generator: the bridge server, an echo server to proxy to, and real
// clients, each on a worker thread of its own (`bridgeLoadThread.ts`). One client loop serves every
// run (a burst, one or a window in flight per client, a paced game), so the runs differ only in their plan.

/** How the clients send: all at once, one in flight each, `inFlight` each, or `perSecond` each against the clock. */
export type ClientPlan = {
  clients: number;
  /** Messages each client sends. */
  messages: number;
  /** Frames each client waits for before sending (echo greets, minimal does not). */
  greeting: 0 | 1;
  /** Whether every message is answered (echo): the clients then wait for the answers, up to `drainMs` after sending ends. */
  answers: boolean;
  drainMs: number;
} & ({ mode: 'burst' | 'loop' } | { mode: 'window'; inFlight: number } | { mode: 'paced'; perSecond: number });

/** What the clients saw, in ms from the first send. */
export interface ClientsResult {
  /** Each answer's round trip against its own message. */
  rtts: number[];
  sendingMs: number;
  lastAnswerMs: number;
  answered: number;
  expected: number;
}

/** What a load thread is asked to do (its `workerData`). */
export type LoadThreadJob = { role: 'bridge'; origin: string } | { role: 'upstream' } | { role: 'clients'; address: string; plan: ClientPlan };

/** What a load thread says back. */
export type LoadThreadNote =
  | { kind: 'listening'; port: number; address: string }
  | { kind: 'closed' }
  | { kind: 'sending' }
  | { kind: 'done'; result: ClientsResult };

const entry = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), 'bridgeLoadThread.ts')).href;

function start(job: LoadThreadJob, onNote: (note: LoadThreadNote) => void): Worker {
  const thread = typeScriptThread(entry, job);
  thread.on('message', onNote);
  return thread;
}

/** A server (the bridge, or the echo upstream) on its own thread. */
export interface BridgeThread {
  port: number;
  /** `ws://host:port`, where real clients connect. */
  address: string;
  close(): Promise<void>;
}

/** A bridge server on its own thread, allowing pages from `origin`. */
export const startBridgeThread = (origin: string): Promise<BridgeThread> => startServerThread({ role: 'bridge', origin });

/** A plain `ws` echo server on its own thread (the proxy bench's upstream): every text or binary message goes back as it came. */
export const startUpstreamThread = (): Promise<BridgeThread> => startServerThread({ role: 'upstream' });

function startServerThread(job: Extract<LoadThreadJob, { role: 'bridge' | 'upstream' }>): Promise<BridgeThread> {
  return new Promise((resolve, reject) => {
    let closed: () => void = () => {};
    const thread = start(job, (note) => {
      if (note.kind === 'closed') closed();
      if (note.kind !== 'listening') return;
      resolve({
        port: note.port,
        address: note.address,
        close: () =>
          new Promise<void>((done) => {
            closed = () => void thread.terminate().then(() => done());
            thread.postMessage('close');
          }),
      });
    });
    thread.once('error', reject);
  });
}

/**
 * Runs `plan` against the bridge at `address` on a thread of its own. `sending` is called when the
 * first message is about to go (on this thread's clock, to time what only the page can tell, such
 * as how fast it delivered to an actor that answers nothing).
 */
export function runClients(address: string, plan: ClientPlan, sending?: () => void): Promise<ClientsResult> {
  return new Promise((resolve, reject) => {
    const thread = start({ role: 'clients', address, plan }, (note) => {
      if (note.kind === 'sending') sending?.();
      if (note.kind === 'done') void thread.terminate().then(() => resolve(note.result));
    });
    thread.once('error', reject);
  });
}

/** Messages per second over `ms`. */
export const rate = (count: number, ms: number): number => Math.round((count / ms) * 1000);

/** The median and 99th percentile round trip (ms). */
export const latency = (rtts: number[]) => ({ rtt_median_ms: round(median(rtts)), rtt_p99_ms: round(percentile(rtts, 0.99)) });

import { parentPort, workerData } from 'node:worker_threads';
import { WebSocket } from 'ws';
import { startBridge } from '../../src/server/bridge/server';
import { silent } from '../../src/server/bridge/testPeers';
import type { ClientPlan, ClientsResult, LoadThreadJob, LoadThreadNote } from './bridgeLoad';

// The bridge bench's load, on worker threads of their own (started by `bridgeLoad.ts`): the bridge
// server on one, the real clients on another, so neither shares an event loop with Playwright, the
// other, or the figures' bookkeeping. What the bench measures is then the page, not itself.

const port = parentPort!;
const job = workerData as LoadThreadJob;
const note = (message: LoadThreadNote): void => port.postMessage(message);

/** Runs the bridge server until the parent says `close`. */
async function serveBridge(origin: string): Promise<void> {
  const bridge = await startBridge({ port: 0, allowedOrigins: [origin], log: silent });
  port.on('message', () => void bridge.close().then(() => note({ kind: 'closed' })));
  note({ kind: 'bridge', port: bridge.port, address: bridge.address });
}

const opened = (socket: WebSocket): Promise<void> =>
  new Promise((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });

/**
 * Connects `plan.clients` clients, waits for their greetings, then sends as the plan says. Echo
 * actors answer each connection in order, so the n-th answer after the greetings is timed against
 * the n-th message sent.
 */
async function runClients(address: string, plan: ClientPlan): Promise<ClientsResult> {
  const sentAt = Array.from({ length: plan.clients }, () => new Float64Array(plan.messages));
  const sent = new Array<number>(plan.clients).fill(0);
  // Frames each client got, less its greeting: the index of the message the next one answers.
  const got = new Array<number>(plan.clients).fill(-plan.greeting);
  const rtts: number[] = [];
  let lastAnswer = 0;
  let answered = 0;
  let greeted = 0;
  const expected = plan.answers ? plan.clients * plan.messages : 0;
  let greetedAll: () => void = () => {};
  let answeredAll: () => void = () => {};
  const greetings = new Promise<void>((resolve) => (greetedAll = resolve));
  const answers = new Promise<void>((resolve) => (answeredAll = resolve));
  const send = (c: number): void => {
    const m = sent[c]!++;
    sentAt[c]![m] = performance.now();
    sockets[c]!.send(`client ${c} message ${m}`);
  };
  const onFrame = (c: number): void => {
    const index = got[c]!++;
    if (index < 0) {
      if (index === -1 && ++greeted === plan.clients) greetedAll();
      return;
    }
    lastAnswer = performance.now();
    rtts.push(lastAnswer - sentAt[c]![index]!);
    if (++answered === expected) answeredAll();
    // One in flight per client: the next message goes when this one is answered.
    if (plan.mode === 'loop' && sent[c]! < plan.messages) send(c);
  };
  // Listening from the start: a greeting can come before every other client has connected.
  const sockets = await Promise.all(
    Array.from({ length: plan.clients }, async (_, c) => {
      const socket = new WebSocket(address);
      socket.on('error', () => {});
      socket.on('message', () => onFrame(c));
      await opened(socket);
      return socket;
    }),
  );
  if (plan.greeting > 0) await greetings;
  note({ kind: 'sending' });
  const t0 = performance.now();
  await sendAll(plan, send, sent, t0);
  const sendingEnded = performance.now();
  if (expected > 0) await Promise.race([answers, new Promise((resolve) => setTimeout(resolve, plan.drainMs))]);
  for (const socket of sockets) socket.terminate();
  return { rtts, sendingMs: sendingEnded - t0, lastAnswerMs: answered > 0 ? lastAnswer - t0 : 0, answered, expected };
}

/** Sends the plan's messages: all at once, one per client to start a loop, or paced per second against the start. */
function sendAll(plan: ClientPlan, send: (client: number) => void, sent: readonly number[], t0: number): Promise<void> {
  switch (plan.mode) {
    case 'burst':
      for (let c = 0; c < plan.clients; c++) for (let m = 0; m < plan.messages; m++) send(c);
      return Promise.resolve();
    case 'loop':
      for (let c = 0; c < plan.clients; c++) send(c);
      return Promise.resolve();
    case 'paced': {
      const every = 1000 / plan.perSecond;
      // Starts spread over the first interval; each tick is scheduled against the start, so a
      // late tick does not lower the offered rate.
      const paced = (c: number) =>
        new Promise<void>((resolve) => {
          const offset = (c / plan.clients) * every;
          const tick = (): void => {
            send(c);
            if (sent[c] === plan.messages) return resolve();
            setTimeout(tick, Math.max(0, t0 + offset + sent[c]! * every - performance.now()));
          };
          setTimeout(tick, offset);
        });
      return Promise.all(Array.from({ length: plan.clients }, (_, c) => paced(c))).then(() => undefined);
    }
    default: {
      const exhaustive: never = plan;
      return exhaustive;
    }
  }
}

if (job.role === 'bridge') await serveBridge(job.origin);
else note({ kind: 'done', result: await runClients(job.address, job.plan) });

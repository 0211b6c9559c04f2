import { parentPort, workerData } from 'node:worker_threads';
import { WebSocket, WebSocketServer } from 'ws';
import { startBridge } from '../../src/server/bridge/server';
import { silent } from '../../src/server/bridge/testPeers';
import type { ClientPlan, ClientsResult, LoadThreadJob, LoadThreadNote } from './bridgeLoad';

// The bridge bench's load, on worker threads of their own (started by `bridgeLoad.ts`): the bridge
// server on one, the real clients on another (and for the proxy bench, the upstream on a third), so
// none shares an event loop with Playwright, the others, or the figures' bookkeeping. What the bench
// measures is then the page or the proxy, not itself.

const port = parentPort!;
const job = workerData as LoadThreadJob;
const note = (message: LoadThreadNote): void => port.postMessage(message);

/** Runs the bridge server until the parent says `close`. */
async function serveBridge(origin: string): Promise<void> {
  const bridge = await startBridge({ port: 0, allowedOrigins: [origin], log: silent });
  port.on('message', () => void bridge.close().then(() => note({ kind: 'closed' })));
  note({ kind: 'listening', port: bridge.port, address: bridge.address });
}

/** Runs an echo server (the proxy bench's upstream) until the parent says `close`. It says nothing first: a round trip is one message and its echo. */
async function serveUpstream(): Promise<void> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  server.on('connection', (socket) => {
    socket.on('error', () => {});
    socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
  });
  port.on('message', () => {
    for (const client of server.clients) client.terminate();
    server.close(() => note({ kind: 'closed' }));
  });
  const { port: bound } = server.address() as { port: number };
  note({ kind: 'listening', port: bound, address: `ws://127.0.0.1:${bound}` });
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
    // One (or a window) in flight per client: the next message goes when this one is answered.
    if ((plan.mode === 'loop' || plan.mode === 'window') && sent[c]! < plan.messages) send(c);
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
    case 'window':
      for (let c = 0; c < plan.clients; c++) for (let m = 0; m < Math.min(plan.inFlight, plan.messages); m++) send(c);
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
else if (job.role === 'upstream') await serveUpstream();
else note({ kind: 'done', result: await runClients(job.address, job.plan) });

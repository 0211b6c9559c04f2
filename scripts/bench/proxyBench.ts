import type { Browser } from '@playwright/test';
import { WebSocket } from 'ws';
import type { BridgeRecord } from '../../src/core';
import { threadWorker } from '../../src/cli/threadWorker';
import { InboundBridge } from '../../src/features/bridge/client/inboundBridge';
import { ProxyBridge, shadowActorOf } from '../../src/features/bridge/client/proxyBridge';
import { ActorClient } from '../../src/host/actorClient';
import { CONTROL_PATH, CONTROL_PROTOCOL_VERSION, TOKEN_PATH, VERSION_QUERY, type ServerMessage, type TokenResponse } from '../../src/protocols/bridgeControl';
import { isProxyServerMessage } from '../../src/protocols/proxyControl';
import { exampleBytes } from '../../src/runtime/testing/exampleActors';
import { httpGet, messagesOf, PAGE_ORIGIN } from '../../src/server/bridge/testPeers';
import { launchChromium, preview } from './browser';
import { attachTo, echoPage } from './bridgeTraffic';
import { rate, runClients, startBridgeThread, startUpstreamThread, type BridgeThread, type ClientPlan, type ClientsResult } from './bridgeLoad';
import { median, percentile, round } from './stats';

// Proxy mode's numbers: the round trip a real client sees through the bridge server in proxy mode
// against the same client talking to the upstream directly, and messages per second through it.
// The upstream is a real `ws` echo server (no greeting: a round trip is one message and its echo),
// the bridge server the real one, each on a thread of its own, as are the clients (`bridgeLoad.ts`);
// all on loopback. The page on the control channel is, one row each:
// - a bare control socket in Node that reads and parses the reports and does nothing else: the
//   server's cost alone;
// - the built app in Chromium with `echo` loaded, its Bridge panel attached and proxying, with
//   "Shadow with the actor" off and on (on: each client message also goes to the actor, whose
//   answer is compared with the upstream's);
// - with `--proxy-node`, also the page's proxy classes in Node (ProxyBridge with an InboundBridge,
//   wired as pageBridge.ts wires them) over a real ActorClient running `echo` on a worker thread,
//   shadow off and on: the page's own work without rendering or IndexedDB.
// The server waits for the page's socket, not for what the page does with the reports (it reads
// them all and keeps what it has not handled yet), so a slow page shows in how fast it got through
// them (`page_frames_per_s`) and how long after the last answer it finished (`page_behind_ms`); it
// shows in the clients' figures only when its work takes CPU from the server (few cores).

/** Round trips of one client, one in flight; the first `WARMUP` are not counted (JIT, connection set-up). */
const TRIPS = 2000;
const WARMUP = 200;
/** Throughput: clients × messages each, each client keeping `IN_FLIGHT` unanswered; fewer messages for a page in Chromium, which gets through them far more slowly. */
const CLIENTS = 10;
const MESSAGES = 1000;
const MESSAGES_CHROMIUM = 200;
const IN_FLIGHT = 8;
/** How long the clients (and then the page) may take to get their answers before the run gives up. */
const DRAIN_MS = 120_000;

type NodePageKind = 'bare' | 'shadow off' | 'shadow on';
type Row = Record<string, number | string | null>;

/** The page's side of one run, as far as it can tell. */
interface PageUnderTest {
  /**
   * Called before a run of `plan`: the wait, once the clients are done, until the page is done with
   * every frame of it. It resolves with `performance.now()` then, or with null after `timeoutMs`.
   */
  expect(plan: ClientPlan): (timeoutMs: number) => Promise<number | null>;
  /** Shadow comparisons so far, and how many differed. */
  compared(): Promise<{ compared: number; mismatches: number }>;
  problems: string[];
  close(): Promise<void>;
}

/** Opens the control channel as the playground page does: the token from /token, then /control, with an allowed Origin. */
async function controlSocket(bridge: BridgeThread): Promise<WebSocket> {
  const reply = await httpGet(`http://127.0.0.1:${bridge.port}${TOKEN_PATH}`, { Origin: PAGE_ORIGIN });
  if (reply.status !== 200) throw new Error(`GET /token answered ${reply.status}`);
  const { token } = JSON.parse(reply.body) as TokenResponse;
  const socket = new WebSocket(`ws://127.0.0.1:${bridge.port}${CONTROL_PATH}?${VERSION_QUERY}=${CONTROL_PROTOCOL_VERSION}&token=${encodeURIComponent(token)}`, { origin: PAGE_ORIGIN });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  // The bridge closing under the page (its thread stopped) is the end of a run, not news.
  socket.on('error', () => {});
  return socket;
}

/** A count and the waits on it. */
class Counter {
  value = 0;
  #waits: Array<{ count: number; resolve: (at: number | null) => void }> = [];

  add(n: number): void {
    this.value += n;
    const now = performance.now();
    this.#waits = this.#waits.filter((wait) => (this.value >= wait.count ? (wait.resolve(now), false) : true));
  }

  reached(count: number, timeoutMs: number): Promise<number | null> {
    if (this.value >= count) return Promise.resolve(performance.now());
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), timeoutMs);
      this.#waits.push({ count, resolve: (at) => (clearTimeout(timer), resolve(at)) });
    });
  }
}

/** A page's text frames of a run of `plan`: each client's messages and their echoes (and a greeting, when the plan waits for one). */
const textFrames = (plan: ClientPlan): number => plan.clients * (plan.greeting + 2 * plan.messages);

/** Attaches a Node page of `kind` to `bridge` and has the bridge proxy new clients to `upstream`. */
async function attachNodePage(bridge: BridgeThread, upstream: string, kind: NodePageKind): Promise<PageUnderTest> {
  const socket = await controlSocket(bridge);
  const texts = new Counter();
  const problems: string[] = [];
  let started: (message: ServerMessage) => void = () => {};
  const proxyStarted = new Promise<ServerMessage>((resolve) => (started = resolve));
  const watch = (message: ServerMessage): void => {
    if (message.type === 'proxy-state') started(message);
    if (message.type === 'error') problems.push(message.message);
  };
  const proxying = async (): Promise<void> => {
    const state = await proxyStarted;
    if (state.type !== 'proxy-state' || state.upstream === null) throw new Error(`the bridge did not start proxying: ${JSON.stringify(state)}`);
  };
  /** Resolves (within the ms given) once the page has seen every text frame a run of `plan` makes. */
  const expect: PageUnderTest['expect'] = (plan) => {
    const target = texts.value + textFrames(plan);
    return (ms) => texts.reached(target, ms);
  };

  if (kind === 'bare') {
    socket.on('message', (data) => {
      let frames = 0;
      for (const message of messagesOf(data)) {
        watch(message);
        if (message.type === 'proxy-frame' && message.frame.frame === 'text') frames++;
      }
      texts.add(frames);
    });
    socket.send(JSON.stringify({ type: 'proxy-start', upstream }));
    await proxying();
    return {
      expect,
      compared: () => Promise.resolve({ compared: 0, mismatches: 0 }),
      problems,
      close: () => Promise.resolve(socket.close()),
    };
  }

  // The page's classes, wired as pageBridge.ts wires them (its control channel needs a browser's WebSocket and fetch).
  const tap: { inbound?: InboundBridge } = {};
  const actor = new ActorClient({ createWorker: threadWorker, onEvent: () => tap.inbound?.observe(actor.events) });
  const loaded = await actor.load('echo.wasm', exampleBytes('echo'));
  if (!loaded.ok) throw new Error(`echo did not load: ${loaded.error.message}`);
  const send = (message: unknown): void => socket.send(JSON.stringify(message));
  const inbound = new InboundBridge(actor, send, () => {}, actor.events);
  tap.inbound = inbound;
  const shadowActor = shadowActorOf(actor);
  let nextId = -1;
  const isText = (record: BridgeRecord): boolean => record.input.ty.tag === 'text';
  const proxy = new ProxyBridge({
    actor: shadowActor,
    inbound,
    send,
    record: async (records) => {
      const recorded = await actor.recordBridge(records);
      if (!recorded.ok) problems.push(`could not record: ${recorded.error.message}`);
      texts.add(records.filter(isText).length);
    },
    allocateId: () => nextId--,
    onChange: () => {},
    onError: (message) => problems.push(message),
  });
  proxy.setShadow(kind === 'shadow on');
  socket.on('message', (data) => {
    for (const message of messagesOf(data)) {
      watch(message);
      if (message.type === 'hello') continue;
      if (isProxyServerMessage(message)) proxy.handle(message);
      else inbound.handle(message);
    }
  });
  proxy.start(upstream);
  await proxying();
  return {
    expect,
    compared: () => Promise.resolve({ compared: proxy.view().compared, mismatches: proxy.view().mismatches }),
    problems,
    close: () => {
      socket.close();
      actor.dispose();
      return Promise.resolve();
    },
  };
}

/** `1,234` in a status line → 1234. */
const countIn = (text: string, pattern: RegExp): number => Number(pattern.exec(text)?.[1]?.replace(/,/g, '') ?? 0);

/**
 * The built app in Chromium, `echo` ready, its Bridge panel attached to `bridge` and proxying new
 * clients to `upstream`, shadowing or not. The page is done with a run when it shows a card for
 * every client so far, none of them open (ProxyBridge applies the reports in order, so the clients'
 * closes come last) and, when shadowing, a verdict on every message sent.
 */
async function chromiumPage(browser: Browser, origin: string, bridge: BridgeThread, upstream: string, shadow: boolean): Promise<PageUnderTest> {
  const page = await echoPage(browser, origin);
  await attachTo(page, bridge.port);
  await page.getByRole('textbox', { name: 'Upstream URL' }).fill(upstream);
  if (shadow) await page.getByRole('checkbox', { name: 'Shadow with the actor' }).check();
  await page.getByRole('button', { name: 'Start proxy' }).click();
  const status = page.getByRole('status', { name: 'Proxy status' });
  await status.filter({ hasText: 'Proxying real clients' }).waitFor({ timeout: 30_000 });
  const compared = async () => {
    const text = (await status.textContent()) ?? '';
    return { compared: countIn(text, /([\d,]+) exchanges? compared/), mismatches: countIn(text, /([\d,]+) mismatch/) };
  };
  let clients = 0;
  let messages = 0;
  return {
    expect: (plan) => {
      clients += plan.clients;
      messages += plan.clients * plan.messages;
      const want = { cards: clients, compared: shadow ? messages : 0 };
      return (timeoutMs) =>
        page
          .waitForFunction(
            ({ cards, compared }) => {
              const text = document.querySelector('[aria-label="Proxy status"]')?.textContent ?? '';
              const verdicts = Number(/([\d,]+) exchanges? compared/.exec(text)?.[1]?.replace(/,/g, '') ?? 0);
              return document.querySelectorAll('.bridge-proxy .bridge-card').length >= cards && / 0 connections open/.test(text) && verdicts >= compared;
            },
            want,
            { polling: 20, timeout: timeoutMs },
          )
          .then(
            () => performance.now(),
            () => null,
          );
    },
    compared,
    problems: [],
    close: () => page.context().close(),
  };
}

/** What the clients saw, and (with a page) when the page was done with every frame of the run. */
async function run(address: string, plan: ClientPlan, page?: PageUnderTest): Promise<{ result: ClientsResult; pageMs: number | null; pageBehindMs: number | null }> {
  const caughtUp = page?.expect(plan);
  let t0 = 0;
  const result = await runClients(address, plan, () => (t0 = performance.now()));
  const doneAt = caughtUp === undefined ? null : await caughtUp(DRAIN_MS);
  if (doneAt === null) return { result, pageMs: null, pageBehindMs: null };
  return { result, pageMs: doneAt - t0, pageBehindMs: Math.max(0, doneAt - (t0 + result.lastAnswerMs)) };
}

const loop: ClientPlan = { mode: 'loop', clients: 1, messages: WARMUP + TRIPS, greeting: 0, answers: true, drainMs: DRAIN_MS };
const pipelined = (messages: number): ClientPlan => ({ mode: 'window', inFlight: IN_FLIGHT, clients: CLIENTS, messages, greeting: 0, answers: true, drainMs: DRAIN_MS });

/** The round trips of one client, one in flight, after the warm-up (ms). */
async function roundTrips(address: string, page?: PageUnderTest): Promise<number[]> {
  const rtts = (await run(address, loop, page)).result.rtts.slice(WARMUP);
  if (rtts.length !== TRIPS) throw new Error(`${TRIPS} round trips expected after the warm-up, ${rtts.length} answered`);
  return rtts;
}

/** Shadow verdicts of one run: how many exchanges were compared, and how many differed. */
async function verdictsOf(page: PageUnderTest, measure: () => Promise<unknown>): Promise<{ compared: number; differed: number }> {
  const before = await page.compared();
  await measure();
  const after = await page.compared();
  return { compared: after.compared - before.compared, differed: after.mismatches - before.mismatches };
}

/**
 * One page's row: direct and proxied measured in turns (round trips direct, then proxied; then
 * throughput direct, then proxied), so both see the machine in the same state, the page attached
 * and idle during the direct runs (each run waits for the page to finish with the one before).
 * `added_*` are the proxied median and p99 less the direct ones.
 */
async function measurePage(upstream: BridgeThread, bridge: BridgeThread, page: PageUnderTest, messages: number, shadow: boolean): Promise<Row> {
  const directTrips = await roundTrips(upstream.address);
  let proxiedTrips: number[] = [];
  const tripVerdicts = await verdictsOf(page, async () => (proxiedTrips = await roundTrips(bridge.address, page)));
  const load = pipelined(messages);
  const direct = (await run(upstream.address, load)).result;
  let proxied: Awaited<ReturnType<typeof run>> | undefined;
  const loadVerdicts = await verdictsOf(page, async () => (proxied = await run(bridge.address, load, page)));
  const { result, pageMs, pageBehindMs } = proxied!;
  const directRate = rate(direct.answered, direct.lastAnswerMs);
  const proxiedRate = rate(result.answered, result.lastAnswerMs);
  return {
    direct_median_ms: round(median(directTrips), 3),
    proxy_median_ms: round(median(proxiedTrips), 3),
    added_median_ms: round(median(proxiedTrips) - median(directTrips), 3),
    direct_p99_ms: round(percentile(directTrips, 0.99), 3),
    proxy_p99_ms: round(percentile(proxiedTrips, 0.99), 3),
    added_p99_ms: round(percentile(proxiedTrips, 0.99) - percentile(directTrips, 0.99), 3),
    load: `${load.clients} × ${messages.toLocaleString('en-US')}`,
    direct_msg_per_s: directRate,
    proxy_msg_per_s: proxiedRate,
    proxy_vs_direct: round(proxiedRate / directRate, 2),
    unanswered: direct.expected - direct.answered + result.expected - result.answered,
    page_frames_per_s: pageMs === null ? null : rate(2 * load.clients * messages, pageMs),
    page_behind_ms: pageBehindMs === null ? null : Math.round(pageBehindMs),
    ...(shadow ? { shadow_differed: `${tripVerdicts.differed} of ${tripVerdicts.compared} one in flight, ${loadVerdicts.differed} of ${loadVerdicts.compared} pipelined` } : {}),
    ...(page.problems.length > 0 ? { problem: page.problems[0]! } : {}),
  };
}

/** A fresh bridge server (allowing pages from `origin`) and a page on it, measured and closed. */
async function withBridge(origin: string, attach: (bridge: BridgeThread) => Promise<PageUnderTest>, measure: (bridge: BridgeThread, page: PageUnderTest) => Promise<Row>): Promise<Row> {
  const bridge = await startBridgeThread(origin);
  try {
    const page = await attach(bridge);
    try {
      return await measure(bridge, page);
    } finally {
      await page.close();
    }
  } finally {
    await bridge.close();
  }
}

/**
 * The server alone, then the app in Chromium shadowing off and on (and with `node`, the page's
 * classes in Node, shadowing off and on), each on a fresh bridge server, all on one upstream.
 * `dist` is the built app.
 */
export async function measureProxy({ dist = 'dist', node = false }: { dist?: string; node?: boolean } = {}): Promise<Record<string, Row>> {
  const upstream = await startUpstreamThread();
  const results: Record<string, Row> = {};
  const timed = async (name: string, measure: () => Promise<Row>) => {
    const t0 = performance.now();
    results[name] = await measure();
    console.error(`  proxy: ${name}: ${Math.round((performance.now() - t0) / 1000)} s`);
  };
  const nodePage = (kind: NodePageKind) => () =>
    withBridge(PAGE_ORIGIN, (bridge) => attachNodePage(bridge, upstream.address, kind), (bridge, page) => measurePage(upstream, bridge, page, MESSAGES, kind === 'shadow on'));
  try {
    await timed('server only (page: bare control socket, Node)', nodePage('bare'));
    const { origin, stop } = await preview(dist);
    const browser = await launchChromium();
    try {
      for (const shadow of [false, true])
        await timed(`page: the app in Chromium, shadow ${shadow ? 'on' : 'off'}`, () =>
          withBridge(origin, (bridge) => chromiumPage(browser, origin, bridge, upstream.address, shadow), (bridge, page) => measurePage(upstream, bridge, page, MESSAGES_CHROMIUM, shadow)),
        );
    } finally {
      await browser.close();
      stop();
    }
    if (node) {
      await timed('page: ProxyBridge + echo in Node, shadow off', nodePage('shadow off'));
      await timed('page: ProxyBridge + echo in Node, shadow on', nodePage('shadow on'));
    }
    return results;
  } finally {
    await upstream.close();
  }
}

import type { Browser, Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { PROTOCOL_VERSION } from '../../src/protocols/actorWorker';
import { launchChromium, preview } from './browser';
import { latency, rate, runClients, startBridgeThread } from './bridgeLoad';
import { attachTo, gameTraffic, sendToPainted } from './bridgeTraffic';

// Bridge mode's numbers (issue 5): 10 real clients × 1,000 messages through the bridge to the
// actor in a real Chromium page, on `echo` and `minimal`, against the same actors driven from the
// page alone. Everything runs on loopback on this machine; the bridge server and the clients run
// on threads of their own (`bridgeLoad.ts`), so this process's own work does not cap the figures.

const CLIENTS = 10;
const MESSAGES = 1000;
const TOTAL = CLIENTS * MESSAGES;
/** Round trips per client with one message in flight: each waits for a render, so fewer keep the run short. */
const LOOP_MESSAGES = 200;


/** A fresh page (and a fresh IndexedDB, so no saved session is restored) with `actor` ready. */
async function pageWith(browser: Browser, origin: string, actor: 'echo' | 'minimal'): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${origin}/`);
  const status = page.getByRole('status', { name: 'Actor status' });
  await status.filter({ hasText: /echo\s+ready/i }).waitFor({ timeout: 120_000 });
  if (actor === 'minimal') {
    await page.getByRole('button', { name: 'Load example minimal', exact: true }).click();
    await status.filter({ hasText: /minimal\s+ready/i }).waitFor({ timeout: 120_000 });
  }
  return page;
}

/** Waits until the page's bridge status says it has delivered `count` messages to the actor. */
async function delivered(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const text = document.querySelector('[aria-label="Bridge status"]')?.textContent ?? '';
      const match = /([\d,]+) messages delivered/.exec(text);
      return match !== null && Number(match[1]!.replace(/,/g, '')) >= n;
    },
    count,
    { polling: 20, timeout: 600_000 },
  );
}

/**
 * Every client sends its 1,000 messages at once (the e2e test's burst). With `echo`, each answer
 * is timed against its own message, so latency includes the queueing a burst causes, and the burst
 * runs twice in the same page with ten new clients the second time: the first in a worker that has
 * just loaded the actor (as cold as the page alone's first `sendMany`), the second once the page,
 * its worker and the bridge have warmed up (`warm_…`, compared with the page alone's warm rate).
 * `minimal` answers nothing, so its figure is how fast the page records the messages (delivery).
 */
async function burstThroughBridge(browser: Browser, origin: string, actor: 'echo' | 'minimal'): Promise<Record<string, number>> {
  const page = await pageWith(browser, origin, actor);
  const bridge = await startBridgeThread(origin);
  try {
    await attachTo(page, bridge.port);
    const echo = actor === 'echo';
    let t0 = 0;
    const plan = { mode: 'burst', clients: CLIENTS, messages: MESSAGES, greeting: echo ? 1 : 0, answers: echo, drainMs: 600_000 } as const;
    const run = runClients(bridge.address, plan, () => (t0 = performance.now()));
    if (echo) {
      const cold = await run;
      const warm = await runClients(bridge.address, plan);
      const { rtt_median_ms, rtt_p99_ms } = latency(warm.rtts);
      return {
        messages_per_s: rate(cold.answered, cold.lastAnswerMs),
        ...latency(cold.rtts),
        warm_messages_per_s: rate(warm.answered, warm.lastAnswerMs),
        warm_rtt_median_ms: rtt_median_ms,
        warm_rtt_p99_ms: rtt_p99_ms,
      };
    }
    await run;
    await delivered(page, TOTAL);
    return { delivered_per_s: rate(TOTAL, performance.now() - t0) };
  } finally {
    await bridge.close();
    await page.context().close();
  }
}

/** Each client keeps one message in flight (the next goes when the echo comes), 200 times: latency without a backlog. */
async function closedLoopThroughBridge(browser: Browser, origin: string): Promise<Record<string, number>> {
  const page = await pageWith(browser, origin, 'echo');
  const bridge = await startBridgeThread(origin);
  try {
    await attachTo(page, bridge.port);
    const result = await runClients(bridge.address, { mode: 'loop', clients: CLIENTS, messages: LOOP_MESSAGES, greeting: 1, answers: true, drainMs: 600_000 });
    return { messages_per_s: rate(result.answered, result.lastAnswerMs), ...latency(result.rtts) };
  } finally {
    await bridge.close();
    await page.context().close();
  }
}

/**
 * The same actor driven from the page alone: the page's own engine worker (the built
 * `actorWorker` bundle, the one the playground runs), spoken to over the same worker protocol,
 * measured in the page. `one at a time` is the path of a composer's Send (one call, one answer);
 * `sendMany` is the batched path the bridge uses, measured cold (first, as the bridge burst is:
 * the figure the burst is compared with) and warm (again after the single sends). No network, no
 * store, no rendering.
 */
async function pageAlone(browser: Browser, origin: string, actor: 'echo' | 'minimal', workerUrl: string): Promise<Record<string, number>> {
  const context = await browser.newContext();
  // tsx keeps function names with a `__name` helper that the function sent to the page calls.
  await context.addInitScript('globalThis.__name = (fn) => fn');
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  try {
    const result = await page.evaluate(
      async ({ workerUrl, wasmUrl, version, clients, messages }) => {
        const worker = new Worker(workerUrl, { type: 'module' });
        const waiting = new Map<number, (answer: { value: unknown; error?: { message: string } }) => void>();
        // Results a `sendMany` streamed before its answer (protocol 7 on; an older worker answers a prefix instead).
        let streamed = 0;
        let nextId = 1;
        worker.onmessage = (event: MessageEvent<{ id: number; progress?: { kind: string; results?: unknown[] }; value: unknown }>) => {
          const { progress } = event.data;
          if (progress === undefined) waiting.get(event.data.id)?.(event.data);
          else if (progress.kind === 'sent') streamed += progress.results!.length;
        };
        let speaks = version;
        const ask = (name: string, args: unknown) =>
          new Promise<{ value: unknown; error?: { message: string } }>((resolve) => {
            const id = nextId++;
            waiting.set(id, resolve);
            worker.postMessage({ v: speaks, id, call: name, args });
          });
        // A build of another protocol (the base build) says which one it speaks: speak that.
        speaks = Number(/speaks protocol (\d+)/.exec((await ask('open', {})).error?.message ?? '')?.[1] ?? version);
        const call = async <T>(name: string, args: unknown): Promise<T> => (await ask(name, args)).value as T;
        const bytes = new Uint8Array(await (await fetch(wasmUrl)).arrayBuffer());
        await call('load', { name: 'actor.wasm', bytes });
        const ids: number[] = [];
        for (let c = 0; c < clients; c++) ids.push((await call<{ connection: { id: number } }>('open', {})).connection.id);
        const items = Array.from({ length: clients * messages }, (_, i) => ({ connectionId: ids[i % clients]!, message: { ty: { tag: 'text' }, text: `client ${i % clients} message ${Math.floor(i / clients)}` } }));
        const batched = async () => {
          const t = performance.now();
          for (let done = 0; done < items.length; streamed = 0) done += (await call<unknown[]>('sendMany', { items: items.slice(done, done + 500), budgetMs: 50 })).length + streamed;
          return performance.now() - t;
        };
        // Batched first, in a worker as fresh as the bridge burst's (the actor just loaded, its
        // clients just opened): measured after the single sends, its rate was that of a warmed-up
        // worker (about 2.5x: 20k against 50k msg/s for echo), which the burst it is compared with never gets.
        const batchedMs = await batched();
        const rtts: number[] = [];
        const t0 = performance.now();
        for (const item of items) {
          const s = performance.now();
          await call('send', item);
          rtts.push(performance.now() - s);
        }
        const oneAtATimeMs = performance.now() - t0;
        const warmBatchedMs = await batched();
        worker.terminate();
        return { rtts, oneAtATimeMs, batchedMs, warmBatchedMs };
      },
      { workerUrl, wasmUrl: `./actors/${actor}.wasm`, version: PROTOCOL_VERSION, clients: CLIENTS, messages: MESSAGES },
    );
    return { one_at_a_time_per_s: rate(TOTAL, result.oneAtATimeMs), ...latency(result.rtts), send_many_cold_per_s: rate(TOTAL, result.batchedMs), send_many_warm_per_s: rate(TOTAL, result.warmBatchedMs) };
  } finally {
    await page.context().close();
  }
}

/**
 * The bridge's figures and the page-alone ones, per actor. `dist` is the built app to serve;
 * `only` picks the runs whose name contains it, or one of its `|`-separated parts (`burst|page alone`).
 */
export async function measureBridge(dist = 'dist', only?: string): Promise<Record<string, Record<string, number>>> {
  const workerFile = readdirSync(`${dist}/assets`).find((name) => /^actorWorker-.*\.js$/.test(name));
  if (!workerFile) throw new Error(`${dist}/assets has no actorWorker bundle: build the app first`);
  const { origin, stop } = await preview(dist);
  const browser = await launchChromium();
  const runs: Array<[string, () => Promise<Record<string, number>>]> = [
    ['echo, bridge, burst', () => burstThroughBridge(browser, origin, 'echo')],
    ['echo, bridge, 10 × 200, one in flight per client', () => closedLoopThroughBridge(browser, origin)],
    ['minimal, bridge, burst', () => burstThroughBridge(browser, origin, 'minimal')],
    ['echo, page alone', () => pageAlone(browser, origin, 'echo', `./assets/${workerFile}`)],
    ['minimal, page alone', () => pageAlone(browser, origin, 'minimal', `./assets/${workerFile}`)],
    ['echo, bridge, 100 clients × 10 msg/s for 30 s', () => gameTraffic(browser, origin)],
    ['echo, page alone, Send → response painted', () => sendToPainted(browser, origin)],
  ];
  const results: Record<string, Record<string, number>> = {};
  try {
    for (const [name, run] of runs.filter(([name]) => only === undefined || only.split('|').some((part) => name.includes(part)))) {
      // Each run takes tens of seconds or more on a small machine: say how it goes.
      const t0 = performance.now();
      results[name] = await run();
      console.error(`  bridge: ${name}: ${Math.round((performance.now() - t0) / 1000)} s`);
    }
    // Issue 10: the burst through the bridge against the same actor's batched rate in the page
    // alone, each as cold (the actor just loaded) and as warm (run once before) as the other.
    const burst = results['echo, bridge, burst'];
    const alone = results['echo, page alone'];
    if (burst && alone) {
      const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? Number.NaN : Math.round((a / b) * 100) / 100);
      results['echo, bridge burst ÷ page alone sendMany'] = { cold: ratio(burst.messages_per_s, alone.send_many_cold_per_s), warm: ratio(burst.warm_messages_per_s, alone.send_many_warm_per_s) };
    }
    return results;
  } finally {
    await browser.close();
    stop();
  }
}

/**
 * `measureBridge` for this build (`dist`) and, when given, another one (`base`, e.g. the commit
 * before a change built with `vite build --outDir dist-base`) in the same run, one after the
 * other; rows are named `<build>: <run>`.
 */
export async function measureBridgeBuilds(base: string | undefined, only?: string): Promise<Record<string, Record<string, number>>> {
  const results: Record<string, Record<string, number>> = {};
  for (const dist of base === undefined ? ['dist'] : [base, 'dist']) {
    for (const [name, figures] of Object.entries(await measureBridge(dist, only))) results[`${dist}: ${name}`] = figures;
  }
  return results;
}

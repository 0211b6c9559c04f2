import type { Browser, Page } from '@playwright/test';
import { sendToPaintProbe } from './browser';
import { latency, runClients, startBridgeThread } from './bridgeLoad';
import { median, percentile, round } from './stats';

// Issue 10's bridge traffic: a small game's load (100 real clients, 10 messages a second each,
// for 30 s) through the bridge to `echo` in a real Chromium page, and the page alone's Send →
// response painted. Everything runs on loopback on this machine.

const GAME_CLIENTS = 100;
const PER_CLIENT_PER_S = 10;
const GAME_SECONDS = 30;
/** How long after the last message is sent the run waits for answers before counting the rest unanswered. */
const DRAIN_MS = 60_000;
const PAINT_RUNS = 20;

/** A fresh page (and a fresh IndexedDB, so no saved session is restored) with `echo` ready. */
export async function echoPage(browser: Browser, origin: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${origin}/`);
  await page.getByRole('status', { name: 'Actor status' }).filter({ hasText: /echo\s+ready/i }).waitFor({ timeout: 120_000 });
  return page;
}

/** Attaches `page` through its Bridge panel to the bridge on `port`. */
export async function attachTo(page: Page, port: number): Promise<void> {
  await page.getByRole('tab', { name: 'Bridge', exact: true }).click();
  await page.getByRole('textbox', { name: 'Bridge address' }).fill(`127.0.0.1:${port}`);
  await page.getByRole('button', { name: 'Start bridge' }).click();
  await page.getByRole('status', { name: 'Bridge status' }).filter({ hasText: 'Real clients connect to' }).waitFor({ timeout: 30_000 });
}

/**
 * 100 clients each send a message every 100 ms (their starts spread over the first 100 ms) for
 * 30 s; each echo is timed against its own message (echo answers a connection in order).
 * `achieved_per_s` is the answers over the time from the first send to the last answer (or the
 * end of sending, if later): it equals the offered rate only when the page keeps up.
 */
export async function gameTraffic(browser: Browser, origin: string, seconds = GAME_SECONDS): Promise<Record<string, number>> {
  const page = await echoPage(browser, origin);
  const bridge = await startBridgeThread(origin);
  try {
    await attachTo(page, bridge.port);
    const result = await runClients(bridge.address, { mode: 'paced', perSecond: PER_CLIENT_PER_S, clients: GAME_CLIENTS, messages: seconds * PER_CLIENT_PER_S, greeting: 1, answers: true, drainMs: DRAIN_MS });
    const offered = result.expected / (result.sendingMs / 1000);
    const achieved = result.answered / (Math.max(result.lastAnswerMs, result.sendingMs) / 1000);
    return {
      offered_per_s: Math.round(offered),
      achieved_per_s: Math.round(achieved),
      achieved_ratio: round(achieved / offered, 2),
      unanswered: result.expected - result.answered,
      ...latency(result.rtts),
    };
  } finally {
    await bridge.close();
    await page.context().close();
  }
}

/** Send → the echo painted in the connection's transcript, page alone (ms, median of 20 sends on one connection). */
export async function sendToPainted(browser: Browser, origin: string): Promise<Record<string, number>> {
  const page = await echoPage(browser, origin);
  try {
    await page.getByRole('button', { name: 'New connection' }).click();
    const card = page.getByRole('region', { name: 'Connection #1', exact: true });
    const samples: number[] = [];
    for (let run = 0; run < PAINT_RUNS; run++) {
      const text = `painted ${run} ${'x'.repeat(run % 3)}|`;
      await card.getByRole('textbox', { name: 'Message', exact: true }).fill(text);
      const probe = page.evaluate<number>(sendToPaintProbe('[aria-label="Transcript"]', text, 2));
      await card.getByRole('button', { name: 'Send' }).click();
      samples.push(await probe);
    }
    return { send_to_painted_median_ms: round(median(samples), 1), send_to_painted_p95_ms: round(percentile(samples, 0.95), 1) };
  } finally {
    await page.context().close();
  }
}

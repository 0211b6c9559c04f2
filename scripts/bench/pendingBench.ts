import type { Browser } from '@playwright/test';
import { existsSync } from 'node:fs';
import { launchChromium, preview, sendToPaintProbe } from './browser';
import { median, round } from './stats';

// Issue 13: the time from Send to the first sign of the call in the timeline, painted. The call is
// the faulty example's `loop`, which never answers, so the watchdog (the page's 5 s) ends it: on a
// build without pending rows the first sign is the recorded event, after the watchdog; on one with
// them, the pending row. Each build in the same run, in its own `vite preview`.

const RUNS = 5;

/** Median ms from Send to the call painted in the timeline, over `RUNS` sends of `loop` on a fresh connection each. */
async function sendToRow(browser: Browser, dist: string): Promise<number> {
  const { origin, stop } = await preview(dist);
  const page = await (await browser.newContext()).newPage();
  try {
    await page.goto(`${origin}/`);
    const status = page.getByRole('status', { name: 'Actor status' });
    await status.filter({ hasText: /ready/i }).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Load example faulty', exact: true }).click();
    await status.filter({ hasText: /faulty\s+ready/i }).waitFor({ timeout: 120_000 });
    // The heading counts every event; the list renders only the rows near the view.
    const eventCount = () => page.evaluate(() => Number(/\d+/.exec(document.getElementById('timeline-heading')?.textContent ?? '')?.[0] ?? 0));
    const samples: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.getByRole('button', { name: 'New connection' }).click();
      const card = page.getByRole('region', { name: `Connection #${run + 1}`, exact: true });
      await card.getByRole('textbox', { name: 'Message', exact: true }).fill('loop');
      const before = await eventCount();
      const probe = page.evaluate<number>(sendToPaintProbe('section.timeline', '"loop"', 1));
      await card.getByRole('button', { name: 'Send' }).click();
      samples.push(await probe);
      // The watchdog ends the call; the next send must not queue behind it.
      await page.waitForFunction((n) => Number(/\d+/.exec(document.getElementById('timeline-heading')?.textContent ?? '')?.[0] ?? 0) > n, before, { timeout: 60_000 });
      await status.filter({ hasText: /faulty\s+ready/i }).waitFor({ timeout: 60_000 });
      await card.getByRole('button', { name: 'Close connection' }).click();
      await status.filter({ hasText: /faulty\s+ready/i }).waitFor({ timeout: 60_000 });
    }
    return round(median(samples), 1);
  } finally {
    await page.context().close();
    stop();
  }
}

/**
 * Send → call painted in the timeline (ms, median of 5), for this build (`dist`) and, when built,
 * the one to compare with (`BENCH_BASE_DIST`, default `dist-base`: e.g. the commit before
 * issue 13, built with `vite build --outDir`).
 */
export async function measurePending(): Promise<Record<string, { send_to_row_painted_ms: number }>> {
  const base = process.env.BENCH_BASE_DIST ?? 'dist-base';
  const builds = existsSync(`${base}/index.html`) ? { [base]: base, dist: 'dist' } : { dist: 'dist' };
  const browser = await launchChromium();
  try {
    const results: Record<string, { send_to_row_painted_ms: number }> = {};
    for (const [name, dist] of Object.entries(builds)) results[name] = { send_to_row_painted_ms: await sendToRow(browser, dist) };
    return results;
  } finally {
    await browser.close();
  }
}

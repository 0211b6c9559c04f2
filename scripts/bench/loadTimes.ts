import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { launchChromium, preview } from './browser';
import { median, round } from './stats';

const RUNS = 3;
const EXAMPLES = ['echo', 'counter', 'minimal', 'faulty', 'imports'];

/**
 * One measurement: from handing the file to the `Load actor` input to the first recorded answer
 * of a new connection (the actor's reply to `connect`), as a person would see it.
 */
async function fileToFirstResponse(page: Page, name: string, bytes: Buffer): Promise<number> {
  const timeline = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem');
  const before = await timeline.count();
  const t0 = performance.now();
  await page.getByLabel('Load actor').setInputFiles({ name: `${name}.wasm`, mimeType: 'application/wasm', buffer: bytes });
  // A load resets the history (to init, for actors that have it), which is how a second load of
  // the same file is told apart from the first being still on screen.
  if (before > 1) await page.waitForFunction((n) => document.querySelectorAll('[aria-label="Timeline"] > li, [aria-label="Timeline"] [role="listitem"]').length < n, before);
  await page.getByRole('status', { name: 'Actor status' }).filter({ hasText: new RegExp(`^\\s*${name}\\s+ready`, 'i') }).waitFor({ timeout: 60_000 });
  const loaded = await timeline.count();
  await page.getByRole('button', { name: 'New connection' }).click();
  await timeline.nth(loaded).waitFor({ timeout: 60_000 });
  return performance.now() - t0;
}

/** Median ms from file chosen to first response, first load and second load, per example. */
export async function measureLoadTimes(): Promise<Record<string, { first_load_ms: number; second_load_ms: number }>> {
  const { origin, stop } = await preview();
  const browser = await launchChromium();
  try {
    const results: Record<string, { first_load_ms: number; second_load_ms: number }> = {};
    for (const name of EXAMPLES) {
      const bytes = readFileSync(`public/actors/${name}.wasm`);
      const first: number[] = [];
      const second: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const page = await browser.newPage();
        await page.goto(`${origin}/`);
        await page.getByRole('status', { name: 'Actor status' }).filter({ hasText: /ready/i }).waitFor({ timeout: 60_000 });
        first.push(await fileToFirstResponse(page, name, bytes));
        second.push(await fileToFirstResponse(page, name, bytes));
        await page.close();
      }
      results[name] = { first_load_ms: round(median(first), 0), second_load_ms: round(median(second), 0) };
    }
    return results;
  } finally {
    await browser.close();
    stop();
  }
}

import type { Browser, Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, preview } from './browser';
import { median, round } from './stats';

const RUNS = 3;
const EXAMPLES = ['echo', 'counter', 'minimal', 'faulty', 'imports'];
/** What a person takes to pick a file after the page is up: the page is idle meanwhile (a spare worker warms). */
const IDLE_MS = 1000;
/** The component cache's Cache Storage name (src/workers/cacheStorageCache.ts); a build without it has nothing there. */
const CACHE_NAME = 'theater-playground-components';

const ready = (page: Page, name?: string) =>
  page
    .getByRole('status', { name: 'Actor status' })
    .filter({ hasText: name ? new RegExp(`^\\s*${name}\\s+ready`, 'i') : /ready/i })
    .waitFor({ timeout: 60_000 });

/**
 * One measurement: from handing the file to the `Load actor` input to the first recorded answer
 * of a new connection (the actor's reply to `connect`), as a person would see it. The file goes
 * by path (Chromium reads it), not as a buffer Playwright would send through the protocol in
 * base64, which alone took ~100 ms of a 1.6 MB load and is no part of the page.
 */
async function fileToFirstResponse(page: Page, name: string, path = `public/actors/${name}.wasm`): Promise<number> {
  const timeline = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem');
  const before = await timeline.count();
  const t0 = performance.now();
  await page.getByLabel('Load actor').setInputFiles(path);
  // A load resets the history (to init, for actors that have it, else to nothing), which is how
  // a second load of the same file is told apart from the first being still on screen.
  if (before > 0) await page.waitForFunction((n) => document.querySelectorAll('[aria-label="Timeline"] > li, [aria-label="Timeline"] [role="listitem"]').length < n, before);
  await ready(page, name);
  const loaded = await timeline.count();
  await page.getByRole('button', { name: 'New connection' }).click();
  await timeline.nth(loaded).waitFor({ timeout: 60_000 });
  return performance.now() - t0;
}

/**
 * `name`'s component with a custom section of random bytes appended (id 0, name "bench": allowed
 * anywhere in a component and ignored by jco), written as `<tmp>/<name>.wasm`: bytes no cache and
 * no prebuilt entry holds, so its load runs jco in every build.
 */
function unseenCopy(name: string): string {
  const payload = Buffer.concat([Buffer.from([5]), Buffer.from('bench'), randomBytes(16)]);
  const path = join(mkdtempSync(join(tmpdir(), 'bench-load-')), `${name}.wasm`);
  writeFileSync(path, Buffer.concat([readFileSync(`public/actors/${name}.wasm`), Buffer.from([0, payload.length]), payload]));
  return path;
}

interface Runs {
  unseen: number[];
  cold: number[];
  again: number[];
  reload: number[];
}

/**
 * One run for one example in a browser profile of its own (empty storage): the page opened
 * (`fresh page → default actor ready`, pushed to `fresh`), the component cache emptied (the
 * default actor filled it), then the example loaded cold, again, and again after a page reload.
 */
async function run(browser: Browser, origin: string, name: string, runs: Runs, fresh: number[]): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(`${origin}/`);
    await ready(page, 'echo');
    fresh.push(performance.now() - t0);
    await page.evaluate((cache) => caches.delete(cache), CACHE_NAME);
    await page.waitForTimeout(IDLE_MS);
    runs.unseen.push(await fileToFirstResponse(page, name, unseenCopy(name)));
    await page.waitForTimeout(IDLE_MS);
    runs.cold.push(await fileToFirstResponse(page, name));
    await page.waitForTimeout(IDLE_MS);
    runs.again.push(await fileToFirstResponse(page, name));
    await page.reload();
    await ready(page);
    await page.waitForTimeout(IDLE_MS);
    runs.reload.push(await fileToFirstResponse(page, name));
  } finally {
    await context.close();
  }
}

type Figures = Record<string, number | null>;

/**
 * Per build and example, medians (ms) of file chosen → first response: `unseen` (its bytes with
 * a random custom section: jco runs in every build), `cold` (first load of the file itself in a
 * fresh profile, component cache empty: jco, or the entry built with the app), `again` (the same file once more), `reload` (the
 * same file after a page reload), and ratios (again and reload ÷ cold and ÷ unseen); per build,
 * `fresh page → default actor ready` (navigation in a fresh profile → Actor status says echo
 * ready). Builds: `dist`, and the base (BENCH_BASE_DIST, default `dist-base`) when built, run
 * alternately so both see the same machine.
 */
export async function measureLoadTimes(): Promise<Record<string, Figures>> {
  const base = process.env.BENCH_BASE_DIST ?? 'dist-base';
  const builds = existsSync(`${base}/index.html`) ? [base, 'dist'] : ['dist'];
  const servers = await Promise.all(builds.map((dist) => preview(dist)));
  const browser = await launchChromium();
  try {
    const runs = new Map(builds.map((dist) => [dist, new Map(EXAMPLES.map((name) => [name, { unseen: [], cold: [], again: [], reload: [] } as Runs]))]));
    const fresh = new Map(builds.map((dist) => [dist, [] as number[]]));
    for (let i = 0; i < RUNS; i++) {
      for (const name of EXAMPLES) {
        for (const [b, dist] of builds.entries()) await run(browser, servers[b]!.origin, name, runs.get(dist)!.get(name)!, fresh.get(dist)!);
      }
    }
    const results: Record<string, Figures> = {};
    for (const dist of builds) {
      for (const [name, { unseen, cold, again, reload }] of runs.get(dist)!) {
        const [u, c, a, r] = [median(unseen), median(cold), median(again), median(reload)];
        results[`${dist} ${name}`] = {
          unseen_ms: round(u, 0), cold_ms: round(c, 0), again_ms: round(a, 0), reload_ms: round(r, 0),
          again_per_cold: round(a / c, 2), reload_per_cold: round(r / c, 2), again_per_unseen: round(a / u, 2), reload_per_unseen: round(r / u, 2),
        };
      }
      const none = { cold_ms: null, again_ms: null, reload_ms: null, again_per_cold: null, reload_per_cold: null, again_per_unseen: null, reload_per_unseen: null };
      results[`${dist} fresh page → echo ready`] = { ...none, unseen_ms: null, cold_ms: round(median(fresh.get(dist)!), 0) };
    }
    return results;
  } finally {
    await browser.close();
    for (const server of servers) server.stop();
  }
}

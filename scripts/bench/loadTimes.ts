import type { Browser, Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, preview } from './browser';
import { median, round } from './stats';

/** Runs per build and example, and the examples measured: `--load-runs=<n>` and `--load-examples=<a,b>` narrow them. */
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
 * Source text to evaluate in a page before a load of `name` (see `fileToFirstResponse`): resolves
 * with the page's own time (ms) from the file input's change to the Actor status saying `name`
 * ready after a load, plus from the next click on New connection to the frame that shows the
 * actor's answer painted (a task queued from requestAnimationFrame runs after that frame's paint).
 * Source text, not a function: tsx would wrap the page-side closures in a helper the page lacks.
 */
const loadToAnswerProbe = (name: string): string => `new Promise((resolve) => {
  const status = () => document.querySelector('[aria-label="Actor status"]')?.textContent ?? '';
  const rows = () => document.querySelectorAll('[aria-label="Timeline"] [role="listitem"], [aria-label="Timeline"] > li').length;
  const ready = new RegExp(${JSON.stringify(`^\\s*${name}\\s+ready`)}, 'i');
  // The load has ended once the status says ready after saying loading, or (a load so quick that
  // no frame showed "loading") once the history it replaced is gone.
  let changed = 0, loading = false, rowsBefore = 0, loadMs = 0, clicked = 0, before = 0;
  const observer = new MutationObserver(() => {
    if (!loadMs) {
      if (/loading/i.test(status())) loading = true;
      else if ((loading || rows() < rowsBefore) && ready.test(status())) loadMs = performance.now() - changed;
    } else if (clicked && rows() > before) {
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve(loadMs + performance.now() - clicked)));
    }
  });
  document.addEventListener('change', (event) => {
    if (!event.target.labels?.[0]?.textContent.includes('Load actor')) return;
    changed = performance.now();
    rowsBefore = rows();
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }, { capture: true, once: true });
  document.addEventListener('click', function onClick(event) {
    if (!loadMs || event.target.closest('button')?.textContent.trim() !== 'New connection') return;
    document.removeEventListener('click', onClick, true);
    before = rows();
    clicked = performance.now();
  }, true);
  setTimeout(() => resolve(Number.NaN), 120_000);
})`;

/**
 * One measurement: from handing the file to the `Load actor` input to the first recorded answer
 * of a new connection (the actor's reply to `connect`), as a person would see it, timed by the
 * page itself (`loadToAnswerProbe`): the file input's change to `name` ready, plus the click on
 * New connection to the answer painted. The time Playwright itself takes between the two (its
 * round trips to find and click the button: 100-400 ms on a loaded machine, a person's reaction
 * time in real life) is no part of it. The file goes by path (Chromium reads it), not as a buffer
 * Playwright would send through the protocol in base64.
 */
async function fileToFirstResponse(page: Page, name: string, path = `public/actors/${name}.wasm`): Promise<number> {
  const timeline = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem');
  const before = await timeline.count();
  const probe = page.evaluate(loadToAnswerProbe(name)) as Promise<number>;
  await page.getByLabel('Load actor').setInputFiles(path);
  // A load resets the history (to init, for actors that have it, else to nothing), which is how
  // a second load of the same file is told apart from the first being still on screen.
  if (before > 0) await page.waitForFunction((n) => document.querySelectorAll('[aria-label="Timeline"] > li, [aria-label="Timeline"] [role="listitem"]').length < n, before);
  await ready(page, name);
  const loaded = await timeline.count();
  await page.getByRole('button', { name: 'New connection' }).click();
  await timeline.nth(loaded).waitFor({ timeout: 60_000 });
  return probe;
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
 * fresh profile, component cache empty: jco, or the entry built with the app; for echo, the
 * page's default, the compiled modules the page kept of it where a build keeps them), `again`
 * (the same file once more), `reload` (the same file after a page reload, which reopens the
 * session of the last load), and ratios (again and reload ÷ cold and ÷ unseen); per build,
 * `fresh page → default actor ready` (navigation in a fresh profile → Actor status says echo
 * ready). Builds: `dist`, and the base (BENCH_BASE_DIST, default `dist-base`) when built, run
 * alternately so both see the same machine.
 */
export async function measureLoadTimes(options: { runs?: number; examples?: string[] } = {}): Promise<Record<string, Figures>> {
  const { runs: count = RUNS, examples = EXAMPLES } = options;
  const base = process.env.BENCH_BASE_DIST ?? 'dist-base';
  const builds = existsSync(`${base}/index.html`) ? [base, 'dist'] : ['dist'];
  const servers = await Promise.all(builds.map((dist) => preview(dist)));
  const browser = await launchChromium();
  try {
    const runs = new Map(builds.map((dist) => [dist, new Map(examples.map((name) => [name, { unseen: [], cold: [], again: [], reload: [] } as Runs]))]));
    const fresh = new Map(builds.map((dist) => [dist, [] as number[]]));
    for (let i = 0; i < count; i++) {
      for (const name of examples) {
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

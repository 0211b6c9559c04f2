import type { Browser, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { textMessage, type ActorEvent, type StateRef } from '../../src/core';
import * as thisCore from '../../src/core/chain/chain';
import type { ChainWriter } from '../../src/core/chain/chainValues';
import { launchChromium, preview } from './browser';
import { startWithClients } from './recordSession';
import { median, round } from './stats';

// Issue 10: the chain hash of the event that makes a 16 MiB state (the faulty example's `huge 16`:
// a state of 16 MiB of JSON, about 200 MB of entry text). In Node, this tree's chain code against
// the core of BENCH_BASE_REV on the same recorded events; in Chromium, the Inspector's `Compute
// chain hash` on this build (`dist`) and on BENCH_BASE_DIST (default dist-base) when it is built,
// and `Import chain` of a chain holding a 4 MiB state (its hashes verified as it is read).

const RUNS = 3;
const COMMAND = 'huge 16';
/** The chain imported in Chromium: faulty's history after this, exported by this tree (about 50 MB). */
const IMPORTED = 'huge 4';
/** The commit before chain hashing was made fast (hash-wasm, word-table expansion). */
const BASE_REV = process.env.BENCH_BASE_REV ?? 'a7f1f46';

type ChainModule = Pick<typeof thisCore, 'ChainBuilder'>;

/** The median of the first or second figure of each run's pair. */
const medianOf = (pairs: Array<[number, number]>, i: 0 | 1) => median(pairs.map((pair) => pair[i]));

/**
 * The core of `rev` (its chain code and what that imports), unpacked under bench-results so its
 * imports resolve to this tree's node_modules; the generated WIT types come from this tree.
 */
async function baseCore(rev: string): Promise<ChainModule> {
  const dir = `bench-results/base-src/${rev}`;
  if (!existsSync(`${dir}/src/core/chain/chain.ts`)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${rev} src/core | tar -x -C ${dir}`]);
    cpSync('src/core/generated', `${dir}/src/core/generated`, { recursive: true });
  }
  return (await import(pathToFileURL(`${dir}/src/core/chain/chain.ts`).href)) as ChainModule;
}

/**
 * ms to hash the chain through the last event, the ones before it hashed already (as the Inspector
 * asks): wall time, and the process's CPU time, which a busy machine disturbs much less.
 */
function hashLast(core: ChainModule, writer: ChainWriter, events: readonly ActorEvent[], state: (ref: StateRef) => Uint8Array | undefined): [number, number] {
  const builder = new core.ChainBuilder(writer);
  builder.extend(events.slice(0, -1), state);
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  builder.extend(events, state);
  const ms = performance.now() - t0;
  const { user, system } = process.cpuUsage(cpu);
  if (!builder.eventHash(events.length - 1)) throw new Error('no chain hash for the event');
  return [ms, (user + system) / 1000];
}

/** The chain of faulty's history after `command`, as this tree exports it. */
async function exportedChain(command: string): Promise<string> {
  const { session, connections } = await startWithClients('public/actors/faulty.wasm', 1);
  const sent = await session.send(connections[0]!, textMessage(command));
  if (!sent.ok || sent.value.event.outcome.kind !== 'ok') throw new Error(`faulty did not make the state: ${JSON.stringify(sent)}`);
  return session.exportChain();
}

/** Node: faulty runs `huge 16` in a real session; each core hashes that event, alternately, RUNS times. */
async function measureNode(): Promise<Record<string, number>> {
  const { session, connections } = await startWithClients('public/actors/faulty.wasm', 1);
  const sent = await session.send(connections[0]!, textMessage(COMMAND));
  if (!sent.ok || sent.value.event.outcome.kind !== 'ok') throw new Error(`faulty did not make the state: ${JSON.stringify(sent)}`);
  const state = (ref: StateRef) => session.state(ref);
  const base = await baseCore(BASE_REV);
  const runs = { base: [] as Array<[number, number]>, now: [] as Array<[number, number]> };
  for (let run = 0; run < RUNS; run++) {
    runs.base.push(hashLast(base, session.info, session.events, state));
    runs.now.push(hashLast(thisCore, session.info, session.events, state));
  }
  // Both must give the same hash, or the comparison means nothing.
  const hashOf = (core: ChainModule) => {
    const builder = new core.ChainBuilder(session.info);
    builder.extend(session.events, state);
    return builder.eventHash(session.events.length - 1)!.join(',');
  };
  if (hashOf(base) !== hashOf(thisCore)) throw new Error(`the chain hashes of ${BASE_REV} and this tree differ`);
  return {
    [`node_${BASE_REV}_ms`]: round(medianOf(runs.base, 0), 0),
    node_this_tree_ms: round(medianOf(runs.now, 0), 0),
    node_speedup: round(medianOf(runs.base, 0) / medianOf(runs.now, 0), 1),
    [`node_${BASE_REV}_cpu_ms`]: round(medianOf(runs.base, 1), 0),
    node_this_tree_cpu_ms: round(medianOf(runs.now, 1), 0),
  };
}

/** Longest tasks on the page's main thread, collected from its start. */
const LONGTASKS = `globalThis.__longtasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) globalThis.__longtasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });`;

/**
 * Resolves, once `Compute chain hash` is clicked, with the ms until the hash is shown and painted,
 * and the longest main-thread task meanwhile (the hash runs in the actor's worker). Source text:
 * tsx would wrap page-side closures in a helper the page lacks.
 */
const HASH_PROBE = `new Promise((resolve) => {
  let t0 = 0;
  const shown = () => /^[0-9a-f]{40}$/.test(document.querySelector('.inspector__hash code')?.textContent ?? '');
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => {
      const ms = performance.now() - t0;
      const longest = Math.max(0, ...globalThis.__longtasks.filter(([start]) => start >= t0).map(([, d]) => d));
      resolve([ms, longest]);
    }));
  });
  const onClick = (event) => {
    if (event.target.closest('button')?.textContent.trim() !== 'Compute chain hash') return;
    document.removeEventListener('click', onClick, true);
    t0 = performance.now();
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  };
  document.addEventListener('click', onClick, true);
})`;

/** ms from the chain file chosen to the imported history's notice, and the longest main-thread task meanwhile. */
async function importOnce(page: Page, chainPath: string): Promise<[number, number]> {
  const since = await page.evaluate(() => performance.now());
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Files', exact: true }).click();
  await page.getByRole('menu', { name: 'Files' }).getByRole('menuitem', { name: 'Import chain', exact: true }).click();
  const t0 = performance.now();
  await (await chooser).setFiles(chainPath);
  const notice = page.getByText(/^Imported a chain of \d+ entries/).first();
  await notice.waitFor({ timeout: 120_000 });
  const ms = performance.now() - t0;
  const longest = await page.evaluate((since) => Math.max(0, ...(globalThis as unknown as { __longtasks: Array<[number, number]> }).__longtasks.filter(([start]) => start >= since).map(([, d]) => d)), since);
  // The notice goes once the history grows: the next import's is then a new one.
  await page.getByRole('button', { name: 'New connection' }).click();
  await notice.waitFor({ state: 'hidden' });
  return [ms, longest];
}

/** Chromium: faulty, `huge 16` sent RUNS times, each new event's hash computed from the Inspector; then `chain` imported RUNS times. */
async function measurePage(browser: Browser, dist: string, chainPath: string): Promise<Record<string, number>> {
  const { origin, stop } = await preview(dist);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await context.addInitScript(LONGTASKS);
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    const status = page.getByRole('status', { name: 'Actor status' });
    await status.filter({ hasText: /ready/i }).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Load example faulty', exact: true }).click();
    await status.filter({ hasText: /faulty\s+ready/i }).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'New connection' }).click();
    const card = page.getByRole('region', { name: 'Connection #1', exact: true });
    const samples: Array<[number, number]> = [];
    for (let run = 0; run < RUNS; run++) {
      await card.getByRole('textbox', { name: 'Message', exact: true }).fill(COMMAND);
      await card.getByRole('button', { name: 'Send' }).click();
      // The Inspector follows the person's own call: the new event, its hash not yet asked for.
      const compute = page.getByRole('button', { name: 'Compute chain hash' });
      await compute.waitFor({ timeout: 120_000 });
      const probe = page.evaluate<[number, number]>(HASH_PROBE);
      await compute.click();
      samples.push(await probe);
    }
    const imports: Array<[number, number]> = [];
    for (let run = 0; run < RUNS; run++) imports.push(await importOnce(page, chainPath));
    const ms = (pairs: Array<[number, number]>, i: 0 | 1) => round(medianOf(pairs, i), 0);
    return { hash_ms: ms(samples, 0), hash_longest_main_task_ms: ms(samples, 1), import_ms: ms(imports, 0), import_longest_main_task_ms: ms(imports, 1) };
  } finally {
    await context.close();
    stop();
  }
}

/** The chain part of `npm run bench`: medians of RUNS, ms, and how many times faster this tree is. */
export async function measureChain(): Promise<Record<string, number>> {
  const results = await measureNode();
  // A file on disk: the browser reads it itself, as it would a person's.
  const chain = await exportedChain(IMPORTED);
  const chainPath = 'bench-results/faulty-chain.json';
  writeFileSync(chainPath, chain);
  results.imported_chain_mb = round(chain.length / 1e6, 0);
  const baseDist = process.env.BENCH_BASE_DIST ?? 'dist-base';
  const browser = await launchChromium();
  try {
    const builds = existsSync(`${baseDist}/index.html`) ? { [baseDist]: baseDist, dist: 'dist' } : { dist: 'dist' };
    for (const [name, dist] of Object.entries(builds)) {
      for (const [figure, value] of Object.entries(await measurePage(browser, dist, chainPath))) results[`chromium_${name}_${figure}`] = value;
    }
  } finally {
    await browser.close();
  }
  if (results[`chromium_${baseDist}_hash_ms`]) results.chromium_hash_speedup = round(results[`chromium_${baseDist}_hash_ms`]! / results.chromium_dist_hash_ms!, 1);
  return results;
}

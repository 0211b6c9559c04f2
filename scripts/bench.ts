// `npm run bench [-- part…]`: the figures the issues ask for, measured in one run, medians. Parts:
// calls, load, replay, timeline, import, persistence, files, bridge, proxy, payload, pending, chain, fuzz, limits, editor (all when none is named). Prints a
// table per part and writes bench-results/latest.json. Needs the built app (it builds it when
// missing). `payload` also measures another build given as `--base=<folder>` (e.g. the commit
// before a change, `npx vite build --outDir dist-base`), in the same run, and so does `bridge` (whose
// `--bridge-only=<text>` keeps the runs whose name contains it, or one of its `|`-separated parts); `proxy --proxy-node` adds the page's proxy classes in Node; `pending`, `load`, `chain` and `timeline`
// (its million events) the one in BENCH_BASE_DIST (`chain` also the core of the commit BENCH_BASE_REV, in Node).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { execFileSync } from 'node:child_process';
import { measureBridgeBuilds } from './bench/bridgeBench';
import { measureCallCost } from './bench/callCost';
import { measureChain } from './bench/chainBench';
import { measureEditor } from './bench/editorBench';
import { measureFiles } from './bench/filesBench';
import { measureFuzz } from './bench/fuzzBench';
import { measureImport } from './bench/importBench';
import { measureLimitsCost } from './bench/limitsCost';
import { measureLoadTimes } from './bench/loadTimes';
import { measurePayload } from './bench/payloadBench';
import { measurePending } from './bench/pendingBench';
import { measurePersistence } from './bench/persistenceBench';
import { measureProxy } from './bench/proxyBench';
import { measureReplay } from './bench/replayRate';
import { measureTimeline } from './bench/timelineBench';

/** The value of `--<name>=<value>` on the command line. */
const argument = (name: string): string | undefined => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);

const parts: Record<string, [title: string, measure: () => Promise<unknown>]> = {
  calls: ['µs per handle-message on minimal (Node)', () => measureCallCost('public/actors/minimal.wasm')],
  load: ['file chosen → first response in Chromium: cold, again, after a reload, and fresh page → default actor ready; this build and BENCH_BASE_DIST (ms, medians)', () => measureLoadTimes({ runs: Number(argument('load-runs') ?? 3), examples: argument('load-examples')?.split(',') })],
  replay: [
    'replay of 100,000 events against the bare call rate, session file export/import (Node)',
    async () => ({ minimal: await measureReplay('minimal'), echo: await measureReplay('echo') }),
  ],
  timeline: [
    'timeline with 100,000 events (ms, medians of 3 pages) and with a million (one page; million_base: BENCH_BASE_DIST), Chromium',
    () => measureTimeline({ base: process.env.BENCH_BASE_DIST }),
  ],
  import: [
    'Import session of 100,000 echo events (one per --import-events=N): to the timeline, to disk, heap per event; this build and BENCH_BASE_DIST (Chromium, ms, medians of 3 pages)',
    () => measureImport({ events: Number(argument('import-events') ?? 100_000), runs: Number(argument('runs') ?? 3), base: process.env.BENCH_BASE_DIST, profile: argument('profile') }),
  ],
  persistence: ['IndexedDB per event (10,000 echo events imported, Chromium)', async () => ({ echo: await measurePersistence() })],
  files: ['1,000 edits of a 32 KB JSON state (1 KB each): session file and IndexedDB (MiB), export/import (ms); version 1 in BENCH_BASE_DIST', () => measureFiles()],
  bridge: [
    'bridge: 10 clients × 1,000 messages against the page alone, 100 clients × 10 msg/s, Send → response painted (Chromium); this build and --base=<folder>',
    () => measureBridgeBuilds(argument('base'), argument('bridge-only')),
  ],
  proxy: [
    `proxy mode: one client's 2,000 round trips to a ws echo upstream, direct and through the bridge server proxying (ms: median, p99, added), and 10 clients × 1,000 messages (200 with Chromium), 8 in flight each (msg/s); the page on the control channel: a bare socket in Node (the server alone), the app in Chromium shadowing off and on (--proxy-node: also the page's proxy classes in Node); ${availableParallelism()} CPUs`,
    () => measureProxy({ node: process.argv.includes('--proxy-node') }),
  ],
  payload: [
    '1 MiB of one token (A) pasted, typed after and sent (Chromium; ms, medians; null: no answer within 90 s)',
    () => measurePayload({ base: argument('base') }),
  ],
  pending: ['Send → the call painted in the timeline, a slow call (faulty loop), this build and BENCH_BASE_DIST (Chromium, ms)', () => measurePending()],
  fuzz: [
    'seeded fuzzer: mutated components, session files and chains (Node); cases, rate (cases/s) and any failure with its seed and path',
    () => measureFuzz({ runs: Number(argument('fuzz-runs') ?? 10_000), seed: Number(argument('fuzz-seed') ?? Math.floor(Math.random() * 2 ** 31)), path: argument('fuzz-path') }),
  ],
  limits: ['µs per call on echo and counter under the default limits and the loosest, alternating in one run, and the checks of a counter call alone (Node, medians, ratio)', () => measureLimitsCost()],
  editor: [
    'Editor tab (issue 12): Run actor on an edit of the echo template → the edited reply painted, with Run → ready (the page; the Editor status\'s own "loaded in"), New connection → its welcome painted, Send → answer painted, wall with Playwright\'s steps; cold (first Run in a fresh page, median of --editor-cold=3 pages) and warm (--editor-rounds=20 in one page); the standalone build (buildActor in Node ×5, the dev server\'s POST ./__build-actor ×3). Chromium, ms, medians and p95',
    () => measureEditor({ rounds: Number(argument('editor-rounds') ?? 20), cold: Number(argument('editor-cold') ?? 3) }),
  ],
  chain: ['chain hash of the event that makes a 16 MiB state (faulty huge 16), this tree and BENCH_BASE_REV in Node, this build and BENCH_BASE_DIST in Chromium (ms, medians)', () => measureChain()],
};

const asked = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const unknown = asked.filter((name) => !(name in parts));
if (unknown.length > 0) throw new Error(`unknown part ${unknown.join(', ')}: choose from ${Object.keys(parts).join(', ')}`);

execFileSync(process.execPath, ['scripts/build-actors.mjs'], { stdio: 'inherit' });
if (!existsSync('dist/index.html') || process.argv.includes('--rebuild')) execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' });

const results: Record<string, unknown> = { when: new Date().toISOString(), node: process.version };
for (const [name, [title, measure]] of Object.entries(parts)) {
  if (asked.length > 0 && !asked.includes(name)) continue;
  console.log(`\n▶ ${title}`);
  const t0 = performance.now();
  results[name] = await measure();
  console.table(results[name]);
  console.log(`  (${Math.round((performance.now() - t0) / 1000)} s)`);
}

mkdirSync('bench-results', { recursive: true });
const out = `bench-results/${asked.length > 0 ? asked.join('-') : 'latest'}.json`;
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwritten to ${out}`);

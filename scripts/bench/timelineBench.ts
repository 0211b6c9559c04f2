import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordSession } from './recordSession';
import { launchChromium, preview } from './browser';
import { median, percentile, round } from './stats';
import { chooseSession, diffShown, HEADING, inspecting, LIST, rowShown, SCROLLS, scrollFrames, settled, timeInPage } from './timelinePage';
import { measureMillionOnce, type MillionFigures } from './millionTimeline';
import { cachedSession, recordHugeStateSession } from './timelineSessions';

/** Selections per page, spread over the history. */
const SELECTIONS = 8;

/** What one kind of session measured, medians over the runs (ms unless named otherwise). */
export interface TimelineFigures {
  events: number;
  file_mib: number;
  /** The file chosen in `Import session` → the timeline says it holds every event, newest row painted. */
  import_to_rendered_ms: number;
  /** From the timeline rendered until the page paints smoothly again (others' work after an import: storing it). */
  settle_after_import_ms: number;
  /** `Clear filters` after a filter → all rows laid out again and painted: the timeline's own render. */
  relayout_all_ms: number;
  /** rAF-to-rAF while the list is scrolled by script, and the frames whose middle showed no row. */
  wheel_frame_median_ms: number;
  wheel_frame_p95_ms: number;
  wheel_blank_frames: number;
  wheel_frames: number;
  fling_frame_median_ms: number;
  fling_frame_p95_ms: number;
  fling_blank_frames: number;
  fling_frames: number;
  /** An outcome filter chip clicked → the filtered rows painted. */
  filter_outcome_ms: number;
  /** Text typed in `Filter by text` → the filtered rows painted (includes the 150 ms typing pause). */
  filter_text_ms: number;
  /** A row clicked → the Inspector's heading shows that event. */
  select_to_inspector_ms: number;
  /** A row clicked → the Inspector shows the event's state diff (or that nothing changed). */
  select_to_diff_ms: number;
  /** Only for the 16 MiB session: the same, for the three calls that make, edit and drop the 16 MiB state. */
  huge_select_to_inspector_ms?: number;
  huge_select_to_diff_ms?: number;
}

/** Clicks the row of `seq` (scrolling to it first, untimed) and times the Inspector showing it and its diff. */
async function timeSelection(page: Page, seq: number): Promise<{ inspector: number; diff: number }> {
  // Untimed: scroll until the row is rendered, correcting the aim by the rows in view. Rows sit on
  // a layer that stays in view, and a long list scrolls a scaled copy of its rows (scrollSpace.ts).
  await page.evaluate(
    (seq) =>
      new Promise<void>((resolve, reject) => {
        const named = document.querySelector('[aria-label="Timeline"]') as HTMLElement;
        // The list scrolls itself (older builds) or sits in a scroller of its own.
        const list = getComputedStyle(named).overflowY === 'auto' ? named : named.parentElement!;
        let tries = 0;
        const aim = () => {
          // Each row's top in the view, which both layouts agree on (an older build placed rows in the scrolled content).
          const view = list.getBoundingClientRect().top;
          const rows = [...list.querySelectorAll<HTMLElement>('li[data-seq]:not([aria-current])')].map((row) => ({ seq: Number(row.dataset.seq), top: row.getBoundingClientRect().top - view }));
          if (rows.some((row) => row.seq === seq)) return resolve();
          if (++tries > 60) return reject(new Error(`row #${seq} never rendered`));
          const first = rows[0]!;
          const last = rows.at(-1)!;
          const perRow = (last.top - first.top) / Math.max(1, last.seq - first.seq) || 50;
          const count = Number(list.querySelector('li')?.getAttribute('aria-setsize') ?? 1);
          const ratio = Math.max(1, (count * perRow) / list.scrollHeight);
          list.scrollTop += ((seq - first.seq) * perRow + first.top - list.clientHeight / 2) / ratio;
          requestAnimationFrame(() => requestAnimationFrame(aim));
        };
        aim();
      }),
    seq,
  );
  const inspector = timeInPage(page, inspecting(seq));
  const diff = timeInPage(page, diffShown(seq), { timeoutMs: 120_000 });
  await page.evaluate((seq) => (document.querySelector(`[aria-label="Timeline"] [data-seq="${seq}"]`) as HTMLElement).click(), seq);
  return { inspector: await inspector, diff: await diff };
}

/** One fresh page: import the session, then scroll, filter and select. */
async function measureOnce(page: Page, url: string, file: string, events: number, huge: number[]): Promise<Omit<TimelineFigures, 'events' | 'file_mib'>> {
  await page.goto(url);
  await page.getByRole('status', { name: 'Actor status' }).filter({ hasText: /ready/i }).waitFor({ timeout: 120_000 });
  const total = events.toLocaleString('en-US');
  const imported = timeInPage(page, `${HEADING}.includes('${total}') && ${rowShown(events - 1)}`, { fromChange: true, timeoutMs: 300_000 });
  await chooseSession(page, file);
  const importMs = await imported;
  await page.getByRole('status', { name: 'Actor status' }).filter({ hasText: /ready/i }).waitFor({ timeout: 120_000 });
  const settleMs = await settled(page);

  const wheel = await scrollFrames(page, SCROLLS.wheel);
  const fling = await scrollFrames(page, SCROLLS.fling);

  const toggle = page.getByRole('button', { name: /^Filters\b/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const filtered = timeInPage(page, `${HEADING}.includes(' of ')`);
  await page.getByRole('group', { name: 'Filter by outcome' }).getByRole('button', { name: 'ok', exact: true }).click();
  const filterOutcome = await filtered;
  const cleared = timeInPage(page, `!${HEADING}.includes(' of ') && ${LIST}.querySelectorAll('li').length > 0`);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  const relayout = await cleared;
  const texted = timeInPage(page, `${HEADING}.includes(' of ')`);
  await page.getByRole('searchbox', { name: 'Filter by text' }).fill(`message ${Math.floor(events * 0.7)}`);
  const filterText = await texted;
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForFunction((heading) => !document.getElementById(heading)!.textContent!.includes(' of '), 'timeline-heading');
  await toggle.click();

  const picks = Array.from({ length: SELECTIONS }, (_, i) => Math.floor(((i + 0.5) / SELECTIONS) * (events - 1)));
  const selections = [];
  for (const seq of picks) selections.push(await timeSelection(page, seq));
  const hugeSelections = [];
  for (const seq of huge) hugeSelections.push(await timeSelection(page, seq));

  return {
    import_to_rendered_ms: importMs,
    settle_after_import_ms: settleMs,
    relayout_all_ms: relayout,
    wheel_frame_median_ms: median(wheel.deltas),
    wheel_frame_p95_ms: percentile(wheel.deltas, 0.95),
    wheel_blank_frames: wheel.blank,
    wheel_frames: wheel.deltas.length,
    fling_frame_median_ms: median(fling.deltas),
    fling_frame_p95_ms: percentile(fling.deltas, 0.95),
    fling_blank_frames: fling.blank,
    fling_frames: fling.deltas.length,
    filter_outcome_ms: filterOutcome,
    filter_text_ms: filterText,
    select_to_inspector_ms: median(selections.map((s) => s.inspector)),
    select_to_diff_ms: median(selections.map((s) => s.diff)),
    ...(huge.length > 0 && {
      huge_select_to_inspector_ms: median(hugeSelections.map((s) => s.inspector)),
      huge_select_to_diff_ms: median(hugeSelections.map((s) => s.diff)),
    }),
  };
}

/** Medians of each figure over the runs, rounded for the table. */
function summarize(runs: Array<Omit<TimelineFigures, 'events' | 'file_mib'>>, events: number, bytes: number): TimelineFigures {
  const figures: Record<string, number> = { events, file_mib: round(bytes / 1024 / 1024, 1) };
  for (const key of Object.keys(runs[0]!)) figures[key] = round(median(runs.map((run) => (run as unknown as Record<string, number>)[key]!)), 1);
  return figures as unknown as TimelineFigures;
}

/** The figures of the `timeline` part: 100,000 events of two kinds, and a million (in `base` too, when given). */
export type TimelineResults = Record<'echo' | 'state_16_mib', TimelineFigures> & { million: MillionFigures; million_base?: MillionFigures };

/**
 * The timeline with 100,000 recorded events, in Chromium against `vite preview` of a built app:
 * a session of the echo example (three clients, small rows), and one of the faulty example whose
 * history passes through a 16 MiB state. Both are recorded through the engine, imported with
 * `Import session`, then scrolled, filtered and selected in. Medians over `runs` fresh pages.
 * Then a million echo events (`million`, recorded once and cached: see `cachedSession`) on one
 * fresh page: import, heap per event, scroll, the last row by End and by search; and the same
 * against the build in `base` (another folder, e.g. the commit before a change) when given.
 */
export async function measureTimeline({ events = 100_000, runs = 3, dist = 'dist', million = 1_000_000, base }: { events?: number; runs?: number; dist?: string; million?: number; base?: string } = {}): Promise<TimelineResults> {
  const folder = mkdtempSync(join(tmpdir(), 'timeline-bench-'));
  const { origin, stop } = await preview(dist);
  const browser = await launchChromium();
  try {
    const echo = await recordSession('public/actors/echo.wasm', events);
    const echoFile = join(folder, 'echo.json');
    writeFileSync(echoFile, echo);
    const large = await recordHugeStateSession(events);
    const largeFile = join(folder, 'state-16-mib.json');
    writeFileSync(largeFile, large.file);

    const sessions = { echo: { file: echoFile, bytes: echo.length, huge: [] as number[] }, state_16_mib: { file: largeFile, bytes: large.file.length, huge: Object.values(large.huge) } };
    const results = {} as TimelineResults;
    for (const [name, session] of Object.entries(sessions) as Array<[keyof typeof sessions, (typeof sessions)[keyof typeof sessions]]>) {
      const measured = [];
      for (let run = 0; run < runs; run++) {
        // A fresh context each run: nothing persisted by the last one is restored into this one.
        const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
        // tsx keeps function names with a `__name` helper that the functions sent to the page call.
        await context.addInitScript('globalThis.__name = (fn) => fn');
        measured.push(await measureOnce(await context.newPage(), `${origin}/`, session.file, events, session.huge));
        await context.close();
      }
      results[name] = summarize(measured, events, session.bytes);
    }
    const millionFile = await cachedSession('public/actors/echo.wasm', million);
    const millionBytes = statSync(millionFile).size;
    results.million = await measureMillionOnce(browser, `${origin}/`, millionFile, million, millionBytes);
    if (base) {
      const served = await preview(base);
      try {
        results.million_base = await measureMillionOnce(browser, `${served.origin}/`, millionFile, million, millionBytes);
      } finally {
        served.stop();
      }
    }
    return results;
  } finally {
    await browser.close();
    stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

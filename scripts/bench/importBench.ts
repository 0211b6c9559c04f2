import type { Browser, Page } from '@playwright/test';
import { statSync, writeFileSync } from 'node:fs';
import { launchChromium, preview, waitUntilSaved } from './browser';
import { heapAfterGc } from './millionTimeline';
import { median, round } from './stats';
import { chooseSession, HEADING, LIST, timeInPage } from './timelinePage';
import { cachedSession } from './timelineSessions';

/** What one `Import session` of an echo session measured on a fresh page (medians over the runs). */
export interface ImportFigures {
  events: number;
  file_mib: number;
  /** The file chosen → the timeline says it holds every event and shows rows. */
  import_to_rendered_ms: number;
  /** The file chosen → `Saved sessions` lists it with every event (on disk, to within the ~0.3 s the look takes). */
  import_to_saved_ms: number;
  /** The page's JavaScript heap after a GC, what the import added, per event (bytes; echo's states are empty). */
  heap_bytes_per_event: number;
}

/** One fresh page of the app at `url`: import `file`, time it to the timeline and to disk, weigh the heap. */
async function importOnce(browser: Browser, url: string, file: string, events: number, profile?: string): Promise<Omit<ImportFigures, 'events' | 'file_mib'>> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  // tsx keeps function names with a `__name` helper that the functions sent to the page call.
  await context.addInitScript('globalThis.__name = (fn) => fn');
  const page: Page = await context.newPage();
  try {
    await page.goto(url);
    await page.getByRole('status', { name: 'Actor status' }).filter({ hasText: /ready/i }).waitFor({ timeout: 120_000 });
    const heapBefore = await heapAfterGc(page);
    const cdp = profile ? await page.context().newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    const imported = timeInPage(page, `${HEADING}.includes('${events.toLocaleString('en-US')}') && !!${LIST}.querySelector('li')`, { fromChange: true, timeoutMs: 900_000 });
    const t0 = performance.now();
    await chooseSession(page, file);
    const importMs = await imported;
    await waitUntilSaved(page, events);
    const savedMs = performance.now() - t0;
    if (cdp && profile) {
      const { profile: taken } = await cdp.send('Profiler.stop');
      writeFileSync(profile, JSON.stringify(taken));
      await cdp.detach();
    }
    const heapAfter = await heapAfterGc(page);
    return { import_to_rendered_ms: importMs, import_to_saved_ms: savedMs, heap_bytes_per_event: (heapAfter - heapBefore) / events };
  } finally {
    await context.close();
  }
}

/**
 * `Import session` of an echo session of `events` events (recorded once and cached, see
 * `cachedSession`) in Chromium against `vite preview` of the build in `dist`, and of `base` when
 * given (e.g. the commit before a change), `runs` fresh pages each, alternating builds so the
 * machine's load falls on both alike. `profile`: a file to write the first page's CPU profile to.
 */
export async function measureImport({ events = 100_000, runs = 3, dist = 'dist', base, profile }: { events?: number; runs?: number; dist?: string; base?: string; profile?: string } = {}): Promise<Record<string, ImportFigures>> {
  const file = await cachedSession('public/actors/echo.wasm', events);
  const fileMib = round(statSync(file).size / 1024 / 1024, 1);
  const builds = Object.entries({ this: dist, ...(base && { base }) });
  const served = await Promise.all(builds.map(([, folder]) => preview(folder)));
  const browser = await launchChromium();
  const measured: Array<Array<Omit<ImportFigures, 'events' | 'file_mib'>>> = builds.map(() => []);
  try {
    for (let run = 0; run < runs; run++) {
      for (const [i] of builds.entries()) measured[i]!.push(await importOnce(browser, `${served[i]!.origin}/`, file, events, run === 0 && i === 0 ? profile : undefined));
    }
  } finally {
    await browser.close();
    for (const server of served) server.stop();
  }
  const figures: Record<string, ImportFigures> = {};
  for (const [i, [name]] of builds.entries()) {
    const runsOf = measured[i]!;
    const of = (key: keyof (typeof runsOf)[number]) => round(median(runsOf.map((run) => run[key])), 1);
    figures[name] = { events, file_mib: fileMib, import_to_rendered_ms: of('import_to_rendered_ms'), import_to_saved_ms: of('import_to_saved_ms'), heap_bytes_per_event: Math.round(of('heap_bytes_per_event')) };
  }
  return figures;
}

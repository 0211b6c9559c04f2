import type { Browser, Page } from '@playwright/test';
import { median, percentile, round } from './stats';
import { chooseSession, HEADING, inspecting, LIST, SCROLLS, scrollFrames, settled, timeInPage } from './timelinePage';

/** What a million-event session measured on one fresh page (ms unless named otherwise). */
export interface MillionFigures {
  events: number;
  file_mib: number;
  /** The file chosen in `Import session` → the timeline says it holds every event, its rows painted. */
  import_to_rendered_ms: number;
  /** From then until the page paints smoothly again (storing the history in IndexedDB, others' work). */
  settle_after_import_ms: number;
  /** The page's JavaScript heap after a GC, what the import added, per event (bytes). */
  heap_bytes_per_event: number;
  wheel_frame_median_ms: number;
  wheel_frame_p95_ms: number;
  fling_frame_median_ms: number;
  fling_frame_p95_ms: number;
  /** From the first row, End selected the last row and showed it in the list (1: yes, 0: no). */
  end_reaches_last: number;
  /** From the first row, searching the last row's text selected it and showed it (1: yes, 0: no). */
  search_reaches_last: number;
  /** The Inspector shows the last event once it is selected (1: yes, 0: no). */
  last_selected: number;
  /** The search typed → the last row selected and painted (includes the typing pause and the first scan). */
  search_to_last_ms: number;
}

/** The page's used JS heap after a full GC (bytes). */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

/** The selected row is `seq` and lies inside the list's box: what a person sees as "there". */
const selectedInView = (seq: number) =>
  `(() => { const list = ${LIST}; const row = list.querySelector('[aria-current="true"]'); if (!row || row.dataset.seq !== '${seq}') return false;` +
  ` const a = list.getBoundingClientRect(); const b = row.getBoundingClientRect(); return b.top >= a.top - 1 && b.bottom <= a.bottom + 1; })()`;

/**
 * One fresh page with a session of `events` echo events (the last one a text message, so search
 * finds it by its text): import it, let it settle, measure the heap, scroll, then reach the last
 * row by End and by search and see it selected. Figures as in `MillionFigures`.
 */
export async function measureMillionOnce(browser: Browser, url: string, file: string, events: number, bytes: number): Promise<MillionFigures> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  // tsx keeps function names with a `__name` helper that the functions sent to the page call.
  await context.addInitScript('globalThis.__name = (fn) => fn');
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.getByRole('status', { name: 'Actor status' }).filter({ hasText: /ready/i }).waitFor({ timeout: 120_000 });
    const heapBefore = await heapAfterGc(page);
    const last = events - 1;
    // Rows shown, not the last one: a build that cannot reach it (past the height cap) still imports.
    const imported = timeInPage(page, `${HEADING}.includes('${events.toLocaleString('en-US')}') && !!${LIST}.querySelector('li')`, { fromChange: true, timeoutMs: 900_000 });
    await chooseSession(page, file);
    const importMs = await imported;
    await page.getByRole('status', { name: 'Actor status' }).filter({ hasText: /ready/i }).waitFor({ timeout: 900_000 });
    // Storing a million events answers a million IndexedDB requests on this thread for a while:
    // the scroll is measured once that is over, over a longer quiet spell than 100,000 events need.
    const settleMs = await settled(page, { quietMs: 3000, timeoutMs: 600_000 });
    const heapAfter = await heapAfterGc(page);

    const wheel = await scrollFrames(page, SCROLLS.wheel);
    const fling = await scrollFrames(page, SCROLLS.fling);

    const list = page.getByRole('list', { name: 'Timeline' });
    await list.focus();
    await page.keyboard.press('Home');
    await page.waitForFunction(selectedInView(0), undefined, { polling: 'raf' });
    await page.keyboard.press('End');
    const byEnd = await page
      .waitForFunction(selectedInView(last), undefined, { polling: 'raf', timeout: 30_000 })
      .then(() => 1)
      .catch(() => 0);
    await page.keyboard.press('Home');
    await page.waitForFunction(selectedInView(0), undefined, { polling: 'raf' });

    const search = page.getByRole('searchbox', { name: 'Search events' });
    const found = timeInPage(page, selectedInView(last), { timeoutMs: 120_000 });
    await search.fill(`message ${last}`);
    await search.press('Enter');
    const searchMs = await found.catch(() => NaN);
    const selected = await page
      .waitForFunction(inspecting(last), undefined, { polling: 'raf', timeout: 60_000 })
      .then(() => 1)
      .catch(() => 0);
    return {
      events,
      file_mib: round(bytes / 1024 / 1024, 1),
      import_to_rendered_ms: round(importMs, 1),
      settle_after_import_ms: round(settleMs, 1),
      heap_bytes_per_event: Math.round((heapAfter - heapBefore) / events),
      wheel_frame_median_ms: round(median(wheel.deltas), 1),
      wheel_frame_p95_ms: round(percentile(wheel.deltas, 0.95), 1),
      fling_frame_median_ms: round(median(fling.deltas), 1),
      fling_frame_p95_ms: round(percentile(fling.deltas, 0.95), 1),
      end_reaches_last: byEnd,
      search_reaches_last: Number.isNaN(searchMs) ? 0 : 1,
      last_selected: selected,
      search_to_last_ms: round(searchMs, 1),
    };
  } finally {
    await context.close();
  }
}

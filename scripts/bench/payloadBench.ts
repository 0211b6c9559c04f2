import type { Browser, Page } from '@playwright/test';
import { launchChromium, preview } from './browser';
import { median, round } from './stats';

/** One token of 1 MiB: valid base64 and valid hex, like a real blob, and the worst case for line breaking. */
const TOKEN = 'A'.repeat(1024 * 1024);
const RUNS = 3;
/** A phase that takes longer than this is reported as not answering (the build before the fix takes minutes). */
const PHASE_CAP_MS = 90_000;

/** What one build measured, ms, medians over the runs; null where the page did not answer within the cap. */
export interface PayloadFigures {
  /** The longest main-thread task (PerformanceObserver `longtask`, so 0 means none over 50 ms) while pasting. */
  paste_longest_task_ms: number | null;
  /** From the paste until the page has answered a key press and painted a frame. */
  paste_answers_ms: number | null;
  /** A key pressed in the box after the paste (End, then B), until the next frame. */
  keystroke_after_paste_ms: number | null;
  /** The longest main-thread task from Send clicked until the message's timeline row is painted. */
  send_longest_task_ms: number | null;
  /** From Send clicked until the message's row is in the timeline and the page has answered a key press. */
  send_answers_ms: number | null;
  runs: number;
}

/** Collects every long task from the page's start, for phases to pick theirs by time. */
const LONGTASKS = `globalThis.__name = (fn) => fn;
globalThis.__longtasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) globalThis.__longtasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });`;

const pageNow = (page: Page) => page.evaluate(() => performance.now());
/** The page answers: a key press acknowledged (it waits for the main thread), then a frame painted. */
async function answered(page: Page): Promise<void> {
  await page.keyboard.press('Shift');
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}
const longestSince = (page: Page, since: number) =>
  page.evaluate((since) => Math.max(0, ...(globalThis as unknown as { __longtasks: Array<[number, number]> }).__longtasks.filter(([start]) => start >= since).map(([, duration]) => duration)), since);

/** Runs `phase`, or gives up after the cap (the page is then abandoned). */
async function capped<T>(phase: () => Promise<T>): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), PHASE_CAP_MS)));
  try {
    return await Promise.race([phase(), cap]);
  } finally {
    clearTimeout(timer);
  }
}

/** One fresh page: echo ready, a connection, then paste, type, send. Nulls from the first phase that did not answer. */
async function measureOnce(browser: Browser, url: string): Promise<Omit<PayloadFigures, 'runs'>> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const figures: Omit<PayloadFigures, 'runs'> = { paste_longest_task_ms: null, paste_answers_ms: null, keystroke_after_paste_ms: null, send_longest_task_ms: null, send_answers_ms: null };
  try {
    await context.addInitScript(LONGTASKS);
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('status', { name: 'Actor status' }).filter({ hasText: /ready/i }).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'New connection' }).click();
    const card = page.getByRole('region', { name: /^Connection #\d+$/ }).first();
    await card.getByRole('list', { name: 'Transcript' }).getByRole('listitem').first().waitFor();
    const box = card.getByRole('textbox', { name: 'Message', exact: true });
    await box.focus();

    // Pasting: Chromium inserts the text as a paste or an input method does (CDP Input.insertText).
    let since = await pageNow(page);
    let t0 = performance.now();
    const pasted = await capped(async () => {
      await page.keyboard.insertText(TOKEN);
      await answered(page);
      return performance.now() - t0;
    });
    if (pasted === null) return figures;
    figures.paste_answers_ms = pasted;
    figures.paste_longest_task_ms = await longestSince(page, since);

    t0 = performance.now();
    const typed = await capped(async () => {
      await page.keyboard.press('End');
      await page.keyboard.press('B');
      await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
      return performance.now() - t0;
    });
    if (typed === null) return figures;
    figures.keystroke_after_paste_ms = typed;
    await page.keyboard.press('Backspace');

    const timeline = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem');
    const rows = await timeline.count();
    since = await pageNow(page);
    t0 = performance.now();
    const sent = await capped(async () => {
      await card.getByRole('button', { name: 'Send' }).click({ timeout: PHASE_CAP_MS });
      await timeline.nth(rows).filter({ hasText: 'text "AAAA' }).waitFor({ timeout: PHASE_CAP_MS });
      await answered(page);
      return performance.now() - t0;
    });
    if (sent === null) return figures;
    figures.send_answers_ms = sent;
    figures.send_longest_task_ms = await longestSince(page, since);
    return figures;
  } finally {
    // Closing the context also ends a renderer stuck in a long task.
    await context.close();
  }
}

async function measureBuild(browser: Browser, dist: string): Promise<PayloadFigures> {
  const { origin, stop } = await preview(dist);
  try {
    const runs: Array<Omit<PayloadFigures, 'runs'>> = [];
    for (let run = 0; run < RUNS; run++) {
      const figures = await measureOnce(browser, `${origin}/`);
      runs.push(figures);
      // A build that did not answer once is not asked again: each try costs minutes.
      if (Object.values(figures).includes(null)) break;
    }
    const keys = Object.keys(runs[0]!) as Array<keyof Omit<PayloadFigures, 'runs'>>;
    const figures = Object.fromEntries(keys.map((key) => [key, runs.some((run) => run[key] === null) ? null : round(median(runs.map((run) => run[key]!)), 0)]));
    return { ...(figures as Omit<PayloadFigures, 'runs'>), runs: runs.length };
  } finally {
    stop();
  }
}

/**
 * Pasting and sending one 1 MiB token (`A`) in headless Chromium against `vite preview` of a
 * built app: the longest main-thread task while pasting and while sending, and how long until the
 * page answers input again. `base`, another build (the commit before a change, built with
 * `npx vite build --outDir <folder>`), is measured in the same run for comparison.
 */
export async function measurePayload({ dist = 'dist', base }: { dist?: string; base?: string } = {}): Promise<Record<string, PayloadFigures>> {
  const results: Record<string, PayloadFigures> = {};
  for (const [name, folder] of Object.entries({ ...(base && { [`base (${base})`]: base }), [`this build (${dist})`]: dist })) {
    // A browser per build: one stuck in a long task is closed with its renderer.
    const browser = await launchChromium();
    try {
      results[name] = await measureBuild(browser, folder);
    } finally {
      await browser.close();
    }
  }
  return results;
}

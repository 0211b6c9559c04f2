import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { readSessionFile } from '../../src/core';
import { recordSession } from './recordSession';
import { CHROMIUM, preview } from './browser';
import { round } from './stats';

const ACTOR = 'public/actors/echo.wasm';

/** Bytes the origin's IndexedDB takes on disk, as Chromium's quota manager counts them. */
export const indexedDbUsage = (page: Page): Promise<number> =>
  page.evaluate(async () => {
    const estimate = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
    return estimate.usageDetails?.indexedDB ?? estimate.usage ?? 0;
  });

/** Chooses an item of the header's `Files` menu. */
export async function fileAction(page: Page, action: 'Import session' | 'Export session'): Promise<void> {
  await page.getByRole('button', { name: 'Files', exact: true }).click();
  await page.getByRole('menu', { name: 'Files' }).getByRole('menuitem', { name: action, exact: true }).click();
}

/** Waits until `Saved sessions` lists the open session with `events` events: it is on disk. */
export async function waitUntilSaved(page: Page, events: number): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Saved sessions' });
  const saved = dialog.getByRole('button', { name: `Open session echo (${events} events)`, exact: true });
  for (;;) {
    await page.getByRole('button', { name: 'Saved sessions' }).click();
    const found = await saved.waitFor({ timeout: 500 }).then(
      () => true,
      () => false,
    );
    await dialog.getByRole('button', { name: 'Close' }).click();
    if (found) return;
  }
}

/**
 * IndexedDB bytes per event: a session of `events` events recorded by the engine on echo (a
 * stateless actor, so the figure is the events themselves) is imported with `Import session`,
 * and the origin's IndexedDB usage is read before and after. A persistent profile, so the
 * database is on disk as a person's would be. Also the size of the records as V8 serializes them
 * (what IndexedDB stores before LevelDB's own overhead and compression), the time from the file
 * chosen to the whole history in the Timeline, and from then to all of it on disk (to within the
 * ~0.3 s it takes to look at `Saved sessions`).
 */
export async function measurePersistence({ events = 10_000, dist = 'dist' } = {}): Promise<{
  events: number;
  disk_bytes_per_event: number;
  serialized_bytes_per_event: number;
  import_ms: number;
  save_ms: number;
}> {
  const bytes = await recordSession(ACTOR, events);
  const file = await readSessionFile(new Uint8Array(bytes));
  if (!file.ok) throw new Error(file.error.message);
  const serialized = file.value.events.reduce((sum, event) => sum + serialize(event).length, 0) + [...file.value.states.values()].reduce((sum, state) => sum + state.length, 0);

  const dir = mkdtempSync(join(tmpdir(), 'persistence-bench-'));
  const sessionPath = join(dir, 'session.json.gz');
  writeFileSync(sessionPath, bytes);
  const { origin, stop } = await preview(dist);
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), CHROMIUM);
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.getByRole('status', { name: 'Actor status' }).filter({ hasText: /echo\s+ready/i }).waitFor({ timeout: 60_000 });
    // The default session (echo, no events) is on disk first, component included.
    await waitUntilSaved(page, 0);
    const before = await indexedDbUsage(page);

    const chooser = page.waitForEvent('filechooser');
    await fileAction(page, 'Import session');
    const t0 = performance.now();
    await (await chooser).setFiles(sessionPath);
    await page.getByRole('heading', { name: `Timeline ${events.toLocaleString('en-US')}`, exact: true }).waitFor({ timeout: 120_000 });
    const importMs = performance.now() - t0;
    await waitUntilSaved(page, events);
    const saveMs = performance.now() - t0 - importMs;
    const after = await indexedDbUsage(page);
    return { events, disk_bytes_per_event: round((after - before) / events, 0), serialized_bytes_per_event: round(serialized / events, 0), import_ms: round(importMs, 0), save_ms: round(saveMs, 0) };
  } finally {
    await context.close();
    stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A port nobody listens on now: several people (and their test runs) share these machines. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface Preview {
  /** `http://127.0.0.1:<port>` (no trailing slash: it is also the page's origin). */
  origin: string;
  stop: () => void;
}

/**
 * Serves a built app with `vite preview` on a free port; resolves once it answers. Without the
 * dev bridge unless asked (`bridge`, on `bridgePort` or its usual 8765): a benchmark that needs
 * one starts its own on a free port.
 */
export async function preview(dist = 'dist', { bridge = false, bridgePort }: { bridge?: boolean; bridgePort?: number } = {}): Promise<Preview> {
  const port = await freePort();
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist], {
    stdio: 'ignore',
    detached: true,
    env: { ...process.env, ...(!bridge && { THEATER_BRIDGE: '0' }), ...(bridgePort !== undefined && { THEATER_BRIDGE_PORT: String(bridgePort) }) },
  });
  const origin = `http://127.0.0.1:${port}`;
  const stop = () => process.kill(-server.pid!);
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${origin}/`)).ok) return { origin, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  stop();
  throw new Error('vite preview did not start');
}

/** Debian's Chromium (or CHROMIUM_PATH), headless, with nothing of its own on the network. */
export const CHROMIUM = { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] };

export const launchChromium = (): Promise<Browser> => chromium.launch(CHROMIUM);

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

/** A session of echo imported into a page that saves it, and what that took (see importSaved). */
export interface SavedImport {
  page: Page;
  /** IndexedDB bytes on disk once the page's own empty session is saved, and once the import is. */
  usageBefore: number;
  usageAfter: number;
  /** ms from the file chosen to the whole history in the Timeline, and from then to all of it saved (to within the ~0.3 s a look at `Saved sessions` takes). */
  importMs: number;
  saveMs: number;
  /** Closes Chromium, then the preview. */
  close(): Promise<void>;
}

/**
 * Opens the build in `dist` in Chromium with a persistent profile in `profileDir` (the database
 * on disk, as a person's would be), waits for echo and its empty session to be saved, then
 * imports the session file `file` (a recording of echo with `events` events) with `Import
 * session` and waits until the Timeline shows them all and `Saved sessions` lists them saved.
 */
export async function importSaved(dist: string, profileDir: string, file: string, events: number): Promise<SavedImport> {
  const { origin, stop } = await preview(dist);
  const context = await chromium.launchPersistentContext(profileDir, CHROMIUM);
  const close = async () => {
    await context.close();
    stop();
  };
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.getByRole('status', { name: 'Actor status' }).filter({ hasText: /echo\s+ready/i }).waitFor({ timeout: 60_000 });
    await waitUntilSaved(page, 0);
    const usageBefore = await indexedDbUsage(page);
    const chooser = page.waitForEvent('filechooser');
    await fileAction(page, 'Import session');
    const t0 = performance.now();
    await (await chooser).setFiles(file);
    await page.getByRole('heading', { name: `Timeline ${events.toLocaleString('en-US')}`, exact: true }).waitFor({ timeout: 120_000 });
    const importMs = performance.now() - t0;
    await waitUntilSaved(page, events);
    const saveMs = performance.now() - t0 - importMs;
    return { page, usageBefore, usageAfter: await indexedDbUsage(page), importMs, saveMs, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Source text to evaluate in a page: on the next click of any button labelled `button` (Send
 * unless told: the editor bench times `New connection` with it too), the ms until `needle`
 * appears `more` times more often in the text of the first element matching `container` than it
 * did when the probe was installed, then until the frame that shows it is painted. A task queued
 * during a frame's requestAnimationFrame callbacks runs after that frame's paint: so when the
 * change was made in a frame callback (the store commits batches there) the probe queues that
 * task at once, and otherwise it waits for the next frame's callback first (asking for another
 * frame from inside one would count a whole frame more). A frame loop started at the click tells
 * which case it is: its callback runs before the store's, and marks the frame until its paint.
 * The click is caught on the document in the capture phase, so it reaches the probe before
 * React's handler. Source text, not a function: tsx would wrap the page-side closures in a helper
 * the page lacks.
 */
export const sendToPaintProbe = (container: string, needle: string, more: number, button = 'Send'): string => `new Promise((resolve) => {
  let t0 = 0;
  let inFrame = false;
  let done = false;
  const frame = () => {
    if (done) return;
    inFrame = true;
    setTimeout(() => (inFrame = false), 0);
    requestAnimationFrame(frame);
  };
  const painted = () => setTimeout(() => resolve(performance.now() - t0), 0);
  const mentions = () => (document.querySelector(${JSON.stringify(container)})?.textContent ?? '').split(${JSON.stringify(needle)}).length - 1;
  const target = mentions() + ${more};
  const observer = new MutationObserver(() => {
    if (mentions() < target) return;
    observer.disconnect();
    done = true;
    if (inFrame) painted();
    else requestAnimationFrame(painted);
  });
  const onClick = (event) => {
    if (event.target.closest('button')?.textContent.trim() !== ${JSON.stringify(button)}) return;
    document.removeEventListener('click', onClick, true);
    t0 = performance.now();
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    requestAnimationFrame(frame);
  };
  document.addEventListener('click', onClick, true);
})`;

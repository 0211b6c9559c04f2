import { chromium, type Browser } from '@playwright/test';
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

/**
 * Source text to evaluate in a page: on the next click of any Send button, the ms until `needle`
 * appears `more` times more often in the text of the first element matching `container` than it
 * did when the probe was installed, then until the frame that shows it is painted (a task queued
 * from requestAnimationFrame runs after that frame's paint). The click is caught on the document
 * in the capture phase, so it reaches the probe before React's handler. Source text, not a
 * function: tsx would wrap the page-side closures in a helper the page lacks.
 */
export const sendToPaintProbe = (container: string, needle: string, more: number): string => `new Promise((resolve) => {
  let t0 = 0;
  const mentions = () => (document.querySelector(${JSON.stringify(container)})?.textContent ?? '').split(${JSON.stringify(needle)}).length - 1;
  const target = mentions() + ${more};
  const observer = new MutationObserver(() => {
    if (mentions() < target) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
  });
  const onClick = (event) => {
    if (event.target.closest('button')?.textContent.trim() !== 'Send') return;
    document.removeEventListener('click', onClick, true);
    t0 = performance.now();
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  };
  document.addEventListener('click', onClick, true);
})`;

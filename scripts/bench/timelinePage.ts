import type { Page } from '@playwright/test';

// What the timeline benches do in the page: time a condition, scroll by script, wait for the page
// to paint smoothly, choose a session file. Shared by the 100,000-event and the million-event runs.

/**
 * The scripted scrolls: how far the list scrolls per frame (px of its scroll range), as a brisk
 * wheel (~140 rows a second) and as a hard fling (~1,000 rows a second), each for a few seconds.
 */
export const SCROLLS = { wheel: 120, fling: 900 } as const;
const SCROLL_MS = 3000;

/**
 * Starts watching the page for `done` from the moment the next `change` event reaches the
 * document (a file chosen), or from now; resolves with the ms until the first animation frame in
 * which `done` holds, measured in the page so Playwright's own latency is not counted.
 */
export function timeInPage(page: Page, done: string, options: { fromChange?: boolean; timeoutMs?: number } = {}): Promise<number> {
  return page.evaluate(
    ({ done, fromChange, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        const holds = new Function(`return (${done})`) as () => boolean;
        let t0 = performance.now();
        const poll = (now: number) => {
          if (holds()) resolve(now - t0);
          else if (now - t0 > timeoutMs) reject(new Error(`not done within ${timeoutMs} ms: ${done}`));
          else requestAnimationFrame(poll);
        };
        if (fromChange) {
          document.addEventListener('change', () => ((t0 = performance.now()), requestAnimationFrame(poll)), { capture: true, once: true });
        } else {
          requestAnimationFrame(poll);
        }
      }),
    { done, fromChange: options.fromChange ?? false, timeoutMs: options.timeoutMs ?? 60_000 },
  );
}

// Conditions evaluated in the page, each animation frame.
export const LIST = `document.querySelector('[aria-label="Timeline"]')`;
export const HEADING = `document.getElementById('timeline-heading').textContent`;
export const rowShown = (seq: number) => `!!${LIST}.querySelector('[data-seq="${seq}"]')`;
export const inspecting = (seq: number) => `(document.querySelector('[aria-label="Inspector"] h2')?.textContent ?? '').includes('#${seq}')`;
// The diff is there once the State section no longer says it is working on it.
export const diffShown = (seq: number) =>
  `${inspecting(seq)} && !/Computing the diff|Measuring the change/.test(document.querySelector('[aria-label="Inspector"] [aria-label="State"]')?.textContent ?? 'Computing the diff')`;


/** rAF deltas while the list scrolls by `step` px a frame from the top, and how many frames showed a gap instead of rows. */
export function scrollFrames(page: Page, step: number): Promise<{ deltas: number[]; blank: number }> {
  return page.evaluate(
    ({ durationMs, step }) =>
      new Promise<{ deltas: number[]; blank: number }>((resolve) => {
        const named = document.querySelector('[aria-label="Timeline"]') as HTMLElement;
        // The list scrolls itself (older builds) or sits in a scroller of its own.
        const list = getComputedStyle(named).overflowY === 'auto' ? named : named.parentElement!;
        list.scrollTop = 0;
        const box = list.getBoundingClientRect();
        const deltas: number[] = [];
        let blank = 0;
        let last = 0;
        let t0 = 0;
        const frame = (now: number) => {
          if (last) deltas.push(now - last);
          else t0 = now;
          last = now;
          if (!document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.closest('li')) blank++;
          list.scrollTop += step;
          if (now - t0 < durationMs) requestAnimationFrame(frame);
          else resolve({ deltas, blank });
        };
        requestAnimationFrame(frame);
      }),
    { durationMs: SCROLL_MS, step },
  );
}

/**
 * Resolves once the page has painted `quietMs` worth of frames each under 34 ms (a second unless
 * told), with the time it took: after an import the page keeps working (it stores the history),
 * and a measurement of the timeline taken in the middle of that would measure that work instead.
 * Gives up after `timeoutMs` (3 minutes unless told).
 */
export function settled(page: Page, { quietMs = 1000, timeoutMs = 180_000 } = {}): Promise<number> {
  return page.evaluate(
    ({ quietMs, timeoutMs }) =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        let last = t0;
        let smoothSince = t0;
        const frame = (now: number) => {
          if (now - last >= 34) smoothSince = now;
          last = now;
          if (now - smoothSince >= quietMs || now - t0 > timeoutMs) resolve(smoothSince - t0);
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    { quietMs, timeoutMs },
  );
}

/** Chooses `file` with `Import session` in the `Files` menu, as a person does. */
export async function chooseSession(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Files', exact: true }).click();
  await page.getByRole('menu', { name: 'Files' }).getByRole('menuitem', { name: 'Import session', exact: true }).click();
  await (await chooser).setFiles(file);
}


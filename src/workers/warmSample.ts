/// <reference lib="webworker" />
import { isWasmFile } from '../core';
import { TRANSPILED_BY, type WarmSample } from '../runtime';

/**
 * The component a spare worker transpiles to warm jco up (runtime/warmUp.ts), relative to the
 * app's root: the 2 KB `minimal` example, transpiled in short rounds a load can stop (one round of
 * the 1.6 MB echo took over a second, which the first load had to wait out).
 */
export const WARM_SAMPLE = 'actors/minimal.wasm';

/** Where a mark says this browser has run this jco once already (apart from the component cache, which a person may clear). */
const MARKS = 'theater-playground-jco-warmed';

/**
 * The sample at `root` + WARM_SAMPLE, unless this browser has warmed this jco up in full before (a
 * page reload, another tab): V8's code cache may then already hold jco's optimised code, and
 * transpiling the sample again would only compete with the load that comes next. Under the dev server the sample is
 * not there, and without Cache Storage (insecure contexts) no mark is kept.
 */
export function warmSample(root: URL): WarmSample {
  const mark = new URL(`jco-warmed/${encodeURIComponent(TRANSPILED_BY)}`, root);
  const marks = () => (typeof caches === 'undefined' ? Promise.resolve(undefined) : caches.open(MARKS));
  return {
    async bytes() {
      if (await (await marks())?.match(mark)) return undefined;
      const response = await fetch(new URL(WARM_SAMPLE, root));
      const bytes = new Uint8Array(await response.arrayBuffer());
      return response.ok && isWasmFile(bytes) ? bytes : undefined;
    },
    async warmed() {
      await (await marks())?.put(mark, new Response(''));
    },
  };
}

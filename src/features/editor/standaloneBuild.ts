import type { SourceError } from '../../core';

/**
 * The dev server's standalone build of an Editor source (src/server/actorBuild/: componentize-qjs
 * against `websocket-actor-with-init`). A static deployment has no such endpoint: then the one
 * command that builds the same component is shown instead.
 */
export const BUILD_ENDPOINT = './__build-actor';
export const BUILD_COMMAND = 'npm run build:actor -- actor.js';

export type StandaloneBuild =
  | { ok: true; bytes: Uint8Array; ms: number }
  | { ok: false; kind: 'unavailable' }
  | { ok: false; kind: 'source'; error: SourceError }
  | { ok: false; kind: 'failed'; message: string };

/** Asks the dev server to build `source`; never throws (a network failure is `failed`). */
export async function buildStandalone(source: string, fetchAsset: (url: string, init?: RequestInit) => Promise<Response>): Promise<StandaloneBuild> {
  const t0 = performance.now();
  let response: Response;
  try {
    response = await fetchAsset(BUILD_ENDPOINT, { method: 'POST', body: source, headers: { 'content-type': 'text/javascript' } });
  } catch (thrown) {
    return { ok: false, kind: 'failed', message: `the build request failed (${thrown instanceof Error ? thrown.message : String(thrown)})` };
  }
  // A static server answers 404 (or 405 for a POST) and may serve index.html for any path.
  if (response.status === 404 || response.status === 405 || response.headers.get('content-type')?.includes('text/html')) return { ok: false, kind: 'unavailable' };
  if (response.status === 400) {
    const body = (await response.json().catch(() => null)) as { error?: unknown; line?: unknown; column?: unknown } | null;
    const message = typeof body?.error === 'string' ? body.error : 'the source does not build';
    return { ok: false, kind: 'source', error: { message, line: typeof body?.line === 'number' ? body.line : 1, column: typeof body?.column === 'number' ? body.column : 1 } };
  }
  if (!response.ok) return { ok: false, kind: 'failed', message: `the dev server answered ${response.status}: ${(await response.text().catch(() => '')).slice(0, 300)}` };
  return { ok: true, bytes: new Uint8Array(await response.arrayBuffer()), ms: performance.now() - t0 };
}

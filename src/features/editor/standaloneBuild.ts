import type { SourceError } from '../../core';
import { BUILD_ACTOR_COMMAND, BUILD_ACTOR_PATH, type ActorBuildErrorBody } from '../../protocols/actorBuild';

/**
 * The dev server's standalone build of an Editor source (src/server/actorBuild/: componentize-qjs
 * against `websocket-actor-with-init`, protocols/actorBuild.ts). A static deployment has no such
 * endpoint: then the one command that builds the same component is shown instead.
 */
const BUILD_ENDPOINT = `./${BUILD_ACTOR_PATH}`;
/** The command for the source the Editor's `Download source` saves (`actor.js`). */
export const BUILD_COMMAND = BUILD_ACTOR_COMMAND.replace('<file>', 'actor');

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
    // Only the dev server answers the probe with 204; `vite preview` and static servers answer
    // anything else (preview serves index.html for every path).
    const probe = await fetchAsset(BUILD_ENDPOINT);
    if (probe.status !== 204) return { ok: false, kind: 'unavailable' };
    response = await fetchAsset(BUILD_ENDPOINT, { method: 'POST', body: source, headers: { 'content-type': 'text/javascript' } });
  } catch (thrown) {
    return { ok: false, kind: 'failed', message: `the build request failed (${thrown instanceof Error ? thrown.message : String(thrown)})` };
  }
  if (response.status === 400) {
    const body = (await response.json().catch(() => null)) as Partial<ActorBuildErrorBody> | null;
    const message = typeof body?.error === 'string' ? body.error : 'the source does not build';
    return { ok: false, kind: 'source', error: { message, line: typeof body?.line === 'number' ? body.line : 1, column: typeof body?.column === 'number' ? body.column : 1 } };
  }
  if (!response.ok) return { ok: false, kind: 'failed', message: `the dev server answered ${response.status}: ${(await response.text().catch(() => '')).slice(0, 300)}` };
  return { ok: true, bytes: new Uint8Array(await response.arrayBuffer()), ms: performance.now() - t0 };
}

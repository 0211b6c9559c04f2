import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INIT_HEADER, MAX_ACTOR_SOURCE_BYTES } from '../../protocols/actorBuild';
import { actorBuildHandler, actorBuildPlugin } from './vitePlugin';

// The handler behind a real HTTP server, spoken to with real requests; then the plugin in a real
// Vite dev server, where the page finds it.

const source = 'export const websocketServer = { handleMessage(state, [message]) { return [state, [{ messages: [message] }]]; } };\n';

let server: Server;
let base: string;

beforeAll(async () => {
  const handler = actorBuildHandler();
  server = createServer((request, response) =>
    handler(request, response, () => {
      response.statusCode = 404;
      response.end();
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('POST ./__build-actor', () => {
  it('answers GET with 204, the probe the page makes, and leaves other paths to the next handler', async () => {
    expect((await fetch(`${base}/__build-actor`)).status).toBe(204);
    expect((await fetch(`${base}/sub/path/__build-actor?x=1`)).status).toBe(204);
    expect((await fetch(`${base}/index.html`)).status).toBe(404);
  });

  it('answers a source with its component, and says it added the default init', async () => {
    const response = await fetch(`${base}/__build-actor`, { method: 'POST', body: source, headers: { 'Content-Type': 'text/plain' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/wasm');
    expect(response.headers.get(DEFAULT_INIT_HEADER)).toBe('added');
    expect(response.headers.get('server-timing')).toMatch(/^build;dur=\d+$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 8)]).toEqual([0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00]);
  });

  it('answers a mistake in the source with 400 and where it is', async () => {
    const response = await fetch(`${base}/__build-actor`, { method: 'POST', body: 'export const websocketServer = {\n  handleMessage( {\n};\n' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ code: 'syntax', line: expect.any(Number), column: expect.any(Number), error: expect.stringMatching(/^syntax error: /) });
  });

  it('refuses a source over 1 MiB, a body that is not UTF-8, a page from another site and other methods', async () => {
    const tooLarge = await fetch(`${base}/__build-actor`, { method: 'POST', body: `${source}//${'x'.repeat(MAX_ACTOR_SOURCE_BYTES)}` });
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as { error: string }).error).toContain('larger than');
    expect((await fetch(`${base}/__build-actor`, { method: 'POST', body: new Uint8Array([0xff, 0xfe, 0x41]) })).status).toBe(400);
    expect((await fetch(`${base}/__build-actor`, { method: 'POST', body: source, headers: { Origin: 'https://elsewhere.example' } })).status).toBe(403);
    const put = await fetch(`${base}/__build-actor`, { method: 'PUT', body: source });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST');
  });
});

describe('actorBuildPlugin', () => {
  it('is for `vite` (dev) only: preview and static builds have no build server', () => {
    const plugin = actorBuildPlugin();
    expect(plugin.apply).toBe('serve');
    expect(plugin.configurePreviewServer).toBeUndefined();
  });

  it('answers the probe in a real Vite dev server, from its root’s wit/', async () => {
    const root = await mkdtemp(join(tmpdir(), 'actor-build-plugin-'));
    let vite: ViteDevServer | undefined;
    try {
      await writeFile(join(root, 'index.html'), '<!doctype html><title>page</title>');
      vite = await createViteServer({ configFile: false, root, logLevel: 'silent', plugins: [actorBuildPlugin()], server: { port: 0, host: '127.0.0.1' } });
      await vite.listen();
      const url = new URL('__build-actor', vite.resolvedUrls!.local[0]!);
      expect((await fetch(url)).status).toBe(204);
      // This root has no wit/: a failure of the tool, not of the source, is a 500 that says so.
      const failed = await fetch(url, { method: 'POST', body: source });
      expect(failed.status).toBe(500);
      expect(((await failed.json()) as { error: string }).error).toMatch(/^the build tool failed: /);
    } finally {
      await vite?.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});

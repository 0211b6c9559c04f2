import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { preview, type PreviewServer } from 'vite';
import { BRIDGE_INFO_FILE, CONTROL_PROTOCOL_VERSION, type BridgeInfo } from '../../protocols/bridgeControl.ts';
import { FakePage, httpGet } from './testPeers.ts';
import type { RunningBridge } from './server.ts';
import { bridgePlugin } from './vitePlugin.ts';

// The plugin beside a real `vite preview` (the dev server runs the same code through
// `configureServer`): the bridge follows the port the page is really served on.

let dist: string;
let server: PreviewServer | undefined;
let blocker: Server | undefined;
const saved = { vitest: process.env.VITEST, port: process.env.THEATER_BRIDGE_PORT };

beforeEach(async () => {
  dist = await mkdtemp(join(tmpdir(), 'bridge-plugin-'));
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>page</title>');
  // The plugin stays out of Vitest's own servers; this test is the exception it means to serve.
  delete process.env.VITEST;
  process.env.THEATER_BRIDGE_PORT = '0';
});

const restore = (name: string, value: string | undefined): void => {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
};

afterEach(async () => {
  restore('VITEST', saved.vitest);
  restore('THEATER_BRIDGE_PORT', saved.port);
  await server?.close();
  server = undefined;
  await new Promise((resolve) => (blocker ? blocker.close(resolve) : resolve(undefined)));
  blocker = undefined;
  await rm(dist, { recursive: true, force: true });
});

async function servePreview(port: number, strictPort: boolean): Promise<{ pageOrigin: string; info: BridgeInfo }> {
  server = await preview({ configFile: false, logLevel: 'silent', plugins: [bridgePlugin()], build: { outDir: dist }, preview: { host: '127.0.0.1', port, strictPort } });
  const { port: bound } = server.httpServer.address() as { port: number };
  const pageOrigin = `http://127.0.0.1:${bound}`;
  const reply = await httpGet(`${pageOrigin}/${BRIDGE_INFO_FILE}`);
  expect(reply.status).toBe(200);
  return { pageOrigin, info: JSON.parse(reply.body) as BridgeInfo };
}

/** The bridge at `host:port` as `FakePage.attach` needs it (only its address and port are read). */
const at = (address: string): RunningBridge => ({ address: `ws://${address}`, port: Number(address.split(':')[1]) }) as RunningBridge;

describe('the bridge beside vite preview', () => {
  it('tells the page where it is, and lets the page attach from the port it is served on', async () => {
    const { pageOrigin, info } = await servePreview(0, true);
    expect(info).toMatchObject({ version: CONTROL_PROTOCOL_VERSION, problem: null });
    const page = await FakePage.attach(at(info.address), pageOrigin);
    expect(page.inbox.items[0]).toMatchObject({ type: 'hello', address: `ws://${info.address}` });
    await page.close();
    // Under the other loopback name too; a page on another port is not the served one.
    await (await FakePage.attach(at(info.address), pageOrigin.replace('127.0.0.1', 'localhost'))).close();
    expect((await httpGet(`http://${info.address}/token`, { Origin: 'http://127.0.0.1:1' })).status).toBe(403);
  });

  it('follows the server when Vite moves to the next port because its own is taken', async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    const { pageOrigin, info } = await servePreview(taken, false);
    expect(pageOrigin).not.toBe(`http://127.0.0.1:${taken}`);
    await (await FakePage.attach(at(info.address), pageOrigin)).close();
  });

  it('says why when its own bridge cannot start, and the page still learns where to look', async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    process.env.THEATER_BRIDGE_PORT = String(taken);
    const { info } = await servePreview(0, true);
    expect(info).toMatchObject({ address: `127.0.0.1:${taken}`, problem: expect.stringMatching(/could not start its bridge: cannot listen on 127\.0\.0\.1:\d+/) });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { CONTROL_PROTOCOL_VERSION, NO_PAGE_CLOSE_CODE, NO_PAGE_CLOSE_REASON, type ProbeResponse } from '../../protocols/bridgeControl.ts';
import { startBridge, type RunningBridge } from './server.ts';
import { FakePage, PAGE_ORIGIN, TestClient, httpBase, httpGet, silent } from './testPeers.ts';

// Why the bridge refuses, as a page and a real client learn it: a browser reads neither a refused
// WebSocket's status nor a refused request without CORS, so the bridge says it where they can.

let bridge: RunningBridge | undefined;
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

async function probe(query: string, origin?: string): Promise<{ body: ProbeResponse; cors: unknown }> {
  const reply = await httpGet(`${httpBase(bridge!)}/probe${query}`, origin === undefined ? {} : { Origin: origin });
  expect(reply.status).toBe(200);
  return { body: JSON.parse(reply.body) as ProbeResponse, cors: reply.headers['access-control-allow-origin'] };
}

describe('GET /probe', () => {
  it('tells any page whether its origin is allowed, readable from anywhere, with no secret in it', async () => {
    bridge = await startBridge({ port: 0, log: silent });
    const foreign = await probe(`?token=${encodeURIComponent(bridge.token)}`, 'http://localhost:5174');
    expect(foreign.cors).toBe('*');
    expect(foreign.body).toEqual({ version: 1, origin: 'http://localhost:5174', originAllowed: false });
    expect((await probe('')).body).toEqual({ version: 1, origin: null, originAllowed: false });
  });

  it('speaks the protocol a page names when it has it, 1 to a page that names none, and its own otherwise', async () => {
    bridge = await startBridge({ port: 0, log: silent });
    expect((await probe(`?version=${CONTROL_PROTOCOL_VERSION}`, PAGE_ORIGIN)).body.version).toBe(CONTROL_PROTOCOL_VERSION);
    expect((await probe('?version=1', PAGE_ORIGIN)).body.version).toBe(1);
    expect((await probe('', PAGE_ORIGIN)).body.version).toBe(1);
    expect((await probe('?version=99', PAGE_ORIGIN)).body.version).toBe(CONTROL_PROTOCOL_VERSION);
  });

  it('tells an allowed page whether its token is the bridge’s and whether another page holds the bridge', async () => {
    bridge = await startBridge({ port: 0, log: silent });
    expect((await probe('', PAGE_ORIGIN)).body).toEqual({ version: 1, origin: PAGE_ORIGIN, originAllowed: true, token: 'missing', pageAttached: false });
    expect((await probe('?token=stale', PAGE_ORIGIN)).body).toMatchObject({ originAllowed: true, token: 'mismatch' });
    await FakePage.attach(bridge);
    expect((await probe(`?token=${encodeURIComponent(bridge.token)}`, PAGE_ORIGIN)).body).toMatchObject({ token: 'ok', pageAttached: true });
  });
});

describe('a real client while no page is attached', () => {
  it('is closed with 4000 and a reason saying no page is attached, once the wait is over, and nothing it sent is kept', async () => {
    bridge = await startBridge({ port: 0, log: silent, pageWaitMs: 200 });
    const client = await TestClient.open(bridge);
    client.socket.send('anyone?');
    expect(await client.closeEvent()).toEqual({ kind: 'close', code: NO_PAGE_CLOSE_CODE, reason: NO_PAGE_CLOSE_REASON });
    expect(bridge.stats()).toMatchObject({ pageAttached: false, clients: 0, queuedForPage: 0 });

    // A page that comes later starts clean: no ghost of the client that gave up.
    const page = await FakePage.attach(bridge);
    expect(page.inbox.items).toEqual([expect.objectContaining({ type: 'hello', clients: [] })]);
  });

  it('is handed to a page that attaches within the wait, and then stays', async () => {
    bridge = await startBridge({ port: 0, log: silent, pageWaitMs: 300 });
    const client = await TestClient.open(bridge);
    const page = await FakePage.attach(bridge);
    page.echoText();
    await new Promise((resolve) => setTimeout(resolve, 500));
    client.socket.send('still here');
    await client.inbox.waitFor((items) => items.length > 0, 'the echo');
    expect(client.inbox.items).toEqual([{ kind: 'text', text: 'still here' }]);
  });
});

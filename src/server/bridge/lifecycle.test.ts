import { afterEach, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../protocols/bridgeControl.ts';
import { startBridge, type RunningBridge } from './server.ts';
import { FakePage, PAGE_ORIGIN, TestClient, refusedStatus, silent } from './testPeers.ts';

let bridge: RunningBridge | undefined;
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

const isOpen = (m: ServerMessage): m is Extract<ServerMessage, { type: 'client-open' }> => m.type === 'client-open';

describe('bridge lifecycle', () => {
  it('closes every real client with 1001 when the page goes away, and forgets them', async () => {
    bridge = await startBridge({ port: 0, log: silent });
    const page = await FakePage.attach(bridge);
    const clients = await Promise.all([TestClient.open(bridge), TestClient.open(bridge)]);
    await page.inbox.waitFor((items) => items.filter(isOpen).length === 2, 'two client-opens');

    await page.close();
    for (const client of clients) expect(await client.closeEvent()).toEqual({ kind: 'close', code: 1001, reason: 'playground page went away' });

    // A new page starts clean: no stale clients, no stale closes.
    const next = await FakePage.attach(bridge);
    expect(next.inbox.items[0]).toMatchObject({ type: 'hello', clients: [] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(next.inbox.items).toHaveLength(1);
  });

  it('holds clients that arrive before the page and hands them over, in order, after hello', async () => {
    bridge = await startBridge({ port: 0, log: silent });
    const early = await TestClient.open(bridge);
    early.socket.send('first');
    early.socket.send('second');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(bridge.stats()).toMatchObject({ pageAttached: false, clients: 1, queuedForPage: 3 });

    const page = await FakePage.attach(bridge);
    await page.inbox.waitFor((items) => items.length >= 4, 'hello and the queued messages');
    const [hello, ...rest] = page.inbox.items;
    expect(hello).toMatchObject({ type: 'hello', clients: [1] });
    expect(rest).toEqual([
      { type: 'client-open', client: 1, path: '/' },
      { type: 'client-message', client: 1, message: { ty: { tag: 'text' }, text: 'first' } },
      { type: 'client-message', client: 1, message: { ty: { tag: 'text' }, text: 'second' } },
    ]);
  });

  it('stop closes clients with 1001 and refuses new ones until start', async () => {
    bridge = await startBridge({ port: 0, log: silent });
    const page = await FakePage.attach(bridge);
    const client = await TestClient.open(bridge);
    const open = await page.inbox.find(isOpen, 'client-open');
    page.send({ type: 'stop' });
    expect(await client.closeEvent()).toMatchObject({ code: 1001 });
    await page.inbox.waitFor((items) => items.some((m) => m.type === 'client-close'), 'client-close');
    expect(page.messagesFor(open.client).at(-1)).toMatchObject({ type: 'client-close', code: 1001 });
    expect(await refusedStatus(bridge.address)).toBe(503);

    page.send({ type: 'start' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const again = await TestClient.open(bridge);
    again.socket.close();
  });

  it('close() ends clients and the page with 1001 and frees the port', async () => {
    const running = await startBridge({ port: 0, log: silent });
    const page = await FakePage.attach(running);
    const client = await TestClient.open(running);
    const pageClosed = new Promise<number>((resolve) => page.socket.once('close', (code) => resolve(code)));
    await running.close();
    expect(await client.closeEvent()).toMatchObject({ code: 1001 });
    expect(await pageClosed).toBe(1001);
    const again = await startBridge({ port: running.port, log: silent });
    await again.close();
  });

  it('drops a page that stops answering pings, closing its clients with 1001', async () => {
    bridge = await startBridge({ port: 0, log: silent, heartbeatMs: 250 });
    const page = await FakePage.attach(bridge, PAGE_ORIGIN, { autoPong: false });
    const client = await TestClient.open(bridge);
    expect(await client.closeEvent()).toMatchObject({ code: 1001 });
    expect(bridge.stats().pageAttached).toBe(false);
    expect(page.socket.readyState).not.toBe(page.socket.OPEN);
  });

  it('keeps a page that answers pings', async () => {
    bridge = await startBridge({ port: 0, log: silent, heartbeatMs: 150 });
    await FakePage.attach(bridge);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(bridge.stats().pageAttached).toBe(true);
  });
});

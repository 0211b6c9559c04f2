import { afterEach, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../protocols/bridgeControl.ts';
import { startBridge, type RunningBridge } from './server.ts';
import { FakePage, TestClient, messagesOf, silent } from './testPeers.ts';

let bridge: RunningBridge | undefined;
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

const LIMITS = { maxMessages: 100, maxBytes: 16 * 1024 * 1024 };

/**
 * Waits until the page's queue has reached the soft bound and then stops changing: the bridge
 * has paused the client. (Before the bound, the queue sits at 0 while the buffers fill up.)
 */
async function settledQueue(running: RunningBridge): Promise<number> {
  const deadline = Date.now() + 20_000;
  while (running.stats().queuedForPage < LIMITS.maxMessages) {
    if (Date.now() > deadline) throw new Error(`the queue never reached ${LIMITS.maxMessages}: ${JSON.stringify(running.stats())}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  let last = -1;
  let stableSince = Date.now();
  for (;;) {
    const queued = running.stats().queuedForPage;
    if (queued !== last) {
      last = queued;
      stableSince = Date.now();
    } else if (Date.now() - stableSince > 300) {
      return queued;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function sendNumbered(client: TestClient, count: number, size: number): string[] {
  const sent: string[] = [];
  for (let n = 0; n < count; n++) {
    const text = `${n}:`.padEnd(size, '.');
    sent.push(text);
    client.socket.send(text);
  }
  return sent;
}

const textsFrom = (page: FakePage, client: number): string[] =>
  page.inbox.items.flatMap((m: ServerMessage) => (m.type === 'client-message' && m.client === client ? [m.message.text ?? ''] : []));

describe('backpressure instead of unbounded queues', () => {
  it('with no page attached, pauses the client at the queue bound and loses nothing once a page comes', async () => {
    bridge = await startBridge({ port: 0, log: silent, queueLimits: LIMITS });
    const client = await TestClient.open(bridge);
    const sent = sendNumbered(client, 16_000, 1024); // 16 MiB: more than loopback's kernel buffers hold

    const queued = await settledQueue(bridge);
    expect(queued).toBeLessThanOrEqual(LIMITS.maxMessages * 2);
    // The rest waits in the client's own process: TCP pushed back all the way.
    expect(client.socket.bufferedAmount).toBeGreaterThan(0);

    const page = await FakePage.attach(bridge);
    // hello, client-open, then every message (a cheap count: the predicate runs on every arrival)
    await page.inbox.waitFor((items) => items.length >= sent.length + 2, 'every queued and paused message');
    expect(textsFrom(page, 1)).toEqual(sent);
    expect(client.inbox.items).toEqual([]); // never closed for overload
  });

  it('with a page that stops reading, the queue stays bounded; when it reads again, everything arrives in order', async () => {
    bridge = await startBridge({ port: 0, log: silent, queueLimits: LIMITS });
    const page = await FakePage.attach(bridge);
    page.socket.pause();
    const client = await TestClient.open(bridge);
    const sent = sendNumbered(client, 16_000, 2048); // 32 MiB: fills every buffer between the two

    const queued = await settledQueue(bridge);
    expect(queued).toBeLessThanOrEqual(LIMITS.maxMessages * 2);

    page.socket.resume();
    await page.inbox.waitFor((items) => items.length >= sent.length + 2, 'every message after the page resumed', 30_000);
    expect(textsFrom(page, 1)).toEqual(sent);
    expect(bridge.stats().queuedForPage).toBe(0);
  });

  it('stops reading from a client that does not read its responses, and catches up when it does', async () => {
    bridge = await startBridge({ port: 0, log: silent });
    const page = await FakePage.attach(bridge);
    const big = 'x'.repeat(32 * 1024);
    page.socket.on('message', (data) => {
      for (const message of messagesOf(data)) if (message.type === 'client-message') page.send({ type: 'respond', client: message.client, frames: [{ frame: 'text', text: `${message.message.text}${big}` }] });
    });
    const client = await TestClient.open(bridge);
    client.socket.pause();
    // Requests trickle in (a burst already read is answered whatever happens); 1000 responses of
    // 32 KiB are more than the socket buffers between the two hold.
    const sent: string[] = [];
    for (let batch = 0; batch < 100; batch++) {
      for (let n = 0; n < 10; n++) sent.push(`${batch * 10 + n}:`.padEnd(8, '.'));
      sent.slice(-10).forEach((text) => client.socket.send(text));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }

    await new Promise((resolve) => setTimeout(resolve, 1000));
    const forwarded = page.inbox.items.filter((m) => m.type === 'client-message').length;
    expect(forwarded).toBeLessThan(sent.length);

    client.socket.resume();
    await client.inbox.waitFor((items) => items.length >= sent.length, 'every response', 30_000);
    expect(client.texts().map((text) => text.slice(0, -big.length))).toEqual(sent);
  });

  it('past twice the bound (a flood already read before the pause), closes that client with 1013', async () => {
    bridge = await startBridge({ port: 0, log: silent, queueLimits: { maxMessages: 4, maxBytes: 1024 * 1024 } });
    const client = await TestClient.open(bridge);
    // Corked, the 200 frames leave in one write and reach the bridge in one read, past any pause.
    const raw = (client.socket as unknown as { _socket: import('node:net').Socket })._socket;
    raw.cork();
    sendNumbered(client, 200, 8);
    raw.uncork();
    expect(await client.closeEvent()).toMatchObject({ code: 1013 });
    expect(bridge.stats().queuedForPage).toBeLessThanOrEqual(4 * 2 + 1); // + the close notice
  });

  it('does not cut off a reading client whose responses come in one control frame larger than maxUnreadBytes', async () => {
    bridge = await startBridge({ port: 0, log: silent, maxUnreadBytes: 2 * 1024 * 1024 });
    const page = await FakePage.attach(bridge);
    const client = await TestClient.open(bridge);
    const open = await page.inbox.find((m): m is Extract<ServerMessage, { type: 'client-open' }> => m.type === 'client-open', 'client-open');
    const chunk = Buffer.alloc(1024 * 1024, 7).toString('base64');
    // Held in the corked socket until the whole frame is applied: 3 MiB that the client reads at once.
    page.send({ type: 'batch', messages: Array.from({ length: 3 }, () => ({ type: 'respond' as const, client: open.client, frames: [{ frame: 'binary' as const, dataBase64: chunk }] })) });
    await client.inbox.waitFor((items) => items.length === 3, 'three responses');
    expect(page.inbox.items.some((m) => m.type === 'client-close')).toBe(false);
    expect(bridge.stats().clients).toBe(1);
  });

  it('cuts off a client that leaves more than maxUnreadBytes of responses unread, and tells the page', async () => {
    bridge = await startBridge({ port: 0, log: silent, maxUnreadBytes: 2 * 1024 * 1024 });
    const page = await FakePage.attach(bridge);
    const client = await TestClient.open(bridge);
    const open = await page.inbox.find((m): m is Extract<ServerMessage, { type: 'client-open' }> => m.type === 'client-open', 'client-open');
    client.socket.pause();
    const chunk = Buffer.alloc(1024 * 1024, 7).toString('base64');
    // Far more than the kernel buffers take, so ws holds the rest and crosses the limit.
    for (let n = 0; n < 40; n++) page.send({ type: 'respond', client: open.client, frames: [{ frame: 'binary', dataBase64: chunk }] });
    const close = await page.inbox.find((m): m is Extract<ServerMessage, { type: 'client-close' }> => m.type === 'client-close', 'client-close');
    expect(close).toMatchObject({ client: open.client, code: 1006 });
    expect(close.reason).toMatch(/unread/);
    expect(bridge.stats().clients).toBe(0);
  });
});

import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTROL_PROTOCOL_VERSION, type ServerMessage } from '../../protocols/bridgeControl.ts';
import { startBridge, type RunningBridge } from './server.ts';
import { FakePage, TestClient, silent } from './testPeers.ts';

let bridge: RunningBridge | undefined;
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

const b64 = (text: string): string => Buffer.from(text).toString('base64');

describe('bridge relay between real clients and the page', () => {
  it('delivers every kind of client frame to the page in order, and writes each response frame as that frame', async () => {
    bridge = await startBridge({ port: 0, log: silent });
    const page = await FakePage.attach(bridge);
    expect(page.inbox.items[0]).toEqual({ type: 'hello', version: CONTROL_PROTOCOL_VERSION, address: bridge.address, clients: [], accepting: true });

    const client = await TestClient.open(bridge);
    await page.inbox.waitFor((items) => items.some((m) => m.type === 'client-open'), 'client-open');
    const open = page.inbox.items.find((m) => m.type === 'client-open') as Extract<ServerMessage, { type: 'client-open' }>;
    const id = open.client;
    expect(id).toBeGreaterThan(0);

    client.socket.send('hello actor');
    client.socket.send(Buffer.from([1, 2, 3]));
    client.socket.ping(Buffer.from('are you there'));
    client.socket.pong(Buffer.from('unsolicited'));
    await page.inbox.waitFor((items) => items.filter((m) => m.type === 'client-message').length === 4, 'four client messages');

    expect(page.messagesFor(id)).toEqual([
      { type: 'client-open', client: id, path: '/' },
      { type: 'client-message', client: id, message: { ty: { tag: 'text' }, text: 'hello actor' } },
      { type: 'client-message', client: id, message: { ty: { tag: 'binary' }, dataBase64: b64('\x01\x02\x03') } },
      { type: 'client-message', client: id, message: { ty: { tag: 'ping' }, dataBase64: b64('are you there') } },
      { type: 'client-message', client: id, message: { ty: { tag: 'pong' }, dataBase64: b64('unsolicited') } },
    ]);
    // The actor decides about pongs: the bridge must not have answered the ping by itself.
    expect(client.inbox.items).toEqual([]);

    page.send({
      type: 'respond',
      client: id,
      frames: [
        { frame: 'text', text: 'hi there' },
        { frame: 'binary', dataBase64: Buffer.from([9, 8, 7]).toString('base64') },
        { frame: 'ping', dataBase64: b64('ping!') },
        { frame: 'pong', dataBase64: b64('pong!') },
        { frame: 'close' },
        { frame: 'text', text: 'after close: never sent' },
      ],
    });
    const closed = await client.closeEvent();
    expect(client.inbox.items).toEqual([
      { kind: 'text', text: 'hi there' },
      { kind: 'binary', data: Buffer.from([9, 8, 7]) },
      { kind: 'ping', data: Buffer.from('ping!') },
      { kind: 'pong', data: Buffer.from('pong!') },
      // The `close` response carries no status code, which a client reads as 1005.
      { kind: 'close', code: 1005, reason: '' },
    ]);
    expect(closed.code).toBe(1005);

    // The client's automatic pong to the actor's ping arrives after the bridge sent the close
    // frame: nothing is forwarded from a closing connection, so the page sees only the close.
    await page.inbox.waitFor((items) => items.some((m) => m.type === 'client-close'), 'client-close');
    expect(page.messagesFor(id).slice(5)).toEqual([{ type: 'client-close', client: id, code: 1005, reason: '' }]);
  });

  it("tells the page each client's URL path (an http-framework actor serves WebSockets per path), without its query", async () => {
    bridge = await startBridge({ port: 0, log: silent });
    const page = await FakePage.attach(bridge);
    await TestClient.open(`${bridge.address}/chat?room=1`);
    await TestClient.open(`${bridge.address}/`);
    await page.inbox.waitFor((items) => items.filter((m) => m.type === 'client-open').length === 2, 'two client-open');
    expect(page.inbox.items.filter((m) => m.type === 'client-open')).toEqual([
      { type: 'client-open', client: 1, path: '/chat' },
      { type: 'client-open', client: 2, path: '/' },
    ]);
  });

  it('10 clients × 200 messages through an echoing page: all arrive, in order, at the right client', async () => {
    bridge = await startBridge({ port: 0, log: silent });
    const page = await FakePage.attach(bridge);
    page.echoText();
    const clients = await Promise.all(Array.from({ length: 10 }, () => TestClient.open(bridge!)));
    const perClient = 200;
    clients.forEach((client, c) => {
      for (let n = 0; n < perClient; n++) client.socket.send(`client ${c} message ${n}`);
    });
    await Promise.all(clients.map((client, c) => client.inbox.waitFor((items) => items.length >= perClient, `client ${c}'s echoes`)));
    clients.forEach((client, c) => {
      expect(client.texts()).toEqual(Array.from({ length: perClient }, (_, n) => `client ${c} message ${n}`));
    });
    // Ten distinct ids, each opened once; nothing misrouted afterwards either.
    const opens = page.inbox.items.filter((m) => m.type === 'client-open').map((m) => m.client);
    expect(new Set(opens).size).toBe(10);
    await new Promise((resolve) => setTimeout(resolve, 50));
    clients.forEach((client) => expect(client.inbox.items).toHaveLength(perClient));
  });

  it('sends a page of protocol 2 what waits in batch frames, and a page that names no version one message a frame', async () => {
    bridge = await startBridge({ port: 0, log: silent });
    for (const version of [CONTROL_PROTOCOL_VERSION, null]) {
      const page = await FakePage.attach(bridge, undefined, { version });
      expect(page.inbox.items[0]).toMatchObject({ type: 'hello', version: version ?? 1 });
      const client = await TestClient.open(bridge);
      await page.inbox.waitFor((items) => items.some((m) => m.type === 'client-open'), 'client-open');
      const before = page.frames;
      // One write (the client's TCP socket corked around the sends), so every message arrives in the same turn of the server's event loop.
      const texts = Array.from({ length: 50 }, (_, n) => `message ${n}`);
      const tcp = (client.socket as unknown as { _socket: Socket })._socket;
      tcp.cork();
      for (const text of texts) client.socket.send(text);
      tcp.uncork();
      await page.inbox.waitFor((items) => items.filter((m) => m.type === 'client-message').length === texts.length, 'every message');
      expect(page.inbox.items.flatMap((m) => (m.type === 'client-message' ? [m.message.text] : []))).toEqual(texts);
      if (version === null) expect(page.frames - before).toBe(texts.length);
      else expect(page.frames - before).toBeLessThan(texts.length);
      await page.close();
      await client.closeEvent();
    }
  });

  it('applies a batch from the page in order, and answers a bad message in it with an error without losing the others', async () => {
    bridge = await startBridge({ port: 0, log: silent });
    const page = await FakePage.attach(bridge);
    const client = await TestClient.open(bridge);
    const open = await page.inbox.find((m): m is Extract<ServerMessage, { type: 'client-open' }> => m.type === 'client-open', 'client-open');
    page.socket.send(
      JSON.stringify({
        type: 'batch',
        messages: [
          { type: 'respond', client: open.client, frames: [{ frame: 'text', text: 'one' }] },
          { type: 'respond', client: open.client, frames: [{ frame: 'binary', dataBase64: '***' }] },
          { type: 'batch', messages: [] },
          { type: 'respond', client: open.client, frames: [{ frame: 'text', text: 'two' }] },
          { type: 'close-client', client: open.client, code: 4001, reason: 'done' },
        ],
      }),
    );
    expect(await client.closeEvent()).toEqual({ kind: 'close', code: 4001, reason: 'done' });
    expect(client.texts()).toEqual(['one', 'two']);
    await page.inbox.waitFor((items) => items.filter((m) => m.type === 'error').length === 2, 'two errors');
    expect(page.inbox.items.filter((m) => m.type === 'error').map((m) => (m as { message: string }).message)).toEqual([
      'respond: frame 0 is not a text, binary (base64), close, ping or pong frame',
      'batch: message 2 is a batch itself',
    ]);
  });

  it('tells the page about a page-initiated close and passes the code and reason to the client', async () => {
    bridge = await startBridge({ port: 0, log: silent });
    const page = await FakePage.attach(bridge);
    const client = await TestClient.open(bridge);
    const open = await page.inbox.find((m): m is Extract<ServerMessage, { type: 'client-open' }> => m.type === 'client-open', 'client-open');
    page.send({ type: 'close-client', client: open.client, code: 4000, reason: 'bye' });
    expect(await client.closeEvent()).toEqual({ kind: 'close', code: 4000, reason: 'bye' });
    const close = await page.inbox.find((m): m is Extract<ServerMessage, { type: 'client-close' }> => m.type === 'client-close', 'client-close');
    expect(close).toEqual({ type: 'client-close', client: open.client, code: 4000, reason: 'bye' });
  });

  it('answers a malformed control frame with an error and carries on', async () => {
    bridge = await startBridge({ port: 0, log: silent });
    const page = await FakePage.attach(bridge);
    page.socket.send('{not json');
    page.send({ type: 'close-client', client: 1, code: 1006 });
    page.socket.send(JSON.stringify({ type: 'respond', client: 1, frames: [{ frame: 'binary', dataBase64: '***' }] }));
    await page.inbox.waitFor((items) => items.filter((m) => m.type === 'error').length === 3, 'three errors');
    expect(page.inbox.items.filter((m) => m.type === 'error').map((m) => (m as { code: string }).code)).toEqual(['bad-json', 'bad-close-code', 'bad-message']);
    const client = await TestClient.open(bridge);
    await page.inbox.waitFor((items) => items.some((m) => m.type === 'client-open'), 'client-open after errors');
    client.socket.close();
  });
});

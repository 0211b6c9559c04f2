import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../protocols/bridgeControl.ts';
import type { ProxyFrameJson, ProxyServerMessage } from '../../protocols/proxyControl.ts';
import { startBridge, type RunningBridge } from './server.ts';
import { FakePage, Inbox, TestClient, TestUpstream, refusedStatus, silent, until, type ClientEvent, type UpstreamOptions } from './testPeers.ts';

// Proxy mode on the bridge server: real `ws` clients on the bridge's public port, each joined to
// its own connection to a real upstream WebSocket server started here, and a fake page on
// /control that starts the proxy, hears every relayed frame, and takes clients over. Real sockets
// on loopback, no mocks.

const cleanups: Array<() => Promise<void> | void> = [];
let bridge: RunningBridge | undefined;
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startUpstream(options: UpstreamOptions = {}): Promise<TestUpstream> {
  const upstream = await TestUpstream.start(options);
  cleanups.push(() => upstream.close());
  return upstream;
}

/** A bridge with a page attached that has started proxying to `upstream`. */
async function proxyTo(upstream: string): Promise<{ running: RunningBridge; page: FakePage }> {
  bridge = await startBridge({ port: 0, log: silent });
  const page = await FakePage.attach(bridge);
  page.send({ type: 'proxy-start', upstream });
  await page.inbox.find(isProxy('proxy-state'), 'proxy-state');
  expect(page.inbox.items.find(isProxy('proxy-state'))).toEqual({ type: 'proxy-state', upstream, problem: null });
  return { running: bridge, page };
}

type Proxy<T extends ProxyServerMessage['type']> = Extract<ProxyServerMessage, { type: T }>;
const isProxy =
  <T extends ProxyServerMessage['type']>(type: T) =>
  (m: ServerMessage): m is Proxy<T> =>
    m.type === type;

/** A real client on the bridge, joined to its upstream: the client, the upstream's side of it, and the server's number for it. */
async function proxiedClient(running: RunningBridge, page: FakePage, upstream: TestUpstream, path = '', options: Parameters<typeof TestClient.open>[1] = {}) {
  const before = upstream.peers.items.length;
  const opens = () => page.inbox.items.filter(isProxy('proxy-open'));
  const opensBefore = opens().length;
  const client = await TestClient.open(`${running.address}${path}`, { autoPong: false, ...options });
  await upstream.peers.waitFor((items) => items.length > before, 'the upstream connection');
  const { peer, socket, request } = upstream.peers.items[before]!;
  await page.inbox.waitFor(() => opens().length > opensBefore, 'proxy-open');
  const open = opens()[opensBefore]!;
  return { client, peer, socket, request, open, id: open.client };
}

/** What the page was told about client `id`'s frames, in order: [direction, frame]. */
const framesFor = (page: FakePage, id: number): Array<['sent' | 'received', ProxyFrameJson]> =>
  page.inbox.items.filter(isProxy('proxy-frame')).flatMap((m) => (m.client === id ? [[m.direction, m.frame] as ['sent' | 'received', ProxyFrameJson]] : []));

const closesFor = (page: FakePage, id: number) => framesFor(page, id).filter(([, frame]) => frame.frame === 'close');

const b64 = (bytes: Buffer | string): string => Buffer.from(bytes).toString('base64');
const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, n) => n));
const NON_ASCII = 'grüße, 世界 — ☃ 🎭 ok';

/** A port nothing listens on: one the system gave out and took back. */
async function deadPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resolves once every control message the page sent before has been applied (the bridge answers a bad one with `error` when it gets there). */
async function applied(page: FakePage): Promise<void> {
  const errors = page.inbox.items.filter((m) => m.type === 'error').length;
  page.send({ type: 'proxy-route', client: 0, to: 'actor' });
  await page.inbox.waitFor((items) => items.filter((m) => m.type === 'error').length > errors, 'the bridge to apply what the page sent');
}

/** Waits until `amount` (a socket's unsent bytes) has not changed for 200 ms: the flow has stopped where it was held back. */
async function steady(amount: () => number): Promise<void> {
  let last = -1;
  let since = Date.now();
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
    const now = amount();
    if (now !== last) [last, since] = [now, Date.now()];
    else if (Date.now() - since >= 200) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the flow never stopped');
}

/** Long enough on loopback for a frame already on its way (a second close report, say) to arrive. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

describe('proxy mode: every real client joined to its own upstream connection', () => {
  it('relays text (non-ASCII too), binary (every byte value), ping and pong byte for byte both ways, and reports each to the page in order', async () => {
    const upstream = await startUpstream();
    const { running, page } = await proxyTo(upstream.url);
    const { client, peer, id, open } = await proxiedClient(running, page, upstream);
    expect(open).toMatchObject({ type: 'proxy-open', client: id, path: '/', url: `${upstream.url}/`, protocol: '' });
    expect(open.refused).toBeUndefined();

    client.socket.send(NON_ASCII);
    client.socket.send('');
    client.socket.send(ALL_BYTES);
    client.socket.send(Buffer.alloc(0));
    client.socket.ping(Buffer.from('client ping'));
    client.socket.pong(Buffer.from([0, 255, 1]));
    const fromClient: ClientEvent[] = [
      { kind: 'text', text: NON_ASCII },
      { kind: 'text', text: '' },
      { kind: 'binary', data: ALL_BYTES },
      { kind: 'binary', data: Buffer.alloc(0) },
      { kind: 'ping', data: Buffer.from('client ping') },
      { kind: 'pong', data: Buffer.from([0, 255, 1]) },
    ];
    await peer.inbox.waitFor((items) => items.length >= fromClient.length, 'the client frames at the upstream');
    expect(peer.inbox.items).toEqual(fromClient);

    const reversed = Buffer.from(ALL_BYTES).reverse();
    const upstreamSocket = upstream.peers.items[0]!.socket;
    upstreamSocket.send(`${NON_ASCII} back`);
    upstreamSocket.send(reversed);
    upstreamSocket.ping(Buffer.from('upstream ping'));
    upstreamSocket.pong(Buffer.alloc(0));
    const fromUpstream: ClientEvent[] = [
      { kind: 'text', text: `${NON_ASCII} back` },
      { kind: 'binary', data: reversed },
      { kind: 'ping', data: Buffer.from('upstream ping') },
      { kind: 'pong', data: Buffer.alloc(0) },
    ];
    await client.inbox.waitFor((items) => items.length >= fromUpstream.length, 'the upstream frames at the client');
    expect(client.inbox.items).toEqual(fromUpstream);
    // Nobody answered a ping by itself: the upstream got exactly the client's frames.
    expect(peer.inbox.items).toEqual(fromClient);

    await page.inbox.waitFor(() => framesFor(page, id).length >= 10, 'ten proxy-frame reports');
    expect(framesFor(page, id)).toEqual([
      ['sent', { frame: 'text', text: NON_ASCII }],
      ['sent', { frame: 'text', text: '' }],
      ['sent', { frame: 'binary', dataBase64: b64(ALL_BYTES) }],
      ['sent', { frame: 'binary', dataBase64: '' }],
      ['sent', { frame: 'ping', dataBase64: b64('client ping') }],
      ['sent', { frame: 'pong', dataBase64: b64(Buffer.from([0, 255, 1])) }],
      ['received', { frame: 'text', text: `${NON_ASCII} back` }],
      ['received', { frame: 'binary', dataBase64: b64(reversed) }],
      ['received', { frame: 'ping', dataBase64: b64('upstream ping') }],
      ['received', { frame: 'pong', dataBase64: '' }],
    ]);
    // Proxied clients are not the actor's: the page is never asked to answer them.
    expect(page.inbox.items.some((m) => m.type === 'client-open' || m.type === 'client-message')).toBe(false);
  });

  it('relays what an upstream says first, the moment it accepts the connection (a greeting), to the client', async () => {
    const upstream = await startUpstream({ onConnection: (socket) => socket.send('welcome') });
    const { running, page } = await proxyTo(upstream.url);
    const { client, id } = await proxiedClient(running, page, upstream);
    await client.inbox.waitFor((items) => items.length > 0, 'the greeting');
    expect(client.inbox.items[0]).toEqual({ kind: 'text', text: 'welcome' });
    await page.inbox.waitFor(() => framesFor(page, id).length > 0, 'the greeting reported');
    expect(framesFor(page, id)[0]).toEqual(['received', { frame: 'text', text: 'welcome' }]);
  });

  it("passes the client's close code and reason to the upstream, and the upstream's to the client, each reported once", async () => {
    const upstream = await startUpstream();
    const { running, page } = await proxyTo(upstream.url);

    const first = await proxiedClient(running, page, upstream);
    first.client.socket.close(4001, 'bye');
    expect(await first.peer.closeEvent()).toMatchObject({ code: 4001, reason: 'bye' });
    expect(await first.client.closeEvent()).toMatchObject({ code: 4001, reason: 'bye' });

    const second = await proxiedClient(running, page, upstream);
    second.socket.close(4002, 'done');
    expect(await second.client.closeEvent()).toMatchObject({ code: 4002, reason: 'done' });
    expect(await second.peer.closeEvent()).toMatchObject({ code: 4002, reason: 'done' });

    // A close frame without a code reaches the other side without one (1005), not as some other code.
    const third = await proxiedClient(running, page, upstream);
    third.client.socket.close();
    expect(await third.peer.closeEvent()).toMatchObject({ code: 1005, reason: '' });

    await page.inbox.waitFor(() => [first, second, third].every(({ id }) => closesFor(page, id).length > 0), 'three closes reported');
    await settle();
    expect(closesFor(page, first.id)).toEqual([['sent', { frame: 'close', code: 4001, reason: 'bye' }]]);
    expect(closesFor(page, second.id)).toEqual([['received', { frame: 'close', code: 4002, reason: 'done' }]]);
    expect(closesFor(page, third.id)).toEqual([['sent', { frame: 'close', code: 1005, reason: '' }]]);
    await until(() => running.stats().clients === 0, 'the bridge to forget its clients');
  });

  it("joins the client to the upstream's path with the client's path and query appended, and passes its subprotocols and Origin", async () => {
    const offered: string[][] = [];
    const upstream = await startUpstream({
      path: '/api',
      handleProtocols: (protocols) => {
        offered.push([...protocols]);
        // Not the client's first choice: the client must get the one the upstream chose.
        return protocols.has('chat.v1') ? 'chat.v1' : false;
      },
    });
    const { running, page } = await proxyTo(upstream.url);
    const { client, request, open } = await proxiedClient(running, page, upstream, '/room/7?user=a', { protocols: ['chat.v2', 'chat.v1'], origin: 'https://app.example' });

    expect(request.url).toBe('/api/room/7?user=a');
    expect(request.headers.origin).toBe('https://app.example');
    expect(offered).toEqual([['chat.v2', 'chat.v1']]);
    expect(client.socket.protocol).toBe('chat.v1');
    expect(open).toMatchObject({ path: '/room/7', url: `${upstream.url}/room/7?user=a`, protocol: 'chat.v1' });
  });

  it('refuses the client with 502 when the upstream answers its upgrade with 403, or nothing listens, and tells the page why', async () => {
    const forbidding: Server = createServer((_request, response) => response.end());
    forbidding.on('upgrade', (_request, socket) => socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n'));
    forbidding.listen(0, '127.0.0.1');
    await once(forbidding, 'listening');
    cleanups.push(() => new Promise<void>((resolve) => forbidding.close(() => resolve())));
    const forbiddingUrl = `ws://127.0.0.1:${(forbidding.address() as AddressInfo).port}`;

    const { running, page } = await proxyTo(forbiddingUrl);
    expect(await refusedStatus(`${running.address}/x?y=1`)).toBe(502);
    const refused = await page.inbox.find(isProxy('proxy-open'), 'proxy-open');
    expect(refused).toMatchObject({ path: '/x', url: `${forbiddingUrl}/x?y=1`, protocol: '' });
    expect(refused.refused).toMatch(/HTTP 403/);

    const nobody = `ws://127.0.0.1:${await deadPort()}`;
    page.send({ type: 'proxy-start', upstream: nobody });
    await page.inbox.waitFor((items) => items.filter(isProxy('proxy-state')).length === 2, 'the second proxy-state');
    expect(await refusedStatus(running.address)).toBe(502);
    await page.inbox.waitFor((items) => items.filter(isProxy('proxy-open')).length === 2, 'the second proxy-open');
    const unreachable = page.inbox.items.filter(isProxy('proxy-open'))[1]!;
    expect(unreachable.client).not.toBe(refused.client);
    expect(unreachable.refused).toMatch(/could not reach the upstream \(ECONNREFUSED\)/);
    expect(running.stats().clients).toBe(0);
  });

  it('closes the client abnormally (1006) when its upstream connection dies mid-conversation, and tells the page', async () => {
    const upstream = await startUpstream();
    const { running, page } = await proxyTo(upstream.url);
    const { client, peer, socket, id } = await proxiedClient(running, page, upstream);
    client.socket.send('are you there?');
    await peer.inbox.waitFor((items) => items.length === 1, 'the message at the upstream');

    socket.terminate();
    expect(await client.closeEvent()).toMatchObject({ code: 1006 });
    await page.inbox.waitFor(() => closesFor(page, id).length > 0, 'the close reported');
    await settle();
    expect(framesFor(page, id)).toEqual([
      ['sent', { frame: 'text', text: 'are you there?' }],
      ['received', { frame: 'close', code: 1006, reason: '' }],
    ]);

    // The whole upstream server going away ends its conversations the same way.
    const other = await proxiedClient(running, page, upstream);
    upstream.wss.clients.forEach((s) => s.terminate());
    upstream.wss.close();
    expect(await other.client.closeEvent()).toMatchObject({ code: 1006 });
    await page.inbox.waitFor(() => closesFor(page, other.id).length > 0, 'the second close reported');
    expect(closesFor(page, other.id)).toEqual([['received', { frame: 'close', code: 1006, reason: '' }]]);
  });

  it("closes the client with 1009 when its upstream sends a frame past the bridge's limit, and tells the page so (not as a drop)", async () => {
    const upstream = await startUpstream();
    bridge = await startBridge({ port: 0, log: silent, maxFrameBytes: 1024 });
    const page = await FakePage.attach(bridge);
    page.send({ type: 'proxy-start', upstream: upstream.url });
    await page.inbox.find(isProxy('proxy-state'), 'proxy-state');
    const { client, socket, id } = await proxiedClient(bridge, page, upstream);
    socket.send(Buffer.alloc(2048, 7));
    expect(await client.closeEvent()).toMatchObject({ code: 1009 });
    await page.inbox.waitFor(() => closesFor(page, id).length > 0, 'the close reported');
    expect(closesFor(page, id)).toEqual([['received', { frame: 'close', code: 1009, reason: expect.stringMatching(/max payload size exceeded/i) }]]);
  });

  it("lets the page take a client over (its frames reach only the page, the page's answers reach it) and hand it back", async () => {
    const upstream = await startUpstream();
    const { running, page } = await proxyTo(upstream.url);
    const { client, peer, socket, id } = await proxiedClient(running, page, upstream);

    page.send({ type: 'proxy-route', client: id, to: 'actor' });
    const takeOver = await page.inbox.find(isProxy('proxy-switch'), 'proxy-switch');
    expect(takeOver).toMatchObject({ client: id, to: 'actor' });

    client.socket.send('for the actor');
    client.socket.ping(Buffer.from('actor ping'));
    socket.send('upstream talks meanwhile');
    await page.inbox.waitFor(() => framesFor(page, id).length >= 3, 'three frames reported');
    page.send({ type: 'respond', client: id, frames: [{ frame: 'text', text: 'the actor answers' }] });
    await client.inbox.waitFor((items) => items.length > 0, "the actor's answer");

    page.send({ type: 'proxy-route', client: id, to: 'upstream' });
    await page.inbox.waitFor((items) => items.filter(isProxy('proxy-switch')).length === 2, 'the hand-back');
    expect(page.inbox.items.filter(isProxy('proxy-switch'))[1]).toMatchObject({ client: id, to: 'upstream' });
    // An answer late for the hand-back goes nowhere.
    page.send({ type: 'respond', client: id, frames: [{ frame: 'text', text: 'too late' }] });
    await applied(page);

    client.socket.send('for the upstream again');
    await peer.inbox.waitFor((items) => items.length > 0, 'a frame at the upstream');
    socket.send('the upstream answers again');
    await client.inbox.waitFor((items) => items.length >= 2, "the upstream's answer");
    await page.inbox.waitFor(() => framesFor(page, id).length >= 5, 'five frames reported');

    // Frames on one socket arrive in order: had anything of the take-over reached the other side, it would come first.
    expect(peer.inbox.items).toEqual([{ kind: 'text', text: 'for the upstream again' }]);
    expect(client.inbox.items).toEqual([
      { kind: 'text', text: 'the actor answers' },
      { kind: 'text', text: 'the upstream answers again' },
    ]);
    expect(framesFor(page, id).map(([direction, frame]) => [direction, frame.frame === 'text' ? frame.text : frame.frame])).toEqual([
      ['sent', 'for the actor'],
      ['sent', 'ping'],
      ['received', 'upstream talks meanwhile'],
      ['sent', 'for the upstream again'],
      ['received', 'the upstream answers again'],
    ]);
    expect(running.stats().clients).toBe(1);
  });

  it('keeps a taken-over client open when its upstream ends, and closes it the same way when it is handed back', async () => {
    const upstream = await startUpstream();
    const { running, page } = await proxyTo(upstream.url);
    const { client, peer, socket, id } = await proxiedClient(running, page, upstream);
    page.send({ type: 'proxy-route', client: null, to: 'actor' });
    await page.inbox.find(isProxy('proxy-switch'), 'proxy-switch');

    socket.close(4003, 'upstream gone');
    await peer.closeEvent();
    // The actor still answers the client: to the page, the conversation goes on.
    client.socket.send('still there?');
    await page.inbox.waitFor(() => framesFor(page, id).some(([, f]) => f.frame === 'text'), "the client's frame reported");
    page.send({ type: 'respond', client: id, frames: [{ frame: 'text', text: 'yes, the actor is' }] });
    await client.inbox.waitFor((items) => items.length > 0, "the actor's answer");
    expect(client.inbox.items).toEqual([{ kind: 'text', text: 'yes, the actor is' }]);

    expect(closesFor(page, id)).toEqual([]);

    page.send({ type: 'proxy-route', client: id, to: 'upstream' });
    expect(await client.closeEvent()).toMatchObject({ code: 4003, reason: 'upstream gone' });
    await until(() => running.stats().clients === 0, 'the bridge to forget its clients');
    await settle();
    // The hand-back, then the close it brings, once.
    expect(page.messagesFor(id).slice(-2)).toMatchObject([
      { type: 'proxy-switch', to: 'upstream' },
      { type: 'proxy-frame', direction: 'received', frame: { frame: 'close', code: 4003, reason: 'upstream gone' } },
    ]);
    expect(closesFor(page, id)).toHaveLength(1);
  });

  it('closes proxied clients and their upstream connections with 1001 when the page goes away; the next page starts clean', async () => {
    const upstream = await startUpstream();
    const { running, page } = await proxyTo(upstream.url);
    const { client, peer } = await proxiedClient(running, page, upstream);
    await page.close();
    expect(await client.closeEvent()).toMatchObject({ code: 1001 });
    expect(await peer.closeEvent()).toMatchObject({ code: 1001 });

    const next = await FakePage.attach(running);
    expect(next.inbox.items[0]).toMatchObject({ type: 'hello', clients: [] });
    await settle();
    expect(next.inbox.items.slice(1)).toEqual([]);
    // Without a proxy-start from this page, a new client reaches the actor, not the old upstream.
    await TestClient.open(running);
    await next.inbox.find((m): m is Extract<ServerMessage, { type: 'client-open' }> => m.type === 'client-open', 'client-open');
    expect(upstream.peers.items).toHaveLength(1);
  });

  it("does not tell the next page about a client the last page's upstream refused after that page went away", async () => {
    const upgrades = new Inbox<Duplex>();
    const slow: Server = createServer((_request, response) => response.end());
    slow.on('upgrade', (_request, socket: Duplex) => upgrades.push(socket));
    slow.listen(0, '127.0.0.1');
    await once(slow, 'listening');
    cleanups.push(() => new Promise<void>((resolve) => slow.close(() => resolve())));
    const { running, page } = await proxyTo(`ws://127.0.0.1:${(slow.address() as AddressInfo).port}`);

    const status = refusedStatus(running.address);
    await upgrades.waitFor((items) => items.length === 1, 'the upgrade at the upstream');
    await page.close();
    const next = await FakePage.attach(running);
    upgrades.items[0]!.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    expect(await status).toBe(502);
    await settle();
    expect(next.inbox.items.slice(1)).toEqual([]);
  });

  it('holds the upstream back while its client does not read, and the client back while its upstream does not; nothing is lost', async () => {
    const upstream = await startUpstream();
    const { running, page } = await proxyTo(upstream.url);
    const { client, peer, socket, id } = await proxiedClient(running, page, upstream);
    // 64 KiB frames numbered in their first bytes; 12 MiB each way is more than the socket buffers between the three hold.
    const COUNT = 192;
    const frame = (n: number): Buffer => Buffer.alloc(64 * 1024, n % 251).fill(`${n}:`, 0, `${n}:`.length);
    const numbers = (events: ClientEvent[]): number[] => events.map((e) => (e.kind === 'binary' ? Number(e.data.subarray(0, 8).toString('latin1').split(':')[0]) : -1));
    const reported = (direction: 'sent' | 'received'): number => framesFor(page, id).filter(([d]) => d === direction).length;

    // The upstream talks to a client that reads nothing: the bridge stops reading the upstream, which keeps the rest.
    client.socket.pause();
    for (let n = 0; n < COUNT; n++) socket.send(frame(n));
    await steady(() => socket.bufferedAmount);
    expect(socket.bufferedAmount).toBeGreaterThan(0);
    expect(reported('received')).toBeLessThan(COUNT);
    client.socket.resume();
    await client.inbox.waitFor((items) => items.length >= COUNT, 'every frame at the client');
    expect(numbers(client.inbox.items)).toEqual(Array.from({ length: COUNT }, (_, n) => n));
    expect(client.inbox.items.every((e, n) => e.kind === 'binary' && e.data.equals(frame(n)))).toBe(true);

    // The same the other way.
    socket.pause();
    for (let n = 0; n < COUNT; n++) client.socket.send(frame(n));
    await steady(() => client.socket.bufferedAmount);
    expect(client.socket.bufferedAmount).toBeGreaterThan(0);
    expect(reported('sent')).toBeLessThan(COUNT);
    socket.resume();
    await peer.inbox.waitFor((items) => items.length >= COUNT, 'every frame at the upstream');
    expect(numbers(peer.inbox.items)).toEqual(Array.from({ length: COUNT }, (_, n) => n));
    await page.inbox.waitFor(() => reported('sent') === COUNT && reported('received') === COUNT, 'every frame reported');
  });

  it('on proxy-stop closes proxied clients (and their upstreams) with 1001, and new clients reach the actor again', async () => {
    const upstream = await startUpstream();
    const { running, page } = await proxyTo(upstream.url);
    const { client, peer, id } = await proxiedClient(running, page, upstream);

    page.send({ type: 'proxy-stop' });
    expect(await client.closeEvent()).toMatchObject({ code: 1001 });
    expect(await peer.closeEvent()).toMatchObject({ code: 1001 });
    await page.inbox.waitFor((items) => items.filter(isProxy('proxy-state')).length === 2, 'the proxy-state after the stop');
    expect(page.inbox.items.filter(isProxy('proxy-state'))[1]).toEqual({ type: 'proxy-state', upstream: null, problem: null });
    await page.inbox.waitFor(() => closesFor(page, id).length > 0, 'the close reported');
    await settle();
    expect(closesFor(page, id)).toEqual([['received', { frame: 'close', code: 1001, reason: 'the playground stopped the proxy' }]]);

    page.echoText();
    const direct = await TestClient.open(running);
    const opened = await page.inbox.find((m): m is Extract<ServerMessage, { type: 'client-open' }> => m.type === 'client-open', 'client-open');
    expect(opened.client).not.toBe(id);
    direct.socket.send('hello actor');
    await direct.inbox.waitFor((items) => items.length > 0, 'the echo');
    expect(direct.texts()).toEqual(['hello actor']);
    expect(upstream.peers.items).toHaveLength(1);
  });
});

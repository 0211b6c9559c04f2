import { createServer } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { startBridge, type RunningBridge } from '../src/server/bridge/server';
import { refusedStatus, silent, TestClient } from '../src/server/bridge/testPeers';
import { Playground, TimelinePanel } from './playground';
import { BridgePanel, escapeRegExp, exportedSession } from './bridge/bridgePanel';
import { echoServer, shoutingServer, type TestServer } from './bridge/servers';

// Proxy mode: real `ws` clients connect to a real bridge server started here, which joins each of
// them to its own connection to a real upstream on loopback; the playground page, attached to the
// bridge through its panel, records every frame, shadows with the echo actor, or takes a client
// over. One page for the whole file (loading the actor is most of a test's time), so the tests
// run in order; each has upstreams of its own, and finds its cards, rows and events by their URLs.

test.describe.configure({ mode: 'serial' });

const WELCOME = 'Welcome! You are connected to the echo actor.';

let page: Page;
let bridge: RunningBridge;
let panel: BridgePanel;
let timeline: TimelinePanel;
let upstreams: TestServer[] = [];
let clients: TestClient[] = [];

test.beforeAll(async ({ browser }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  bridge = await startBridge({ port: 0, allowedOrigins: [new URL(baseURL).origin], log: silent });
  page = await browser.newPage({ baseURL });
  const playground = new Playground(page);
  await playground.goto();
  await playground.expectReady('echo');
  panel = new BridgePanel(page);
  await panel.attach(`127.0.0.1:${bridge.port}`);
  timeline = new TimelinePanel(page);
});

test.afterEach(async () => {
  for (const client of clients) client.socket.terminate();
  await Promise.all(upstreams.map((server) => server.close()));
  clients = [];
  upstreams = [];
});

test.afterAll(async () => {
  await page?.close();
  await bridge?.close();
});

async function upstream(make: () => Promise<TestServer>): Promise<TestServer> {
  const server = await make();
  upstreams.push(server);
  return server;
}

/** A real client of the bridge's public port, asking for `target` (path and query). */
async function client(target = '/'): Promise<TestClient> {
  const opened = await TestClient.open(`${bridge.address}${target}`);
  clients.push(opened);
  return opened;
}

/** Sends `text` (or bytes, as binary) and waits for the next thing the client gets back. */
async function exchange(peer: TestClient, body: string | Buffer): Promise<void> {
  const before = peer.inbox.items.length;
  peer.socket.send(body, { binary: typeof body !== 'string' });
  await peer.inbox.waitFor((items) => items.length > before, `the answer to ${JSON.stringify(String(body))}`);
}

/** The timeline rows of one bridge connection's frames of one opcode (`↑sent bridge #3 text …`). */
const frameRows = (bridgeNumber: number, direction: 'sent' | 'received', opcode: string) =>
  timeline.rows.filter({ hasText: new RegExp(`[↑↓]${direction}\\s+bridge #${bridgeNumber}\\s+${opcode}\\b`) });

/**
 * The bridge connection a proxied client's frames are recorded on, read off its `open` row in the
 * timeline (while that row is among the newest: only the rows on screen are in the page).
 */
async function bridgeNumberOf(url: string): Promise<number> {
  const open = timeline.rows.filter({ hasText: new RegExp(`↑sent\\s+bridge #\\d+\\s+open\\s+connected to ${escapeRegExp(url)}`) });
  await expect(open).toHaveCount(1);
  return Number(/bridge #(\d+)/.exec((await open.textContent()) ?? '')![1]);
}

/** A port on loopback that nobody listens on (it was free a moment ago). */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('text and binary frames go through the proxy byte for byte both ways, each recorded on the card and in the timeline; the client\'s close 4000 "done" reaches the upstream', async () => {
  const echo = await upstream(echoServer);
  await panel.startProxy(echo.url);
  await expect(panel.proxyStatus).toContainText(`Proxying real clients of ws://127.0.0.1:${bridge.port} to ${echo.url} · 0 connections open`);

  const real = await client('/room/1?user=a');
  const url = `${echo.url}room/1?user=a`;
  const card = panel.proxied('/room/1', url);
  await expect(card.heading).toHaveText(`Real client #1 (/room/1) via ${url}`);
  await expect(card.region).toContainText('the upstream answers');
  await expect(panel.proxyStatus).toContainText('1 connection open');

  // Every byte value, and text beyond ASCII: nothing may be re-encoded on the way.
  const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  const text = 'héllo ✓ 😀 proxied';
  await exchange(real, text);
  await exchange(real, bytes);
  await exchange(real, '');
  expect(real.inbox.items).toEqual([
    { kind: 'text', text },
    { kind: 'binary', data: bytes },
    { kind: 'text', text: '' },
  ]);
  // The upstream was asked for the client's path and query, and got the frames as the client sent them.
  expect(echo.peers).toHaveLength(1);
  expect(echo.peers[0]!.target).toBe('/room/1?user=a');
  expect(echo.peers[0]!.frames).toEqual([
    { binary: false, data: Buffer.from(text) },
    { binary: true, data: bytes },
    { binary: false, data: Buffer.alloc(0) },
  ]);

  // The card: the client's frames as sent, the upstream's as received; no shadow without asking for it.
  await expect(card.socketLines(`connected to ${url}`)).toHaveCount(1);
  await expect(card.lines('sent', text)).toHaveCount(1);
  await expect(card.lines('received', text)).toHaveCount(1);
  await expect(card.lines('sent', '00 01 02 03')).toHaveCount(1);
  await expect(card.lines('received', '00 01 02 03')).toHaveCount(1);
  await expect(card.shadow).toHaveCount(0);

  const n = await bridgeNumberOf(url);
  const size = Buffer.byteLength(text);
  await expect(frameRows(n, 'sent', 'text').filter({ hasText: text })).toContainText(`${size} B`);
  await expect(frameRows(n, 'received', 'text').filter({ hasText: text })).toContainText(`${size} B`);
  await expect(frameRows(n, 'sent', 'binary')).toContainText(/00 01 02 03 .*256 B/);
  await expect(frameRows(n, 'received', 'binary')).toContainText(/00 01 02 03 .*256 B/);
  // The Inspector names the two sides of a proxied frame.
  await frameRows(n, 'sent', 'binary').click();
  await expect(timeline.inspector).toContainText(/Direction\s*↑ sent by real client #1/);
  await expect(timeline.inspector).toContainText(/Size\s*256 bytes/);
  await frameRows(n, 'received', 'text').filter({ hasText: text }).click();
  await expect(timeline.inspector).toContainText(/Direction\s*↓ received from the upstream/);
  await expect(timeline.inspector.getByRole('region', { name: 'Payload' }).getByRole('tabpanel')).toHaveText(text);
  // Back to following the newest rows, where the later tests look for theirs.
  await page.getByRole('button', { name: /Follow newest/ }).click();

  // The client closes with its own code and reason: the upstream gets exactly that.
  real.socket.close(4000, 'done');
  expect(await real.closeEvent()).toEqual({ kind: 'close', code: 4000, reason: 'done' });
  await expect.poll(() => echo.peers[0]!.closed).toEqual({ code: 4000, reason: 'done' });
  await expect(card.ended).toHaveText('Ended: the client closed it: close code 4000 "done"');
  await expect(card.socketLines(/closed by the client: close code 4000 "done"/)).toHaveCount(1);
  await expect(frameRows(n, 'sent', 'close')).toContainText(/4000 "done"\s+6 B/);
  await expect(card.region).not.toContainText('the upstream answers');
  await expect(card.takeOverButton).toHaveCount(0);
  await expect(panel.proxyStatus).toContainText('0 connections open');

  // The session file holds each frame exactly, marked with the client it went between.
  const { events } = await exportedSession(page);
  const mine = events.filter((e) => e.kind === 'bridge' && e.bridge?.endpoint === url);
  expect(mine.map((e) => [e.connectionId, e.bridge?.direction, e.input?.ty.tag, e.input?.text ?? e.input?.data?.$bytes, e.bridge?.closeCode, e.bridge?.closeReason])).toEqual([
    [-n, 'sent', 'connect', undefined, undefined, undefined],
    [-n, 'sent', 'text', text, undefined, undefined],
    [-n, 'received', 'text', text, undefined, undefined],
    [-n, 'sent', 'binary', bytes.toString('base64'), undefined, undefined],
    [-n, 'received', 'binary', bytes.toString('base64'), undefined, undefined],
    [-n, 'sent', 'text', '', undefined, undefined],
    [-n, 'received', 'text', '', undefined, undefined],
    [-n, 'sent', 'close', undefined, 4000, 'done'],
  ]);
  expect(mine.every((e) => e.bridge?.proxy?.client === 1 && e.bridge.proxy.answering === 'upstream')).toBe(true);
});

test('shadowed by the echo actor: against an echo upstream no exchange differs, against a shouting one each text does; the client always gets the upstream\'s answer', async () => {
  const echo = await upstream(echoServer);
  const shouting = await upstream(shoutingServer);
  await panel.startProxy(echo.url, { shadow: true });
  await expect(panel.proxyStatus).toContainText('0 exchanges compared, 0 mismatches');

  const same = await client('/same');
  const sameCard = panel.proxied('/same', `${echo.url}same`);
  await expect(sameCard.shadow).toContainText(/^Shadowed by connection #\d+: 0 exchanges compared, 0 mismatches$/);
  await exchange(same, 'same either way');
  await exchange(same, Buffer.from([0xc0, 0xff, 0xee]));
  await expect(sameCard.shadow).toContainText('2 exchanges compared, 0 mismatches');
  await expect(sameCard.lines('received', 'same either way')).toContainText('shadow: same');
  await expect(sameCard.lines('received', 'c0 ff ee')).toContainText('shadow: same');
  // The actor's greeting answers its own `connect`, which the upstream does not answer: it never reaches the client.
  expect(same.texts()).toEqual(['same either way']);

  // Clients that arrive from now on go to the shouting upstream; the first stays with its own.
  await panel.startProxy(shouting.url, { shadow: true });
  const loud = await client('/loud');
  const loudCard = panel.proxied('/loud', `${shouting.url}loud`);
  await expect(loudCard.shadow).toContainText('0 exchanges compared');
  await exchange(loud, 'Hello');
  await exchange(loud, Buffer.from([0x00, 0x01]));
  await exchange(loud, 'quiet please');
  expect(loud.texts()).toEqual(['HELLO', 'QUIET PLEASE']);
  await expect(loudCard.shadow).toContainText('3 exchanges compared, 2 mismatches');
  await expect(loudCard.lines('received', 'HELLO')).toContainText('the upstream sent text "HELLO", the actor would send text "Hello"');
  await expect(loudCard.lines('received', '00 01')).toContainText('shadow: same');
  await exchange(same, 'still the echo');
  expect(same.texts()).toEqual(['same either way', 'still the echo']);
  await expect(sameCard.shadow).toContainText('3 exchanges compared, 0 mismatches');
  // The proxy counts every client's exchanges since it was started with this upstream: the loud
  // client's three and the echo client's one since then (its two before are on its own card).
  await expect(panel.proxyStatus).toContainText('4 exchanges compared, 2 mismatches');
  expect(shouting.peers.map((p) => p.frames.map((f) => String(f.data)))).toEqual([['Hello', '\u0000\u0001', 'quiet please']]);

  const { events } = await exportedSession(page);
  const hello = events.find((e) => e.kind === 'bridge' && e.bridge?.direction === 'sent' && e.input?.text === 'Hello')!;
  expect(hello.bridge?.shadow).toMatchObject({ match: false, detail: 'frame 1: the upstream sent text "HELLO", the actor would send text "Hello"' });
  // The actor's side is an ordinary connection of the actor's, given the client's message.
  expect(events[hello.bridge!.shadow!.actorSeq]).toMatchObject({ kind: 'message', input: { text: 'Hello' } });
});

test('Take over: the echo actor answers the real client instead of the shouting upstream; Hand back: the upstream again; each switch is recorded', async () => {
  const shouting = await upstream(shoutingServer);
  await panel.startProxy(shouting.url);
  const first = await client('/first');
  const second = await client('/second');
  const firstCard = panel.proxied('/first', `${shouting.url}first`);
  const secondCard = panel.proxied('/second', `${shouting.url}second`);
  await expect(panel.takeOverAllButton).toBeVisible();
  await expect(panel.handBackAllButton).toBeVisible();
  const n = await bridgeNumberOf(`${shouting.url}first`);

  await exchange(first, 'before');
  await firstCard.takeOverButton.click();
  await expect(firstCard.region).toContainText('the actor answers');
  await expect(firstCard.socketLines('taken over: the actor in the page answers from here')).toHaveCount(1);
  await expect(firstCard.region).toContainText(/The actor answers this client on connection #\d+/);
  const actorConnection = new Playground(page).connection(Number(/on connection #(\d+)/.exec((await firstCard.region.textContent())!)![1]));
  await exchange(first, 'during');
  await expect(actorConnection.received('during')).toHaveCount(1);
  // The actor's connection says whose it is: no simulated client of the page's.
  await expect(actorConnection.region).toContainText(/answers real client #\d+ \(proxy take-over\)/);
  // What the actor answered the real client is on the client's card too, as the actor's.
  await expect(firstCard.lines('received', 'during')).toHaveCount(1);
  await exchange(second, 'meanwhile');
  await firstCard.handBackButton.click();
  await expect(firstCard.region).toContainText('the upstream answers');
  await expect(firstCard.socketLines('handed back: the upstream answers from here')).toHaveCount(1);
  // Without shadowing, the actor's connection for this client is closed again.
  await expect(firstCard.shadow).toHaveCount(0);
  await exchange(first, 'after');
  expect(first.texts()).toEqual(['BEFORE', 'during', 'AFTER']);
  expect(second.texts()).toEqual(['MEANWHILE']);
  // While the actor answered, the upstream heard nothing from that client.
  expect(shouting.peers.map((p) => p.frames.map((f) => String(f.data)))).toEqual([['before', 'after'], ['meanwhile']]);

  await panel.takeOverAllButton.click();
  await expect(firstCard.region).toContainText('the actor answers');
  await expect(secondCard.region).toContainText('the actor answers');
  await exchange(first, 'all of us');
  await exchange(second, 'all of us');
  await panel.handBackAllButton.click();
  await expect(secondCard.region).toContainText('the upstream answers');
  await exchange(second, 'back');
  expect(first.texts()).toEqual(['BEFORE', 'during', 'AFTER', 'all of us']);
  expect(second.texts()).toEqual(['MEANWHILE', 'all of us', 'BACK']);

  // The switches are rows of their own; the actor's answers are events of its own connection.
  await timeline.showFilters();
  await timeline.filterText.fill('switch to');
  await expect(frameRows(n, 'sent', 'switch')).toHaveText([/taken over: the actor in the page answers from here/, /handed back: the upstream answers from here/, /taken over/, /handed back/]);
  await expect(timeline.rows.filter({ hasText: /\bswitch\b/ })).toHaveCount(6);
  await timeline.filterText.fill('during');
  await expect(frameRows(n, 'sent', 'text')).toHaveText([/"during"/]);
  await timeline.clearFilters.click();
  const { events } = await exportedSession(page);
  const firstEvents = events.filter((e) => e.connectionId === -n);
  expect(firstEvents.map((e) => [e.bridge?.direction, e.bridge?.proxy?.switched ? `switch to ${e.bridge.proxy.answering}` : (e.input?.text ?? e.input?.ty.tag), e.bridge?.proxy?.answering])).toEqual([
    ['sent', 'connect', 'upstream'],
    ['sent', 'before', 'upstream'],
    ['received', 'BEFORE', 'upstream'],
    ['sent', 'switch to actor', 'actor'],
    ['sent', 'during', 'actor'],
    ['received', 'during', 'actor'],
    ['sent', 'switch to upstream', 'upstream'],
    ['sent', 'after', 'upstream'],
    ['received', 'AFTER', 'upstream'],
    ['sent', 'switch to actor', 'actor'],
    ['sent', 'all of us', 'actor'],
    ['received', 'all of us', 'actor'],
    ['sent', 'switch to upstream', 'upstream'],
  ]);
  expect(firstEvents.filter((e) => e.bridge?.proxy?.actorAnswer).map((e) => e.input?.text)).toEqual(['during', 'all of us']);
  const answered = events.filter((e) => e.kind === 'message' && e.input?.text === 'during');
  expect(answered).toHaveLength(1);
  expect(answered[0]!.connectionId).toBeGreaterThan(0);
});

test('an upstream that dies mid-conversation: the client is cut off too, the card and an alert say how it ended, and everything relayed is still recorded', async () => {
  const echo = await upstream(echoServer);
  await panel.startProxy(echo.url);
  const real = await client('/doomed');
  const url = `${echo.url}doomed`;
  const card = panel.proxied('/doomed', url);
  await expect(card.region).toContainText('the upstream answers');
  const n = await bridgeNumberOf(url);
  await exchange(real, 'before the outage');

  // The upstream's process dies: its sockets are cut without a close frame.
  await echo.close();
  expect(await real.closeEvent()).toMatchObject({ code: 1006 });
  await expect(card.ended).toContainText('the upstream connection dropped (no close frame)');
  await expect(panel.alert).toContainText(new RegExp(`The upstream ended real client #\\d+'s conversation \\(${escapeRegExp(url)}\\)`));
  await expect(panel.alert).toContainText('1006');
  await expect(card.takeOverButton).toHaveCount(0);
  await expect(panel.proxyStatus).toContainText('0 connections open');

  // Nothing recorded is lost.
  await expect(card.lines('sent', 'before the outage')).toHaveCount(1);
  await expect(card.lines('received', 'before the outage')).toHaveCount(1);
  await expect(frameRows(n, 'received', 'close')).toContainText('1006');
  await expect(frameRows(n, 'sent', 'text')).toContainText('"before the outage"');
  await expect(frameRows(n, 'received', 'text')).toContainText('"before the outage"');
});

test('an upstream nobody listens on: the client\'s handshake is refused with 502 and the page shows why', async () => {
  const port = await deadPort();
  const dead = `ws://127.0.0.1:${port}/`;
  await panel.startProxy(dead);
  expect(await refusedStatus(`${bridge.address}/nowhere`)).toBe(502);

  const card = panel.proxied('/nowhere', `${dead}nowhere`);
  await expect(card.region).toContainText('refused');
  await expect(card.ended).toHaveText(/^Ended: the upstream refused it: could not reach the upstream \(ECONNREFUSED\); the client got HTTP 502$/);
  await expect(panel.alert).toContainText(new RegExp(`Real client #\\d+ \\(/nowhere\\) could not be proxied to ${escapeRegExp(`${dead}nowhere`)}: could not reach the upstream \\(ECONNREFUSED\\)\\. It was refused with HTTP 502`));
  await expect(card.takeOverButton).toHaveCount(0);
  await expect(panel.proxyStatus).toContainText(`to ${dead} · 0 connections open`);

  // Stop proxy: new clients reach the actor in the page again.
  await panel.stopProxyButton.click();
  await expect(panel.proxyStatus).toHaveText('Off: real clients of the bridge reach the actor in the page.');
  const direct = await client('/');
  await direct.inbox.waitFor((items) => items.length > 0, 'the greeting');
  expect(direct.texts()).toEqual([WELCOME]);
});

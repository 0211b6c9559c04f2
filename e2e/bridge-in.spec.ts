import { expect, test, type Page } from '@playwright/test';
import { startBridge, type RunningBridge } from '../src/server/bridge/server';
import { httpBase, httpGet, refusedStatus, silent, TestClient } from '../src/server/bridge/testPeers';
import { Playground, TimelinePanel } from './playground';
import { BridgePanel } from './bridge/bridgePanel';

// Bridge mode, "in": a real bridge server started here (from src/server/bridge), real `ws` clients,
// and the echo actor running in a real Chromium page that attaches to the bridge through its panel.

const CLIENTS = 10;
const MESSAGES = 1000;
const WELCOME = 'Welcome! You are connected to the echo actor.';

let bridge: RunningBridge | undefined;
test.afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

/** A bridge on a free port that accepts only the page under test (its origin is Playwright's baseURL). */
async function startBridgeFor(baseURL: string | undefined): Promise<RunningBridge> {
  return startBridge({ port: 0, allowedOrigins: [new URL(baseURL!).origin], log: silent });
}

/** The playground with echo ready, attached to `running` through its Bridge panel (returned). */
async function attachedPage(page: Page, running: RunningBridge): Promise<BridgePanel> {
  const playground = new Playground(page);
  await playground.goto();
  await playground.expectReady('echo');
  const panel = new BridgePanel(page);
  await panel.attach(`127.0.0.1:${running.port}`);
  return panel;
}

test('10 real clients × 1,000 messages reach the echo actor in the page and get every answer, in order; the actor sees each close', async ({ page, baseURL }) => {
  test.setTimeout(600_000);
  bridge = await startBridgeFor(baseURL);
  const panel = await attachedPage(page, bridge);

  const clients = await Promise.all(Array.from({ length: CLIENTS }, () => TestClient.open(bridge!)));
  const expected = clients.map((_, c) => Array.from({ length: MESSAGES }, (__, m) => `client ${c} message ${m}`));
  clients.forEach((client, c) => expected[c]!.forEach((text) => client.socket.send(text)));
  await Promise.all(clients.map((client) => client.inbox.waitFor((items) => items.length >= MESSAGES + 1, 'every echo', 540_000)));

  // Each client got the actor's greeting and then exactly its own messages back, in order.
  clients.forEach((client, c) => expect(client.texts()).toEqual([WELCOME, ...expected[c]!]));
  await expect(panel.realClients).toHaveCount(CLIENTS);
  await expect(panel.status).toContainText(`${CLIENTS} real clients connected`);
  // The counters end at the totals: every message delivered, every greeting and echo sent back.
  await expect(panel.status).toContainText(`${(CLIENTS * MESSAGES).toLocaleString('en-US')} messages delivered, ${(CLIENTS * (MESSAGES + 1)).toLocaleString('en-US')} frames sent back`);
  await expectCardsUpToDate(new Playground(page), CLIENTS, MESSAGES);

  for (const client of clients) client.socket.close(1000, 'done');
  // Ten closes queue behind the last messages' events on a busy machine: wait for them, however long.
  await expect(panel.status).toContainText('0 real clients connected', { timeout: 120_000 });
  const timeline = new TimelinePanel(page);
  const total = CLIENTS * (MESSAGES + 2);
  await expect(timeline.heading).toContainText(total.toLocaleString('en-US'), { timeout: 120_000 });
  await timeline.showFilters();
  await timeline.toggle('kind', 'close');
  await expect(timeline.heading).toContainText(`${CLIENTS} of ${total.toLocaleString('en-US')}`);
  await expect(timeline.rows).toHaveCount(CLIENTS);
  // Any one message of the burst is in the timeline, once.
  await timeline.toggle('kind', 'close');
  await timeline.filterText.fill('client 7 message 503');
  await expect(timeline.heading).toContainText(`1 of ${total.toLocaleString('en-US')}`);
  await expect(timeline.rows).toHaveCount(1);
});

test('100 real clients sending 10 messages a second each are all answered, each with its own echo, and every card shows its latest', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const clientCount = 100;
  const perClient = 10;
  bridge = await startBridgeFor(baseURL);
  const panel = await attachedPage(page, bridge);
  const clients = await Promise.all(Array.from({ length: clientCount }, () => TestClient.open(bridge!)));
  await Promise.all(clients.map((client) => client.inbox.waitFor((items) => items.length >= 1, 'the greeting', 120_000)));

  // A game's pace: each client sends one message every 100 ms, for one second.
  for (let m = 0; m < perClient; m++) {
    clients.forEach((client, c) => client.socket.send(`client ${c} message ${m}`));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await Promise.all(clients.map((client) => client.inbox.waitFor((items) => items.length >= perClient + 1, 'every echo', 240_000)));
  clients.forEach((client, c) => expect(client.texts()).toEqual([WELCOME, ...Array.from({ length: perClient }, (_, m) => `client ${c} message ${m}`)]));
  await expect(panel.status).toContainText(`${clientCount} real clients connected · ${(clientCount * perClient).toLocaleString('en-US')} messages delivered, ${(clientCount * (perClient + 1)).toLocaleString('en-US')} frames sent back`);
  await expectCardsUpToDate(new Playground(page), clientCount, perClient);
  await expect(new TimelinePanel(page).heading).toContainText((clientCount * (perClient + 1)).toLocaleString('en-US'));
});

/**
 * Every real client's connection card, scrolled into view one by one (cards out of view are
 * redrawn only now and then while traffic flows), shows that client's own last message echoed
 * as its latest line, and each client is on exactly one card. A card's echoes are read in one
 * call once its latest is there: with 100 cards, each further look per card adds tens of seconds.
 */
async function expectCardsUpToDate(playground: Playground, count: number, messages: number): Promise<void> {
  const seen = new Set<number>();
  for (let id = 1; id <= count; id++) {
    const card = playground.connection(id);
    await card.region.scrollIntoViewIfNeeded();
    await expect(card.received().last()).toContainText(new RegExp(`client \\d+ message ${messages - 1}\\b`));
    const echoes = (await card.received(/client \d+ message/).allTextContents()).map((line) => Number(/client (\d+) message/.exec(line)![1]));
    const client = echoes.at(-1)!;
    seen.add(client);
    // Only that client's own echoes are on its card.
    expect(new Set(echoes)).toEqual(new Set([client]));
  }
  expect(seen.size).toBe(count);
}

test('the control channel refuses a foreign origin, even one that holds the token; the page attaches from its own', async ({ page, baseURL }) => {
  bridge = await startBridgeFor(baseURL);
  const foreign = 'http://evil.example';
  expect((await httpGet(`${httpBase(bridge)}/token`, { Origin: foreign })).status).toBe(403);
  expect(await refusedStatus(`${bridge.address}/control?token=${encodeURIComponent(bridge.token)}`, foreign)).toBe(403);
  expect(bridge.stats().pageAttached).toBe(false);

  await attachedPage(page, bridge);
  expect(bridge.stats().pageAttached).toBe(true);
});

test('Stop bridge closes the real clients with 1001 and refuses new ones until Start bridge', async ({ page, baseURL }) => {
  bridge = await startBridgeFor(baseURL);
  const panel = await attachedPage(page, bridge);

  const client = await TestClient.open(bridge);
  await client.inbox.waitFor((items) => items.length > 0, 'the greeting');
  await expect(panel.realClients).toHaveText([/real client #1 is connection #1/]);
  await panel.stopButton.click();
  expect(await client.closeEvent()).toMatchObject({ code: 1001 });
  await expect(panel.status).toContainText('refuses real clients');
  expect(await refusedStatus(bridge.address)).toBe(503);

  await panel.startButton.click();
  // The page attaches asynchronously: a client that connects before it has is refused (503), as above.
  await expect(panel.status).toContainText('Real clients connect to ws://');
  const again = await TestClient.open(bridge);
  again.socket.send('back again');
  await again.inbox.waitFor((items) => items.length >= 2, 'the echo');
  expect(again.texts()).toEqual([WELCOME, 'back again']);
});

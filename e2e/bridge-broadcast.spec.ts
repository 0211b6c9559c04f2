import { expect, test } from '@playwright/test';
import { TestClient } from '../src/server/bridge/testPeers';
import { Playground, TimelinePanel } from './playground';
import { BridgePanel } from './bridge/bridgePanel';

// Bridge mode "in" with an http-framework actor: chat-room from the gallery, running in a real
// Chromium page attached by itself to the bridge `vite preview` started beside it, and real `ws`
// clients at the actor's WebSocket path. What the actor sends to a connection reaches that client.

const WELCOME = /^welcome, you are (\d+); (\d+ members?)$/;

/** A real client at `url`, once chat-room welcomed it: its id in the room. */
async function join(url: string): Promise<{ client: TestClient; id: string; members: string }> {
  const client = await TestClient.open(url);
  await client.inbox.waitFor((items) => items.some((e) => e.kind === 'text' && WELCOME.test(e.text)), `the welcome at ${url}`);
  const [, id, members] = WELCOME.exec(client.texts().find((t) => WELCOME.test(t))!)!;
  return { client, id: id!, members: members! };
}

const hears = (client: TestClient, text: string) => client.inbox.waitFor((items) => items.some((e) => e.kind === 'text' && e.text === text), JSON.stringify(text));

test('two real clients of chat-room at /chat: one sends, both hear the broadcast, and the timeline shows each event', async ({ page }) => {
  const playground = new Playground(page);
  await playground.goto();
  await playground.expectReady('echo');
  await playground.loadExample('chat-room');
  await playground.expectReady('chat-room');
  // The page attached to its server's bridge by itself; its panel says where real clients connect.
  const panel = new BridgePanel(page);
  await panel.show();
  await expect(panel.status).toContainText(/Real clients connect to ws:\/\/127\.0\.0\.1:\d+/);
  const address = /ws:\/\/127\.0\.0\.1:\d+/.exec((await panel.status.textContent()) ?? '')![0];
  const timeline = new TimelinePanel(page);
  const before = await timeline.rows.count();

  const a = await join(`${address}/chat`);
  const b = await join(`${address}/chat`);
  expect([a.members, b.members]).toEqual(['1 member', '2 members']);
  await hears(a.client, `${b.id} joined`);

  a.client.socket.send('hello from A');
  const line = `${a.id}: hello from A`;
  await hears(b.client, line);
  await hears(a.client, line);
  expect(b.client.texts()).toEqual([`welcome, you are ${b.id}; 2 members`, line]);
  await expect(panel.realClients).toHaveText([/real client #1 is connection #1/, /real client #2 is connection #2/]);

  // Two connects and the message, each a row; the message's row shows the line it sent to both.
  await expect(timeline.rows).toHaveCount(before + 3);
  const sent = timeline.rows.filter({ hasText: 'hello from A' });
  await expect(sent).toHaveCount(1);
  await expect(sent).toContainText(line);

  // A path the actor does not serve: the client is told which it does, and nothing is recorded.
  const lost = await TestClient.open(`${address}/nope`);
  expect(await lost.closeEvent()).toMatchObject({ code: 1008, reason: expect.stringContaining('serves WebSockets on `/chat`, not on `/nope`') });

  b.client.socket.close(1000, 'bye');
  await hears(a.client, `${b.id} left`);
  await expect(timeline.rows).toHaveCount(before + 4);
  await expect(timeline.rows.last()).toContainText(`${b.id} left`);
  await expect(panel.realClients).toHaveText([/real client #1 is connection #1/]);
});

import { expect, test, type Page } from '@playwright/test';
import { Playground, readActor, wasmFile, type Connection } from './playground';

/** chat-room from the gallery with `n` simulated clients, each told it joined. */
async function chatRoom(page: Page, n: number): Promise<{ playground: Playground; clients: Connection[] }> {
  const playground = new Playground(page);
  await playground.goto();
  await playground.loadExample('chat-room');
  await playground.expectReady('chat-room');
  const clients: Connection[] = [];
  for (let i = 0; i < n; i++) {
    const client = await playground.newConnection();
    await expect(client.received(/welcome, you are \d+/)).toHaveCount(1);
    clients.push(client);
  }
  return { playground, clients };
}

test.describe("Theater's http-framework actors", () => {
  test('three clients of chat-room: one sends, all three receive; a disconnect leaves the others talking', async ({ page }) => {
    const { playground, clients } = await chatRoom(page, 3);
    const [one, two, three] = clients as [Connection, Connection, Connection];
    await expect(page.getByText('http-framework actor').first()).toBeVisible();

    await one.send('hello room');
    for (const client of clients) await expect(client.received(/\d+: hello room/)).toHaveCount(1);
    // The other two got it during the first client's event, and say so.
    await expect(two.received(/hello room/)).toContainText(/sent by the actor during #\d+/);
    await expect(one.received(/hello room/)).not.toContainText('sent by the actor during');

    await two.closeButton.click();
    await expect(one.received(/\d+ left/)).toHaveCount(1);
    await expect(three.received(/\d+ left/)).toHaveCount(1);
    await three.send('still here');
    await expect(one.received(/: still here/)).toHaveCount(1);
    await expect(three.received(/: still here/)).toHaveCount(1);
    await expect(two.transcript).not.toContainText('still here');
    // connect ×3, the message, the disconnect, the second message.
    await expect(playground.timelineItems).toHaveCount(7);
  });

  test('replaying against a build that stops broadcasting shows the divergence at the broadcast', async ({ page }) => {
    const { clients } = await chatRoom(page, 2);
    await clients[0]!.send('for everyone');
    await expect(clients[1]!.received(/for everyone/)).toHaveCount(1);
    await page.getByRole('button', { name: 'Replay', exact: true }).click();
    const report = page.getByRole('region', { name: 'Replay report' });
    await expect(report).toContainText('4 of 4 events matched, 0 diverged');

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Replay against another build' }).click();
    await (await chooser).setFiles(wasmFile('chat-room-v2.wasm', readActor('chat-room-v2')));
    await expect(report).toContainText('Replay against chat-room-v2.wasm');
    await expect(report).toContainText('First divergence at event #3');
  });
});

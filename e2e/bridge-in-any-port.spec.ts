import { expect, test } from '@playwright/test';
import { freePort, preview, type Preview } from '../scripts/bench/browser';
import { startBridge, type RunningBridge } from '../src/server/bridge/server';
import { silent, TestClient } from '../src/server/bridge/testPeers';
import { Playground } from './playground';
import { BridgePanel } from './bridge/bridgePanel';

// Bridge mode "in" wherever the page is served: the app built and served by `vite preview` on a
// port of its own with the bridge beside it (the page attaches by itself), and `Start bridge`
// saying why a bridge refuses the page. Real `ws` clients, real bridges, real Chromium.

const WELCOME = 'Welcome! You are connected to the echo actor.';
const dist = process.env.E2E_DIST ?? 'dist';

let served: Preview | undefined;
let bridge: RunningBridge | undefined;
test.afterEach(async () => {
  served?.stop();
  served = undefined;
  await bridge?.close();
  bridge = undefined;
});

test('served on a port of its own, the page attaches by itself to the bridge beside it, and a real client chats with the actor', async ({ page }) => {
  served = await preview(dist, { bridge: true, bridgePort: await freePort() });
  const pagePort = new URL(served.origin).port;
  expect(['5173', '4173']).not.toContain(pagePort);

  await page.goto(`${served.origin}/`);
  const playground = new Playground(page);
  await playground.expectReady('echo');
  const panel = new BridgePanel(page);
  await panel.show();
  // Nobody pressed Start bridge: the page's own server told it where its bridge is.
  await expect(panel.status).toContainText(/Real clients connect to ws:\/\/127\.0\.0\.1:\d+/);
  const address = /ws:\/\/127\.0\.0\.1:\d+/.exec((await panel.status.textContent()) ?? '')![0];
  await expect(panel.address).toHaveValue(address.slice('ws://'.length));

  const client = await TestClient.open(address);
  client.socket.send('hello from a real client');
  await client.inbox.waitFor((items) => items.length >= 2, 'the greeting and the echo');
  expect(client.texts()).toEqual([WELCOME, 'hello from a real client']);
  await expect(panel.realClients).toHaveText([/real client #1 is connection #1/]);
  await expect(playground.timelineItems.filter({ hasText: 'hello from a real client' })).toHaveCount(1);
});

test('Start bridge says why a bridge refuses the page: nothing listening, an origin it does not allow, a token it no longer knows', async ({ page, baseURL }) => {
  const playground = new Playground(page);
  await playground.goto();
  await playground.expectReady('echo');
  const panel = new BridgePanel(page);
  await panel.show();
  const pageOrigin = new URL(baseURL!).origin;

  const nobody = await freePort();
  await panel.address.fill(`127.0.0.1:${nobody}`);
  await panel.startButton.click();
  await expect(panel.status).toContainText(`No bridge answers at 127.0.0.1:${nobody}: nothing is listening there`);

  bridge = await startBridge({ port: 0, allowedOrigins: ['http://localhost:5173'], log: silent });
  await panel.address.fill(`127.0.0.1:${bridge.port}`);
  await panel.startButton.click();
  await expect(panel.status).toContainText(`does not allow pages from ${pageOrigin}`);
  await expect(panel.status).toContainText(`npm run bridge -- --origin ${pageOrigin}`);
  await bridge.close();

  // The bridge restarts (a new token) between the page fetching its token and using it: the
  // page's real request is only held until the new bridge listens on the same port.
  const port = await freePort();
  const start = () => startBridge({ port, allowedOrigins: [pageOrigin], log: silent });
  bridge = await start();
  await page.route(`http://127.0.0.1:${port}/token`, async (route) => {
    const response = await route.fetch();
    await bridge!.close();
    bridge = await start();
    await route.fulfill({ response });
  });
  await panel.address.fill(`127.0.0.1:${port}`);
  await panel.startButton.click();
  await expect(panel.status).toContainText(`The bridge at 127.0.0.1:${port} refused this page's token`);

  // As the message says: Start bridge again fetches the new token.
  await page.unroute(`http://127.0.0.1:${port}/token`);
  await panel.startButton.click();
  await expect(panel.status).toContainText(`Real clients connect to ws://127.0.0.1:${port}`);
});

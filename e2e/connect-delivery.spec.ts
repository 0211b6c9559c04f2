import { expect, test } from '@playwright/test';
import { gunzipSync } from 'node:zlib';
import { startBridge, type RunningBridge } from '../src/server/bridge/server';
import { silent, TestClient } from '../src/server/bridge/testPeers';
import { BridgePanel } from './bridge/bridgePanel';
import { ComposerControls, fileAction, Playground, TimelinePanel } from './playground';

// The server setting `Connection events`: the interface's connect/close, or Theater's own
// websocket-server host (text connect, control frames without data, dropped clients unreported).

const HOST_CONNECT = /^\{"connection_id":\d+,"type":"connect"\}$/;

let bridge: RunningBridge | undefined;
test.afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

test("Theater's host delivery: a new client arrives as its text connect, ping loses its data, and the choice survives export, import and reload", async ({ page }) => {
  const playground = new Playground(page);
  const timeline = new TimelinePanel(page);
  await playground.goto();
  await playground.expectReady('echo');
  const setting = page.getByRole('combobox', { name: 'Connection events' });
  await expect(setting).toHaveValue('interface');
  await setting.selectOption('theater-host');

  const connection = await playground.newConnection();
  // echo answers text by echoing it: the actor really received Theater's text connect.
  const echoed = connection.received(/connection_id/);
  await expect(echoed).toHaveCount(1);
  expect((await echoed.innerText()).match(/\{"connection_id":\d+,"type":"connect"\}/)?.[0]).toMatch(HOST_CONNECT);
  await timeline.showFilters();
  await timeline.toggle('kind', 'connect');
  await expect(timeline.rows).toHaveCount(1);
  await timeline.clearFilters.click();

  await connection.type.selectOption('ping');
  await new ComposerControls(connection.region).bytesAs('Hex').check();
  await connection.message.fill('ca fe');
  await connection.sendButton.click();
  // The ping reached the actor without data, and the pong went out empty, as Theater sent them.
  await expect(connection.lines().filter({ hasText: /^\s*sent\s+ping\s+\d\d:/ })).toHaveCount(1);
  await expect(connection.received(/^\s*received\s+pong\s+0 B\s/)).toHaveCount(1);

  const downloading = page.waitForEvent('download');
  await fileAction(page, 'Export session');
  const file = Buffer.concat(await (await (await downloading).createReadStream()).toArray());
  // A session file is gzip-compressed JSON Lines, its header first (src/core/sessionFile.ts).
  expect(JSON.parse(gunzipSync(file).toString().split('\n')[0]!).server).toMatchObject({ delivery: 'theater-host' });

  await setting.selectOption('interface');
  const chooser = page.waitForEvent('filechooser');
  await fileAction(page, 'Import session');
  await (await chooser).setFiles({ name: 'host.json.gz', mimeType: 'application/gzip', buffer: file });
  await expect(setting).toHaveValue('theater-host');

  await page.reload();
  await playground.expectReady('echo');
  await expect(setting).toHaveValue('theater-host');
});

test("a real client that drops without a close frame is reported as close by default and never under Theater's host delivery", async ({ page, baseURL }) => {
  bridge = await startBridge({ port: 0, allowedOrigins: [new URL(baseURL!).origin], log: silent });
  const playground = new Playground(page);
  const timeline = new TimelinePanel(page);
  await playground.goto();
  await playground.expectReady('echo');
  const panel = new BridgePanel(page);
  await panel.attach(`127.0.0.1:${bridge.port}`);
  await timeline.showFilters();
  await timeline.toggle('kind', 'close');

  const dropping = async () => {
    const client = await TestClient.open(bridge!);
    await client.inbox.waitFor((items) => items.length > 0, 'the greeting');
    client.socket.terminate();
    await expect(panel.status).toContainText('0 real clients connected');
  };

  await dropping();
  await expect(timeline.rows).toHaveCount(1);

  await page.getByRole('combobox', { name: 'Connection events' }).selectOption('theater-host');
  await dropping();
  // The second client connected (its text connect is recorded) but its drop reached no one.
  await timeline.clearFilters.click();
  await expect(timeline.rows.filter({ hasText: 'connection_id' })).toHaveCount(1);
  await timeline.toggle('kind', 'close');
  await expect(timeline.rows).toHaveCount(1);
  await expect(page.getByRole('region', { name: /^Connection #\d+$/ }).last()).toContainText(/closed/i);
});

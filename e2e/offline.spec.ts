import { expect, test } from '@playwright/test';
import { BRIDGE_INFO_FILE, type BridgeInfo } from '../src/protocols/bridgeControl';
import { Playground, Workbench } from './playground';

test('the built page asks no other origin for anything, and loads Monaco only when asked', async ({ page, context }) => {
  const requests: string[] = [];
  // The context sees the workers' requests too, not only the page's.
  context.on('request', (request) => requests.push(request.url()));
  const playground = new Playground(page);
  const bench = new Workbench(page);

  await playground.goto();
  const origin = new URL(page.url()).origin;
  await playground.expectReady('echo');
  const connection = await playground.newConnection();
  await connection.sendWithEnter('anyone out there?');
  await expect(connection.received('anyone out there?')).toHaveCount(1);
  const monaco = /editor\.api|WitEditor|editor\.worker|codicon/;
  expect(requests.filter((url) => monaco.test(url)), 'Monaco before the Interface tab was opened').toEqual([]);

  await bench.openInterface();
  await expect(bench.docs.getByRole('heading', { name: 'WebSocket Server Interface' })).toBeVisible();
  expect(requests.some((url) => monaco.test(url))).toBe(true);

  // Blob and data URLs are the page's own memory (the transpiled actor is loaded from a Blob). The
  // one other origin allowed is the bridge the page's own server named, which the page attaches to.
  const named = (await (await page.request.get(`${origin}/${BRIDGE_INFO_FILE}`)).json()) as BridgeInfo;
  const ownBridge = `http://${named.address}`;
  const foreign = requests.filter((url) => !url.startsWith('blob:') && !url.startsWith('data:') && ![origin, ownBridge].includes(new URL(url).origin));
  expect(foreign).toEqual([]);
});

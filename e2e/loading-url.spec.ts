import { expect, test } from '@playwright/test';
import { Playground } from './playground';

test.describe('?actor=<url> in the address', () => {
  test('loads that component at start instead of echo', async ({ page }) => {
    const playground = new Playground(page);
    await page.goto('/?actor=./actors/counter.wasm');
    await playground.expectReady('counter');
    await expect(playground.timelineItems.first()).toContainText('counter initialised');
    const connection = await playground.newConnection();
    await connection.send('inc 2');
    await expect(connection.received('count: 2')).toHaveCount(1);
  });

  test('takes an absolute URL too', async ({ page, baseURL }) => {
    const playground = new Playground(page);
    await page.goto(`/?actor=${encodeURIComponent(`${baseURL}/actors/minimal.wasm`)}`);
    await playground.expectReady('minimal');
  });

  test('a component that cannot be fetched is an alert saying what to do, and the gallery still works', async ({ page }) => {
    const playground = new Playground(page);
    await page.goto('/?actor=./actors/missing.wasm');
    // The preview server answers a missing file with the app's page, as single-page-app servers do.
    await expect(playground.alert).toContainText('Could not fetch ./actors/missing.wasm: the server sent a web page, not a component');
    await expect(playground.alert).toContainText('Check the address');
    await expect(playground.status).toHaveText(/missing\s+error/i);
    await playground.loadExample('echo');
    await playground.expectReady('echo');
  });

  test('a server that refuses is named with its status', async ({ page }) => {
    const playground = new Playground(page);
    await page.route((url) => url.pathname === '/private/actor.wasm', (route) => route.fulfill({ status: 403, body: 'no' }));
    await page.goto('/?actor=./private/actor.wasm');
    await expect(playground.alert).toContainText('Could not fetch ./private/actor.wasm: the server answered 403');
    await expect(playground.status).toHaveText(/actor\s+error/i);
  });
});

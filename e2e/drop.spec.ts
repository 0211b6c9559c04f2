import { expect, test } from '@playwright/test';
import { Playground, readActor } from './playground';

test('dropping a .wasm anywhere on the page loads it', async ({ page }) => {
  const playground = new Playground(page);
  await playground.goto();
  await playground.expectReady('echo');

  await playground.dropFile('counter.wasm', readActor('counter'));
  await playground.expectReady('counter');
  // counter exports theater:simple/actor, so init ran once and is the first event.
  await expect(playground.component).toContainText('theater:simple/actor');
  await expect(playground.timelineItems).toHaveCount(1);
  await expect(playground.timelineItems.first()).toContainText('init');
  await expect(playground.timelineItems.first()).toContainText('counter initialised');
  await expect(page.getByText('Drop a .wasm component to load it')).toHaveCount(0);

  const connection = await playground.newConnection();
  await expect(connection.received('connected (1 open)')).toHaveCount(1);
  await connection.send('inc 5');
  await expect(connection.received('count: 5')).toHaveCount(1);
  await expect(playground.timelineItems.last()).toContainText('inc 5 -> count 5');
});

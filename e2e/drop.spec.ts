import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { fixturePath } from '../src/runtime/testing/theaterChains';
import { counterSession, echoWithHistory, fileAction, Playground, readActor } from './playground';

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

test("dropping a Theater chain imports it as Import chain does, with the same alerts for a bad one", async ({ page }) => {
  const { playground, connection } = await echoWithHistory(page);
  await expect(playground.timelineItems).toHaveCount(2);

  // A chain that fails a check is refused as the button refuses it; the actor and its history stay.
  await playground.dropFile('tampered-entry-2.json', readFileSync(fixturePath('tampered-entry-2.json')), 'application/json');
  await expect(playground.alert).toContainText('Entry 2 (theater:simple/runtime/log) was altered: its hash does not match its content. Nothing was imported.');
  await expect(playground.alert).not.toContainText('WebAssembly');
  await expect(playground.timelineItems).toHaveCount(2);
  await connection.send('still here');
  await expect(connection.received('still here')).toHaveCount(1);

  await playground.dropFile('websocket.json', readFileSync(fixturePath('websocket.json')), 'application/json');
  await expect(playground.timelineItems).toHaveCount(5);
  await expect(playground.timelineItems.nth(2)).toContainText('text "hello"');
  await expect(playground.timelineItems.nth(2)).toContainText('you said hello');
  await expect(playground.alert).toHaveCount(0);
  await playground.expectReady('echo');

  // Theater's text format too: the text decides, whatever the file is called.
  await playground.dropFile('greeter.txt', readFileSync(fixturePath('greeter.chain')), 'text/plain');
  await expect(playground.timelineItems).toHaveCount(3);
  await expect(playground.timelineItems.filter({ hasText: 'read-only: from an imported Theater chain' })).toHaveCount(3);
});

test('dropping an exported session file imports it as Import session does, component and all', async ({ page, browser }) => {
  const { playground } = await counterSession(page, ['inc 4']);
  const downloading = page.waitForEvent('download');
  await fileAction(page, 'Export session');
  const download = await downloading;
  const session = readFileSync((await download.path())!);
  const original = await playground.timelineItems.allInnerTexts();

  // A browser profile of its own, closed after: left open, its page would keep the preview's
  // bridge attached and every later page would be refused it.
  const context = await browser.newContext();
  try {
    const fresh = new Playground(await context.newPage());
    await fresh.goto();
    await fresh.expectReady('echo');
    await fresh.dropFile(download.suggestedFilename(), session, 'application/json');
    await fresh.expectReady('counter');
    expect(await fresh.timelineItems.allInnerTexts()).toEqual(original);
    await expect(fresh.alert).toHaveCount(0);
    // The imported counter carries on from the imported state.
    await fresh.connection(1).send('inc 1');
    await expect(fresh.connection(1).received('count: 5')).toHaveCount(1);
  } finally {
    await context.close();
  }
});

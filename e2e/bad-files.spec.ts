import { expect, test } from '@playwright/test';
import { echoWithHistory, Playground, wasmFile } from './playground';

test('a bad file is an alert with the specific reason, and the loaded actor keeps answering', async ({ page }) => {
  const { playground, connection } = await echoWithHistory(page);

  const cases = [
    { file: wasmFile('random.wasm', Buffer.from([0x13, 0x37, 0xca, 0xfe, 0xba, 0xbe, 0x00, 0x01, 0x02, 0x03, 0x42])), reason: 'This is not a WebAssembly file' },
    { file: wasmFile('empty.wasm', Buffer.alloc(0)), reason: 'The file is empty (0 bytes)' },
    { file: wasmFile('core.wasm', Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00])), reason: 'This is a core WebAssembly module, not a component' },
  ];
  for (const { file, reason } of cases) {
    await playground.loadFile(file);
    await expect(playground.alert).toContainText(reason, { timeout: 45_000 });
    // The status names the actor that is still loaded, not the file that failed.
    await playground.expectReady('echo');
  }

  // Same actor, same history, same connection: the bad loads changed nothing.
  await expect(playground.timelineItems).toHaveCount(2);
  await connection.send('after');
  await expect(connection.received('after')).toHaveCount(1);
  await expect(playground.timelineItems).toHaveCount(3);
  await expect(playground.timelineItems.last()).toContainText('text "after"');
  // The alert belongs to the failed load and goes once the person does something else.
  await expect(playground.alert).toHaveCount(0);
});

test('a bad file with no actor loaded leaves the status at error', async ({ page }) => {
  const playground = new Playground(page);
  // Without the default example, the first thing loaded is the bad file.
  await page.route('**/actors/echo.wasm', (route) => route.fulfill({ status: 404, body: 'missing' }));
  await playground.goto();
  await expect(playground.alert).toContainText('Could not fetch ./actors/echo.wasm');
  await expect(playground.status).toHaveText(/echo\s+error/i);
  await playground.loadFile(wasmFile('random.wasm', Buffer.from('definitely not wasm')));
  await expect(playground.alert).toContainText('This is not a WebAssembly file');
  await expect(playground.status).toHaveText(/random\s+error/i);
  await expect(playground.newConnectionButton).toBeDisabled();
});

import { expect, test } from '@playwright/test';
import { actorPath, CLOCK, Playground } from './playground';

test.describe('loading an actor and chatting with it', () => {
  test('echo.wasm chosen in "Load actor" answers a connection, and the Timeline records it', async ({ page }) => {
    const playground = new Playground(page);
    await playground.goto();
    // The default example loads by itself; talk to it so the file load below visibly replaces it.
    await playground.expectReady('echo');
    await playground.newConnection();
    await expect(playground.timelineItems).toHaveCount(1);

    await playground.loadFile(actorPath('echo'));
    // A new actor starts a new history: no events, no connections.
    await expect(playground.timelineItems).toHaveCount(0, { timeout: 45_000 });
    await playground.expectReady('echo');
    await expect(page.getByRole('region', { name: /^Connection #/ })).toHaveCount(0);
    await expect(playground.component).toContainText('theater:simple/websocket-server');

    const connection = await playground.newConnection();
    await expect(connection.received('Welcome! You are connected to the echo actor.')).toHaveCount(1);
    await connection.send('hello, actor');
    await expect(connection.lines().filter({ hasText: new RegExp(`^\\s*sent\\s+hello, actor\\s+${CLOCK}$`) })).toHaveCount(1);
    await expect(connection.received(new RegExp(`^\\s*received\\s+hello, actor\\s+${CLOCK}$`))).toHaveCount(1);

    await expect(playground.timelineItems).toHaveCount(2);
    await expect(playground.timelineItems.nth(0)).toContainText('#0');
    await expect(playground.timelineItems.nth(0)).toContainText('conn 1');
    await expect(playground.timelineItems.nth(0)).toContainText('connect');
    await expect(playground.timelineItems.nth(0)).toContainText('ok');
    await expect(playground.timelineItems.nth(1)).toContainText('#1');
    await expect(playground.timelineItems.nth(1)).toContainText('text "hello, actor"');
    await expect(playground.timelineItems.nth(1)).toContainText(/→\s*text "hello, actor"/);
    await expect(playground.timelineItems.nth(1)).toContainText(/\d ms/);
  });

  test('Enter sends; binary goes in as hex; ping gets a pong; bad hex is said beside the box', async ({ page }) => {
    const playground = new Playground(page);
    await playground.goto();
    await playground.expectReady('echo');
    const connection = await playground.newConnection();

    await connection.sendWithEnter('typed and entered');
    await expect(connection.received('typed and entered')).toHaveCount(1);
    await expect(connection.message).toHaveValue('');

    await connection.send('68 69 ff', 'binary');
    await expect(connection.received(/binary\s+3 B\s+68 69 ff\b/)).toHaveCount(1);

    await connection.send('01 02', 'ping');
    await expect(connection.received(/pong\s+2 B\s+01 02\b/)).toHaveCount(1);

    await connection.send('', 'connect');
    await expect(connection.received('Welcome!')).toHaveCount(2);

    // Bytes that do not read are said beside the box as they are typed, and Send waits for a fix.
    await connection.type.selectOption('binary');
    await connection.message.fill('not hex');
    await expect(connection.message).toHaveAttribute('aria-invalid', 'true');
    await expect(connection.message).toHaveAccessibleDescription(/"not hex" is not hex/);
    await expect(connection.sendButton).toBeDisabled();
    await expect(connection.sendButton).toHaveAccessibleDescription(/"not hex" is not hex/);
    await connection.message.press('Enter');
    await expect(playground.alert).toHaveCount(0);
    await expect(connection.message).toHaveValue('not hex');

    await connection.type.selectOption('other');
    await connection.region.getByRole('textbox', { name: 'Other type' }).fill('custom');
    await connection.sendButton.click();
    await expect(connection.received('echo: unknown message type "custom"')).toHaveCount(1);
    await expect(playground.alert).toHaveCount(0);
    await expect(playground.timelineItems).toHaveCount(6);
  });

  test('responses go only to the connection whose event produced them', async ({ page }) => {
    const playground = new Playground(page);
    await playground.goto();
    await playground.expectReady('echo');
    const first = await playground.newConnection();
    const second = await playground.newConnection();

    await second.send('only for the second');
    await expect(second.received('only for the second')).toHaveCount(1);
    await first.send('only for the first');
    await expect(first.received('only for the first')).toHaveCount(1);
    await expect(first.transcript).not.toContainText('only for the second');
    await expect(second.transcript).not.toContainText('only for the first');

    await first.closeButton.click();
    await expect(first.closeButton).toBeDisabled();
    await expect(first.sendButton).toBeDisabled();
    await expect(first.lines().last()).toContainText('close');
    await expect(playground.timelineItems.last()).toContainText('conn 1');
    await expect(playground.timelineItems.last()).toContainText('close');
    // The other client is unaffected.
    await second.send('still open');
    await expect(second.received('still open')).toHaveCount(1);
  });

  test('an example from the catalog loads with one click', async ({ page }) => {
    const playground = new Playground(page);
    await playground.goto();
    await playground.expectReady('echo');
    await playground.loadExample('counter');
    await playground.expectReady('counter');
    await expect(playground.component).toContainText(/Init\s*yes/);
    await expect(playground.timelineItems).toHaveCount(1);
    await expect(playground.timelineItems.first()).toContainText('counter initialised');
  });
});

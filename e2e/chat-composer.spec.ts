import { expect, test } from '@playwright/test';
import { ComposerControls, Playground } from './playground';

test.describe('the composer', () => {
  test('Shift+Enter adds a line and Enter sends', async ({ page }) => {
    const playground = new Playground(page);
    await playground.goto();
    await playground.expectReady('echo');
    const connection = await playground.newConnection();

    await connection.message.pressSequentially('line one');
    await connection.message.press('Shift+Enter');
    await connection.message.pressSequentially('line two');
    await expect(connection.message).toHaveValue('line one\nline two');
    await expect(playground.timelineItems).toHaveCount(1);

    await connection.message.press('Enter');
    await expect(playground.timelineItems).toHaveCount(2);
    await expect(playground.timelineItems.last()).toContainText('text "line one\\nline two"');
    await expect(connection.received(/line one\s+line two/)).toHaveCount(1);
    await expect(connection.message).toHaveValue('');
  });

  test('↑ recalls earlier messages of the same connection, and never overwrites new text', async ({ page }) => {
    const playground = new Playground(page);
    await playground.goto();
    await playground.expectReady('echo');
    const connection = await playground.newConnection();
    const other = await playground.newConnection();
    await connection.sendWithEnter('first');
    await connection.sendWithEnter('second');
    await expect(connection.received('second')).toHaveCount(1);

    const box = connection.message;
    await box.press('ArrowUp');
    await expect(box).toHaveValue('second');
    await box.press('ArrowUp');
    await expect(box).toHaveValue('first');
    await box.press('ArrowUp');
    await expect(box).toHaveValue('first');
    await box.press('ArrowDown');
    await expect(box).toHaveValue('second');
    await box.press('ArrowDown');
    await expect(box).toHaveValue('');

    // Once the recalled text is edited, the arrows move the caret again.
    await box.press('ArrowUp');
    await box.press('End');
    await box.pressSequentially(' edited');
    await box.press('ArrowUp');
    await expect(box).toHaveValue('second edited');

    // A recall also brings back the message type.
    await connection.send('01 02', 'binary');
    await connection.type.selectOption('text');
    await connection.message.fill('');
    await connection.message.press('ArrowUp');
    await expect(connection.type).toHaveValue('binary');
    await expect(connection.message).toHaveValue('01 02');

    // Each connection has its own history.
    await other.message.press('ArrowUp');
    await expect(other.message).toHaveValue('');
    await other.sendWithEnter('mine');
    await other.message.press('ArrowUp');
    await expect(other.message).toHaveValue('mine');
  });

  test('the JSON toggle rejects invalid JSON with a message, and formats valid JSON', async ({ page }) => {
    const playground = new Playground(page);
    await playground.goto();
    await playground.expectReady('echo');
    const connection = await playground.newConnection();
    const controls = new ComposerControls(connection.region);

    await controls.json.check();
    await connection.message.fill('{"a": 1,}');
    await expect(connection.message).toHaveAttribute('aria-invalid', 'true');
    await expect(connection.message).toHaveAccessibleDescription(/^Not valid JSON: .+ Fix it, or turn JSON off/);
    await expect(controls.formatJson).toBeDisabled();
    await expect(connection.sendButton).toBeDisabled();
    await connection.message.press('Enter');
    // Nothing went out, the text is kept to fix, and the message stays beside the box, not an alert.
    await expect(connection.message).toHaveValue('{"a": 1,}');
    await expect(playground.alert).toHaveCount(0);

    await connection.message.fill('{"a":1,"b":[true,null]}');
    await expect(connection.message).not.toHaveAttribute('aria-invalid');
    await expect(connection.region).toContainText('valid JSON');
    // Laying it out changes what is sent: the button says so, and what it did, in bytes.
    await expect(controls.formatJson).toHaveAccessibleDescription(/the text sent changes/);
    await controls.formatJson.click();
    await expect(connection.message).toHaveValue('{\n  "a": 1,\n  "b": [\n    true,\n    null\n  ]\n}');
    await expect(connection.region.getByRole('status').filter({ hasText: 'Formatted' })).toHaveText('Formatted: the message is now 45 bytes (was 23 bytes)');
    await connection.sendButton.click();
    await expect(connection.message).toHaveValue('');
    // Only the valid message reached the actor.
    await expect(playground.timelineItems).toHaveCount(2);
    await expect(playground.timelineItems.last()).toContainText('text "{\\n  \\"a\\": 1,');
    await expect(connection.received(/"b": \[/)).toHaveCount(1);

    // Without JSON, the same broken text is just text.
    await controls.json.uncheck();
    await connection.message.fill('{"a": 1,}');
    await connection.message.press('Enter');
    await expect(connection.received('{"a": 1,}')).toHaveCount(1);
  });
});

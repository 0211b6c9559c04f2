import { expect, test } from '@playwright/test';
import { Playground, TimelinePanel } from './playground';

/** One token of 1 MiB, valid base64 and valid hex: what froze the page when pasted whole. */
const MIB = 1024 * 1024;
const TOKEN = 'A'.repeat(MIB);

test.describe('long payloads', () => {
  test('a 1 MiB single-token message is pasted and sent, shown cut with its size, and the page keeps answering', async ({ page }) => {
    const playground = new Playground(page);
    const timeline = new TimelinePanel(page);
    await playground.goto();
    await playground.expectReady('echo');
    const connection = await playground.newConnection();

    // Pasted as a paste or an input method inserts text: one insertion of the whole token.
    await connection.message.focus();
    await page.keyboard.insertText(TOKEN);
    // The box shows the start, read-only, and its size; `Show all` puts the whole in it to edit.
    await expect(connection.message).toHaveAccessibleDescription(/1\.00 MB to send/);
    expect((await connection.message.inputValue()).length).toBeLessThan(5000);
    await connection.region.getByRole('form').getByRole('button', { name: 'Show all' }).click();
    await expect.poll(async () => (await connection.message.inputValue()).length).toBe(MIB);
    await connection.sendButton.click();

    // The row says what was sent, cut, with its size; the page answers typing in another field.
    await expect(playground.timelineItems).toHaveCount(2);
    await expect(playground.timelineItems.last()).toContainText('text "AAAA');
    await expect(playground.timelineItems.last()).toContainText('(1.00 MB)');
    await timeline.search.fill('still answering');
    await expect(timeline.search).toHaveValue('still answering');
    await expect(connection.message).toHaveValue('');

    // Both bubbles show the start of the text and its size; `Show all` reveals the whole of it.
    const sent = connection.lines().filter({ hasText: /^\s*sent\b/ }).last();
    const received = connection.received('AAAA');
    await expect(received).toHaveCount(1);
    for (const line of [sent, received]) {
      await expect(line).toContainText('1.00 MB');
      expect(await line.evaluate((item) => item.textContent!.length)).toBeLessThan(5000);
    }
    await sent.getByRole('button', { name: 'Show all' }).click();
    await expect(sent.getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
    await expect.poll(() => sent.evaluate((item) => item.textContent!.length)).toBeGreaterThan(MIB);

    // The Inspector writes the call with the text cut and its size, and the whole on request.
    const call = timeline.inspector.getByLabel('Call in WAVE');
    await expect(call).toContainText('(1.00 MB)');
    expect(await call.evaluate((pre) => pre.textContent!.length)).toBeLessThan(5000);
    await timeline.inspector.getByRole('region', { name: 'Call' }).getByRole('button', { name: 'Show all' }).click();
    await expect.poll(() => call.evaluate((pre) => pre.textContent!.length)).toBeGreaterThan(MIB);
    await expect(timeline.inspector.getByRole('region', { name: 'Responses' })).toContainText('(1.00 MB)');
  });

  test('bytes typed as base64 are checked as they are typed, like JSON', async ({ page }) => {
    const playground = new Playground(page);
    await playground.goto();
    await playground.expectReady('echo');
    const connection = await playground.newConnection();
    await connection.type.selectOption('binary');
    await connection.region.getByRole('radiogroup', { name: 'Bytes as' }).getByRole('radio', { name: 'Base64', exact: true }).check();

    await connection.message.fill('aGk*');
    await expect(connection.message).toHaveAccessibleDescription(/"aGk\*" is not base64/);
    await expect(connection.sendButton).toBeDisabled();
    await connection.message.fill('aGk=');
    await expect(connection.message).not.toHaveAttribute('aria-invalid');
    await connection.sendButton.click();
    await expect(connection.received(/binary\s+2 B\s+68 69\b/)).toHaveCount(1);
    await expect(playground.alert).toHaveCount(0);
  });
});

import { expect, test } from '@playwright/test';
import { broadcast, Playground } from './playground';

/** What a transcript line after the selected event says, besides being greyed out. */
const LATER = '(after the selected event)';

test.describe('several simulated clients at once', () => {
  test('two clients talking at the same time each see only their own answers', async ({ page }) => {
    const playground = new Playground(page);
    await playground.goto();
    await playground.expectReady('echo');
    const first = await playground.newConnection();
    const second = await playground.newConnection();

    await first.message.fill('from the first');
    await second.message.fill('from the second');
    // Both sent before either answer is in: the actor gets them one after the other. Clicks, as
    // events on the buttons: two pointer clicks at once would each scroll the other's card away.
    await Promise.all([first.sendButton.dispatchEvent('click'), second.sendButton.dispatchEvent('click')]);

    await expect(first.received('from the first')).toHaveCount(1);
    await expect(second.received('from the second')).toHaveCount(1);
    await expect(first.transcript).not.toContainText('from the second');
    await expect(second.transcript).not.toContainText('from the first');
    // Each transcript: its own connect, its greeting, its message and the echo.
    await expect(first.lines()).toHaveCount(4);
    await expect(second.lines()).toHaveCount(4);
    await expect(playground.timelineItems).toHaveCount(4);
  });

  test('Send to all sends from every open connection: one event each, in connection order', async ({ page }) => {
    const playground = new Playground(page);
    await playground.goto();
    await playground.loadExample('counter');
    await playground.expectReady('counter');
    const one = await playground.newConnection();
    const two = await playground.newConnection();
    const three = await playground.newConnection();
    await two.closeButton.click();
    await expect(two.closeButton).toBeDisabled();
    await expect(playground.timelineItems).toHaveCount(5);

    const all = broadcast(page);
    await expect(all.region).toContainText('each of the 2 open');
    await all.message.fill('inc');
    await all.sendButton.click();

    // counter answers each `inc` with the count so far: 1 from the first, 2 from the third.
    await expect(playground.timelineItems).toHaveCount(7);
    await expect(playground.timelineItems.nth(5)).toContainText('conn 1');
    await expect(playground.timelineItems.nth(5)).toContainText('text "inc"');
    await expect(playground.timelineItems.nth(6)).toContainText('conn 3');
    await expect(playground.timelineItems.nth(6)).toContainText('text "inc"');
    await expect(one.received('count: 1')).toHaveCount(1);
    await expect(three.received('count: 2')).toHaveCount(1);
    await expect(two.transcript).not.toContainText('inc');
    await expect(all.message).toHaveValue('');

    // With every connection closed there is no one to send from.
    await one.closeButton.click();
    await three.closeButton.click();
    await expect(all.sendButton).toBeDisabled();
  });

  test('transcripts follow the history cursor: later lines are greyed out', async ({ page }) => {
    const playground = new Playground(page);
    await playground.goto();
    await playground.expectReady('echo');
    const first = await playground.newConnection();
    const second = await playground.newConnection();
    await first.sendWithEnter('one');
    await expect(first.received('one')).toHaveCount(1);
    await second.sendWithEnter('two');
    await expect(second.received('two')).toHaveCount(1);
    await first.sendWithEnter('three');
    await expect(first.received('three')).toHaveCount(1);
    const later = page.getByRole('listitem').filter({ hasText: LATER });
    await expect(later).toHaveCount(0);

    // A line's time selects its event (#2, first's "one"): what came after it is greyed out.
    const sentOne = first.lines().filter({ hasText: /^\s*sent\s+one\b/ });
    await sentOne.getByRole('button', { name: /event #2\b/ }).click();
    await expect(sentOne).not.toContainText(LATER);
    await expect(first.received('one')).not.toContainText(LATER);
    await expect(first.lines().filter({ hasText: 'three' })).toHaveCount(2);
    await expect(first.lines().filter({ hasText: 'three' }).filter({ hasText: LATER })).toHaveCount(2);
    await expect(first.lines().filter({ hasText: 'three' }).first()).toHaveClass(/chat-line--later/);
    // The other client's conversation is cut at the same moment.
    await expect(second.lines().first()).not.toContainText(LATER);
    await expect(second.lines().filter({ hasText: 'two' }).filter({ hasText: LATER })).toHaveCount(2);

    // Selecting the newest event shows everything again.
    await first.received('three').getByRole('button').click();
    await expect(later).toHaveCount(0);
  });
});

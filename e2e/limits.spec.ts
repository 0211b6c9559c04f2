import { expect, test, type Page } from '@playwright/test';
import { actorPath, Playground } from './playground';

/** The page with echo ready and the limits labelled in `values` set in Server settings (after Reset to defaults when `reset`). */
async function withLimits(page: Page, values: Record<string, number>, reset = false): Promise<Playground> {
  const playground = new Playground(page);
  await playground.expectReady('echo');
  await page.getByRole('button', { name: 'Server settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Server settings' });
  await expect(settings).toContainText('apply from the next load');
  if (reset) {
    await settings.getByRole('button', { name: 'Reset to defaults' }).click();
    await expect(settings.getByLabel('Component size')).toHaveValue(String(64 * 1024 * 1024));
  }
  for (const [label, value] of Object.entries(values)) await settings.getByLabel(label).fill(String(value));
  await settings.getByRole('button', { name: 'Close' }).click();
  return playground;
}

test.describe('limits set in Server settings', () => {
  test('a lowered limit applies from the next load: the call past it fails with its message, the actor still answers, a reload keeps it; a component past its size is refused', async ({ page }) => {
    await page.goto('/');
    const playground = await withLimits(page, { 'Responses per call': 2, 'Component size': 1000 });

    // Refused by its size before it is read: echo, its state and its history stay.
    await playground.loadFile(actorPath('counter'));
    await expect(playground.alert).toContainText('Component size limit');
    await expect(playground.alert).toContainText('past the limit of 1,000 bytes');
    await playground.expectReady('echo');

    await withLimits(page, { 'Responses per call': 2 }, true);

    await playground.loadExample('counter');
    await playground.expectReady('counter');
    const connection = await playground.newConnection();
    await connection.send('burst 3');
    const failed = playground.timelineItems.last();
    await expect(failed).toContainText('Responses per call limit: 3 responses is past the limit of 2 responses');
    await expect(connection.received('1/3')).toHaveCount(0);
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await expect(inspector).toContainText('Server settings → Limits (Responses per call), or with --max-responses');
    await expect(inspector.getByRole('note', { name: 'What a limit means' })).toBeVisible();

    await connection.send('inc');
    await expect(connection.received('count: 1')).toHaveCount(1);
    await playground.expectReady('counter');

    // Saved with the session: the reopened page runs the actor under the same limits, and says so.
    await page.reload();
    await playground.expectReady('counter');
    await page.getByRole('button', { name: 'Server settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Server settings' });
    await expect(settings.getByLabel('Responses per call')).toHaveValue('2');
    await settings.getByRole('button', { name: 'Close' }).click();
    await playground.connection(1).send('burst 3');
    await expect(playground.timelineItems.last()).toContainText('Responses per call limit');
  });

  test("an actor whose memory grows past the limit fails that call in Chromium's worker, and its fresh instance answers", async ({ page }) => {
    await page.goto('/');
    const playground = await withLimits(page, { 'Actor memory': 32 * 1024 * 1024 });
    await playground.loadExample('faulty');
    await playground.expectReady('faulty');
    const connection = await playground.newConnection();
    await connection.send('huge 40');
    await expect(playground.timelineItems.last()).toContainText('Actor memory limit');
    await expect(playground.timelineItems.last()).toContainText('past the limit of 33,554,432 bytes');
    await connection.send('hello');
    await expect(connection.received('ok 2')).toHaveCount(1);
  });
});

import { expect, test, type Page } from '@playwright/test';
import { counterSession, fileAction, readActor, SavedSessions, wasmFile } from './playground';

const position = (page: Page) => page.getByRole('toolbar', { name: 'History' }).locator('output');
const replayReport = (page: Page) => page.getByRole('region', { name: 'Replay report' });
const notice = (page: Page) => page.getByRole('status', { name: 'Workspace replaced' });

async function replayAgainstV2(page: Page): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Replay against another build' }).click();
  await (await chooser).setFiles(wasmFile('counter-v2.wasm', readActor('counter-v2')));
  await expect(replayReport(page)).toContainText('First divergence at event #3');
}

test.describe('reports belong to the history they describe', () => {
  test('a replay report says what it does not cover, and goes with a fork', async ({ page }) => {
    const { connection } = await counterSession(page, ['inc 2', 'inc']);
    await replayAgainstV2(page);
    // The first divergence is selected; a message goes to the live actor all the same.
    await connection.sendWithEnter('get');
    await expect(replayReport(page)).toContainText('1 event recorded since this replay is not in it.');
    await replayReport(page).getByRole('button', { name: 'Replay again against the loaded build' }).click();
    await expect(replayReport(page)).toContainText('5 of 5 events matched, 0 diverged');

    await page.getByRole('button', { name: 'Step back' }).click();
    await page.getByRole('button', { name: 'Fork here' }).click();
    await expect(position(page)).toHaveText('#3 of 4 (live)');
    await expect(replayReport(page)).toHaveCount(0);
  });

  test("a replay report draws each difference as a word diff, states by their bytes", async ({ page }) => {
    await counterSession(page, ['inc 2', 'inc']);
    await replayAgainstV2(page);
    const divergence = replayReport(page).getByRole('list', { name: 'Divergences' }).getByRole('listitem').first();
    // Event #3 is the bare `inc`: counter adds 1 (count 3), counter-v2 adds 2 (count 4).
    await divergence.getByRole('button', { name: 'Show state diff' }).click();
    const stateDiff = divergence.getByLabel('Text diff');
    await expect(stateDiff.locator('del')).toHaveText('3');
    await expect(stateDiff.locator('ins')).toHaveText('4');
    await expect(stateDiff).toContainText('count');
    await divergence.getByRole('button', { name: 'Show responses diff' }).click();
    await expect(divergence.getByLabel('Text diff')).toHaveCount(2);
    await expect(divergence.getByLabel('Text diff').nth(1).locator('ins')).toHaveText('4');
    await divergence.getByRole('button', { name: 'Hide state diff' }).click();
    await expect(divergence.getByLabel('Text diff')).toHaveCount(1);
  });

  test('a message sent while viewing the past goes to the live actor, and the view follows it', async ({ page }) => {
    const { connection } = await counterSession(page, ['inc 2', 'inc 3']);
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect(position(page)).toHaveText('#2 of 4');
    await connection.send('get');
    await expect(position(page)).toHaveText('#4 of 5 (live)');
    await expect(connection.received('count: 5').last()).not.toContainText('(after the selected event)');
  });
});

test.describe('replacing the workspace', () => {
  test('says where the old one went and Undo brings it back, history and selection', async ({ page }) => {
    const { playground } = await counterSession(page, ['inc 2', 'inc 3']);
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect(position(page)).toHaveText('#2 of 4');
    // Persistence saves the open session a moment after each change.
    const saved = new SavedSessions(page);
    await saved.show();
    await expect(saved.current()).toContainText('4 events');
    await saved.close();

    await playground.loadExample('echo');
    await playground.expectReady('echo');
    await expect(notice(page)).toContainText('Loaded echo in place of counter (4 events). It is kept in Saved sessions.');
    // echo has no init: its fresh history is empty.
    await expect(playground.timelineItems).toHaveCount(0);

    await notice(page).getByRole('button', { name: 'Undo' }).click();
    await playground.expectReady('counter');
    await expect(playground.timelineItems).toHaveCount(4);
    await expect(position(page)).toHaveText('#2 of 4');
    // echo had nothing to miss, so the way back tells of no replacement; the counter session is the saved one, reopened.
    await expect(notice(page)).toHaveCount(0);
    await saved.show();
    await expect(saved.current()).toContainText('4 events');
  });

  test('Undo reopens the session that was open, even one an import started', async ({ page }) => {
    const { playground } = await counterSession(page, ['inc 2']);
    const download = page.waitForEvent('download');
    await fileAction(page, 'Export session');
    const exported = await (await download).path();
    const chooser = page.waitForEvent('filechooser');
    await fileAction(page, 'Import session');
    await (await chooser).setFiles(exported);
    await expect(notice(page)).toContainText('Imported a session of counter (3 events) in place of its previous history (3 events).');
    // The import is a saved session of its own; one more event in it, and another actor in its place.
    await playground.newConnection();
    await expect(notice(page)).toHaveCount(0);
    await expect(playground.timelineItems).toHaveCount(4);
    await playground.loadExample('echo');
    await playground.expectReady('echo');
    await expect(notice(page)).toContainText('in place of counter (4 events)');
    await notice(page).getByRole('button', { name: 'Undo' }).click();
    await playground.expectReady('counter');
    await expect(playground.timelineItems).toHaveCount(4);
  });

  test('an imported chain says what it replaced, and a failed load report goes with the history it was about', async ({ page }) => {
    const { playground } = await counterSession(page, ['inc 2']);
    await playground.loadFile(wasmFile('broken.wasm', Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 9, 9])));
    await expect(playground.alert).toBeVisible();
    await expect(page.getByRole('list', { name: 'Load stages' })).toBeVisible();

    const exported = await (async () => {
      const download = page.waitForEvent('download');
      await fileAction(page, 'Export chain');
      return (await download).path();
    })();
    const chooser = page.waitForEvent('filechooser');
    await fileAction(page, 'Import chain');
    await (await chooser).setFiles(exported);
    await expect(notice(page)).toContainText('Imported a chain of');
    await expect(notice(page)).toContainText('as the history of counter in place of its previous history (3 events)');
    await expect(page.getByRole('list', { name: 'Load stages' })).toHaveCount(0);
    // Work in the new history: the notice, and its Undo, are about a moment that has passed.
    await playground.newConnection();
    await expect(notice(page)).toHaveCount(0);
  });
});

import { expect, test } from '@playwright/test';
import { exampleWithConnection, Playground } from './playground';

test.describe('what goes wrong is shown, and the actor carries on', () => {
  test('dropped responses are protocol warnings; err and trap commit nothing', async ({ page }) => {
    const { playground, connection } = await exampleWithConnection(page, 'faulty');

    await connection.send('notext');
    await expect(connection.lines().filter({ hasText: /^\s*warning\b/ })).toContainText('dropped: a text message without `text` is not sent');
    await expect(playground.timelineItems.last()).toContainText('dropped: a text message without `text` is not sent');
    await expect(playground.timelineItems.last()).toContainText('faulty: notext');

    await connection.send('err');
    await expect(connection.lines().last()).toContainText('faulty: asked to fail');
    await expect(playground.timelineItems.last()).toContainText(/\berr\b/);

    await connection.send('trap');
    await expect(connection.lines().last()).toContainText(/^\s*trap\b/);
    await expect(playground.timelineItems.last()).toContainText(/\btrap\b/);

    // connect, notext and other successes counted; err and trap did not.
    await connection.send('hello');
    await expect(connection.received('ok 3')).toHaveCount(1);
  });

  test('a call that never returns times out, and the restarted actor still answers', async ({ page }) => {
    const { playground, connection } = await exampleWithConnection(page, 'faulty');

    await connection.send('loop');
    await expect(connection.lines().last()).toContainText(/^\s*timeout\b/, { timeout: 30_000 });
    await expect(playground.timelineItems.last()).toContainText(/\btimeout\b/);
    await playground.expectReady('faulty');
    await connection.send('hello');
    await expect(connection.received('ok 2')).toHaveCount(1);
  });

  test('an actor that exhausts its memory fails that call; the page, its history and the actor live on', async ({ page }) => {
    // Filling a 32-bit memory (4 GiB) takes seconds on a busy machine, and the restart after it more.
    test.setTimeout(120_000);
    const { playground, connection } = await exampleWithConnection(page, 'faulty');
    await connection.send('hello');
    await expect(connection.received('ok 2')).toHaveCount(1);
    const before = await playground.timelineItems.count();

    await connection.send('hog');
    // Either its allocator fails inside the actor (an err, "out of memory"), or the call outlives
    // the watchdog while it fills the memory (a timeout: the worker is replaced at the last
    // committed state). A failed call either way, recorded as one.
    await expect(playground.timelineItems.last()).toContainText(/\b(err|timeout)\b/, { timeout: 90_000 });
    await expect(playground.timelineItems).toHaveCount(before + 1);
    await playground.expectReady('faulty');

    // The failed call committed nothing: the count goes on from before it.
    await connection.send('hello');
    await expect(connection.received('ok 3')).toHaveCount(1);
    await expect(playground.timelineItems).toHaveCount(before + 2);
  });

  test('imports the playground lacks are marked as stubbed, and their calls recorded', async ({ page }) => {
    const playground = new Playground(page);
    await playground.goto();
    await playground.loadExample('imports');
    await playground.expectReady('imports');
    const imports = playground.component.getByRole('list', { name: 'Imports' });
    await expect(imports.getByRole('listitem').filter({ hasText: 'theater:simple/kv' })).toContainText('stubbed');
    await expect(imports.getByRole('listitem').filter({ hasText: 'theater:simple/runtime' })).not.toContainText('stubbed');

    const connection = await playground.newConnection();
    await connection.send('count');
    await expect(connection.received(/count: \d+/)).toHaveCount(1);
    await expect(playground.timelineItems.last()).toContainText('theater:simple/kv.count');
  });
});

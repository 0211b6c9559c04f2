import { expect, test, type Page } from '@playwright/test';
import { actorPath, counterSession, fileAction, LOAD_TIMEOUT, Playground, SavedSessions, TimelinePanel } from './playground';

// Each test has a fresh browser context, so IndexedDB starts empty and the page starts on echo.

/** Deletes every stored component, as a damaged or half-cleared database would lack them. */
async function loseStoredComponents(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open('theater-playground');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const tx = opening.result.transaction('components', 'readwrite');
          tx.objectStore('components').clear();
          tx.oncomplete = () => {
            opening.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

test.describe('sessions persist in IndexedDB', () => {
  test('a reload restores the component, the timeline, the cursor and the connections, and the actor carries on', async ({ page }) => {
    const playground = new Playground(page);
    const timeline = new TimelinePanel(page);
    await playground.goto();
    await playground.expectReady('echo');
    await playground.loadFile(actorPath('counter'));
    await playground.expectReady('counter');

    const first = await playground.newConnection();
    await first.send('inc 2');
    await expect(first.received('count: 2')).toHaveCount(1);
    await first.send('inc 3');
    await expect(first.received('count: 5')).toHaveCount(1);
    const second = await playground.newConnection();
    await second.closeButton.click();
    // init, connect, inc 2, inc 3, connect, close
    await expect(timeline.rows).toHaveCount(6);
    await timeline.row(2).click();
    await expect(timeline.selected()).toContainText('inc 2');

    await page.reload();
    await playground.expectReady('counter');
    await expect(playground.component).toContainText('theater:simple/websocket-server');
    await expect(timeline.rows).toHaveCount(6);
    await expect(timeline.row(5)).toContainText('close');
    await expect(timeline.selected()).toContainText('#2');
    await expect(timeline.selected()).toContainText('inc 2');
    await expect(first.received('count: 5')).toHaveCount(1);
    await expect(first.closeButton).toBeEnabled();
    await expect(playground.connection(2).closeButton).toBeDisabled();

    // The state committed before the reload is the one the actor goes on from.
    await first.send('inc 1');
    await expect(first.received('count: 6')).toHaveCount(1);
    await expect(timeline.rows).toHaveCount(7);
  });

  test('a branch kept by a fork survives a reload, and switching to it brings its events back', async ({ page }) => {
    const playground = new Playground(page);
    const timeline = new TimelinePanel(page);
    await playground.goto();
    await playground.expectReady('echo');
    await playground.loadExample('counter');
    await playground.expectReady('counter');
    const connection = await playground.newConnection();
    await connection.send('inc 2');
    await connection.send('inc 3');
    await expect(timeline.rows).toHaveCount(4);
    await page.getByRole('button', { name: 'Step back' }).click();
    await page.getByRole('button', { name: 'Fork here' }).click();
    await expect(timeline.rows).toHaveCount(3);
    const branches = page.getByRole('region', { name: 'Branches' });
    await expect(branches).toContainText('4 events');

    await page.reload();
    await playground.expectReady('counter');
    await expect(timeline.rows).toHaveCount(3);
    await expect(branches).toContainText('4 events');
    await page.getByRole('button', { name: 'Switch to branch 1' }).click();
    await expect(timeline.rows).toHaveCount(4);
    await expect(timeline.rows.last()).toContainText('inc 3');
  });

  test('after a reload the timeline follows the newest event again', async ({ page }) => {
    const playground = new Playground(page);
    const timeline = new TimelinePanel(page);
    await playground.goto();
    await playground.expectReady('echo');
    const connection = await playground.newConnection();
    for (let i = 1; i <= 12; i++) await connection.send(`line ${i}`);
    await expect(timeline.rows.last()).toContainText('line 12');

    await page.reload();
    await playground.expectReady('echo');
    await expect(timeline.rows.last()).toContainText('line 12');
    await expect(timeline.rows.last()).toBeInViewport();
    await expect(page.getByRole('button', { name: /Follow newest/ })).toHaveCount(0);
    await connection.send('after the reload');
    await expect(timeline.rows.last()).toContainText('after the reload');
    await expect(timeline.rows.last()).toBeInViewport();
  });

  test('New session starts clean; Saved sessions reopens the old one and deletes the other', async ({ page }) => {
    const playground = new Playground(page);
    const timeline = new TimelinePanel(page);
    const sessions = new SavedSessions(page);
    await playground.goto();
    await playground.expectReady('echo');
    const connection = await playground.newConnection();
    await connection.send('remember me');
    await expect(connection.received('remember me')).toHaveCount(1);
    await expect(timeline.rows).toHaveCount(2);

    await sessions.newSessionButton.click();
    await expect(timeline.rows).toHaveCount(0);
    await expect(page.getByRole('region', { name: /^Connection #/ })).toHaveCount(0);
    await playground.expectReady('echo');

    await sessions.show();
    await expect(sessions.items).toHaveCount(2);
    await expect(sessions.current()).toContainText('0 events');
    await expect(sessions.openButton('echo (0 events)')).toBeDisabled();
    await sessions.openButton('echo (2 events)').click();
    await expect(sessions.dialog).toBeHidden();
    await expect(timeline.rows).toHaveCount(2);
    await expect(playground.connection(1).received('remember me')).toHaveCount(1);
    await playground.expectReady('echo');

    await sessions.show();
    await expect(sessions.current()).toContainText('2 events');
    await sessions.deleteButton('echo (0 events)').click();
    await expect(sessions.items).toHaveCount(1);
    await expect(sessions.openButton('echo (0 events)')).toHaveCount(0);
    await sessions.close();

    // The session opened from the list is the one a reload brings back.
    await page.reload();
    await playground.expectReady('echo');
    await expect(timeline.rows).toHaveCount(2);
    await sessions.show();
    await expect(sessions.items).toHaveCount(1);
  });

  test('an imported session reopens after a reload with every event, and the actor carries on', async ({ page }) => {
    // Enough events that the import is saved many to a record (recordGroups.ts).
    const { playground, connection } = await counterSession(page, Array.from({ length: 16 }, () => 'inc 1'));
    const timeline = new TimelinePanel(page);
    const sessions = new SavedSessions(page);
    const downloading = page.waitForEvent('download');
    await fileAction(page, 'Export session');
    const file = await (await downloading).path();
    const chooser = page.waitForEvent('filechooser');
    await fileAction(page, 'Import session');
    await (await chooser).setFiles(file!);
    await expect(playground.alert).toHaveCount(0);
    // The timeline already counted 18 before the import: the notice says the import is done.
    await expect(page.getByRole('status', { name: 'Workspace replaced' })).toContainText('Imported a session of counter (18 events)');
    // init, connect, 16 calls (the list renders the rows in view; its heading counts them all)
    const counted = (events: number) => page.getByRole('heading', { name: `Timeline ${events}`, exact: true });
    await expect(counted(18)).toBeVisible();
    await sessions.show();
    await expect(sessions.current()).toContainText('18 events');
    await sessions.close();

    await page.reload();
    await playground.expectReady('counter');
    await expect(counted(18)).toBeVisible();
    await expect(connection.received('count: 16')).toHaveCount(1);
    await connection.send('inc 1');
    await expect(connection.received('count: 17')).toHaveCount(1);
    await expect(counted(19)).toBeVisible();
    await expect(timeline.rows.last()).toContainText('inc 1');
  });

  test('a reload right after a send keeps that event', async ({ page }) => {
    const playground = new Playground(page);
    const timeline = new TimelinePanel(page);
    await playground.goto();
    await playground.expectReady('echo');
    const connection = await playground.newConnection();
    await connection.send('last words');
    await expect(timeline.row(1)).toContainText('last words');
    await page.reload();

    await playground.expectReady('echo');
    await expect(timeline.rows).toHaveCount(2);
    await expect(timeline.row(1)).toContainText('last words');
  });

  test('a crashed tab keeps what was recorded 100 ms before the crash', async ({ page, context }) => {
    const playground = new Playground(page);
    await playground.goto();
    await playground.expectReady('echo');
    const connection = await playground.newConnection();
    await connection.send('before the crash');
    await expect(new TimelinePanel(page).row(1)).toContainText('before the crash');
    await page.waitForTimeout(100);
    // A renderer crash runs no unload handler: only what was already written survives.
    const cdp = await context.newCDPSession(page);
    const crashed = page.waitForEvent('crash');
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;

    const reopened = await context.newPage();
    const again = new Playground(reopened);
    const timeline = new TimelinePanel(reopened);
    await again.goto();
    await again.expectReady('echo');
    await expect(timeline.rows).toHaveCount(2);
    await expect(timeline.row(1)).toContainText('before the crash');
  });

  test('a session that cannot be restored stays listed, and the default example loads with an alert saying why', async ({ page }) => {
    const playground = new Playground(page);
    const sessions = new SavedSessions(page);
    await playground.goto();
    await playground.loadFile(actorPath('counter'));
    await playground.expectReady('counter');
    await playground.newConnection();
    await expect(new TimelinePanel(page).rows).toHaveCount(2);
    await loseStoredComponents(page);

    await page.reload();
    await expect(playground.alert).toContainText(/The last session could not be restored: its component \(sha256 [0-9a-f]{12}…\) is missing\. It is still in Saved sessions/, { timeout: LOAD_TIMEOUT });
    await playground.expectReady('echo');
    await sessions.show();
    await expect(sessions.openButton('counter (2 events)')).toBeEnabled();
  });

  test('a second tab starts a session of its own and cannot open the one the first tab is saving', async ({ page, context }) => {
    const first = new Playground(page);
    await first.goto();
    await first.expectReady('echo');
    const connection = await first.newConnection();
    await connection.send('from the first tab');
    await expect(new TimelinePanel(page).rows).toHaveCount(2);

    const other = await context.newPage();
    const second = new Playground(other);
    const sessions = new SavedSessions(other);
    await second.goto();
    await second.expectReady('echo');
    await expect(new TimelinePanel(other).rows).toHaveCount(0);
    await sessions.show();
    await sessions.openButton('echo (2 events)').click();
    await expect(second.alert).toContainText('could not be opened: it is open in another tab');
    await expect(new TimelinePanel(other).rows).toHaveCount(0);

    // The first tab goes on saving its own session undisturbed.
    await connection.send('still here');
    await expect(new TimelinePanel(page).rows).toHaveCount(3);
    await page.reload();
    await first.expectReady('echo');
    await expect(new TimelinePanel(page).row(2)).toContainText('still here');
  });
});

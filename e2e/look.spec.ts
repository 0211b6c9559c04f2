import { expect, test } from '@playwright/test';
import { Playground, Workbench } from './playground';

test.describe('themes', () => {
  test('follow the system until toggled; the choice survives a reload; Monaco follows', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    const playground = new Playground(page);
    const bench = new Workbench(page);
    await playground.goto();
    await playground.expectReady('echo');
    expect(await bench.theme()).toBe('light');
    const lightBackground = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

    await bench.themeToggle.click();
    expect(await bench.theme()).toBe('dark');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).not.toBe(lightBackground);
    await bench.openInterface();
    await expect(page.locator('.monaco-editor')).toHaveClass(/\bvs-dark\b/);

    await page.reload();
    await playground.expectReady('echo');
    expect(await bench.theme()).toBe('dark');

    // `t` toggles back; light is what the system prefers, so the page follows the system again.
    await page.keyboard.press('t');
    expect(await bench.theme()).toBe('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => bench.theme()).toBe('dark');
  });

  test('a dark system gets the dark theme without asking', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const playground = new Playground(page);
    await playground.goto();
    await playground.expectReady('echo');
    expect(await new Workbench(page).theme()).toBe('dark');
  });
});

test.describe('keyboard', () => {
  test('? opens the shortcuts, Escape closes them; Help opens them too', async ({ page }) => {
    const playground = new Playground(page);
    const bench = new Workbench(page);
    await playground.goto();
    await playground.expectReady('echo');

    await page.keyboard.press('?');
    await expect(bench.shortcuts).toBeVisible();
    for (const description of ['Open a new connection', 'Search events', 'Step back one event', 'Step forward one event', 'Switch between light and dark', 'Select the next event']) {
      await expect(bench.shortcuts.getByRole('row', { name: new RegExp(description) })).toBeVisible();
    }
    await expect(bench.shortcuts.getByRole('row', { name: /Step back one event/ }).locator('kbd')).toHaveText('[');
    // The page behind the dialog does not take keys.
    await page.keyboard.press('t');
    expect(await bench.theme()).toBe('light');
    await page.keyboard.press('Escape');
    await expect(bench.shortcuts).toBeHidden();

    await bench.helpButton.click();
    await expect(bench.shortcuts).toBeVisible();
    await bench.shortcuts.getByRole('button', { name: 'Close' }).click();
    await expect(bench.shortcuts).toBeHidden();
  });

  test('n opens a connection, [ and ] move the cursor, and typing never triggers a shortcut', async ({ page }) => {
    const playground = new Playground(page);
    const bench = new Workbench(page);
    await playground.goto();
    await playground.expectReady('echo');

    await page.keyboard.press('n');
    const connection = playground.connection(1);
    await expect(connection.transcript.getByRole('listitem').first()).toContainText('connect');
    await connection.sendWithEnter('one');
    await connection.sendWithEnter('t?[n');
    await expect(connection.received('t?[n')).toHaveCount(1);
    // Those keys went into the message, not to the page.
    expect(await bench.theme()).toBe('light');
    await expect(bench.shortcuts).toBeHidden();
    await expect(page.getByRole('region', { name: /^Connection #\d+$/ })).toHaveCount(1);
    await expect(bench.statusBar).toContainText('3 events');
    await expect(bench.statusBar).not.toContainText('at #');

    await connection.message.blur();
    await page.keyboard.press('[');
    await expect(bench.statusBar).toContainText('at #1');
    await page.keyboard.press('[');
    await expect(bench.statusBar).toContainText('at #0');
    await page.keyboard.press(']');
    await expect(bench.statusBar).toContainText('at #1');
    await page.keyboard.press(']');
    await expect(bench.statusBar).not.toContainText('at #');
  });
});

test('1 and 2 switch the left tabs, m goes to the message box, / to the timeline search', async ({ page }) => {
  const playground = new Playground(page);
  const bench = new Workbench(page);
  await playground.goto();
  await playground.expectReady('echo');
  const connection = await playground.newConnection();
  await connection.message.blur();

  await page.keyboard.press('2');
  await expect(bench.interfaceTab).toHaveAttribute('aria-selected', 'true');
  await expect(bench.selectedCall).toBeVisible();
  await page.keyboard.press('1');
  await expect(bench.componentTab).toHaveAttribute('aria-selected', 'true');
  await expect(playground.component).toBeVisible();

  await page.keyboard.press('m');
  await expect(connection.message).toBeFocused();
  await connection.message.blur();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search events' })).toBeFocused();
});

test('the status bar names the actor and its status, its state size and the event count', async ({ page }) => {
  const playground = new Playground(page);
  const bench = new Workbench(page);
  await playground.goto();
  await playground.expectReady('echo');
  await expect(bench.statusBar).toContainText(/echo\s+ready/);
  await expect(bench.statusBar).toContainText('0 events');

  await playground.loadExample('counter');
  await playground.expectReady('counter');
  // counter's init commits a JSON state: the bar shows its size in bytes.
  await expect(bench.statusBar).toContainText(/counter\s+ready/);
  await expect(bench.statusBar).toContainText('state 40 B');
  await expect(bench.statusBar).toContainText('1 event');

  // `hello` goes into the state's history (40 → 47 bytes); stepping back shows the state as it was.
  const connection = await playground.newConnection();
  await connection.send('hello');
  await expect(bench.statusBar).toContainText('state 47 B');
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(bench.statusBar).toContainText('state 40 B');
  await expect(bench.statusBar).toContainText('at #1');
});

test('panes resize by dragging a separator, and keep their size across a reload', async ({ page }) => {
  const playground = new Playground(page);
  const bench = new Workbench(page);
  await playground.goto();
  await playground.expectReady('echo');
  const separator = bench.separator('Resize Side panel and Connections');
  const before = (await separator.boundingBox())!;

  await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
  await page.mouse.down();
  await page.mouse.move(before.x + before.width / 2 + 160, before.y + before.height / 2, { steps: 8 });
  await page.mouse.up();
  const dragged = (await separator.boundingBox())!;
  expect(dragged.x - before.x).toBeGreaterThan(140);

  await page.reload();
  await playground.expectReady('echo');
  await expect.poll(async () => Math.round((await separator.boundingBox())!.x)).toBe(Math.round(dragged.x));
});

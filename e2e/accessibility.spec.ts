import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Playground } from './playground';

/** The page with a conversation going and the cursor one step back, so greyed "later" lines show too. */
async function conversation(page: Page): Promise<Playground> {
  const playground = new Playground(page);
  await playground.goto();
  await playground.expectReady('echo');
  const connection = await playground.newConnection();
  await connection.sendWithEnter('hello');
  await connection.sendWithEnter('again');
  await expect(connection.received('again')).toHaveCount(1);
  await page.getByRole('button', { name: 'Step back' }).click();
  return playground;
}

/** axe's serious and critical findings, one line each: rule, what it says, where. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${violation.help} at ${node.target.join(' ')} ${node.failureSummary ?? ''}`));
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious in the ${theme} theme, with an actor loaded and a conversation going`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await conversation(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    expect(await seriousViolations(page)).toEqual([]);

    // And with the Files menu open, a replay report in its tab, the Bridge tab, a folded strip and Server settings.
    await page.getByRole('button', { name: 'Replay', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Replay report' })).toBeVisible();
    await page.getByRole('button', { name: 'Files', exact: true }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Bridge', exact: true }).click();
    expect(await seriousViolations(page)).toEqual([]);
    // And the Server settings dialog, open over the page.
    await page.getByRole('button', { name: 'Server settings' }).click();
    await expect(page.getByRole('dialog', { name: 'Server settings' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the first Tab stop skips to the composer; New connection is a few stops from the top', async ({ page }) => {
  const playground = new Playground(page);
  await playground.goto();
  await playground.expectReady('echo');

  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to composer' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  // No connection yet: the way to the composer is New connection.
  await page.keyboard.press('Enter');
  await expect(playground.newConnectionButton).toBeFocused();
  await page.keyboard.press('Enter');
  const connection = playground.connection(1);
  await expect(connection.transcript.getByRole('listitem').first()).toContainText('connect');

  // Back to the top: a click on the title, then Shift+Tab, reaches the link before the header.
  await page.getByRole('heading', { name: 'Theater Playground' }).click();
  await page.keyboard.press('Shift+Tab');
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(connection.message).toBeFocused();

  // Without the skip link, Tab goes header → examples → side panel → connections.
  await page.reload();
  await playground.expectReady('echo');
  let presses = 0;
  while (presses < 20 && !(await playground.newConnectionButton.evaluate((button) => button === document.activeElement))) {
    await page.keyboard.press('Tab');
    presses += 1;
  }
  await expect(playground.newConnectionButton).toBeFocused();
  // Was 30. The header's controls and the terms explained in the load summary are stops of their own.
  expect(presses).toBeLessThanOrEqual(16);
});

test('Files is a menu button: keys open it, move through its items and close it', async ({ page }) => {
  const playground = new Playground(page);
  await playground.goto();
  await playground.expectReady('echo');
  await playground.newConnection();
  const files = page.getByRole('button', { name: 'Files', exact: true });
  const menu = page.getByRole('menu', { name: 'Files' });
  await expect(files).toHaveAttribute('aria-haspopup', 'menu');
  await expect(menu).toBeHidden();

  await files.focus();
  await page.keyboard.press('Enter');
  await expect(files).toHaveAttribute('aria-expanded', 'true');
  await expect(menu.getByRole('menuitem')).toHaveText(['Export session', 'Import session', 'Export chain', 'Import chain', 'Export transcript']);
  await expect(menu.getByRole('menuitem', { name: 'Export session' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Import session' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Export transcript' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Export session' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(files).toBeFocused();

  // ↑ opens on the last item; Enter runs it and closes the menu.
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Export transcript' })).toBeFocused();
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await downloading).suggestedFilename()).toMatch(/^echo-transcript-.*\.wave$/);
  await expect(menu).toBeHidden();

  // A click elsewhere closes it too.
  await files.click();
  await expect(menu).toBeVisible();
  await page.getByRole('region', { name: 'Inspector' }).click({ position: { x: 10, y: 10 } });
  await expect(menu).toBeHidden();
});

test('disabled buttons look disabled', async ({ page }) => {
  const playground = new Playground(page);
  await playground.goto();
  await playground.expectReady('echo');
  // With no events yet, the history moves are disabled; New connection is not.
  const stepBack = page.getByRole('button', { name: 'Step back' });
  await expect(stepBack).toBeDisabled();
  const look = (name: string) =>
    page.getByRole('button', { name, exact: true }).evaluate((button) => {
      const style = getComputedStyle(button);
      return { border: style.borderStyle, cursor: style.cursor, color: style.color };
    });
  const disabled = await look('Step back');
  const enabled = await look('New connection');
  expect(disabled.cursor).toBe('not-allowed');
  expect(disabled.border).toBe('dashed');
  expect(enabled.cursor).toBe('pointer');
  expect(disabled.color).not.toBe(enabled.color);
});

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Playground, TimelinePanel } from './playground';

/** The tour's card: a non-modal region, so the page around it stays usable. */
const tourOf = (page: Page) => page.getByRole('region', { name: 'Tour' });

/** The card shows step `n` of 7, called `title`. */
async function expectStep(page: Page, n: number, title: string): Promise<void> {
  const tour = tourOf(page);
  await expect(tour).toContainText(`step ${n} of 7`);
  await expect(tour.getByRole('heading', { level: 2 })).toHaveText(title);
}

/** The control the tour points at carries the spotlight. */
const expectSpotlight = (page: Page, role: 'button' | 'combobox' | 'textbox' | 'region' | 'list' | 'tab', name: string) =>
  expect(page.getByRole(role, { name, exact: true }).last()).toHaveAttribute('data-tour-spotlight', '');

test('a first visit opens the tour, and it runs to the end over the real page', async ({ page }) => {
  const playground = new Playground(page);
  await playground.goto();
  await playground.expectReady('echo');
  const tour = tourOf(page);

  // Opened by itself, without taking the focus or blocking the page.
  await expectStep(page, 1, 'Open a connection');
  await expect(tour.getByRole('button', { name: 'Leave tour' })).not.toBeFocused();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expectSpotlight(page, 'button', 'New connection');

  // 1. A connection: the step waits for it, then moves on by itself.
  const first = await playground.newConnection();
  await expectStep(page, 2, 'Send each kind of message');

  // 2. A text message, then a ping.
  await expectSpotlight(page, 'textbox', 'Message');
  await first.sendWithEnter('hello');
  await expect(tour.getByRole('listitem').filter({ hasText: 'Send a text message' })).toContainText('Done:');
  await expectSpotlight(page, 'combobox', 'Message type');
  await first.send('01 02', 'ping');
  await expect(first.received('pong')).toHaveCount(1);
  await expectStep(page, 3, 'Where the state lives');

  // 3. The state: pick an event in the Timeline, read it in the Inspector.
  await expect(tour).toContainText('keeps no memory between calls');
  const timeline = new TimelinePanel(page);
  await timeline.row(1).click();
  await timeline.expectInspecting(1);
  // Picked: the State section is pointed at, and the step waits for Next while it is read.
  await expectSpotlight(page, 'region', 'State');
  await expectStep(page, 3, 'Where the state lives');
  await tour.getByRole('button', { name: 'Next' }).click();
  await expectStep(page, 4, 'A failed call commits nothing');

  // 4. Failures: explained; loading the faulty example is offered, not required.
  await expect(tour).toContainText('nothing is committed');
  await expect(tour.getByRole('button', { name: 'Try the faulty example' })).toBeVisible();
  // Back and Next move between steps without losing the way.
  await tour.getByRole('button', { name: 'Back' }).click();
  await expectStep(page, 3, 'Where the state lives');
  await tour.getByRole('button', { name: 'Next' }).click();
  await expectStep(page, 4, 'A failed call commits nothing');
  await tour.getByRole('button', { name: 'Next' }).click();
  await expectStep(page, 5, 'Answers go to the sender only');

  // 5. Answers go only to the sender: a second connection, a message from it, nothing for the first.
  const second = await playground.newConnection();
  await second.sendWithEnter('only for me');
  await expect(second.received('only for me')).toHaveCount(1);
  await expect(first.received('only for me')).toHaveCount(0);
  await expectStep(page, 6, 'Step back and replay');

  // 6. Step back, then Replay.
  await expectSpotlight(page, 'button', 'Step back');
  await page.getByRole('button', { name: 'Step back' }).click();
  await expectSpotlight(page, 'button', 'Replay');
  await page.getByRole('button', { name: 'Replay', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Replay report' })).toContainText('events matched');
  await expectStep(page, 7, 'Where to go next');

  // 7. Where to go next: the Interface tab.
  await tour.getByRole('button', { name: 'Show the Interface tab' }).click();
  await expect(page.getByRole('tab', { name: 'Interface', exact: true })).toHaveAttribute('aria-selected', 'true');
  await tour.getByRole('button', { name: 'Finish tour' }).click();
  await expect(tour).toBeHidden();
  await expect(page.locator('[data-tour-spotlight]')).toHaveCount(0);

  // Finished: a reload does not offer it again; Help still does.
  await page.reload();
  await playground.expectReady('echo');
  await expect(tour).toBeHidden();
  await page.getByRole('button', { name: 'Help' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start tour' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expectStep(page, 1, 'Open a connection');
});

test('the tour can be left, survives a reload, and resumes from Help at the step it was left', async ({ page }) => {
  const playground = new Playground(page);
  await playground.goto();
  await playground.expectReady('echo');
  const tour = tourOf(page);
  await expectStep(page, 1, 'Open a connection');
  await playground.newConnection();
  await expectStep(page, 2, 'Send each kind of message');

  // Progress survives a reload.
  await page.reload();
  await playground.expectReady('echo');
  await expectStep(page, 2, 'Send each kind of message');

  // Left: the card goes and stays gone after a reload.
  await tour.getByRole('button', { name: 'Leave tour' }).click();
  await expect(tour).toBeHidden();
  await page.reload();
  await playground.expectReady('echo');
  await expect(tour).toBeHidden();

  // Help offers to resume at step 2, and closes as the tour comes back.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog');
  await expect(help).toContainText('You left the tour at step 2 of 7');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await help.getByRole('button', { name: 'Resume tour' }).click();
  await expect(help).toHaveCount(0);
  await expectStep(page, 2, 'Send each kind of message');

  // The steps still follow the page: a text message, then a binary one.
  const connection = await playground.newConnection();
  await connection.sendWithEnter('back again');
  await connection.send('01 02 ff', 'binary');
  await expectStep(page, 3, 'Where the state lives');

  // Start tour begins again from the first step.
  await page.getByRole('button', { name: 'Help' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start tour' }).click();
  await expectStep(page, 1, 'Open a connection');
});

import { expect, test, type Page } from '@playwright/test';
import { counterSession, Playground, Workbench, type Connection } from './playground';

/**
 * The page at the window sizes people use, from a small laptop to a large monitor: no sideways
 * scrolling, the composer's Send on screen, several timeline rows, room for the Inspector. Each
 * size leaves a screenshot among the test's artifacts (a record to look at, not a comparison).
 */
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1440 },
] as const;

/** Two clients and a few messages each: a conversation under way. */
async function conversation(page: Page): Promise<{ playground: Playground; first: Connection }> {
  const playground = new Playground(page);
  await playground.goto();
  await playground.expectReady('echo');
  const first = await playground.newConnection();
  const second = await playground.newConnection();
  for (const text of ['one', 'two', 'three']) {
    await first.sendWithEnter(`${text} from 1`);
    await second.sendWithEnter(`${text} from 2`);
  }
  await expect(second.received('three from 2')).toHaveCount(1);
  return { playground, first };
}

const sidewaysOverflow = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const size of SIZES) {
  test.describe(`at ${size.width}x${size.height}`, () => {
    test.use({ viewport: size });

    test('no sideways scroll, Send on screen and working, several timeline rows, an Inspector with room', async ({ page }, testInfo) => {
      const { playground, first } = await conversation(page);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

      // The first card's composer is on screen whole, without scrolling, and sends.
      await expect(first.sendButton).toBeInViewport({ ratio: 1 });
      await first.send('still here');
      await expect(first.received('still here')).toHaveCount(1);

      // Each event of echo is two lines (the message, the answer): at least three rows show at once.
      const list = (await playground.timeline.boundingBox())!;
      const rows = await playground.timelineItems.evaluateAll(
        (items, box) => items.filter((item) => { const r = item.getBoundingClientRect(); return r.top >= box.y - 1 && r.bottom <= box.y + box.height + 1; }).length,
        list,
      );
      expect(rows).toBeGreaterThanOrEqual(3);

      const inspector = (await page.getByRole('region', { name: 'Inspector' }).boundingBox())!;
      expect(inspector.width).toBeGreaterThanOrEqual(360);
      expect(inspector.height).toBeGreaterThanOrEqual(220);

      const path = testInfo.outputPath(`layout-${size.width}x${size.height}.png`);
      await page.screenshot({ path });
      await testInfo.attach(`layout at ${size.width}x${size.height}`, { path, contentType: 'image/png' });
    });
  });
}

test.use({ viewport: { width: 1440, height: 900 } });

test('reports open in the Reports tab and leave the workspace its height', async ({ page }) => {
  const { playground } = await counterSession(page, ['inc 2', 'inc']);
  const bench = new Workbench(page);
  // Reports used to stack above the workspace and squeeze it: its height is the measure.
  const workspace = page.getByRole('main');
  const before = (await workspace.boundingBox())!;
  await expect(bench.reportsTab).toHaveAttribute('aria-selected', 'false');

  await page.getByRole('button', { name: 'Replay', exact: true }).click();
  // The report's home comes forward by itself, and the tab counts what it holds.
  await expect(bench.reportsTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Replay report' })).toContainText('4 of 4 events matched');
  await page.getByRole('button', { name: 'Step back' }).click();
  await page.getByRole('button', { name: 'Fork here' }).click();
  await expect(page.getByRole('region', { name: 'Branches' })).toContainText('4 events');
  await playground.expectReady('counter');
  await expect(bench.reportsTab).toHaveText(/^Reports\s*\d+$/);

  const after = (await workspace.boundingBox())!;
  expect(Math.abs(after.height - before.height)).toBeLessThanOrEqual(1);
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

  await bench.componentTab.click();
  await expect(playground.component).toBeVisible();
  // `4` brings the reports back, as `1` and `2` bring the component and the interface.
  await page.keyboard.press('4');
  await expect(page.getByRole('region', { name: 'Branches' })).toBeVisible();
});

test('the example strip folds once a client connects, opens on request, and remembers the choice', async ({ page }) => {
  const playground = new Playground(page);
  await playground.goto();
  await playground.expectReady('echo');
  const toggle = page.getByRole('button', { name: 'Examples', exact: true });
  const counter = page.getByRole('button', { name: 'Load example counter', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(counter).toBeVisible();

  await playground.newConnection();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(counter).toBeHidden();

  await toggle.click();
  await expect(counter).toBeVisible();
  await page.reload();
  await playground.expectReady('echo');
  await playground.newConnection();
  // The person chose to keep it open: a new connection no longer folds it.
  await expect(counter).toBeVisible();
  await toggle.click();
  await page.reload();
  await playground.expectReady('echo');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  // Loading another example from the folded strip: the page object opens it first.
  await playground.loadExample('counter');
  await playground.expectReady('counter');
});

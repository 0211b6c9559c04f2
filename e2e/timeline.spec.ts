import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Locator } from '@playwright/test';
import { Playground, TimelinePanel } from './playground';

/** Asserts the Inspector follows the selection, once the page has one (it is built alongside). */
async function expectInspectorOn(timeline: TimelinePanel, seq: number): Promise<void> {
  if ((await timeline.inspector.count()) > 0) await timeline.expectInspecting(seq);
}

/** Every rendered row passes `check`; the list is virtualised, so these are the rows on screen. */
async function everyRow(rows: Locator, check: (row: Locator) => Promise<void>): Promise<void> {
  for (const row of await rows.all()) await check(row);
}

test.describe('the timeline', () => {
  // A desktop window: the timeline shares its column with the Inspector.
  test.use({ viewport: { width: 1600, height: 1000 } });

  test('shows every kind of event in order, with its outcome, connection, logs and state change', async ({ page }) => {
    const playground = new Playground(page);
    const timeline = new TimelinePanel(page);
    await playground.goto();
    await playground.loadExample('counter');
    await playground.expectReady('counter');

    const init = timeline.row(0);
    await expect(init).toContainText('init');
    await expect(init).toContainText('actor');
    await expect(init).toContainText(/log\s*counter initialised/);
    await expect(init).toContainText(/\bok\b/);

    const connection = await playground.newConnection();
    await expect(timeline.row(1)).toContainText(/conn 1.*connect/);
    await connection.send('inc 5');
    await expect(timeline.row(2)).toContainText('text "inc 5"');
    await expect(timeline.row(2)).toContainText(/log\s*inc 5 -> count 5/);
    // The state grew: both sizes are told (the row shows the difference).
    await expect(timeline.row(2)).toContainText(/state \d+ B → \d+ B/);
    await connection.closeButton.click();
    await expect(timeline.row(3)).toContainText(/conn 1.*close/);
    await expect(timeline.rows).toHaveCount(4);

    await playground.loadExample('faulty');
    await playground.expectReady('faulty');
    const faulty = await playground.newConnection();
    for (const body of ['err', 'trap', 'hello']) await faulty.send(body);
    await expect(timeline.row(1)).toContainText(/faulty: asked to fail/);
    await expect(timeline.row(1)).toContainText(/\berr\b/);
    await expect(timeline.row(2)).toContainText(/\btrap\b/);
    await expect(timeline.row(2)).toContainText(/log\s*faulty: trap/);
    // A failed call commits nothing.
    await expect(timeline.row(1)).toContainText(/state unchanged/);
    await expect(timeline.row(3)).toContainText(/\bok\b/);
    // Outcome by colour too: a failed row is not marked like a successful one.
    const edge = (row: Locator) => row.evaluate((element) => getComputedStyle(element).borderLeftColor);
    expect(await edge(timeline.row(1))).not.toBe(await edge(timeline.row(3)));
    expect(await edge(timeline.row(1))).toBe(await edge(timeline.row(2)));

    await faulty.send('loop');
    await expect(timeline.row(4)).toContainText(/\btimeout\b/, { timeout: 30_000 });
    await expect(timeline.row(4)).toContainText('no answer within');
  });

  test('filters by connection, kind, outcome, text and changed state narrow the list and clear again', async ({ page }) => {
    const playground = new Playground(page);
    const timeline = new TimelinePanel(page);
    await playground.goto();
    await playground.loadExample('faulty');
    await playground.expectReady('faulty');
    const first = await playground.newConnection();
    const second = await playground.newConnection();
    await first.send('hello');
    await first.send('err');
    await second.send('trap');
    await second.send('world');
    // #0 connect 1, #1 connect 2, #2 hello (1), #3 err (1), #4 trap (2), #5 world (2)
    await expect(timeline.rows).toHaveCount(6);

    await timeline.showFilters();
    await timeline.connectionFilter.selectOption({ label: 'conn 2' });
    await expect(timeline.rows).toHaveCount(3);
    await everyRow(timeline.rows, (row) => expect(row).toContainText('conn 2'));
    await expect(timeline.heading).toContainText('3 of 6');
    await timeline.connectionFilter.selectOption({ label: 'All connections' });

    await timeline.toggle('outcome', 'err');
    await timeline.toggle('outcome', 'trap');
    await expect(timeline.rows).toHaveCount(2);
    await expect(timeline.rows.nth(0)).toContainText('#3');
    await expect(timeline.rows.nth(1)).toContainText('#4');
    await timeline.toggle('kind', 'connect');
    await expect(timeline.rows).toHaveCount(0);
    await expect(page.getByText('No events match these filters.')).toBeVisible();
    await timeline.clearFilters.click();
    await expect(timeline.rows).toHaveCount(6);

    await timeline.toggle('kind', 'connect');
    await expect(timeline.rows).toHaveCount(2);
    await timeline.toggle('kind', 'connect');

    // Text is looked for in inputs, responses and logs: "ok 4" is only the reply to "world".
    await timeline.filterText.fill('ok 4');
    await expect(timeline.rows).toHaveCount(1);
    await expect(timeline.rows.first()).toContainText('text "world"');
    await timeline.filterText.fill('faulty: hello');
    await expect(timeline.rows).toHaveCount(1);
    await expect(timeline.rows.first()).toContainText('#2');
    await timeline.filterText.fill('');

    // err and trap commit nothing; everything else here counted a call.
    await timeline.changedOnly.check();
    await expect(timeline.rows).toHaveCount(4);
    await everyRow(timeline.rows, (row) => expect(row).not.toContainText(/\b(err|trap)\b/));
    await timeline.clearFilters.click();
    await expect(timeline.rows).toHaveCount(6);
    await expect(timeline.changedOnly).not.toBeChecked();
    await expect(timeline.clearFilters).toBeDisabled();
  });

  test('search jumps between matches with Enter and Shift+Enter and says where it is', async ({ page }) => {
    const playground = new Playground(page);
    const timeline = new TimelinePanel(page);
    await playground.goto();
    await playground.expectReady('echo');
    const connection = await playground.newConnection();
    for (const body of ['apple 1', 'banana', 'apple 2', 'apple 3', 'cherry']) await connection.send(body);
    await expect(timeline.rows).toHaveCount(6);

    await timeline.search.fill('APPLE');
    // Following the newest event, which is no match: the search says how many there are.
    await expect(timeline.searchStatus).toHaveText('3 matches');
    await timeline.search.press('Enter');
    await expect(timeline.searchStatus).toHaveText('1 of 3');
    await expect(timeline.selected()).toContainText('text "apple 1"');
    await expectInspectorOn(timeline, 1);
    await timeline.search.press('Enter');
    await expect(timeline.searchStatus).toHaveText('2 of 3');
    await expect(timeline.selected()).toContainText('text "apple 2"');
    await timeline.search.press('Shift+Enter');
    await expect(timeline.selected()).toContainText('text "apple 1"');
    // Wraps around, as a find bar does.
    await timeline.search.press('Shift+Enter');
    await expect(timeline.searchStatus).toHaveText('3 of 3');
    await expect(timeline.selected()).toContainText('text "apple 3"');
    await page.getByRole('button', { name: 'Next match' }).click();
    await expect(timeline.searchStatus).toHaveText('1 of 3');

    await timeline.search.fill('durian');
    await expect(timeline.searchStatus).toHaveText('no matches');
  });

  test('the keys move the selection, and the Inspector follows', async ({ page }) => {
    const playground = new Playground(page);
    const timeline = new TimelinePanel(page);
    await playground.goto();
    await playground.loadExample('counter');
    await playground.expectReady('counter');
    const connection = await playground.newConnection();
    for (const body of ['inc 1', 'inc 2', 'get']) await connection.send(body);
    await expect(timeline.rows).toHaveCount(5);
    // Following the newest: it is the one shown.
    await expect(timeline.selected()).toContainText('#4');

    await timeline.list.focus();
    await page.keyboard.press('Home');
    await expect(timeline.selected()).toContainText('#0');
    await expect(timeline.row(0)).toBeFocused();
    await expectInspectorOn(timeline, 0);
    await page.keyboard.press('ArrowDown');
    await expect(timeline.selected()).toContainText('#1');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect(timeline.selected()).toContainText('text "inc 2"');
    await expectInspectorOn(timeline, 3);
    await page.keyboard.press('k');
    await page.keyboard.press('ArrowUp');
    await expect(timeline.selected()).toContainText('#1');
    await expect(timeline.selected()).toHaveCount(1);
    await page.keyboard.press('End');
    await expect(timeline.selected()).toContainText('#4');
    await expectInspectorOn(timeline, 4);

    // A click selects too; a message the person sends goes to the live actor, and the selection follows it there.
    await timeline.row(2).click();
    await expect(timeline.selected()).toContainText('#2');
    await expectInspectorOn(timeline, 2);
    await connection.send('inc 3');
    await expect(timeline.rows).toHaveCount(6);
    await expect(timeline.selected()).toContainText('#5');
    await expectInspectorOn(timeline, 5);
  });

  test.describe('with 100,000 events', () => {
    const session = join(tmpdir(), `timeline-e2e-${process.pid}.json`);

    test.beforeAll(async () => {
      test.setTimeout(180_000);
      // Recorded through the engine by the project's own command (Node needs the flag for QuickJS actors).
      const args = ['--experimental-wasm-extended-const', '--import', 'tsx', 'scripts/record-session.ts', '--actor', 'public/actors/echo.wasm', '--events', '100000', '--out', session];
      await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 20 });
    });
    test.afterAll(() => rmSync(session, { force: true }));

    test('an imported session renders, goes to its end, filters, searches and selects', async ({ page }) => {
      test.setTimeout(300_000);
      const playground = new Playground(page);
      const timeline = new TimelinePanel(page);
      await playground.goto();
      await playground.expectReady('echo');
      await timeline.importSession(session);
      // Reading, validating and storing 40 MB of session takes a while before the timeline has it.
      await expect(timeline.heading).toContainText('100,000', { timeout: 150_000 });
      await playground.expectReady('echo');
      // Only what is on screen is in the page; the newest is shown, as while following.
      await expect(timeline.row(99_999)).toBeInViewport();
      expect(await timeline.rows.count()).toBeLessThan(200);
      await expect(timeline.rows.first()).toHaveAttribute('aria-setsize', '100000');

      await timeline.list.focus();
      await page.keyboard.press('Home');
      await expect(timeline.selected()).toContainText('#0');
      await expect(timeline.row(0)).toBeInViewport();
      await expect(timeline.row(99_999)).toHaveCount(0);
      await page.keyboard.press('End');
      await expect(timeline.selected()).toContainText('#99999');
      await expect(timeline.row(99_999)).toBeInViewport();
      await expectInspectorOn(timeline, 99_999);
      await page.keyboard.press('ArrowUp');
      await expect(timeline.selected()).toContainText('#99998');

      await timeline.showFilters();
      await timeline.connectionFilter.selectOption({ label: 'conn 2' });
      await expect(timeline.heading).toContainText(/[\d,]+ of 100,000/);
      await everyRow(timeline.rows, (row) => expect(row).toContainText('conn 2'));
      await timeline.toggle('outcome', 'err');
      await expect(page.getByText('No events match these filters.')).toBeVisible();
      await timeline.clearFilters.click();
      await timeline.filterText.fill('message 4242');
      // message 4242 and 42420–42429, whichever of them are text messages.
      await expect(timeline.heading).toContainText(/\b([1-9]|1[01]) of 100,000/);
      await everyRow(timeline.rows, (row) => expect(row).toContainText('message 4242'));
      await timeline.filterText.fill('');
      await expect(timeline.heading).not.toContainText(' of ');

      await timeline.search.fill('message 77777');
      await timeline.search.press('Enter');
      await expect(timeline.searchStatus).toHaveText(/^1 of \d+$/);
      await expect(timeline.selected()).toContainText('#77777');
      await expect(timeline.row(77_777)).toBeInViewport();
      await expectInspectorOn(timeline, 77_777);

      await timeline.row(77_777).locator('xpath=following-sibling::li[1]').click();
      await expect(timeline.selected()).toContainText('#77778');
      await page.keyboard.press('ArrowDown');
      await expect(timeline.selected()).toContainText('#77779');
      await expectInspectorOn(timeline, 77_779);
    });
  });
});

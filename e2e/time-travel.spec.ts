import { expect, test, type Page } from '@playwright/test';
import { counterSession, fileAction, Playground, readActor, wasmFile } from './playground';

const position = (page: Page) => page.getByRole('toolbar', { name: 'History' }).locator('output');

test.describe('time travel', () => {
  test('steps back and forward through the history, the inspector and transcript showing that moment', async ({ page }) => {
    const { connection } = await counterSession(page, ['inc 2', 'inc 3']);
    await expect(position(page)).toHaveText('#3 of 4 (live)');
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect(position(page)).toHaveText('#2 of 4');
    // Event #2 is `inc 2`: the inspector shows its call and the change it made to the state.
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await expect(inspector.getByRole('heading', { level: 2 })).toContainText('event #2');
    await expect(inspector).toContainText('text: some("inc 2")');
    await expect(inspector.getByRole('region', { name: 'State' })).toContainText('count changed 0 → 2');
    // What came after (inc 3 and its answer) is greyed out in the transcript, the rest is not.
    await expect(connection.lines().filter({ hasText: 'inc 3' })).toContainText('(after the selected event)');
    await expect(connection.received('count: 2')).not.toContainText('(after the selected event)');
    await page.getByRole('button', { name: 'Step back' }).click();
    await page.getByRole('button', { name: 'Jump to start' }).click();
    await expect(position(page)).toHaveText('#0 of 4');
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(position(page)).toHaveText('#1 of 4');
    await page.getByRole('button', { name: 'Jump to end' }).click();
    await expect(position(page)).toHaveText('#3 of 4 (live)');
  });

  test('replays against a changed build and selects the first divergence', async ({ page }) => {
    const { playground } = await counterSession(page, ['inc 2', 'inc', 'get']);
    await page.getByRole('button', { name: 'Replay', exact: true }).click();
    const report = page.getByRole('region', { name: 'Replay report' });
    await expect(report).toContainText('5 of 5 events matched, 0 diverged');

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Replay against another build' }).click();
    await (await chooser).setFiles(wasmFile('counter-v2.wasm', readActor('counter-v2')));
    await expect(report).toContainText('Replay against counter-v2.wasm');
    await expect(report).toContainText('First divergence at event #3');
    await expect(report.getByRole('list', { name: 'Divergences' })).toContainText('count: 3');
    await expect(report.getByRole('list', { name: 'Divergences' })).toContainText('count: 4');
    await expect(position(page)).toHaveText('#3 of 5');
    // The live actor is untouched by the replay.
    await expect(playground.timelineItems).toHaveCount(5);
  });

  test('hot swap: a new build takes over from the current state', async ({ page }) => {
    const { playground, connection } = await counterSession(page, ['inc 2']);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Hot swap build' }).click();
    await (await chooser).setFiles(wasmFile('counter-v2.wasm', readActor('counter-v2')));
    await playground.expectReady('counter-v2');
    // The history stays, and the new build goes on from count 2: its bare inc adds 2.
    await expect(playground.timelineItems).toHaveCount(3);
    await connection.send('inc');
    await expect(connection.received('count: 4')).toHaveCount(1);
  });

  test('an animated replay moves the cursor one event at a time', async ({ page }) => {
    await counterSession(page, ['inc 2', 'get']);
    await page.getByRole('checkbox', { name: 'animated' }).check();
    await page.getByRole('button', { name: 'Replay', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Replay report' })).toContainText('4 of 4 events matched');
    await page.getByRole('button', { name: 'Pause replay' }).click();
    const before = await position(page).textContent();
    await page.getByRole('button', { name: 'Step replay' }).click();
    await expect(position(page)).not.toHaveText(before!);
    await expect(position(page)).toHaveText(/^#\d of 4$/);
  });

  test('forks from an earlier event and continues from its state', async ({ page }) => {
    const { playground, connection } = await counterSession(page, ['inc 2', 'inc 3']);
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect(position(page)).toHaveText('#2 of 4');
    await page.getByRole('button', { name: 'Fork here' }).click();
    await expect(playground.timelineItems).toHaveCount(3);
    await expect(page.getByRole('region', { name: 'Branches' })).toContainText('4 events');
    await connection.send('get');
    // inc 2 answered count: 2, and so does get on the forked history (inc 3 is gone).
    await expect(connection.received('count: 2')).toHaveCount(2);
    await expect(playground.timelineItems.last()).toContainText('get');
    await page.getByRole('button', { name: 'Switch to branch 1' }).click();
    await expect(playground.timelineItems).toHaveCount(4);
    await expect(playground.timelineItems.last()).toContainText('inc 3');
  });

  test('edits a past input and re-runs what followed', async ({ page }) => {
    const { playground } = await counterSession(page, ['inc 2', 'inc 3', 'get']);
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect(position(page)).toHaveText('#3 of 5');
    await page.getByRole('button', { name: 'Edit input' }).click();
    await page.getByRole('textbox', { name: 'New message' }).fill('inc 10');
    await page.getByRole('button', { name: 'Re-run from here' }).click();
    const report = page.getByRole('region', { name: 'Rewrite report' });
    await expect(report).toContainText('Re-ran 2 events from #3: 2 now differ');
    await expect(playground.timelineItems.last()).toContainText('count: 12');
  });

  test('a session exported and imported in a fresh page gives the identical timeline', async ({ page, browser }) => {
    const { playground } = await counterSession(page, ['inc 2', 'hello', 'burst 2']);
    const downloading = page.waitForEvent('download');
    await fileAction(page, 'Export session');
    const file = await (await downloading).path();
    const original = await playground.timelineItems.allInnerTexts();

    // A browser profile of its own, closed after: left open, its page would keep the preview's
    // bridge attached and every later page would be refused it.
    const context = await browser.newContext();
    try {
      const fresh = await context.newPage();
      const other = new Playground(fresh);
      await other.goto();
      await other.expectReady('echo');
      const chooser = fresh.waitForEvent('filechooser');
      await fileAction(fresh, 'Import session');
      await (await chooser).setFiles(file);
      await other.expectReady('counter');
      await expect(other.timelineItems).toHaveCount(original.length);
      expect(await other.timelineItems.allInnerTexts()).toEqual(original);
      // And the imported actor carries on from the imported state.
      const connection = other.connection(1);
      await connection.send('get');
      // The imported inc 2 answered count: 2; get on the imported state answers it again.
      await expect(connection.received('count: 2')).toHaveCount(2);
      await expect(other.timelineItems.last()).toContainText('get');
    } finally {
      await context.close();
    }
  });

  test('exports every call as a WAVE transcript', async ({ page }) => {
    await counterSession(page, ['inc 2', 'inc x']);
    const downloading = page.waitForEvent('download');
    await fileAction(page, 'Export transcript');
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^counter-transcript-.*\.wave$/);
    const text = (await (await download.createReadStream()).toArray()).join('');
    expect(text).toMatch(/^\/\/ counter \(sha256 [0-9a-f]{64}\): 4 events, values in WAVE\n/);
    expect(text).toContain('// #0\ninit(none) -> ok((some([');
    expect(text).toMatch(/\n\/\/ #2 on connection 1\nhandle-message\(some\(\[[\d, ]+\]\), \(\{ty: text, data: none, text: some\("inc 2"\)\},\)\) -> ok\(\(some\(\[[\d, ]+\]\), \(\{messages: \[\{ty: text, data: none, text: some\("count: 2"\)\}\]\},\)\)\)\n/);
    expect(text).toMatch(/text: some\("inc x"\)\},\)\) -> err\("counter: .*"\)\n$/);
  });

  test('an exported chain imports as the same calls; a tampered one is refused at the right entry', async ({ page }) => {
    const { playground, connection } = await counterSession(page, ['inc 2']);
    const downloading = page.waitForEvent('download');
    await fileAction(page, 'Export chain');
    const text = await (await (await downloading).createReadStream()).toArray().then((c) => Buffer.concat(c).toString());
    const entries = JSON.parse(text) as Array<{ data: number[] }>;
    const importChain = async (json: string) => {
      const chooser = page.waitForEvent('filechooser');
      await fileAction(page, 'Import chain');
      await (await chooser).setFiles(wasmFile('chain.json', Buffer.from(json)));
    };

    // Go on past the export, then bring the chain in: init, connect and inc 2 come back from it.
    await connection.send('get');
    await expect(playground.timelineItems).toHaveCount(4);
    await importChain(text);
    await expect(playground.timelineItems).toHaveCount(3);
    await expect(playground.timelineItems.last()).toContainText('inc 2');
    await expect(playground.timelineItems.last()).toContainText('count: 2');

    entries[2]!.data[0] = entries[2]!.data[0]! ^ 1;
    await importChain(JSON.stringify(entries));
    await expect(page.getByRole('alert')).toContainText('Entry 2 (wasm) was altered');
    await expect(playground.timelineItems).toHaveCount(3);
  });
});

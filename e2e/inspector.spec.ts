import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { InspectorPanel, type HexRowText } from './inspector/inspectorPanel';
import { fileAction, Playground, TimelinePanel } from './playground';

/** The counter's state after one connect: 40 bytes of JSON. */
const COUNTER_STATE = '{"count":0,"connections":1,"history":[]}';
const bytesOf = (text: string) => [...Buffer.from(text)];
/** A byte list as the Inspector folds it: the first 8 bytes, then the size. */
const folded = (text: string) => `[${bytesOf(text).slice(0, 8).join(', ')}, … ${Buffer.byteLength(text)} bytes]`;
const hex = (text: string) => Buffer.from(text).toString('hex');
/** Bytes as the hex view writes them: two digits each, spaced. */
const spaced = (text: string) => hex(text).replace(/(..)(?!$)/g, '$1 ');
/** Every byte one side of the rendered rows shows, in order. */
const stream = (rows: HexRowText[], side: 'before' | 'after') => rows.map((row) => row[side].bytes).filter(Boolean).join(' ');

/** Loads an example, opens one connection and sends each command, waiting for its event. */
async function session(page: Page, actor: string, commands: string[]) {
  const playground = new Playground(page);
  await playground.goto();
  await playground.expectReady('echo');
  await playground.loadExample(actor);
  await playground.expectReady(actor);
  const connection = await playground.newConnection();
  for (const command of commands) {
    await connection.send(command);
    await expect(playground.timelineItems.last()).toContainText(command);
  }
  return { playground, connection, timeline: new TimelinePanel(page), inspector: new InspectorPanel(page) };
}

test.describe('the Inspector', () => {
  test('shows the call in WAVE and the counter change in JSON, text and hex', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { timeline, inspector } = await session(page, 'counter', ['inc 5', 'get']);
    // #0 init, #1 connect, #2 inc 5, #3 get: pick the one that changed the count.
    await timeline.row(2).click();
    await timeline.expectInspecting(2);

    await expect(inspector.call).toHaveText(`handle-message(some(${folded(COUNTER_STATE)}), ({ty: text, data: none, text: some("inc 5")},))`);
    const after = COUNTER_STATE.replace('"count":0', '"count":5');
    await expect(inspector.result).toHaveText(`ok((some(${folded(after)}), ({messages: [{ty: text, data: none, text: some("count: 5")}]},)))`);
    await expect(inspector.responses).toContainText('on the wire: text frame "count: 5"');
    await expect(inspector.region.getByRole('region', { name: 'Logs' })).toContainText('inc 5 -> count 5');
    await expect(inspector.summary).toHaveText('40 B → 40 B: 0 bytes added, 0 bytes removed, 1 byte changed');
    // Theater's chain hash of the event: SHA-1, asked of the engine once the selection settles.
    await expect(inspector.region.getByRole('definition').filter({ has: page.getByRole('button', { name: 'Copy chain hash' }) })).toHaveText(/^[0-9a-f]{40}\s*Copy$/);

    // JSON is the best view for a JSON state: the changed path with its old and new values.
    await expect(inspector.tab('JSON')).toHaveAttribute('aria-selected', 'true');
    await expect(inspector.changedPaths.getByRole('listitem')).toHaveCount(1);
    const change = inspector.changedPaths.getByRole('listitem').first();
    await expect(change).toHaveText('count changed 0 → 5');
    await expect(change.locator('del')).toHaveText('0');
    await expect(change.locator('ins')).toHaveText('5');

    await inspector.tab('Text').click();
    await expect(inspector.textDiff).toHaveText(`{"count":05,"connections":1,"history":[]}`);
    await expect(inspector.textDiff.locator('del')).toHaveText(['0']);
    await expect(inspector.textDiff.locator('ins')).toHaveText(['5']);

    await inspector.tab('Hex').click();
    await expect(inspector.hexTable).toBeVisible();
    await inspector.showUnchanged.check();
    // However many bytes a row holds in this pane: every byte is shown, and only offset 9 ("0" → "5") is marked.
    const rows = await inspector.hexRows();
    expect(stream(rows, 'before')).toBe(spaced(COUNTER_STATE));
    expect(stream(rows, 'after')).toBe(spaced(after));
    expect(rows.filter((row) => row.before.marked.length + row.after.marked.length > 0)).toEqual([
      { before: { offset: '0009', bytes: '30', marked: ['30'] }, after: { offset: '0009', bytes: '35', marked: ['35'] } },
    ]);

    await inspector.copyButton('Copy state after as hex').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(hex(after));
    await inspector.copyButton('Copy call as WAVE').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`handle-message(some([${bytesOf(COUNTER_STATE).join(', ')}]), ({ty: text, data: none, text: some("inc 5")},))`);
  });

  test('from a value or a byte, goes to the event that last changed it', async ({ page }) => {
    // #0 init, #1 connect, #2 inc 5 (count), #3 hello (history), #4 get (nothing).
    const { timeline, inspector } = await session(page, 'counter', ['inc 5', 'hello', 'get']);
    await timeline.row(3).click();
    await timeline.expectInspecting(3);
    const note = inspector.state.getByRole('status', { name: 'Last change' });

    const tree = inspector.state.getByRole('list', { name: 'JSON tree' });
    await tree.getByRole('button', { name: 'Find the last change to count', exact: true }).click();
    await timeline.expectInspecting(2);
    await expect(note).toHaveText('count was last changed by event #2 (asked at event #3).');
    await expect(inspector.changedPaths).toContainText('count changed 0 → 5');

    await timeline.row(4).click();
    await timeline.expectInspecting(4);
    await inspector.tab('Hex').click();
    // Offset 0x19 is the 1 of "connections":1, written by the connect.
    await inspector.state.getByRole('textbox', { name: 'Byte offset' }).fill('19');
    await inspector.state.getByRole('button', { name: 'Find last change' }).click();
    await timeline.expectInspecting(1);
    await expect(note).toHaveText('byte 0x19 was last changed by event #1 (asked at event #4).');

    await inspector.tab('Hex').click();
    await inspector.state.getByRole('textbox', { name: 'Byte offset' }).fill('zz');
    await inspector.state.getByRole('button', { name: 'Find last change' }).click();
    await expect(inspector.state.getByRole('alert')).toContainText('Write the offset in hex');
    await timeline.expectInspecting(1);
  });

  test('aligns an insertion: what follows it keeps its bytes, at new offsets', async ({ page }) => {
    const { inspector } = await session(page, 'counter', ['hello']);
    await expect(inspector.summary).toHaveText('40 B → 47 B: 7 bytes added, 0 bytes removed, 0 bytes changed');
    await expect(inspector.changedPaths.getByRole('listitem')).toHaveText(['history[0] added "hello"']);

    await inspector.tab('Hex').click();
    await inspector.showUnchanged.check();
    const rows = await inspector.hexRows();
    const before = '{"count":0,"connections":1,"history":[]}';
    expect(stream(rows, 'before')).toBe(spaced(before));
    expect(stream(rows, 'after')).toBe(spaced(before.replace('[]', '["hello"]')));
    // The insertion: nothing on the left, `"hello"` marked on the right from offset 38 (0x26).
    const inserted = rows.filter((row) => row.before.offset === '');
    expect(inserted[0]?.after.offset).toBe('0026');
    expect(stream(inserted, 'after')).toBe(spaced('"hello"'));
    expect(inserted.every((row) => row.after.marked.join(' ') === row.after.bytes)).toBe(true);
    // The closing `]}` is unchanged: the same bytes, at 38 before and 45 after, on one row.
    expect(rows.at(-1)).toEqual({ before: { offset: '0026', bytes: '5d 7d', marked: [] }, after: { offset: '002d', bytes: '5d 7d', marked: [] } });
  });

  test('shows a protocol warning and a trap', async ({ page }) => {
    const { inspector } = await session(page, 'faulty', ['notext']);
    await expect(inspector.call).toContainText('text: some("notext")');
    await expect(inspector.responses.getByRole('note')).toHaveText('⚠ protocol warning: dropped: a text message without `text` is not sent');
    await expect(inspector.result).toContainText('{messages: [{ty: text, data: none, text: none}]}');

    await new Playground(page).connection(1).send('trap');
    await expect(inspector.region.getByRole('heading', { level: 2 })).toContainText('#2');
    await expect(inspector.result).toHaveText(/^trap: .+/);
    await expect(inspector.region.getByRole('definition').first()).toContainText('trap');
    await expect(inspector.region).toContainText('nothing committed');
    await expect(inspector.state).toContainText('The call left the state as it was.');
    await expect(inspector.responses).toContainText('None: a failed call sends nothing.');
  });

  test('renders only the visible rows of a 1 MiB state', async ({ page }) => {
    const { inspector } = await session(page, 'faulty', ['huge 1']);
    await expect(inspector.summary).toHaveText('11 B → 1.00 MB: 1,048,585 bytes added, 0 bytes removed, 1 byte changed');
    await inspector.tab('Hex').click();
    const rowCount = Number(await inspector.hexTable.getAttribute('aria-rowcount'));
    expect(rowCount).toBeGreaterThan(1024 * 1024 / 16);
    expect((await inspector.hexRows()).length).toBeLessThan(30);
    await inspector.tab('JSON').click();
    await expect(inspector.changedPaths.getByRole('listitem')).toHaveText(['calls changed 1 → 2', /^pad added "x{120}"… \(1048576 chars\)$/]);
  });

  test("computes a large state's chain hash when asked: the hash the exported chain ends with", async ({ page }) => {
    const { inspector } = await session(page, 'faulty', ['huge 1']);
    // A MiB of state is hashed only on request (it keeps the actor busy), then shown with a copy button.
    await inspector.region.getByRole('button', { name: 'Compute chain hash' }).click();
    const hash = inspector.region.getByRole('definition').filter({ has: page.getByRole('button', { name: 'Copy chain hash' }) });
    await expect(hash).toHaveText(/^[0-9a-f]{40}\s*Copy$/);
    const downloading = page.waitForEvent('download');
    await fileAction(page, 'Export chain');
    const text = await (await (await downloading).createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString());
    // The entry that holds the state, hashed here by Theater's rule: SHA-1 of its JSON with an empty hash.
    const { hash: written, ...entry } = (JSON.parse(text) as Array<{ hash: number[]; parent_hash: number[]; event_type: string; data: number[] }>).at(-1)!;
    const expected = createHash('sha1').update(JSON.stringify({ hash: [], ...entry })).digest('hex');
    expect(Buffer.from(written).toString('hex')).toBe(expected);
    await expect(hash).toHaveText(new RegExp(`^${expected}\\s*Copy$`));
  });
});

import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { HANDLE_MESSAGE_FUNCTION } from '../src/core/chain/chainValues';
import { wasmCall, wasmResult, writeChain } from '../src/runtime/testing/theaterChains';
import { echoWithHistory, fileAction, Playground } from './playground';

/** Theater's chains beside the repository (`../shared/fixtures/theater-chains/`), chosen in the file dialog as a person would. */
const fixture = (name: string): string => fileURLToPath(new URL(`../../shared/fixtures/theater-chains/${name}`, import.meta.url));

async function importChain(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<string | null> {
  const chooser = page.waitForEvent('filechooser');
  await fileAction(page, 'Import chain');
  const dialog = await chooser;
  const accept = await dialog.element().getAttribute('accept');
  await dialog.setFiles(file);
  return accept;
}

test.describe("Theater's event chains", () => {
  test('every fixture comes in whole: calls replayable, the rest marked read-only, the text format said to be unverifiable', async ({ page }) => {
    const playground = new Playground(page);
    const inspector = page.getByRole('region', { name: 'Inspector' });
    const note = page.getByRole('note', { name: 'Imported chain' });
    await playground.goto();
    await playground.expectReady('echo');

    // The picker offers both of Theater's formats.
    const accept = await importChain(page, fixture('websocket.json'));
    expect(accept?.split(',')).toEqual(expect.arrayContaining(['.json', '.chain']));
    await expect(playground.timelineItems).toHaveCount(5);
    await expect(playground.timelineItems.nth(2)).toContainText('text "hello"');
    await expect(playground.timelineItems.nth(2)).toContainText('you said hello');
    await expect(playground.timelineItems.nth(2)).toContainText('got hello');
    // A chain records no connections: the calls come back with none, and no client is invented for them.
    await expect(playground.timelineItems.nth(2)).toContainText('no conn');
    await expect(page.getByRole('region', { name: /^Connection #\d+$/ })).toHaveCount(0);
    await expect(playground.timelineItems.filter({ hasText: 'read-only: from an imported Theater chain' })).toHaveCount(0);
    await expect(note).toHaveCount(0);
    await playground.expectReady('echo');

    await importChain(page, fixture('init-logs.json'));
    await expect(playground.timelineItems).toHaveCount(1);
    await expect(playground.timelineItems.first()).toContainText('greeter starting');
    await expect(inspector.getByRole('region', { name: 'Logs' })).toContainText('no saved state, starting fresh');

    // Pack values and resource calls shown as written; the shutdown entry stops the actor.
    await importChain(page, fixture('host-values.json'));
    await expect(playground.timelineItems).toHaveCount(2);
    await expect(playground.timelineItems.last()).toContainText('read-only');
    await expect(playground.timelineItems.last()).toContainText('shutdown: the actor stopped');
    await expect(playground.status).toHaveText(/echo\s+stopped/i);
    await expect(note).toHaveText('1 event from an imported Theater chain is read-only: shown, not replayable.');
    await expect(inspector).toContainText('from an imported Theater chain: shown, not replayable');
    await playground.timelineItems.first().click();
    const entries = inspector.getByRole('region', { name: 'Chain entries' });
    await expect(entries.getByRole('listitem')).toHaveCount(7);
    await expect(entries).toContainText('{"U64":42}');
    await expect(entries).toContainText('wasi:http/types@0.2.0/[resource-drop]incoming-request');
    // The host calls too, as the chain wrote them: Pack's tagged values are JSON, not WIT records.
    const hostCalls = inspector.getByRole('region', { name: 'Host calls' }).getByRole('listitem');
    await expect(hostCalls.first()).toHaveText(/^wasi:clocks\/monotonic-clock@0\.2\.3\.now\(\{"Tuple":\[\]\}\) → \{"U64":1700000000123456800\}\s*as written/);
    await expect(hostCalls.nth(2)).toHaveText(/^theater:simple\/store\.get\(\["store-1","greeting"\]\) → \{"Ok":\[104,105\]\}/);

    await importChain(page, fixture('greeter.chain'));
    await expect(playground.timelineItems).toHaveCount(3);
    await expect(playground.timelineItems.filter({ hasText: 'read-only: from an imported Theater chain' })).toHaveCount(3);
    await expect(playground.timelineItems.nth(0)).toContainText('call init');
    await expect(playground.timelineItems.nth(1)).toContainText('log "greeter starting"');
    await expect(playground.timelineItems.nth(2)).toContainText('result of init');
    await expect(note).toContainText("From Theater's text chain format (.chain): parent links checked; its hashes cover a binary encoding the playground cannot reproduce, so they were not verified.");
    await expect(note).toContainText('Nothing in this chain can be replayed');
    await expect(page.getByRole('group', { name: 'Replay' }).getByRole('button', { name: 'Replay', exact: true })).toBeDisabled();
    await playground.timelineItems.nth(2).click();
    await expect(inspector.getByRole('region', { name: 'Chain entries' })).toContainText('Greeter{greeting: "hi", seen: 0u32}');
    await expect(inspector).toContainText('not verifiable here');
    // Theater's chain entries carry no times: none is made up.
    await expect(inspector).toContainText("not recorded: Theater's chain entries carry no times");
    await expect(playground.timelineItems.nth(2).locator('time')).toHaveCount(0);
    await expect(playground.timelineItems.nth(2)).toContainText('—');
  });

  test('a tampered or broken chain is refused at its entry, and the loaded actor and its history survive', async ({ page }) => {
    const { playground, connection } = await echoWithHistory(page);
    await expect(playground.timelineItems).toHaveCount(2);

    const refusals: Array<[string | { name: string; mimeType: string; buffer: Buffer }, string | RegExp]> = [
      [fixture('tampered-entry-2.json'), 'Entry 2 (theater:simple/runtime/log) was altered: its hash does not match its content. Nothing was imported.'],
      [fixture('broken-parent-4.json'), /Entry 4: its parent_hash \([0-9a-f]{40}\) is not the hash of entry 3 \([0-9a-f]{40}\): a broken parent link/],
      [{ name: 'notes.chain', mimeType: 'text/plain', buffer: Buffer.from('just some notes') }, 'This is neither a Theater chain in JSON'],
      [{ name: 'broken.chain', mimeType: 'text/plain', buffer: Buffer.from(`---\nhash: ${'1'.repeat(40)}\nparent: ${'2'.repeat(40)}\nx\n`) }, "Entry 0: the first entry's parent must be root"],
    ];
    for (const [file, message] of refusals) {
      await importChain(page, file);
      await expect(playground.alert).toContainText(message);
      await expect(playground.timelineItems).toHaveCount(2);
      await playground.expectReady('echo');
    }

    // Same actor, same history, same connection: the bad chains changed nothing.
    await connection.send('after');
    await expect(connection.received('after')).toHaveCount(1);
    await expect(playground.timelineItems).toHaveCount(3);
  });

  test('host-call values from a chain are shown as written, in the timeline and the Inspector, u64s past 2^53 digit for digit', async ({ page }) => {
    const playground = new Playground(page);
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await playground.goto();
    await playground.expectReady('echo');
    const host = (fn: string, input: string, output: string) => ({
      eventType: `theater:simple/store/${fn}`,
      payload: `{"category":"HostFunction","interface":"theater:simple/store","function":"${fn}","input":${input},"output":${output}}`,
    });
    const jsonBytes = (text: string) => JSON.stringify([...Buffer.from(text)]);
    // serde writes a u64 as a bare JSON number, which JSON.parse would read as 18446744073709552000.
    const chain = writeChain([
      wasmCall(HANDLE_MESSAGE_FUNCTION, [{ ty: 'Text', data: null, text: 'hi' }]),
      host('new', '{"Tuple":[]}', '{"Ok":"store-1"}'),
      host('calculate-total-size', jsonBytes('"store-1"'), '{"U64":18446744073709551615}'),
      host('get-by-label', '{"Tuple":[{"String":"store-1"},{"String":"latest"}]}', jsonBytes('{"Result":{"Ok":{"Option":null}}}')),
      wasmResult(HANDLE_MESSAGE_FUNCTION, null, [{ messages: [{ ty: 'Text', data: null, text: 'hi' }] }]),
    ]);
    await importChain(page, { name: 'store.json', mimeType: 'application/json', buffer: Buffer.from(chain) });
    await expect(playground.timelineItems).toHaveCount(1);
    const row = playground.timelineItems.first();
    await expect(row).toContainText('theater:simple/store.new({"Tuple":[]}) → {"Ok":"store-1"}');
    await expect(row).toContainText('theater:simple/store.calculate-total-size("store-1") → {"U64":18446744073709551615}');

    await row.click();
    await expect(inspector.getByRole('region', { name: 'Host calls' }).getByRole('listitem')).toHaveText([
      /^theater:simple\/store\.new\(\{"Tuple":\[\]\}\) → \{"Ok":"store-1"\}\s*as written/,
      /^theater:simple\/store\.calculate-total-size\("store-1"\) → \{"U64":18446744073709551615\}\s*as written/,
      // A Pack tuple is the call's one input value, shown whole.
      /^theater:simple\/store\.get-by-label\(\{"Tuple":\[\{"String":"store-1"\},\{"String":"latest"\}\]\}\) → \{"Result":\{"Ok":\{"Option":null\}\}\}\s*as written/,
    ]);
    await expect(inspector.getByRole('region', { name: 'Chain entries' })).toContainText('{"U64":18446744073709551615}');
  });

  test("a replay re-runs an imported chain's calls and skips its read-only entries", async ({ page }) => {
    const playground = new Playground(page);
    await playground.goto();
    await playground.expectReady('echo');
    await importChain(page, fixture('host-values.json'));
    await expect(playground.timelineItems).toHaveCount(2);
    await page.getByRole('button', { name: 'Replay', exact: true }).click();
    // Echo has no init, so the recorded init diverges; the shutdown entry is shown, not replayed.
    await expect(page.getByRole('region', { name: 'Replay report' })).toContainText('0 of 2 events matched, 1 diverged, 1 skipped. First divergence at event #0.');
  });
});

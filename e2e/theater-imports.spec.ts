import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { shapesActorBytes } from '../src/runtime/testing/shapesActor';
import { Loader, Playground, TimelinePanel, Workbench } from './playground';

/** A component from `../shared/fixtures/actors/` beside the repository (read-only, never copied in). */
const fixtureActor = (name: string): string => fileURLToPath(new URL(`../../shared/fixtures/actors/${name}.wasm`, import.meta.url));

/** Loads a fixture through the `Load actor` input and opens the Component tab, where the imports are listed. */
async function loadFixture(page: Page, name: string) {
  const playground = new Playground(page);
  const bench = new Workbench(page);
  await playground.goto();
  await playground.expectReady('echo');
  await playground.loadFile(fixtureActor(name));
  await playground.expectReady(name);
  await bench.componentTab.click();
  const timeline = new TimelinePanel(page);
  return { playground, timeline, loader: new Loader(page), hostCalls: timeline.inspector.getByRole('region', { name: 'Host calls' }) };
}

/** The per-function lines of one import in the Component tab. */
const functionLines = (playground: Playground, iface: string) => playground.component.getByRole('list', { name: `${iface} functions`, exact: true }).getByRole('listitem');

test.describe("Theater's real runtime and stubbed imports", () => {
  test('get-chain.wasm: the runtime is provided function by function, and `chain` counts the recorded chain', async ({ page }) => {
    const { playground, timeline, loader, hostCalls } = await loadFixture(page, 'get-chain');
    await expect(loader.summary).not.toContainText('stubbed');
    await expect(page.getByRole('note', { name: 'Stubbed imports' })).toHaveCount(0);
    const imports = playground.component.getByRole('list', { name: 'Imports', exact: true });
    await expect(imports.getByRole('listitem').filter({ hasText: 'theater:simple/types' }).first()).toContainText('types only');
    await expect(functionLines(playground, 'theater:simple/runtime')).toHaveText([
      /^log provided by the playground recorded on the event/,
      /^get-chain provided by the playground the actor's chain so far/,
      /^shutdown provided by the playground stops the actor/,
    ]);

    // #0 init and #1 connect wrote three entries each (call, log, result); the running call's own comes first.
    const connection = await playground.newConnection();
    await connection.send('chain');
    await expect(connection.received('chain has 7 events')).toHaveCount(1);
    await connection.send('hello');
    await expect(connection.received('hello')).toHaveCount(1);
    await connection.send('chain');
    await expect(connection.received('chain has 13 events')).toHaveCount(1);

    await timeline.row(2).click();
    await timeline.expectInspecting(2);
    await expect(hostCalls.getByRole('listitem')).toHaveText([/^theater:simple\/runtime\.get-chain\(\) → \{events: \[\{hash: 0, event: \{event-type: "wasm", data: \[/]);
    await expect(hostCalls.getByRole('listitem').first()).not.toContainText('stubbed');
  });

  test('resource-import.wasm: both interfaces stubbed, each text answered with defaults, every resource call recorded', async ({ page }) => {
    const { playground, timeline, loader, hostCalls } = await loadFixture(page, 'resource-import');
    await expect(loader.summary).toContainText('2 stubbed');
    await expect(page.getByRole('note', { name: 'Stubbed imports' })).toContainText('Both interfaces are stubbed (hpcc-js:expat/defs and hpcc-js:expat/resources)');
    await expect(functionLines(playground, 'hpcc-js:expat/defs')).toHaveText([
      '[constructor]callback stubbed returns <new callback>',
      '[method]callback.start-element stubbed returns nothing',
      '[method]callback.end-element stubbed returns nothing',
      '[method]callback.character-data stubbed returns nothing',
      '[resource-drop]callback stubbed recorded',
    ]);
    const resources = functionLines(playground, 'hpcc-js:expat/resources');
    await expect(resources.filter({ hasText: '[method]expat.parse' })).toHaveText('[method]expat.parse stubbed returns false');
    await expect(resources.filter({ hasText: '[method]expat.version' })).toHaveText('[method]expat.version stubbed returns ""');
    await expect(resources.filter({ hasText: '[constructor]expat' })).toHaveText('[constructor]expat stubbed returns <new expat>');

    const connection = await playground.newConnection();
    await connection.send('<doc/>');
    await expect(connection.received('parsed=false version= tag=')).toHaveCount(1);
    await connection.send('second');
    await expect(connection.received('parsed=false version= tag=')).toHaveCount(2);

    // #0 connect, #1 and #2 the texts: the second call's resources are the second of each type.
    await timeline.row(2).click();
    await timeline.expectInspecting(2);
    await expect(hostCalls.getByRole('listitem')).toHaveText([
      /^hpcc-js:expat\/defs\.\[constructor\]callback\(\) → 2\s*stubbed/,
      /^hpcc-js:expat\/resources\.\[constructor\]expat\(2\) → 2\s*stubbed/,
      /^hpcc-js:expat\/resources\.\[method\]expat\.parse\(2, "second"\) → false\s*stubbed/,
      /^hpcc-js:expat\/resources\.\[method\]expat\.version\(2\) → ""\s*stubbed/,
      /^hpcc-js:expat\/resources\.\[method\]expat\.tag\(2\) → ""\s*stubbed/,
      /^hpcc-js:expat\/defs\.\[resource-drop\]callback\(2\)\s*stubbed/,
      /^hpcc-js:expat\/resources\.\[resource-drop\]expat\(2\)\s*stubbed/,
    ]);
  });

  test("functions named by JavaScript reserved words (Theater's store.new) load, listed, answered and recorded by their WIT names", async ({ page }) => {
    const playground = new Playground(page);
    const timeline = new TimelinePanel(page);
    await playground.goto();
    await playground.expectReady('echo');
    // Built at test time from src/runtime/testing/shapes/: its interface has `new`, `delete`, `import` and a resource's `delete` and `new`.
    await playground.loadFile({ name: 'shapes.wasm', mimeType: 'application/wasm', buffer: Buffer.from(await shapesActorBytes()) });
    await playground.expectReady('shapes');
    await new Workbench(page).componentTab.click();
    const lines = functionLines(playground, 'test:shapes/all');
    await expect(lines.filter({ hasText: /^new / })).toHaveText('new stubbed returns ""');
    await expect(lines.filter({ hasText: /^delete / })).toHaveText('delete stubbed returns false');
    await expect(lines.filter({ hasText: /^import / })).toHaveText('import stubbed returns 0');
    await expect(lines.filter({ hasText: '[static]blob.new' })).toHaveText('[static]blob.new stubbed returns <new blob>');

    const connection = await playground.newConnection();
    await connection.send('reserved');
    await expect(connection.received('{new:"",delete:false,import:0,blobDelete:false,blobNew:true}')).toHaveCount(1);
    await timeline.row(1).click();
    await timeline.expectInspecting(1);
    const hostCalls = timeline.inspector.getByRole('region', { name: 'Host calls' }).getByRole('listitem');
    await expect(hostCalls.filter({ hasText: 'test:shapes/all.new()' })).toHaveText(/^test:shapes\/all\.new\(\) → ""\s*stubbed/);
    await expect(hostCalls.filter({ hasText: 'test:shapes/all.delete(' })).toHaveText(/^test:shapes\/all\.delete\("x"\) → false\s*stubbed/);
  });
});

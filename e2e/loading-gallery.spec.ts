import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { Loader, Playground, wasmFile } from './playground';

interface CatalogEntry {
  name: string;
  description: string;
  source: string;
  sourceUrl: string;
  gallery?: boolean;
}

const sourceText = (path: string): string => readFileSync(fileURLToPath(new URL(`../${path}`, import.meta.url)), 'utf8');
const TIME = String.raw`\d+(\.\d+)? m?s`;

test.describe('loading from the example gallery', () => {
  test('every example is described, links to its served source, and loads to ready', async ({ page, request }) => {
    test.setTimeout(180_000);
    const playground = new Playground(page);
    const loader = new Loader(page);
    await playground.goto();
    await playground.expectReady('echo');
    const catalog = (await (await request.get('./actors/catalog.json')).json()) as CatalogEntry[];
    expect(catalog.map((entry) => entry.name)).toEqual(expect.arrayContaining(['echo', 'counter', 'counter-v2', 'minimal', 'faulty', 'imports']));

    // The Editor's host is built with the examples but is no actor to pick: the gallery leaves it out.
    expect(catalog.some((entry) => entry.name === 'editor-host' && entry.gallery === false)).toBe(true);
    await expect(loader.example('editor-host')).toHaveCount(0);
    for (const entry of catalog.filter((e) => e.gallery !== false)) {
      const card = loader.example(entry.name);
      await expect(card).toContainText(entry.description);
      // The link opens the source in a new tab, and the file it names is the example's own source.
      const link = loader.sourceLink(entry.name);
      await expect(link).toHaveAttribute('target', '_blank');
      const href = await link.getAttribute('href');
      expect(href).toBe(entry.sourceUrl);
      const served = await request.get(new URL(href!, page.url()).href);
      expect(served.status(), `${href} is served`).toBe(200);
      expect(await served.text()).toBe(sourceText(entry.source));

      await playground.loadExample(entry.name);
      await playground.expectReady(entry.name);
      await expect(card).toContainText(/\bloaded\b/i);
      await expect(loader.summary).toContainText(entry.name);
    }
  });

  test('loading shows each stage with the time it took, and a progress bar while it runs', async ({ page }) => {
    const playground = new Playground(page);
    const loader = new Loader(page);
    // Hold the download so the first stage is seen running.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/actors/counter.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await playground.goto();
    await playground.expectReady('echo');

    await playground.loadExample('counter');
    await expect(playground.status).toHaveText(/counter\s+loading/i);
    await expect(loader.progress('counter')).toHaveAttribute('aria-valuenow', '0');
    await expect(loader.stages.getByRole('listitem').first()).toHaveText(new RegExp(`^\\s*reading\\s+${TIME}…\\s*$`));
    release();

    await playground.expectReady('counter');
    await expect(loader.progress('counter')).toHaveCount(0);
    // counter exports theater:simple/actor, so init ran too; it comes transpiled with the app's
    // build, so inspecting and transpiling did not run, and say so rather than taking no time.
    const ran = (stage: string) => new RegExp(`^\\s*${stage}\\s+${TIME}\\s*$`);
    const skipped = (stage: string) => new RegExp(`^\\s*${stage}\\s+skipped\\s*$`);
    await expect(loader.stages.getByRole('listitem')).toHaveText([ran('reading'), skipped('inspecting'), skipped('transpiling'), ran('compiling'), ran('instantiating'), ran('init')]);
    await expect(loader.summary).toContainText(new RegExp(`counter.*loaded in ${TIME}`));
    await expect(loader.summary).toContainText(/init\s*yes, ran at load/);

    // echo has no init: that stage is marked as not run, not as taking time.
    await playground.loadExample('echo');
    await playground.expectReady('echo');
    await expect(loader.stages.getByRole('listitem').last()).toHaveText(/^\s*init\s+none\s*$/);
    await expect(loader.summary).toContainText(/init\s*none/);
  });

  test('the summary names exports and imports, and marks the stubbed ones', async ({ page }) => {
    const playground = new Playground(page);
    const loader = new Loader(page);
    await playground.goto();
    await playground.expectReady('echo');
    await playground.loadExample('imports');
    await playground.expectReady('imports');
    await expect(loader.summary).toContainText('theater:simple/websocket-server');
    await expect(loader.summary).toContainText('1 stubbed');
    await expect(loader.summary).toContainText('theater:simple/kv (stubbed)');
    await expect(loader.summary).not.toContainText('theater:simple/runtime (stubbed)');
    await expect(loader.summary).toContainText('theater:simple/runtime');
  });

  test('a load that fails says where, with an alert, and the previous actor stays loaded', async ({ page }) => {
    const playground = new Playground(page);
    const loader = new Loader(page);
    await playground.goto();
    await playground.expectReady('echo');
    await playground.loadFile(wasmFile('core.wasm', Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00])));
    await expect(playground.alert).toContainText('This is a core WebAssembly module, not a component');
    await expect(playground.alert).toContainText('wasm-tools component new');
    await expect(loader.report).toContainText('Could not load core.wasm · echo is still loaded and answering');
    await expect(loader.stages.getByRole('listitem')).toHaveText([new RegExp(`reading\\s+${TIME}`), /inspecting\s+failed/, /transpiling/, /compiling/, /instantiating/, /init/]);
    await expect(loader.summary).toContainText('echo');
    await playground.expectReady('echo');

    // A damaged session file dropped on Load actor is an import: its alert, and no longer the report of the core module's load.
    await playground.loadFile({ name: 'broken.json.gz', mimeType: 'application/gzip', buffer: Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5]) });
    await expect(playground.alert).toContainText('The session file could not be read');
    await expect(loader.report).not.toContainText('Could not load core.wasm');
    await expect(loader.summary).toContainText('echo');
    await playground.expectReady('echo');
    const connection = await playground.newConnection();
    await connection.send('still here');
    await expect(connection.received('still here')).toHaveCount(1);
  });
});

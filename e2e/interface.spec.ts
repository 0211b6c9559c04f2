import { expect, test, type Locator, type Page } from '@playwright/test';
import { LOAD_TIMEOUT, Playground, Workbench } from './playground';

/** A colour variable of styles.css as the browser resolves it on the page (`rgb(..)`). */
const cssColour = (page: Page, variable: string): Promise<string> =>
  page.evaluate((name) => {
    const probe = document.createElement('span');
    probe.style.color = `var(${name})`;
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }, variable);

/** The editor's text without whitespace: Monaco wraps long lines and writes spaces as no-break spaces. */
const witText = async (wit: Locator): Promise<string> => ((await wit.locator('.view-lines').textContent()) ?? '').replace(/\s+/g, '');

/** Echo ready, the Interface tab open, and its WIT pane grown as far as it goes. */
async function openWit(page: Page): Promise<{ playground: Playground; bench: Workbench }> {
  const playground = new Playground(page);
  const bench = new Workbench(page);
  await playground.goto();
  await playground.expectReady('echo');
  await bench.openInterface();
  // End on a separator grows the pane before it as far as the others allow (the splitter pattern).
  await bench.separator('Resize WIT and Selected call').press('End');
  return { playground, bench };
}

/** The first token Monaco rendered with exactly this text. */
const token = (wit: Locator, text: string): Locator => wit.locator('.view-line span span').filter({ hasText: new RegExp(`^${text}$`) }).first();

test.describe('the Interface tab', () => {
  // Monaco renders only the lines in view: a tall window, and the WIT pane grown (below), keep
  // the whole world in view.
  test.use({ viewport: { width: 1280, height: 1200 } });

  test('shows the component WIT in Monaco with WIT highlighting, beside the interface documentation', async ({ page }) => {
    const { bench } = await openWit(page);

    // Monaco draws the lines as it lays them out: wait for the whole world, not its first line.
    await expect.poll(() => witText(bench.wit)).toContain('worldroot{');
    await expect.poll(() => witText(bench.wit)).toContain('exporttheater:simple/websocket-server;');

    // Highlighted by the `wit` tokenizer: a keyword and a built-in type each get a colour class of
    // their own, in the colours the WIT theme takes from the page's syntax palette.
    const keyword = token(bench.wit, 'export');
    const type = token(bench.wit, 'string');
    const identifier = token(bench.wit, 'websocket-server');
    // Monaco tokenizes in slices of time: on a busy machine a later line may still be plain a moment longer.
    for (const part of [keyword, type, identifier]) await expect(part).toHaveClass(/\bmtk\d+\b/);
    const classOf = async (locator: Locator) => /\bmtk(\d+)\b/.exec((await locator.getAttribute('class')) ?? '')?.[1];
    const [keywordClass, typeClass, identifierClass] = await Promise.all([classOf(keyword), classOf(type), classOf(identifier)]);
    expect(new Set([keywordClass, typeClass, identifierClass]).size).toBe(3);
    await expect(keyword).toHaveCSS('color', await cssColour(page, '--syntax-keyword'));
    await expect(type).toHaveCSS('color', await cssColour(page, '--syntax-type'));

    await expect(bench.docs.getByRole('heading', { name: 'WebSocket Server Interface' })).toBeVisible();
    await expect(bench.docs.getByRole('heading', { name: 'Purpose', exact: true }).first()).toBeAttached();
    await expect(bench.docs.getByRole('region', { name: 'func handle-message' })).toContainText('handle-message: func(state: option<list<u8>>, params: tuple<websocket-message>)');
    await expect(bench.docs.getByRole('region', { name: 'variant message-type' })).toContainText('A new connection was established');
  });

  test('follows the loaded component: another example shows its own imports and exports', async ({ page }) => {
    const { playground, bench } = await openWit(page);
    await expect.poll(() => witText(bench.wit)).toContain('exporttheater:simple/websocket-server;');
    expect(await witText(bench.wit)).not.toContain('theater:simple/runtime');

    await playground.loadExample('counter');
    await playground.expectReady('counter');
    await expect.poll(() => witText(bench.wit), { timeout: LOAD_TIMEOUT }).toContain('importtheater:simple/runtime;');
    expect(await witText(bench.wit)).toContain('exporttheater:simple/actor;');
    // The component tab lists the same exports (the e2e contract of the `Component` region).
    await bench.componentTab.click();
    await expect(playground.component.getByRole('list', { name: 'Exports' })).toContainText('theater:simple/websocket-server');
  });

  test('annotates the selected call against the WIT, field by field', async ({ page }) => {
    const playground = new Playground(page);
    const bench = new Workbench(page);
    await playground.goto();
    await playground.expectReady('echo');
    const connection = await playground.newConnection();
    const sent = 'hi "there" \\ ünï';
    await connection.sendWithEnter(sent);
    await expect(connection.received(sent)).toHaveCount(1);

    await bench.openInterface();
    await expect(bench.selectedCall).toContainText('#1');
    // WAVE writes the string with its quote and backslash escaped.
    const wave = `some("hi \\"there\\" \\\\ ünï")`;
    await expect(bench.field('params.0.text').getByRole('cell')).toHaveText(wave);
    await expect(bench.field('params.0.ty').getByRole('cell')).toHaveText('text');
    await expect(bench.field('params.0.data').getByRole('cell')).toHaveText('none');
    await expect(bench.field('params.0.text').getByRole('rowheader')).toHaveText('params.0.text: option<string>');
    await expect(bench.field('state').getByRole('rowheader')).toHaveText('state: option<list<u8>>');
    // The echo comes back in the result, with what went on the wire.
    await expect(bench.field('result.ok.1.0.messages[0].text').getByRole('cell')).toHaveText(wave);
    await expect(bench.field('result.ok.1.0.messages[0]').getByRole('cell')).toContainText('sent as a text frame');

    // The annotation follows the cursor: one step back is the connect.
    await page.keyboard.press('[');
    await expect(bench.selectedCall).toContainText('#0');
    await expect(bench.field('params.0.ty').getByRole('cell')).toHaveText('connect');
    await expect(bench.field('params.0.text').getByRole('cell')).toHaveText('none');
  });
});

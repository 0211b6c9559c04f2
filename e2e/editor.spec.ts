import { expect, test, type Locator, type Page } from '@playwright/test';
import { buildActor } from '../src/server/actorBuild/buildActor';
import { fileAction, LOAD_TIMEOUT, Playground, wasmFile } from './playground';

// One page for the file: the Editor's runs replace the actor each time, as a learner's do.
test.describe.configure({ mode: 'serial' });

let page: Page;
let playground: Playground;
let editor: EditorTab;

/** The Editor tab as a learner uses it. */
class EditorTab {
  readonly tab: Locator;
  readonly source: Locator;
  readonly run: Locator;
  readonly replay: Locator;
  readonly status: Locator;
  readonly problem: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: 'Editor', exact: true });
    const panel = page.getByRole('region', { name: 'Editor' });
    this.source = panel.getByRole('textbox', { name: 'Actor source' });
    this.run = panel.getByRole('button', { name: 'Run actor' });
    this.replay = panel.getByRole('button', { name: 'Replay against this code' });
    this.status = panel.getByRole('status', { name: 'Editor status' });
    this.problem = panel.locator('.editor__problem');
  }

  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.page.locator('[data-mode-id="javascript"] .view-line').first()).toBeVisible({ timeout: 30_000 });
  }

  /** Presses Run actor and waits for the run to end well (every run here follows an edit, so the status changes). */
  async runActor(): Promise<void> {
    await this.run.click();
    await expect(this.status).toContainText(/^Running this source \(loaded in/, { timeout: LOAD_TIMEOUT });
  }

  async useTemplate(title: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Template' }).selectOption({ label: title });
    await this.page.getByRole('button', { name: 'Use template' }).click();
  }

  /** Replaces the whole source, as a paste does. */
  async replaceSource(text: string): Promise<void> {
    await this.source.focus();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }

  /** Replaces the first occurrence of `from` with `to` through the editor, as typing would. */
  async edit(from: string, to: string): Promise<void> {
    const text = await this.text();
    expect(text).toContain(from);
    await this.replaceSource(text.replace(from, to));
  }

  /** The source as the model holds it (Monaco's lines as drawn are virtualised). */
  text(): Promise<string> {
    return this.page.evaluate(() => (JSON.parse(localStorage.getItem('theater-playground.editor-draft') ?? '{}') as { text?: string }).text ?? '');
  }
}

test.beforeAll(async ({ browser }, testInfo) => {
  page = await browser.newPage({ baseURL: testInfo.project.use.baseURL! });
  playground = new Playground(page);
  await playground.goto();
  await playground.expectReady('echo');
  editor = new EditorTab(page);
  await editor.open();
});

test.afterAll(async () => {
  await page?.close();
});

test('the Editor opens with room for code, and the chat stays usable beside it', async () => {
  // The side pane starts at a quarter of the page; the Editor widens it once, as it first shows.
  const width = (await page.getByRole('region', { name: 'Editor' }).boundingBox())?.width ?? 0;
  expect(width).toBeGreaterThan(420);
  const connection = await playground.newConnection();
  // The composer's Send still fits in the Connections pane, left of the events (the panes' bottoms
  // clip on a short window anyway).
  const send = (await connection.sendButton.boundingBox())!;
  const events = (await playground.timeline.boundingBox())!;
  expect(send.x + send.width).toBeLessThan(events.x);
  await connection.closeButton.click();
});

test('edit the echo template, run it, and chat with the edited actor', async () => {
  await editor.useTemplate('Echo');
  await expect(editor.status).toContainText('The loaded actor is echo, not this source');
  await editor.edit("text(message.text ?? '')", "text('you said: ' + (message.text ?? ''))");
  await editor.runActor();
  await playground.expectReady('editor.js');
  await expect(editor.status).toContainText(/Running this source \(loaded in [\d.]+ m?s\)/);
  const connection = await playground.newConnection();
  await expect(connection.received('Welcome! I send back whatever you send me.')).toHaveCount(1);
  await connection.sendWithEnter('hi');
  await expect(connection.received('you said: hi')).toHaveCount(1);
  // The import it reads its source through is the playground's own, and says so.
  await page.getByRole('tab', { name: 'Component', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Imports' }).getByRole('listitem').filter({ hasText: 'playground:editor/source' }).first()).toContainText("the playground's own, for the Editor");
  await editor.tab.click();
});

test('a syntax error points at its line and loads nothing', async () => {
  await editor.edit("return [state, [{ messages: [text('you said: ' + (message.text ?? ''))] }]];", "return [state, [{ messages: [text('oops' +)] }]];");
  await editor.run.click();
  await expect(editor.problem).toHaveText(/^Line 13, column \d+: Unexpected token/);
  await expect(page.locator('[data-mode-id="javascript"] .squiggly-error').first()).toBeAttached();
  // The actor that was running keeps running.
  await playground.expectReady('editor.js');
  await expect(editor.status).toContainText('Run actor failed: the actor loaded before it is still running');
});

test('a runtime error is the call’s err, and the Editor points at the line that threw', async () => {
  await editor.useTemplate('Fails on purpose');
  await expect(editor.problem).toHaveCount(0);
  await editor.runActor();
  await playground.expectReady('editor.js');
  const connection = await playground.newConnection();
  await connection.sendWithEnter('add');
  await expect(connection.received('count: 1')).toHaveCount(1);
  await connection.sendWithEnter('crash');
  await expect(editor.problem).toHaveText(/^Line 20, column \d+: TypeError: cannot read property 'field' of undefined \(event #\d+\)$/);
  await connection.sendWithEnter('count');
  await expect(connection.received('count: 1')).toHaveCount(2);
});

test('replay against an edit shows where the edited actor diverges', async () => {
  await editor.useTemplate('Echo');
  await editor.runActor();
  await playground.expectReady('editor.js');
  const connection = await playground.newConnection();
  await connection.sendWithEnter('one');
  await connection.sendWithEnter('two');
  await expect(connection.received('two')).toHaveCount(1);
  await editor.edit("text(message.text ?? '')", "text((message.text ?? '').toUpperCase())");
  await editor.replay.click();
  const report = page.getByRole('region', { name: 'Replay report' });
  await expect(report).toContainText('First divergence at event #2', { timeout: LOAD_TIMEOUT });
  await expect(report).toContainText('ONE');
  // The history is the one recorded: the replay loaded nothing. The report's tab came forward.
  await playground.expectReady('editor.js');
  await editor.tab.click();
  await expect(editor.status).toContainText('Edited since Run actor');
});

test('a page with no build server says which command builds the standalone component', async () => {
  await editor.tab.click();
  await page.getByRole('button', { name: 'Build .wasm' }).click();
  await expect(page.getByText('This page has no build server')).toContainText('npm run build:actor -- actor.js');
});

test('the standalone build of the edited source loads in a fresh page and answers the same', async ({ browser }, testInfo) => {
  await editor.useTemplate('Counter with a JSON state');
  await editor.edit('`count: ${state.count}`', '`count is now ${state.count}`');
  await editor.runActor();
  await playground.expectReady('editor.js');
  const commands = ['inc', 'inc', 'dec', 'get', 'what'];
  const inPage = await answers(playground, commands);

  // What `npm run build:actor` and the dev server's Build .wasm make of the same source.
  const built = await buildActor({ source: await editor.text() });
  if (!built.ok) throw new Error(`the standalone build failed: ${built.error.message}`);
  const fresh = await browser.newPage({ baseURL: testInfo.project.use.baseURL! });
  try {
    const standalone = new Playground(fresh);
    await standalone.goto();
    await standalone.expectReady('echo');
    await standalone.loadFile(wasmFile('counter-edited.wasm', built.value.bytes));
    await standalone.expectReady('counter-edited');
    expect(await answers(standalone, commands)).toEqual(inPage);
    expect(inPage).toContain('count is now 1');
  } finally {
    await fresh.close();
  }
});

test('a shared link and an exported session reopen the source in a fresh page', async ({ browser }, testInfo) => {
  await editor.useTemplate('Chat room (answers only the sender)');
  await editor.edit('Welcome!', 'Bienvenue !');
  await editor.runActor();
  await playground.expectReady('editor.js');
  const connection = await playground.newConnection();
  await connection.sendWithEnter('salut');
  await expect(connection.received(/said \(line 1\)/)).toHaveCount(1);
  const source = await editor.text();

  await page.getByRole('button', { name: 'Share link' }).click();
  const link = await page.getByRole('textbox', { name: 'Link to this source' }).inputValue();
  expect(new URL(link).searchParams.get('actor')).toMatch(/^editor:/);
  const downloading = page.waitForEvent('download');
  await fileAction(page, 'Export session');
  const session = await (await downloading).path();

  const fresh = await browser.newPage({ baseURL: testInfo.project.use.baseURL! });
  try {
    const other = new Playground(fresh);
    const otherEditor = new EditorTab(fresh);
    // The link opens the Editor on the source, running.
    await fresh.goto(link);
    await other.expectReady('editor.js');
    await expect(otherEditor.status).toContainText('Running this source');
    expect(await otherEditor.text()).toBe(source);
    const greeted = await other.newConnection();
    await expect(greeted.received(/^\s*received\s*Bienvenue !/)).toHaveCount(1);
    // The session file carries the component, and with it the source, and the history.
    await otherEditor.useTemplate('Echo');
    const chooser = fresh.waitForEvent('filechooser');
    await fileAction(fresh, 'Import session');
    await (await chooser).setFiles(session!);
    await other.expectReady('editor.js');
    await expect(other.timelineItems.filter({ hasText: 'salut' })).not.toHaveCount(0);
    await otherEditor.tab.click();
    await expect(otherEditor.status).toContainText('Running this source');
    expect(await otherEditor.text()).toBe(source);
  } finally {
    await fresh.close();
  }
});

test('completions and hover docs come from the interface’s WIT', async () => {
  await editor.replaceSource("import { log } from 'theater:simple/runtime';\n\n/** @type {typeof import('theater:simple/websocket-server')} */\nexport const websocketServer = {\n  handleMessage(state, [message]) {\n    message.");
  await page.keyboard.press('ControlOrMeta+Space');
  const suggestions = page.locator('.suggest-widget');
  await expect(suggestions).toBeVisible({ timeout: 30_000 });
  for (const field of ['ty', 'text', 'data']) await expect(suggestions.getByRole('option', { name: new RegExp(`^${field}\\b`) })).toHaveCount(1);
  await page.keyboard.press('Escape');
  // The cursor on `log`, and the keyboard's Show Hover: runtime.wit's doc comment for it.
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ControlOrMeta+k');
  await page.keyboard.press('ControlOrMeta+i');
  await expect(page.locator('.monaco-hover').filter({ hasText: 'Write a line to the actor' }).first()).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Escape');
});

/** What a new connection receives for each command, in order. */
async function answers(on: Playground, commands: string[]): Promise<string[]> {
  const connection = await on.newConnection();
  for (const [i, command] of commands.entries()) {
    await connection.sendWithEnter(command);
    await expect(connection.received()).toHaveCount(i + 1);
  }
  return (await connection.received().allTextContents()).map((line) => line.replace(/^\s*received\s*/, '').replace(/\s*\d\d:\d\d:\d\d.*$/, '').trim());
}

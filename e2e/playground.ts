import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';

/** Loading transpiles a component with jco in a worker: seconds, not milliseconds, on a slow CI box. */
export const LOAD_TIMEOUT = 45_000;

/** A built example actor in `public/actors/`. */
export const actorPath = (name: string): string => fileURLToPath(new URL(`../public/actors/${name}.wasm`, import.meta.url));

/** A file as `setInputFiles` takes it. */
export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export const wasmFile = (name: string, bytes: Uint8Array | Buffer): FilePayload => ({ name, mimeType: 'application/wasm', buffer: Buffer.from(bytes) });

/** Unfolds the example strip (it folds itself once a connection opens). */
export async function showExamples(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Examples', exact: true });
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

/** The actions of the header's `Files` menu (DESIGN.md's UI contract). */
export type FileAction = 'Export session' | 'Import session' | 'Export chain' | 'Import chain' | 'Export transcript';

/** Opens the header's `Files` menu and chooses one of its items, as a person does with the mouse. */
export async function fileAction(page: Page, action: FileAction): Promise<void> {
  await page.getByRole('button', { name: 'Files', exact: true }).click();
  await page.getByRole('menu', { name: 'Files' }).getByRole('menuitem', { name: action, exact: true }).click();
}

/**
 * The playground as a person sees it, through the accessible names of ARCHITECTURE.md's UI contract.
 * Specs say what they do (`loadFile`, `newConnection`); this class knows where things are.
 */
export class Playground {
  readonly status: Locator;
  readonly alert: Locator;
  readonly loadInput: Locator;
  readonly timeline: Locator;
  readonly timelineItems: Locator;
  readonly newConnectionButton: Locator;
  readonly component: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByRole('status', { name: 'Actor status' });
    this.alert = page.getByRole('alert');
    this.loadInput = page.getByLabel('Load actor');
    this.timeline = page.getByRole('list', { name: 'Timeline' });
    this.timelineItems = this.timeline.getByRole('listitem');
    this.newConnectionButton = page.getByRole('button', { name: 'New connection' });
    this.component = page.getByRole('region', { name: 'Component' });
  }

  /** Opens the page; it starts loading the default example (echo) by itself. */
  async goto(): Promise<void> {
    await this.page.goto('/');
  }

  async expectReady(name: string): Promise<void> {
    await expect(this.status).toHaveText(new RegExp(`^\\s*${name}\\s+ready\\s*$`, 'i'), { timeout: LOAD_TIMEOUT });
  }

  /** Chooses a file in the `Load actor` input, as a person does in the file dialog. */
  async loadFile(file: string | FilePayload): Promise<void> {
    await this.loadInput.setInputFiles(file);
  }

  /** Loads one of the built-in examples with its button, unfolding the example strip first if it is folded. */
  async loadExample(name: string): Promise<void> {
    await showExamples(this.page);
    await this.page.getByRole('button', { name: `Load example ${name}`, exact: true }).click();
  }

  /** Drops a file on the page: a `drop` event carrying a DataTransfer built in the page. */
  async dropFile(name: string, bytes: Buffer, type = 'application/wasm'): Promise<void> {
    await this.page.evaluate(
      ({ name, base64, type }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, { type }));
        const target = document.elementFromPoint(innerWidth / 2, innerHeight / 2) ?? document.body;
        for (const type of ['dragenter', 'dragover', 'drop']) {
          target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
        }
      },
      { name, base64: bytes.toString('base64'), type },
    );
  }

  /** Opens a simulated client and returns it once the actor has seen its `connect`. */
  async newConnection(): Promise<Connection> {
    const before = await this.page.getByRole('region', { name: /^Connection #\d+$/ }).count();
    await this.newConnectionButton.click();
    const connection = new Connection(this.page.getByRole('region', { name: /^Connection #\d+$/ }).nth(before));
    await expect(connection.transcript.getByRole('listitem').first()).toContainText('connect');
    return connection;
  }

  connection(id: number): Connection {
    return new Connection(this.page.getByRole('region', { name: `Connection #${id}`, exact: true }));
  }
}

/** One simulated client's card: its transcript, composer and close button. */
export class Connection {
  readonly transcript: Locator;
  readonly type: Locator;
  readonly message: Locator;
  readonly sendButton: Locator;
  readonly closeButton: Locator;

  constructor(readonly region: Locator) {
    this.transcript = region.getByRole('list', { name: 'Transcript' });
    this.type = region.getByRole('combobox', { name: 'Message type' });
    this.message = region.getByRole('textbox', { name: 'Message', exact: true });
    this.sendButton = region.getByRole('button', { name: 'Send' });
    this.closeButton = region.getByRole('button', { name: 'Close connection' });
  }

  lines(): Locator {
    return this.transcript.getByRole('listitem');
  }

  /** Lines the client received, optionally only those containing `text`. */
  received(text?: string | RegExp): Locator {
    const received = this.lines().filter({ hasText: /^\s*received\b/ });
    return text === undefined ? received : received.filter({ hasText: text });
  }

  /** Types and sends with the Send button. */
  async send(body: string, kind = 'text'): Promise<void> {
    await this.type.selectOption(kind);
    if (await this.message.isEnabled()) await this.message.fill(body);
    await this.sendButton.click();
  }

  /** Types and presses Enter, as most people do. */
  async sendWithEnter(body: string): Promise<void> {
    await this.message.fill(body);
    await this.message.press('Enter');
  }
}

export const readActor = (name: string): Buffer => readFileSync(actorPath(name));

/** A counter session: connect, then each command from one connection. */
export async function counterSession(page: Page, commands: string[]): Promise<{ playground: Playground; connection: Connection }> {
  const { playground, connection } = await exampleWithConnection(page, 'counter');
  for (const command of commands) {
    await connection.send(command);
    await expect(playground.timelineItems.last()).toContainText(command);
  }
  return { playground, connection };
}

/** The page with example `name` loaded in place of the default one, and one client connected to it. */
export async function exampleWithConnection(page: Page, name: string): Promise<{ playground: Playground; connection: Connection }> {
  const playground = new Playground(page);
  await playground.goto();
  await playground.expectReady('echo');
  await playground.loadExample(name);
  await playground.expectReady(name);
  return { playground, connection: await playground.newConnection() };
}

/**
 * The page with echo ready and one client that has talked to it (`before`, echoed): the history a
 * bad file, chain or component must leave as it was.
 */
export async function echoWithHistory(page: Page): Promise<{ playground: Playground; connection: Connection }> {
  const playground = new Playground(page);
  await playground.goto();
  await playground.expectReady('echo');
  const connection = await playground.newConnection();
  await connection.send('before');
  await expect(connection.received('before')).toHaveCount(1);
  return { playground, connection };
}

/** The time stamped on every transcript line (HH:MM:SS), for matching whole lines. */
export const CLOCK = '\\d\\d:\\d\\d:\\d\\d';

/**
 * The Timeline panel: the list of ARCHITECTURE.md's UI contract, and the names the panel adds for its
 * search (`Search events`, `Next match`, `Previous match`) and filters, folded under the
 * `Filters` button (`Filter by text`, `Filter by connection`, the `Filter by kind` and `Filter by
 * outcome` groups, `Changed state only`, `Clear filters`). Only the rows on screen (and the
 * selected one) are in the page.
 */
export class TimelinePanel {
  readonly list: Locator;
  readonly rows: Locator;
  readonly heading: Locator;
  readonly search: Locator;
  readonly searchStatus: Locator;
  readonly filterText: Locator;
  readonly connectionFilter: Locator;
  readonly changedOnly: Locator;
  readonly clearFilters: Locator;
  readonly inspector: Locator;
  /** Calls made and not landed yet, after the rows: the running one first, then those queued. */
  readonly inFlight: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('list', { name: 'Timeline' });
    this.inFlight = page.getByRole('list', { name: 'Calls in flight' }).getByRole('listitem');
    this.rows = this.list.getByRole('listitem');
    this.heading = page.getByRole('heading', { name: /^Timeline\b/ });
    this.search = page.getByRole('searchbox', { name: 'Search events' });
    this.searchStatus = page.getByRole('search').getByRole('status');
    this.filterText = page.getByRole('searchbox', { name: 'Filter by text' });
    this.connectionFilter = page.getByRole('combobox', { name: 'Filter by connection' });
    this.changedOnly = page.getByRole('checkbox', { name: 'Changed state only' });
    this.clearFilters = page.getByRole('button', { name: 'Clear filters' });
    this.inspector = page.getByRole('region', { name: 'Inspector' });
  }

  /** The row of event `seq`, while it is rendered. */
  row(seq: number): Locator {
    return this.rows.filter({ hasText: new RegExp(`^\\s*#${seq}\\b`) });
  }

  /** The row the cursor is on (the newest while following). */
  selected(): Locator {
    return this.list.locator('[aria-current="true"]');
  }

  /** Opens the filter controls (they fold away under the `Filters` button). */
  async showFilters(): Promise<void> {
    const toggle = this.page.getByRole('button', { name: /^Filters\b/ });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }

  /** Turns one of the `Filter by kind` or `Filter by outcome` buttons on or off. */
  async toggle(group: 'kind' | 'outcome', option: string): Promise<void> {
    await this.page.getByRole('group', { name: `Filter by ${group}` }).getByRole('button', { name: option, exact: true }).click();
  }

  /** Chooses a session file with `Import session`, through the file chooser as a person does. */
  async importSession(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await fileAction(this.page, 'Import session');
    await (await chooser).setFiles(path);
  }

  /** The Inspector shows event `seq`. */
  async expectInspecting(seq: number): Promise<void> {
    await expect(this.inspector.getByRole('heading', { level: 2 })).toContainText(new RegExp(`#${seq}\\b`));
  }
}

/**
 * The loader strip under the header: the example gallery (a card per example, with `Load example
 * <name>` and a `Source of <name>` link), and the `Load report` region: the loaded actor's `Load
 * summary` and the latest load's `Load stages`.
 */
export class Loader {
  readonly report: Locator;
  readonly stages: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.report = page.getByRole('region', { name: 'Load report' });
    this.stages = page.getByRole('list', { name: 'Load stages' });
    this.summary = page.getByLabel('Load summary', { exact: true });
  }

  /** The gallery card of one example. */
  example(name: string): Locator {
    return this.page.getByRole('list', { name: 'Example actors' }).getByRole('listitem').filter({ has: this.page.getByRole('button', { name: `Load example ${name}`, exact: true }) });
  }

  sourceLink(name: string): Locator {
    return this.example(name).getByRole('link', { name: `Source of ${name}`, exact: true });
  }

  /** The progress bar of a load under way. */
  progress(name: string): Locator {
    return this.page.getByRole('progressbar', { name: `Loading ${name}` });
  }
}

/**
 * A composer's controls beyond the contract's `Message type`, `Message` and `Send`: how bytes
 * are given, the JSON toggle, and the name of an `other` type. Works for a connection's card and
 * for the composer of all open connections (`Send to all`).
 */
export class ComposerControls {
  readonly bytesFile: Locator;
  readonly json: Locator;
  readonly formatJson: Locator;
  readonly otherType: Locator;

  constructor(readonly region: Locator) {
    this.bytesFile = region.getByLabel('Binary file');
    this.json = region.getByRole('checkbox', { name: 'JSON', exact: true });
    this.formatJson = region.getByRole('button', { name: 'Format JSON' });
    this.otherType = region.getByRole('textbox', { name: 'Other type' });
  }

  bytesAs(encoding: 'Hex' | 'Base64' | 'File'): Locator {
    return this.region.getByRole('radiogroup', { name: 'Bytes as' }).getByRole('radio', { name: encoding, exact: true });
  }
}

/** The composer that sends from every open connection at once. */
export const broadcast = (page: Page): Connection => new Connection(page.getByRole('region', { name: 'All open connections' }));

/**
 * Sessions kept in IndexedDB: `New session`, and the `Saved sessions` dialog with one item per
 * session and its `Open session <name> (<n> events)` and `Delete session …` buttons.
 */
export class SavedSessions {
  readonly newSessionButton: Locator;
  readonly dialog: Locator;
  readonly items: Locator;

  constructor(readonly page: Page) {
    this.newSessionButton = page.getByRole('button', { name: 'New session' });
    this.dialog = page.getByRole('dialog', { name: 'Saved sessions' });
    this.items = this.dialog.getByRole('list', { name: 'Saved sessions' }).getByRole('listitem');
  }

  /** Opens the dialog; the list in it is read from IndexedDB as it opens. */
  async show(): Promise<void> {
    await this.page.getByRole('button', { name: 'Saved sessions' }).click();
    await expect(this.dialog).toBeVisible();
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
    await expect(this.dialog).toBeHidden();
  }

  /** `label` as the list names a session: `echo (2 events)`. */
  openButton(label: string): Locator {
    return this.dialog.getByRole('button', { name: `Open session ${label}`, exact: true });
  }

  deleteButton(label: string): Locator {
    return this.dialog.getByRole('button', { name: `Delete session ${label}`, exact: true });
  }

  /** The item of the session the page has open. */
  current(): Locator {
    return this.dialog.locator('li[aria-current="true"]');
  }
}

/**
 * The workbench around the panels: the side panel's `Component` / `Interface` / `Bridge` / `Reports` tabs, the Interface tab's WIT
 * editor (`Component WIT`), `Selected call` (its `Annotated call` table) and the interface's
 * documentation, the `Status bar`, `Toggle theme`, `Help` and the `Keyboard shortcuts` dialog,
 * and the separators between panes (`Resize <pane> and <pane>`).
 */
export class Workbench {
  readonly statusBar: Locator;
  readonly themeToggle: Locator;
  readonly helpButton: Locator;
  readonly shortcuts: Locator;
  readonly componentTab: Locator;
  readonly interfaceTab: Locator;
  readonly reportsTab: Locator;
  readonly wit: Locator;
  readonly selectedCall: Locator;
  readonly annotatedCall: Locator;
  readonly docs: Locator;

  constructor(readonly page: Page) {
    this.statusBar = page.getByRole('contentinfo', { name: 'Status bar' });
    this.themeToggle = page.getByRole('button', { name: 'Toggle theme' });
    this.helpButton = page.getByRole('button', { name: 'Help', exact: true });
    this.shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    this.componentTab = page.getByRole('tab', { name: 'Component', exact: true });
    this.interfaceTab = page.getByRole('tab', { name: 'Interface', exact: true });
    this.reportsTab = page.getByRole('tab', { name: 'Reports', exact: true });
    // Monaco names its editing surface after the `ariaLabel` option; the language is on its host.
    this.wit = page.locator('[data-mode-id="wit"]');
    this.selectedCall = page.getByRole('region', { name: 'Selected call' });
    this.annotatedCall = page.getByRole('table', { name: 'Annotated call' });
    this.docs = page.getByRole('article', { name: 'websocket-server documentation' });
  }

  /** The theme in force, as the page marks it on `<html data-theme>`. */
  theme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-theme');
  }

  /** The Interface tab, with Monaco started and showing the component's WIT. */
  async openInterface(): Promise<void> {
    await this.interfaceTab.click();
    await expect(this.wit.locator('.view-line').first()).toBeVisible({ timeout: 20_000 });
  }

  /** The annotated call's row for one field of the call (`params.0.text`). */
  field(path: string): Locator {
    return this.annotatedCall.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${path.replace(/[.[\]]/g, '\\$&')}:`) }) });
  }

  separator(name: string): Locator {
    return this.page.getByRole('separator', { name, exact: true });
  }
}

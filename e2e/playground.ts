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

/**
 * The playground as a person sees it, through the accessible names of DESIGN.md's UI contract.
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

  /** Loads one of the built-in examples with its button. */
  async loadExample(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Load example ${name}`, exact: true }).click();
  }

  /** Drops a file on the page: a `drop` event carrying a DataTransfer built in the page. */
  async dropFile(name: string, bytes: Buffer): Promise<void> {
    await this.page.evaluate(
      ({ name, base64 }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, { type: 'application/wasm' }));
        const target = document.elementFromPoint(innerWidth / 2, innerHeight / 2) ?? document.body;
        for (const type of ['dragenter', 'dragover', 'drop']) {
          target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
        }
      },
      { name, base64: bytes.toString('base64') },
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

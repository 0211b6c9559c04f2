import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { gunzipSync } from 'node:zlib';
import { fileAction } from '../playground';

/**
 * The `Bridge` panel as a person sees it: ARCHITECTURE.md's `Endpoint URL` and `Connect`, plus
 * `Subprotocols`, `Shadow mode`, a card per endpoint (`Bridge to <url>`), the "in" side's
 * `Bridge address`, `Start bridge`, `Stop bridge` and `Bridge status`, and proxy mode's
 * `Upstream URL`, `Shadow with the actor`, `Start proxy`, `Stop proxy`, `Proxy status`,
 * `Take over all` / `Hand back all` and a card per proxied client
 * (`Real client #<n> (<path>) via <url>`).
 */
export class BridgePanel {
  readonly region: Locator;
  readonly endpointUrl: Locator;
  readonly shadowMode: Locator;
  readonly connectButton: Locator;
  readonly alert: Locator;
  readonly address: Locator;
  readonly startButton: Locator;
  readonly stopButton: Locator;
  readonly status: Locator;
  readonly realClients: Locator;
  readonly upstreamUrl: Locator;
  readonly proxyShadow: Locator;
  readonly startProxyButton: Locator;
  readonly stopProxyButton: Locator;
  readonly proxyStatus: Locator;
  readonly takeOverAllButton: Locator;
  readonly handBackAllButton: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Bridge', exact: true });
    this.endpointUrl = this.region.getByRole('textbox', { name: 'Endpoint URL' });
    this.shadowMode = this.region.getByRole('checkbox', { name: 'Shadow mode' });
    this.connectButton = this.region.getByRole('button', { name: 'Connect', exact: true });
    this.alert = this.region.getByRole('alert');
    this.address = this.region.getByRole('textbox', { name: 'Bridge address' });
    this.startButton = this.region.getByRole('button', { name: 'Start bridge' });
    this.stopButton = this.region.getByRole('button', { name: 'Stop bridge' });
    this.status = this.region.getByRole('status', { name: 'Bridge status' });
    this.realClients = this.region.getByRole('list', { name: 'Real clients' }).getByRole('listitem');
    this.upstreamUrl = this.region.getByRole('textbox', { name: 'Upstream URL' });
    this.proxyShadow = this.region.getByRole('checkbox', { name: 'Shadow with the actor' });
    this.startProxyButton = this.region.getByRole('button', { name: 'Start proxy' });
    this.stopProxyButton = this.region.getByRole('button', { name: 'Stop proxy' });
    this.proxyStatus = this.region.getByRole('status', { name: 'Proxy status' });
    this.takeOverAllButton = this.region.getByRole('button', { name: 'Take over all' });
    this.handBackAllButton = this.region.getByRole('button', { name: 'Hand back all' });
  }

  /** Brings the side panel's `Bridge` tab forward (the panel lives there, beside Component and Interface). */
  async show(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Bridge', exact: true }).click();
    await expect(this.region).toBeVisible();
  }

  /** Connects to a real endpoint and returns its card. */
  async connect(url: string, { shadow = false } = {}): Promise<EndpointCard> {
    await this.show();
    await this.endpointUrl.fill(url);
    await this.shadowMode.setChecked(shadow);
    await this.connectButton.click();
    return this.endpoint(url);
  }

  endpoint(url: string): EndpointCard {
    return new EndpointCard(this.page.getByRole('region', { name: `Bridge to ${url}`, exact: true }));
  }

  /** Points the page at a bridge server and attaches to it. */
  async attach(hostPort: string): Promise<void> {
    await this.show();
    await this.address.fill(hostPort);
    await this.startButton.click();
    await expect(this.status).toContainText(`Real clients connect to ws://${hostPort}`);
  }

  /** Proxies the real clients that arrive from now on to `upstream`, shadowed by the actor or not. */
  async startProxy(upstream: string, { shadow = false } = {}): Promise<void> {
    await this.show();
    await this.upstreamUrl.fill(upstream);
    await this.proxyShadow.setChecked(shadow);
    await this.startProxyButton.click();
    await expect(this.proxyStatus).toContainText(`to ${upstream}`);
  }

  /**
   * The card of the proxied real client that asked for `path` and was joined to `url` (the server's
   * number for the client, in the name before them, is in `ProxiedCard.heading`).
   */
  proxied(path: string, url: string): ProxiedCard {
    return new ProxiedCard(this.region.getByRole('region', { name: new RegExp(`^Real client #\\d+ \\(${escapeRegExp(path)}\\) via ${escapeRegExp(url)}$`) }));
  }
}

/** `text` matched literally inside a regular expression. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Transcript lines of a bridge card: `sent`/`received` is what a screen reader hears before the payload. */
function transcriptLines(transcript: Locator, direction: 'sent' | 'received', text?: string | RegExp): Locator {
  const lines = transcript.getByRole('listitem').filter({ hasText: new RegExp(`^\\s*${direction}\\b`) });
  return text === undefined ? lines : lines.filter({ hasText: text });
}

/** One connection to a real endpoint: state, transcript, composer, shadow verdicts. */
export class EndpointCard {
  readonly transcript: Locator;
  readonly shadow: Locator;
  readonly reconnectButton: Locator;
  readonly disconnectButton: Locator;

  constructor(readonly region: Locator) {
    this.transcript = region.getByRole('list', { name: 'Transcript' });
    this.shadow = region.getByRole('status', { name: 'Shadow comparison' });
    this.reconnectButton = region.getByRole('button', { name: 'Reconnect' });
    this.disconnectButton = region.getByRole('button', { name: 'Disconnect' });
  }

  async expectOpen(): Promise<void> {
    await expect(this.region.getByText('open', { exact: true })).toBeVisible();
  }

  /** Sends text, or binary written as hex. */
  async send(body: string, kind: 'text' | 'binary' = 'text'): Promise<void> {
    await this.region.getByRole('combobox', { name: 'Message type' }).selectOption(kind);
    await this.region.getByRole('textbox', { name: 'Message', exact: true }).fill(body);
    await this.region.getByRole('button', { name: 'Send' }).click();
  }

  lines(direction: 'sent' | 'received', text?: string | RegExp): Locator {
    return transcriptLines(this.transcript, direction, text);
  }
}

/**
 * One proxied real client (proxy mode): its state and who answers it, `Take over` / `Hand back`,
 * the shadow comparison, how it ended, and its transcript (`sent` is the client's frame,
 * `received` what it was answered).
 */
export class ProxiedCard {
  readonly heading: Locator;
  readonly transcript: Locator;
  readonly shadow: Locator;
  readonly takeOverButton: Locator;
  readonly handBackButton: Locator;
  readonly ended: Locator;

  constructor(readonly region: Locator) {
    this.heading = region.getByRole('heading');
    this.transcript = region.getByRole('list', { name: 'Transcript' });
    this.shadow = region.getByRole('status', { name: 'Shadow comparison' });
    this.takeOverButton = region.getByRole('button', { name: 'Take over', exact: true });
    this.handBackButton = region.getByRole('button', { name: 'Hand back', exact: true });
    this.ended = region.getByText(/^Ended: /);
  }

  lines(direction: 'sent' | 'received', text?: string | RegExp): Locator {
    return transcriptLines(this.transcript, direction, text);
  }

  /** The centred lines: connected, closed, taken over, handed back. */
  socketLines(text: string | RegExp): Locator {
    return this.transcript.getByRole('listitem').filter({ hasText: text });
  }
}

/** An event as the session file writes it (bytes as `{ $bytes: base64 }`), as far as these specs read it. */
export interface ExportedEvent {
  kind: string;
  connectionId: number | null;
  input: { ty: { tag: string }; text?: string; data?: { $bytes: string } } | null;
  bridge?: { direction: string; endpoint: string; closeCode?: number; closeReason?: string; shadow?: { actorSeq: number; match: boolean; detail?: string };
    proxy?: { client: number; answering: string; switched?: true; actorAnswer?: true };
  };
}

/**
 * The session file the page exports, parsed: the way to see exactly what was recorded. Version 2
 * is gzip of JSON Lines: a header (which counts the states), one line per state, then one per event.
 */
export async function exportedSession(page: Page): Promise<{ events: ExportedEvent[] }> {
  const downloading: Promise<Download> = page.waitForEvent('download');
  await fileAction(page, 'Export session');
  const stream = await (await downloading).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const [header, ...rest] = gunzipSync(Buffer.concat(chunks)).toString('utf8').trimEnd().split('\n');
  const { states } = JSON.parse(header!) as { states: number };
  return { events: rest.slice(states).map((line) => JSON.parse(line) as ExportedEvent) };
}

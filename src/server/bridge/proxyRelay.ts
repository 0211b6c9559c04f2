import type { WebSocket } from 'ws';
import type { BridgeClient } from './bridgeClient.ts';
import { ProxyLink } from './proxyLink.ts';
import type { ProxyRoute, ProxyServerMessage } from '../../protocols/proxyControl.ts';

/** Close code and reason for proxied clients when the page stops the proxy ("going away"). */
const PROXY_STOPPED = { code: 1001, reason: 'the playground stopped the proxy' } as const;

/**
 * Proxy mode on the bridge server: the upstream the page chose, and the link of each proxied client
 * to its own upstream connection. Everything it tells the page goes through `report`, in order.
 */
export class ProxyRelay {
  #upstream: string | null = null;
  readonly #links = new Map<number, ProxyLink>();
  /** Which page's proxy this is: each `reset` (the page went away) starts another, and what the last one's clients do is not news to the next page. */
  #page = 0;

  constructor(private readonly report: (message: ProxyServerMessage) => void) {}

  /** The upstream new clients are proxied to, or null when the public endpoint reaches the actor. */
  get upstream(): string | null {
    return this.#upstream;
  }

  /** Whether `client` is proxied and its upstream answers it (no take-over): the actor's frames must not reach it. */
  upstreamAnswers(client: number): boolean {
    return this.#links.get(client)?.route === 'upstream';
  }

  start(upstream: string): void {
    this.#upstream = upstream;
    this.report({ type: 'proxy-state', upstream, problem: null });
  }

  /** Stops proxying new clients and closes the proxied ones (their upstreams are closed the same way). */
  stop(): void {
    this.#upstream = null;
    for (const link of this.#links.values()) link.client.close(PROXY_STOPPED.code, PROXY_STOPPED.reason);
    this.report({ type: 'proxy-state', upstream: null, problem: null });
  }

  /** The page went away: nothing is reported any more, and its clients are closed by the hub. */
  reset(): void {
    this.#upstream = null;
    this.#page++;
  }

  /** The page whose proxy a client that arrives now belongs to (see `refused`). */
  get page(): number {
    return this.#page;
  }

  /** Joins `client` (whose handshake just completed) to `upstream`, already open on `url`. */
  add(client: BridgeClient, upstream: WebSocket, path: string, url: string): void {
    this.report({ type: 'proxy-open', client: client.id, path, url, protocol: upstream.protocol, at: Date.now() });
    // Its closing and its last frames after a reset would reach the next page, which never heard of it.
    const page = this.#page;
    const report = (message: ProxyServerMessage): void => {
      if (page === this.#page) this.report(message);
    };
    this.#links.set(client.id, new ProxyLink(client, upstream, report));
    client.socket.once('close', () => this.#links.delete(client.id));
  }

  /**
   * A client whose upstream would not take it: its handshake is refused (502) and the page told
   * why, unless that page (`page`, when the client arrived) has gone meanwhile.
   */
  refused(client: number, path: string, url: string, reason: string, page = this.#page): void {
    if (page !== this.#page) return;
    this.report({ type: 'proxy-open', client, path, url, protocol: '', at: Date.now(), refused: reason });
  }

  /** Who answers one proxied client, or every one of them (`client` null). */
  route(client: number | null, to: ProxyRoute): void {
    if (client === null) for (const link of this.#links.values()) link.switchTo(to);
    else this.#links.get(client)?.switchTo(to);
  }

  pauseForPage(paused: boolean): void {
    for (const link of this.#links.values()) link.pauseForPage(paused);
  }
}

import { compareExchange, type ActorAnswer, type BridgeRecord } from '../../../core';

/**
 * The correlation rule of shadow mode: the endpoint's answer to a message is every frame it sends
 * after that message until the next message is sent, or until it has been quiet for `quietMs`
 * (300 ms), and never past `longestMs` (2 s) after the message, so a chatty endpoint cannot hold
 * the recording back for ever. Endpoints that take longer than that to answer get their late
 * frames recorded without a verdict.
 */
export const SHADOW_TIMING = { quietMs: 300, longestMs: 2000 } as const;

interface Window {
  sent: BridgeRecord;
  received: BridgeRecord[];
  actor: Promise<ActorAnswer | null>;
  closesBy: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Puts one bridge connection's frames in the order they happened and hands them on for recording,
 * attaching shadow verdicts. Without a shadow answer a frame goes on at once. With one, the
 * message and the endpoint's answer wait until the window closes (see SHADOW_TIMING) and the
 * actor has answered, then go on together: the message carrying the verdict on the whole exchange,
 * each answer frame its own. Frames are never dropped, only held, and `flush` releases them.
 */
export class ExchangeSequencer {
  #window: Window | null = null;
  #chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly emit: (records: BridgeRecord[]) => Promise<unknown> | void,
    private readonly timing: { quietMs: number; longestMs: number } = SHADOW_TIMING,
    /** What the verdicts call the other side: the `endpoint` of bridge out, a proxy's `upstream`. */
    private readonly peer = 'endpoint',
  ) {}

  /** A frame the playground sent; with `actor`, the actor's answer to the same message, to compare. */
  sent(record: BridgeRecord, actor?: Promise<ActorAnswer | null>): void {
    this.#closeWindow();
    if (!actor) {
      this.#enqueue(async () => [record]);
      return;
    }
    this.#window = { sent: record, received: [], actor, closesBy: Date.now() + this.timing.longestMs, timer: undefined };
    this.#arm(this.#window);
  }

  /**
   * A frame the endpoint sent (a close included), or a ping or pong either way (proxy mode): part
   * of the open exchange, if there is one, in its place.
   */
  received(record: BridgeRecord): void {
    const window = this.#window;
    if (!window) {
      this.#enqueue(async () => [record]);
      return;
    }
    window.received.push(record);
    this.#arm(window);
  }

  /** Closes the open exchange now (the connection ended); resolves once everything is handed on. */
  flush(): Promise<void> {
    this.#closeWindow();
    return this.#chain;
  }

  #arm(window: Window): void {
    clearTimeout(window.timer);
    const wait = Math.max(0, Math.min(this.timing.quietMs, window.closesBy - Date.now()));
    window.timer = setTimeout(() => {
      if (this.#window === window) this.#closeWindow();
    }, wait);
  }

  #closeWindow(): void {
    const window = this.#window;
    if (!window) return;
    clearTimeout(window.timer);
    this.#window = null;
    this.#enqueue(async () => {
      const answer = await window.actor;
      if (!answer) return [window.sent, ...window.received];
      const verdict = compareExchange(
        window.received.map((r) => r.input),
        answer,
        this.peer,
      );
      return [
        { ...window.sent, bridge: { ...window.sent.bridge, shadow: verdict.exchange } },
        ...window.received.map((r, i) => {
          const shadow = verdict.frames[i];
          return shadow ? { ...r, bridge: { ...r.bridge, shadow } } : r;
        }),
      ];
    });
  }

  /** Hands frames on strictly in order, even while an earlier exchange waits for the actor. */
  #enqueue(make: () => Promise<BridgeRecord[]>): void {
    this.#chain = this.#chain.then(async () => {
      await this.emit(await make());
    });
  }
}

/** How many exchanges `records` carry verdicts on (on their sent frames), and how many of them differed. */
export function verdictCounts(records: readonly BridgeRecord[]): { compared: number; mismatches: number } {
  let compared = 0;
  let mismatches = 0;
  for (const { bridge } of records) {
    if (bridge.direction !== 'sent' || !bridge.shadow) continue;
    compared++;
    if (!bridge.shadow.match) mismatches++;
  }
  return { compared, mismatches };
}

import { eventsOfConnection, opensConnection, type ActorEvent, type CallOutcome, type WebsocketMessage, type WireOutcome } from '../../core';

interface Common {
  key: string;
  /** The event the line belongs to, so the transcript can follow the history cursor. */
  seq: number;
  /** When the client sent it or got it (ms since the epoch). */
  at: number;
}

/** One line of a connection's transcript, as that client experienced the conversation. */
export type TranscriptLine =
  | (Common & { kind: 'sent'; message: WebsocketMessage })
  /**
   * The client opened or closed its socket: not a message it typed. `asText`: the text message the
   * actor got for it instead of `connect` (Theater's own host's delivery, a server setting).
   */
  | (Common & { kind: 'control'; event: 'connect' | 'close'; asText?: string })
  | (Common & { kind: 'received'; response: WireOutcome })
  | (Common & { kind: 'failed'; outcome: Exclude<CallOutcome, { kind: 'ok' }> });

/** An event's lines, both ways its first line can read (see `transcriptOf`). */
interface EventLines {
  asControl: TranscriptLine | undefined;
  asSent: TranscriptLine;
  rest: TranscriptLine[];
}

// Events never change once recorded, so their lines are built once: unchanged lines keep their
// identity and the transcript re-renders only what is new. Only events whose lines were shown are
// kept here.
const cache = new WeakMap<ActorEvent, EventLines>();

function linesOf(event: ActorEvent & { input: WebsocketMessage }): EventLines {
  const cached = cache.get(event);
  if (cached) return cached;
  const { seq, input, outcome, startedAt } = event;
  const tag = input.ty.tag;
  const bare = input.text === undefined && input.data === undefined;
  const head = { key: `${seq}`, seq, at: startedAt };
  const answeredAt = startedAt + event.durationMs;
  const lines: EventLines = {
    asControl:
      bare && (tag === 'connect' || tag === 'close')
        ? { ...head, kind: 'control', event: tag }
        : tag === 'text' && opensConnection(input)
          ? { ...head, kind: 'control', event: 'connect', asText: input.text }
          : undefined,
    asSent: { ...head, kind: 'sent', message: input },
    rest: [
      ...event.responses.map((response, i): TranscriptLine => ({ key: `${seq}.${i}`, seq, at: answeredAt, kind: 'received', response })),
      ...(outcome.kind === 'ok' ? [] : [{ key: `${seq}.failed`, seq, at: answeredAt, kind: 'failed' as const, outcome }]),
    ],
  };
  cache.set(event, lines);
  return lines;
}

/** How many lines an event makes in its client's transcript: what it sent, each answer, and a failure. */
const lineCount = (event: ActorEvent): number => 1 + event.responses.length + (event.outcome.kind === 'ok' ? 0 : 1);

/**
 * What one simulated client saw: its own messages, and only the responses produced by its own
 * events, because Theater sends a response back only to the connection that caused it. Lines are
 * made only for the part `slice` asks for (issue 10): a transcript of an imported history of
 * 100,000 events made every line up front, and kept them, about 340 bytes an event.
 *
 * A bare `connect` or `close` is the socket opening or closing only where the client really did
 * that: its first event, and the last one of a connection that is now closed. Anywhere else it is
 * a message typed in the composer, which the actor receives exactly the same way.
 */
export class TranscriptLines {
  /** How many lines the whole transcript has. */
  readonly length: number;
  readonly #events: ReadonlyArray<ActorEvent & { input: WebsocketMessage }>;
  /** `#ends[i]`: the lines of the first `i + 1` own events. */
  readonly #ends: Uint32Array;

  constructor(
    events: readonly ActorEvent[],
    connectionId: number,
    private readonly open: boolean,
  ) {
    const own: Array<ActorEvent & { input: WebsocketMessage }> = [];
    for (const seq of eventsOfConnection(events, connectionId)) {
      const event = events[seq]!;
      if (event.input !== null) own.push(event as ActorEvent & { input: WebsocketMessage });
    }
    this.#events = own;
    this.#ends = new Uint32Array(own.length);
    let total = 0;
    for (const [i, event] of own.entries()) this.#ends[i] = total += lineCount(event);
    this.length = total;
  }

  /** The index of the first line of an event after `seq`, or -1 when none is. */
  firstAfter(seq: number): number {
    const i = this.#firstOwn((event) => event.seq > seq);
    return i === this.#events.length ? -1 : i === 0 ? 0 : this.#ends[i - 1]!;
  }

  /** The lines from `start` up to (not including) `end`, as `Array.prototype.slice` counts them. */
  slice(start: number, end = this.length): TranscriptLine[] {
    const lines: TranscriptLine[] = [];
    const last = this.#events.length - 1;
    for (let i = this.#firstOwn((_, at) => this.#ends[at]! > start); i <= last; i++) {
      const first = i === 0 ? 0 : this.#ends[i - 1]!;
      if (first >= end) break;
      const event = this.#events[i]!;
      const { asControl, asSent, rest } = linesOf(event);
      const socket = (opensConnection(event.input) && i === 0) || (event.input.ty.tag === 'close' && !this.open && i === last);
      [socket && asControl ? asControl : asSent, ...rest].forEach((line, k) => first + k >= start && first + k < end && lines.push(line));
    }
    return lines;
  }

  /** The first own event's index for which `holds` is true (they are ordered so that it holds from some point on). */
  #firstOwn(holds: (event: ActorEvent, at: number) => boolean): number {
    let low = 0;
    let high = this.#events.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (holds(this.#events[mid]!, mid)) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}

/** A connection's whole transcript (see `TranscriptLines`). */
export function transcriptOf(events: readonly ActorEvent[], connectionId: number, open: boolean): TranscriptLine[] {
  return new TranscriptLines(events, connectionId, open).slice(0);
}

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
  /**
   * `during`: the response came out of another connection's event (an http-framework actor's
   * `send-websocket-message` to this one: a broadcast, a relay), whose connection it names.
   */
  | (Common & { kind: 'received'; response: WireOutcome; during?: { connectionId: number | null } })
  | (Common & { kind: 'failed'; outcome: Exclude<CallOutcome, { kind: 'ok' }> });

/** An event's lines, both ways its first line can read (see `transcriptOf`). */
interface EventLines {
  asControl: TranscriptLine | undefined;
  asSent: TranscriptLine;
  rest: TranscriptLine[];
}

/**
 * Whether a response went to `connectionId`: one with no `to` goes to the connection whose event
 * produced it (websocket-server actors), one with `to` only there (http-framework actors).
 */
const goesTo = (response: WireOutcome, own: number | null, connectionId: number): boolean => (response.to ?? own) === connectionId;

// Events never change once recorded, so their lines are built once: unchanged lines keep their
// identity and the transcript re-renders only what is new. Only events whose lines were shown are
// kept here. An event's lines for its own connection, then for each other connection it sent to.
const cache = new WeakMap<ActorEvent, EventLines>();
const elsewhere = new WeakMap<ActorEvent, Map<number, TranscriptLine[]>>();

function received(event: ActorEvent, connectionId: number, during?: { connectionId: number | null }): TranscriptLine[] {
  const at = event.startedAt + event.durationMs;
  const lines: TranscriptLine[] = [];
  event.responses.forEach((response, i) => {
    if (goesTo(response, event.connectionId, connectionId)) lines.push({ key: `${event.seq}.${i}`, seq: event.seq, at, kind: 'received', response, ...(during ? { during } : {}) });
  });
  return lines;
}

function linesOf(event: OwnEvent): EventLines {
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
    rest: [...received(event, event.connectionId), ...(outcome.kind === 'ok' ? [] : [{ key: `${seq}.failed`, seq, at: answeredAt, kind: 'failed' as const, outcome }])],
  };
  cache.set(event, lines);
  return lines;
}

/** What another connection's event sent `connectionId`: only the responses that went to it, each marked with where it came from. */
function linesFrom(event: ActorEvent, connectionId: number): TranscriptLine[] {
  let byConnection = elsewhere.get(event);
  if (!byConnection) elsewhere.set(event, (byConnection = new Map()));
  let lines = byConnection.get(connectionId);
  if (!lines) byConnection.set(connectionId, (lines = received(event, connectionId, { connectionId: event.connectionId })));
  return lines;
}

/** An event of the connection itself (not init: init belongs to no connection). */
type OwnEvent = ActorEvent & { input: WebsocketMessage; connectionId: number };

/** How many lines an event makes in `connectionId`'s transcript: its own event's message, answers to it and failure; another's, only what it sent here. */
function lineCount(event: ActorEvent, connectionId: number): number {
  let count = 0;
  for (const response of event.responses) if (goesTo(response, event.connectionId, connectionId)) count++;
  return event.connectionId === connectionId ? 1 + count + (event.outcome.kind === 'ok' ? 0 : 1) : count;
}

/**
 * What one simulated client saw: its own messages, and only the responses that went to it. A
 * websocket-server actor's responses go back only to the connection that caused them; an
 * http-framework actor's go where it sent them (`to`), so a client also reads what the actor sent
 * it during other clients' events, and not what its own events sent elsewhere. Lines are
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
  readonly #events: readonly ActorEvent[];
  /** The index in `#events` of the connection's last own event (-1: none). */
  readonly #lastOwn: number;
  /** `#ends[i]`: the lines of the first `i + 1` events shown. */
  readonly #ends: Uint32Array;

  constructor(
    events: readonly ActorEvent[],
    private readonly connectionId: number,
    private readonly open: boolean,
  ) {
    const shown: ActorEvent[] = [];
    let lastOwn = -1;
    for (const seq of eventsOfConnection(events, connectionId)) {
      const event = events[seq]!;
      if (event.connectionId === connectionId && event.input === null) continue;
      if (event.connectionId === connectionId) lastOwn = shown.length;
      shown.push(event);
    }
    this.#events = shown;
    this.#lastOwn = lastOwn;
    this.#ends = new Uint32Array(shown.length);
    let total = 0;
    for (const [i, event] of shown.entries()) this.#ends[i] = total += lineCount(event, connectionId);
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
      let eventLines: TranscriptLine[];
      if (event.connectionId === this.connectionId) {
        const own = event as OwnEvent;
        const { asControl, asSent, rest } = linesOf(own);
        const socket = (opensConnection(own.input) && i === 0) || (own.input.ty.tag === 'close' && !this.open && i === this.#lastOwn);
        eventLines = [socket && asControl ? asControl : asSent, ...rest];
      } else eventLines = linesFrom(event, this.connectionId);
      eventLines.forEach((line, k) => first + k >= start && first + k < end && lines.push(line));
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

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
// identity and the transcript re-renders only what is new.
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

/**
 * What one simulated client saw: its own messages, and only the responses produced by its own
 * events, because Theater sends a response back only to the connection that caused it.
 *
 * A bare `connect` or `close` is the socket opening or closing only where the client really did
 * that: its first event, and the last one of a connection that is now closed. Anywhere else it is
 * a message typed in the composer, which the actor receives exactly the same way.
 */
export function transcriptOf(events: readonly ActorEvent[], connectionId: number, open: boolean): TranscriptLine[] {
  const own: Array<ActorEvent & { input: WebsocketMessage }> = [];
  for (const seq of eventsOfConnection(events, connectionId)) {
    const event = events[seq]!;
    if (event.input !== null) own.push(event as ActorEvent & { input: WebsocketMessage });
  }
  return own.flatMap((event, i) => {
    const { asControl, asSent, rest } = linesOf(event);
    const socket = (opensConnection(event.input) && i === 0) || (event.input.ty.tag === 'close' && !open && i === own.length - 1);
    return [socket && asControl ? asControl : asSent, ...rest];
  });
}

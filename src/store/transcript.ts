import type { ActorEvent, CallOutcome, WebsocketMessage, WireOutcome } from '../engine';

/** One line of a connection's transcript, as that client experienced the conversation. */
export type TranscriptLine =
  | { kind: 'sent'; key: string; seq: number; message: WebsocketMessage }
  | { kind: 'control'; key: string; seq: number; event: 'connect' | 'close' }
  | { kind: 'received'; key: string; seq: number; response: WireOutcome }
  | { kind: 'failed'; key: string; seq: number; outcome: Exclude<CallOutcome, { kind: 'ok' }> };

/**
 * What one simulated client saw: its own messages, and only the responses produced by its own
 * events, because Theater sends a response back only to the connection that caused it.
 */
export function transcriptOf(events: readonly ActorEvent[], connectionId: number): TranscriptLine[] {
  const lines: TranscriptLine[] = [];
  for (const event of events) {
    if (event.connectionId !== connectionId || !event.input) continue;
    const { seq, input, outcome } = event;
    const tag = input.ty.tag;
    // connect and close are what the client did to the socket, not messages it typed.
    const controlled = (tag === 'connect' || tag === 'close') && input.text === undefined && input.data === undefined;
    lines.push(controlled ? { kind: 'control', key: `${seq}`, seq, event: tag } : { kind: 'sent', key: `${seq}`, seq, message: input });
    event.responses.forEach((response, i) => lines.push({ kind: 'received', key: `${seq}.${i}`, seq, response }));
    if (outcome.kind !== 'ok') lines.push({ kind: 'failed', key: `${seq}.failed`, seq, outcome });
  }
  return lines;
}

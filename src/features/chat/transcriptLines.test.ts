import { describe, expect, it } from 'vitest';
import { makeMessage, type ActorEvent, type MessageKind } from '../../core';
import { TranscriptLines, transcriptOf } from './transcriptLines';
import { messageEvent } from '../../store/testing/fakeEvents';

const event = (seq: number, connectionId: number, kind: MessageKind, change: Partial<ActorEvent> = {}): ActorEvent =>
  messageEvent(seq, makeMessage(kind, kind === 'text' ? { text: `#${seq}` } : {}), { connectionId, startedAt: 1000 + seq, durationMs: 0.5, ...change });

const kinds = (lines: ReturnType<typeof transcriptOf>) => lines.map((line) => `${line.kind}:${line.seq}`);

describe('a connection transcript', () => {
  it('holds only its own events, with the answers and failures they produced', () => {
    const events = [
      event(0, 1, 'connect'),
      event(1, 2, 'connect'),
      event(2, 1, 'text', { responses: [{ message: makeMessage('text', { text: 'a' }), frame: { frame: 'text', text: 'a' } }] }),
      event(3, 2, 'text', { outcome: { kind: 'err', message: 'no' } }),
    ];
    expect(kinds(transcriptOf(events, 1, true))).toEqual(['control:0', 'sent:2', 'received:2']);
    expect(kinds(transcriptOf(events, 2, true))).toEqual(['control:1', 'sent:3', 'failed:3']);
    expect(transcriptOf(events, 1, true)[2]!.at).toBe(1002.5);
  });

  it('tells the socket opening and closing from the same kinds typed as messages', () => {
    const typed = [event(0, 1, 'connect'), event(1, 1, 'connect'), event(2, 1, 'close')];
    expect(kinds(transcriptOf(typed, 1, true))).toEqual(['control:0', 'sent:1', 'sent:2']);
    const closed = [...typed, event(3, 1, 'close')];
    expect(kinds(transcriptOf(closed, 1, false))).toEqual(['control:0', 'sent:1', 'sent:2', 'control:3']);
  });

  it("shows Theater's host's text connect as the socket opening, with the text the actor got", () => {
    const hostConnect = '{"connection_id":42,"type":"connect"}';
    const events = [messageEvent(0, makeMessage('text', { text: hostConnect }), { connectionId: 1 }), messageEvent(1, makeMessage('text', { text: hostConnect }), { connectionId: 1 })];
    const lines = transcriptOf(events, 1, true);
    expect(kinds(lines)).toEqual(['control:0', 'sent:1']);
    expect(lines[0]).toMatchObject({ kind: 'control', event: 'connect', asText: hostConnect });
  });

  it('keeps the lines of an event it has seen, so unchanged lines need no new render', () => {
    const events = [event(0, 1, 'connect'), event(1, 1, 'text')];
    const before = transcriptOf(events, 1, true);
    const after = transcriptOf([...events, event(2, 1, 'text')], 1, true);
    expect(after[1]).toBe(before[1]);
  });

  it('makes any part of a long transcript as the whole would read, and finds the first line after the cursor', () => {
    const answered = { responses: [{ message: makeMessage('text', { text: 'a' }), frame: { frame: 'text' as const, text: 'a' } }] };
    const events = [event(0, 1, 'connect'), ...Array.from({ length: 30 }, (_, i) => event(i + 1, 1 + (i % 2), 'text', i % 3 === 0 ? answered : i % 5 === 0 ? { outcome: { kind: 'err', message: 'no' } } : {})), event(31, 1, 'close')];
    const whole = transcriptOf(events, 1, false);
    const part = new TranscriptLines(events, 1, false);
    expect(part.length).toBe(whole.length);
    for (const [start, end] of [[0, 5], [3, 17], [whole.length - 4, whole.length], [7, 7]] as const) expect(part.slice(start, end)).toEqual(whole.slice(start, end));
    for (const cursor of [-1, 0, 12, 30, 31]) expect(part.firstAfter(cursor)).toBe(whole.findIndex((line) => line.seq > cursor));
  });

  it("shows an http-framework actor's sends where they went: own events keep only what came back to them, others' only what they sent here", () => {
    const to = (connection: number, text: string) => ({ message: makeMessage('text', { text }), frame: { frame: 'text' as const, text }, to: connection });
    const events = [event(0, 1, 'connect', { responses: [to(1, 'welcome 1')] }), event(1, 2, 'connect', { responses: [to(2, 'welcome 2'), to(1, '2 joined')] }), event(2, 2, 'text', { responses: [to(1, 'hi'), to(2, 'hi')] })];
    const first = transcriptOf(events, 1, true);
    expect(kinds(first)).toEqual(['control:0', 'received:0', 'received:1', 'received:2']);
    expect(first.slice(1).map((line) => (line.kind === 'received' ? line.during : 'x'))).toEqual([undefined, { connectionId: 2 }, { connectionId: 2 }]);
    const second = transcriptOf(events, 2, true);
    expect(kinds(second)).toEqual(['control:1', 'received:1', 'sent:2', 'received:2']);
    expect(second.map((line) => line.key)).toEqual(['1', '1.0', '2', '2.1']);
    const part = new TranscriptLines(events, 1, true);
    expect(part.slice(2, 4)).toEqual(first.slice(2, 4));
    expect(part.firstAfter(0)).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { binaryMessage, makeMessage, textMessage, type ActorEvent } from '../../core';
import type { ReplayRun } from '../../store';
import { messageEvent } from '../../store/testing/fakeEvents';
import { markOf, remarked, type TourView } from './tourGoals';
import { metGoals, stepDone, targetOf } from './tourSteps';

/** A store's view with `events` (one array that grows in place, as the client's does). */
function view(events: ActorEvent[] = [], change: Partial<TourView> = {}): TourView {
  return { events, eventCount: events.length, connections: [], cursor: null, replayRun: null, ...change };
}

/** The same history with more events appended in place, as the client records them. */
function grown(before: TourView, ...more: ActorEvent[]): TourView {
  (before.events as ActorEvent[]).push(...more);
  return { ...before, eventCount: before.events.length };
}

const connect = (seq: number, connectionId = 1) => messageEvent(seq, makeMessage('connect'), { connectionId });
const text = (seq: number, connectionId = 1, change: Partial<ActorEvent> = {}) => messageEvent(seq, textMessage('hi'), { connectionId, ...change });

describe('the connection step', () => {
  it('waits for a connection opened after it began, not one already open', () => {
    const start = view([connect(0)], { connections: [{ id: 1, open: true }] });
    const mark = markOf(start);
    expect(metGoals('connection', start, mark, [])).toEqual([]);
    const after = { ...grown(start, connect(1, 2)), connections: [{ id: 1, open: true }, { id: 2, open: true }] };
    expect(stepDone('connection', metGoals('connection', after, mark, []))).toBe(true);
  });

  it('counts a connection of a new history (a load replaced it), not what the new history held', () => {
    const start = view([connect(0), connect(1, 2)], { connections: [{ id: 1, open: false }, { id: 2, open: false }] });
    const loaded = view([messageEvent(0, textMessage('init'), { kind: 'init', connectionId: null, input: null })]);
    const mark = remarked(loaded, markOf(start));
    const opened = { ...grown(loaded, connect(1)), connections: [{ id: 1, open: true }] };
    expect(metGoals('connection', opened, mark, [])).toEqual(['opened']);
    // A session imported with a connection open: that is not the person's doing.
    const imported = view([connect(0)], { connections: [{ id: 1, open: true }] });
    expect(metGoals('connection', imported, markOf(start), [])).toEqual([]);
  });
});

describe('the messages step', () => {
  it('needs a text message and then a binary one or a ping, and highlights what is missing', () => {
    const start = view([connect(0)], { connections: [{ id: 1, open: true }] });
    const mark = markOf(start);
    expect(targetOf('messages', [])).toEqual({ role: 'textbox', name: 'Message' });
    const afterText = grown(start, text(1));
    const met = metGoals('messages', afterText, mark, []);
    expect(met).toEqual(['text']);
    expect(stepDone('messages', met)).toBe(false);
    expect(targetOf('messages', met)).toEqual({ role: 'combobox', name: 'Message type' });
    const afterBinary = grown(afterText, messageEvent(2, binaryMessage(new Uint8Array([1]))));
    expect(stepDone('messages', metGoals('messages', afterBinary, mark, met))).toBe(true);
  });

  it('takes a ping, but not a close or a connect, as the other kind', () => {
    const start = view([connect(0)]);
    const mark = markOf(start);
    expect(metGoals('messages', grown(start, messageEvent(1, makeMessage('close')), connect(2, 2)), mark, [])).toEqual([]);
    const again = view([connect(0)]);
    expect(metGoals('messages', grown(again, messageEvent(1, makeMessage('ping'))), markOf(again), [])).toEqual(['other']);
  });

  it('does not take the text message that Theater\'s host delivery sends for a new connection', () => {
    const start = view([connect(0)]);
    const mark = markOf(start);
    const opening = messageEvent(1, textMessage('{"type":"connect","connection_id":2}'), { connectionId: 2 });
    expect(metGoals('messages', grown(start, opening), mark, [])).toEqual([]);
  });

  it('ignores messages sent before the step began', () => {
    const start = view([connect(0), text(1)]);
    expect(metGoals('messages', start, markOf(start), [])).toEqual([]);
  });
});

describe('the state step', () => {
  it('ticks a call the person picked, then points at its State and waits for Next while it is read', () => {
    const start = view([connect(0), text(1)]);
    const mark = markOf(start);
    expect(metGoals('state', { ...start, cursor: 1 }, mark, [])).toEqual(['selected']);
    expect(metGoals('state', start, mark, [])).toEqual([]);
    expect(targetOf('state', [])).toEqual({ role: 'list', name: 'Timeline' });
    expect(targetOf('state', ['selected'])).toEqual({ role: 'region', name: 'State' });
    expect(stepDone('state', ['selected'])).toBe(false);
  });
});

describe('the failures step', () => {
  it('ticks a failed call but never finishes by itself: its only goal is optional', () => {
    const start = view([connect(0)]);
    const mark = markOf(start);
    const failed = grown(start, text(1, 1, { outcome: { kind: 'err', message: 'faulty: asked to fail' } }));
    const met = metGoals('failures', failed, mark, []);
    expect(met).toEqual(['failed']);
    expect(stepDone('failures', met)).toBe(false);
  });
});

describe('the sender step', () => {
  it('needs two open connections and a message from one of them', () => {
    const one = view([connect(0)], { connections: [{ id: 1, open: true }] });
    const mark = markOf(one);
    // A message while only one connection is open shows nothing about the other.
    const alone = grown(one, text(1));
    expect(metGoals('sender', alone, mark, [])).toEqual([]);
    const two = { ...grown(alone, connect(2, 2)), connections: [{ id: 1, open: true }, { id: 2, open: true }] };
    expect(metGoals('sender', two, mark, [])).toEqual(['two']);
    const sent = grown(two, text(3, 2));
    expect(stepDone('sender', metGoals('sender', sent, mark, ['two']))).toBe(true);
  });
});

describe('the time travel step', () => {
  const done: ReplayRun = { status: 'done', build: 'echo', from: 0, result: {} as never };

  it('needs Step back, then Replay, and keeps Step back ticked when the replay moves the cursor', () => {
    const start = view([connect(0), text(1), text(2)]);
    const mark = markOf(start);
    expect(targetOf('time-travel', [])).toEqual({ role: 'button', name: 'Step back' });
    const back = { ...start, cursor: 1 };
    const met = metGoals('time-travel', back, mark, []);
    expect(met).toEqual(['back']);
    expect(targetOf('time-travel', met)).toEqual({ role: 'button', name: 'Replay' });
    const replayedRun = { ...start, cursor: null, replayRun: done };
    expect(stepDone('time-travel', metGoals('time-travel', replayedRun, mark, met))).toBe(true);
  });

  it('does not take a replay already shown, or one still running', () => {
    const start = view([connect(0), text(1)], { replayRun: done });
    const mark = markOf(start);
    expect(metGoals('time-travel', start, mark, [])).toEqual([]);
    expect(metGoals('time-travel', { ...start, replayRun: { status: 'running', build: 'echo', from: 0, done: 0, total: 2 } }, mark, [])).toEqual([]);
  });
});

describe('the last step', () => {
  it('waits for nothing: Next ends the tour', () => {
    expect(stepDone('next', [])).toBe(false);
    expect(targetOf('next', [])).toEqual({ role: 'tab', name: 'Interface' });
  });
});

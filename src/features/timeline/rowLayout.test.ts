import { describe, expect, it } from 'vitest';
import type { ActorEvent, HostCall } from '../../core';
import { detailCount, detailLines, MAX_DETAILS } from './eventDetails';
import { ROW, RowLayout, rowHeight } from './rowLayout';

const log = (text: string): HostCall => ({ interface: 'theater:simple/runtime', function: 'log', args: [text], result: undefined, stubbed: false });
const event = (seq: number, logs: number, change: Partial<ActorEvent> = {}): ActorEvent => ({
  seq,
  kind: 'message',
  connectionId: 1,
  startedAt: 0,
  durationMs: 1,
  input: { ty: { tag: 'text' }, text: 'hi' },
  stateBefore: null,
  stateAfter: null,
  outcome: { kind: 'ok' },
  responses: [],
  hostCalls: Array.from({ length: logs }, (_, i) => log(`line ${i}`)),
  shutdown: false,
  ...change,
});

describe('a row’s detail lines', () => {
  it('come as many as detailCount says, the failure first, capped with a count of the rest', () => {
    const stub: HostCall = { interface: 'theater:simple/kv', function: 'count', args: [], result: 0, stubbed: true };
    const cases = [event(0, 0), event(1, 2), event(2, 9), event(3, 1, { outcome: { kind: 'trap', message: 'unreachable' }, hostCalls: [stub] })];
    for (const e of cases) expect(detailLines(e)).toHaveLength(detailCount(e));
    expect(detailLines(cases[2]!).at(-1)).toMatchObject({ tone: 'more', text: `${9 - MAX_DETAILS + 1} more: the Inspector shows them all` });
    expect(detailLines(cases[3]!)).toEqual([
      { tone: 'failed', mark: '✕', text: 'unreachable' },
      { tone: 'call', mark: 'call', text: 'theater:simple/kv.count() → 0', tag: 'stub' },
    ]);
  });
});

describe('RowLayout', () => {
  it('places rows by their line counts, grows in place and finds the row at a height', () => {
    const events = [event(0, 0), event(1, 2), event(2, 1)];
    const layout = new RowLayout();
    layout.sync(events, null, 2);
    const first = rowHeight(events[0]!) + ROW.gap;
    expect(layout.top(1)).toBe(first);
    expect(layout.height(1)).toBe(2 * ROW.padding + ROW.head + 2 * ROW.line);
    layout.sync(events, null, 3);
    expect(layout.size).toBe(3);
    expect(layout.indexAt(0)).toBe(0);
    expect(layout.indexAt(first)).toBe(1);
    expect(layout.indexAt(1e9)).toBe(2);
    expect(layout.indexAt(-50)).toBe(0);
    // Another list of rows (a filter) lays out afresh.
    layout.sync(events, [2], 1);
    expect(layout.total).toBe(rowHeight(events[2]!) + ROW.gap);
  });
});

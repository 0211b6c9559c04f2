import { describe, expect, it } from 'vitest';
import type { ActorEvent, CallOutcome } from '../../core';
import { textTest } from './eventText';
import { nextMatch } from './sortedSeqs';
import { filterTest, NO_FILTER } from './timelineFilter';
import { TimelineScanner, type TimelineView } from './timelineScan';
import { messageEvent } from '../../store/testing/fakeEvents';

const event = (seq: number, text: string, change: Partial<ActorEvent> = {}): ActorEvent =>
  messageEvent(seq, { ty: { tag: 'text' }, text }, { connectionId: 1 + (seq % 2), ...change });

const history = (n: number): ActorEvent[] => Array.from({ length: n }, (_, i) => event(i, `message ${i}`));

function scanner(events: () => readonly ActorEvent[], sliceMs?: number) {
  const views: TimelineView[] = [];
  const scan = new TimelineScanner(events, (view) => views.push(view), sliceMs);
  return { scan, last: () => views.at(-1)!, views };
}

describe('the timeline filter', () => {
  it('picks by connection (the actor for init), kind, outcome, changed state and text', () => {
    const failed: CallOutcome = { kind: 'err', message: 'no such thing' };
    const init = event(0, '', { kind: 'init', connectionId: null, input: null, stateAfter: 'a'.repeat(64) });
    const connect = event(1, '', { input: { ty: { tag: 'connect' } } });
    const err = event(2, 'boom', { outcome: failed });
    const all = [init, connect, err];
    const passing = (change: Partial<typeof NO_FILTER>) => {
      const test = filterTest({ ...NO_FILTER, ...change })!;
      return all.filter((_, i) => test(all, i)).map((e) => e.seq);
    };
    expect(filterTest(NO_FILTER)).toBeNull();
    expect(passing({ connection: 'actor' })).toEqual([0]);
    expect(passing({ connection: 2 })).toEqual([1]);
    expect(passing({ kinds: ['connect', 'init'] })).toEqual([0, 1]);
    expect(passing({ outcomes: ['err'] })).toEqual([2]);
    expect(passing({ changedOnly: true })).toEqual([0]);
    expect(passing({ text: 'NO SUCH' })).toEqual([2]);
    // Blank text filters nothing.
    expect(filterTest({ ...NO_FILTER, text: '  ' })).toBeNull();
  });
});

describe('TimelineScanner', () => {
  it('shows every event without scanning when nothing is filtered, and counts new ones', () => {
    const events = history(3);
    const { scan, last } = scanner(() => events);
    scan.sync();
    expect(last()).toMatchObject({ rows: null, rowCount: 3, matchCount: 0, scanning: false });
    events.push(event(3, 'four'));
    scan.sync();
    expect(last().rowCount).toBe(4);
  });

  it('filters and searches a short history at once, then tests only what arrives, in place', () => {
    const events = history(10);
    const { scan, last } = scanner(() => events);
    scan.retest(filterTest({ ...NO_FILTER, connection: 1 }), textTest('message 1'));
    const rows = last().rows!;
    expect(rows.slice(0, last().rowCount)).toEqual([0, 2, 4, 6, 8]);
    expect(last().matches).toEqual([]);
    events.push(event(10, 'message 10'), event(11, 'message 11'), event(12, 'message 12'));
    scan.sync();
    expect(last().rows).toBe(rows);
    expect(rows.slice(0, last().rowCount)).toEqual([0, 2, 4, 6, 8, 10, 12]);
    // Search finds only among the rows shown: 11 is on the other connection.
    expect(last().matches.slice(0, last().matchCount)).toEqual([10, 12]);
  });

  it('scans a long history in slices, and a newer test cancels an older one', async () => {
    const events = history(50_000);
    const { scan, last } = scanner(() => events, 1);
    scan.retest(textTest('message 4'), null);
    expect(last().scanning).toBe(true);
    scan.retest(textTest('message 49999'), textTest('9'));
    await scan.settled();
    expect(last()).toMatchObject({ rows: [49_999], rowCount: 1, matches: [49_999], scanning: false });
  });

  it('waits for typing to pause, unless asked to settle', async () => {
    const events = history(5);
    const { scan, last } = scanner(() => events);
    scan.retest(null, textTest('message 3'), 10_000);
    expect(last()).toMatchObject({ scanning: true, matchCount: 0 });
    await scan.settled();
    expect(last()).toMatchObject({ scanning: false, matches: [3] });
  });

  it('rescans a history replaced by another', () => {
    let events = history(5);
    const { scan, last } = scanner(() => events);
    scan.retest(textTest('message'), null);
    expect(last().rowCount).toBe(5);
    events = [event(0, 'other'), event(1, 'message again')];
    scan.sync();
    expect(last().rows!.slice(0, last().rowCount)).toEqual([1]);
  });
});

describe('nextMatch', () => {
  const matches = [3, 7, 20];
  it('goes forward and back from the cursor, wrapping around', () => {
    expect(nextMatch(matches, 3, 7, 1)).toBe(20);
    expect(nextMatch(matches, 3, 20, 1)).toBe(3);
    expect(nextMatch(matches, 3, 8, -1)).toBe(7);
    expect(nextMatch(matches, 3, 3, -1)).toBe(20);
    expect(nextMatch(matches, 3, null, 1)).toBe(3);
    expect(nextMatch(matches, 3, null, -1)).toBe(20);
    expect(nextMatch(matches, 0, 5, 1)).toBeUndefined();
  });
});

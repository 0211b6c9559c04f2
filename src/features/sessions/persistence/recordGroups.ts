import type { ActorEvent } from '../../../core';
import type { StateRecord } from './stateRecords';

/**
 * Many events or states in one IndexedDB record (issue 10). Chromium pays per record: a request,
 * a key, an entry in LevelDB's log and its undo (about 1 KB of disk for a small record), so an
 * import of 100,000 events written one per record spent ~5 s of the page's thread in `put` and
 * half its disk on keys. A flush that brings at least `GROUP_AT_LEAST` events (an import, a long
 * rewrite) stores them `EVENTS_PER_RECORD` to a record; a live session's flush (an event or two)
 * stores each alone, as every session saved before did, so nothing is rewritten as it grows.
 *
 * Layout, in the `events` store under `[sessionId, seq]`: an `ActorEvent` (the event `seq`), or an
 * `ActorEvent[]` (the events from `seq` on). In `states` under `[sessionId, sha256]`: a
 * `StateRecord` (that state), or an array of `[sha256, StateRecord]` pairs, keyed by its first.
 */
export const GROUP_AT_LEAST = 16;

/** Events per record when grouped: ~100-300 KB of small events, one structured clone each. */
export const EVENTS_PER_RECORD = 1024;

/** States per record when grouped, and the stored bytes after which a record is closed early (a state of many MiB stays alone). */
const STATES_PER_RECORD = 1024;
const STATE_BYTES_PER_RECORD = 1 << 20;

/** A stored event record: one event, or a run of them from its key's `seq` on. */
export type EventRecord = ActorEvent | ActorEvent[];

/** A stored state record: one state, or a run of `[sha256, record]` pairs. */
export type StateGroup = StateRecord | Array<[string, StateRecord]>;

/** The records (key's `seq`, value) that store `events[from..]`. */
export function eventRecords(events: readonly ActorEvent[], from: number): Array<[number, EventRecord]> {
  if (events.length - from < GROUP_AT_LEAST) return events.slice(from).map((event, i) => [from + i, event]);
  const records: Array<[number, EventRecord]> = [];
  for (let start = from; start < events.length; start += EVENTS_PER_RECORD) records.push([start, events.slice(start, start + EVENTS_PER_RECORD)]);
  return records;
}

/** The records (key's sha256, value) that store `states`, in order. */
export function stateRecords(states: Array<[string, StateRecord]>): Array<[string, StateGroup]> {
  if (states.length < GROUP_AT_LEAST) return states;
  const records: Array<[string, StateGroup]> = [];
  let group: Array<[string, StateRecord]> = [];
  let bytes = 0;
  for (const pair of states) {
    group.push(pair);
    bytes += storedBytes(pair[1]);
    if (group.length >= STATES_PER_RECORD || bytes >= STATE_BYTES_PER_RECORD) {
      records.push([group[0]![0], group]);
      group = [];
      bytes = 0;
    }
  }
  if (group.length > 0) records.push([group[0]![0], group]);
  return records;
}

const storedBytes = (record: StateRecord): number => (record instanceof Uint8Array ? record.length : 'key' in record ? record.key.length : record.middle.length);

/**
 * A session's events from its records in key order, or how many of the first `count` are there.
 * A record overwrites the places it covers: a rewritten tail is deleted from its first `seq` on
 * and written again, so a group that began before that `seq` keeps stale events past it, and
 * every record after it in key order was written later and holds the current ones.
 */
export function eventsOf(records: Array<[number, EventRecord]>, count: number): { ok: true; value: ActorEvent[] } | { ok: false; found: number } {
  const events = new Array<ActorEvent | undefined>(count);
  for (const [seq, record] of records) {
    if (!Array.isArray(record)) {
      if (seq < count) events[seq] = record;
      continue;
    }
    for (let i = 0; i < record.length && seq + i < count; i++) events[seq + i] = record[i];
  }
  let found = 0;
  for (let i = 0; i < count; i++) if (events[i] !== undefined) found++;
  return found === count ? { ok: true, value: events as ActorEvent[] } : { ok: false, found };
}

/** Every `[sha256, record]` pair of a session's state records, groups opened. */
export function statePairs(records: Array<[string, StateGroup]>): Array<[string, StateRecord]> {
  return records.flatMap(([hash, record]): Array<[string, StateRecord]> => (Array.isArray(record) ? record : [[hash, record]]));
}

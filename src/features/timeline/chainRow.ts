import { chainReadings, type ActorEvent, type EntryKind } from '../../core';
import type { DetailLine, DetailTone } from './detailLine';

/**
 * Whose call a row shows: the actor's own (`init`), a simulated client's, or none for a call that
 * came from a Theater chain, which records no connection ids.
 */
export function connectionLabel(event: ActorEvent): string {
  if (event.connectionId !== null) return `conn ${event.connectionId}`;
  return event.kind === 'init' ? 'actor' : 'no conn';
}

/** A read-only event's head: its one entry in words, or how many entries it holds. */
export function chainHeadline(event: ActorEvent): string {
  const chain = event.chain;
  if (!chain) return 'chain entry';
  return chain.entries.length === 1 ? chainReadings(chain)[0]!.summary : `${chain.entries.length} chain entries`;
}

/** One line per entry under a read-only event holding several (one entry is said in the head). */
export const chainDetailCount = (event: ActorEvent, max: number): number => {
  const count = event.chain?.entries.length ?? 0;
  return count > 1 ? Math.min(max, count) : 0;
};

const TONES = { call: 'call', result: 'call', host: 'call', shutdown: 'call', log: 'log', failure: 'failed', unreadable: 'warning' } as const satisfies Record<EntryKind, DetailTone>;
const MARKS = { call: 'call', result: 'result', host: 'host', shutdown: 'stop', log: 'log', failure: '✕', unreadable: '⚠' } as const satisfies Record<EntryKind, string>;

export function chainDetailLines(event: ActorEvent): DetailLine[] {
  if (!event.chain || event.chain.entries.length < 2) return [];
  return chainReadings(event.chain).map((reading) => ({ tone: TONES[reading.kind], mark: MARKS[reading.kind], text: reading.summary }));
}

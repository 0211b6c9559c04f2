import { opensConnection, type ActorEvent, type OutcomeKind } from '../../core';
import { textTest, type EventTest } from './eventText';

/**
 * What an event is about as a person thinks of it: the actor starting, a client arriving,
 * talking, leaving, or entries of an imported Theater chain shown read-only. (The engine tells
 * `init`, `message` and `chain` apart; the rest is the input's tag.)
 */
export const TIMELINE_KINDS = ['init', 'connect', 'message', 'close', 'read-only'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export function timelineKindOf(event: ActorEvent): TimelineKind {
  if (event.kind === 'chain') return 'read-only';
  if (event.kind === 'init' || event.input === null) return 'init';
  // Theater's own host told of a connection with a text message: it is a client arriving all the same.
  if (opensConnection(event.input)) return 'connect';
  return event.input.ty.tag === 'close' ? 'close' : 'message';
}

/** Whose events to show: everyone's, the actor's own (`init` has no connection), or one client's. */
export type ConnectionChoice = 'all' | 'actor' | number;

/** The timeline's filters; an empty list of kinds or outcomes means "any". */
export interface TimelineFilter {
  connection: ConnectionChoice;
  kinds: readonly TimelineKind[];
  outcomes: readonly OutcomeKind[];
  /** Text in the input, the responses, the logs, host calls or the failure message. */
  text: string;
  /** Only events whose state after differs from the state before. */
  changedOnly: boolean;
}

export const NO_FILTER: TimelineFilter = { connection: 'all', kinds: [], outcomes: [], text: '', changedOnly: false };

export const isFiltering = (filter: TimelineFilter): boolean =>
  filter.connection !== 'all' || filter.kinds.length > 0 || filter.outcomes.length > 0 || filter.text.trim() !== '' || filter.changedOnly;

/** The test a filter stands for, or null when it lets every event through (nothing to scan). */
export function filterTest(filter: TimelineFilter): EventTest | null {
  if (!isFiltering(filter)) return null;
  const { connection, changedOnly } = filter;
  const kinds = new Set(filter.kinds);
  const outcomes = new Set(filter.outcomes);
  const text = textTest(filter.text);
  // Cheapest checks first: the text is looked at only for events that pass the rest.
  return (events, index) => {
    const event = events[index]!;
    return (
      (connection === 'all' || event.connectionId === (connection === 'actor' ? null : connection)) &&
      (outcomes.size === 0 || outcomes.has(event.outcome.kind)) &&
      (!changedOnly || event.stateBefore !== event.stateAfter) &&
      (kinds.size === 0 || kinds.has(timelineKindOf(event))) &&
      (text === null || text(events, index))
    );
  };
}

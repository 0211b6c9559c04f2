import { chainReadings, type ActorEvent, type WebsocketMessage } from '../../core';
import { deliveryBadge } from './deliveryBadge';

/** A test of one event of a history, by position: how the timeline's filters and search are written. */
export type EventTest = (events: readonly ActorEvent[], index: number) => boolean;

const kindOf = ({ ty }: WebsocketMessage): string => (ty.tag === 'other' ? `other ${ty.val}` : ty.tag);

/**
 * The text a person may look for in an event, lowercased: the input's kind and text, each
 * response's kind, text and warning, the host calls (with what was logged), the failure, where
 * responses went beyond the event's connection, and what the entries of an imported chain say.
 */
function textOf(event: ActorEvent): string {
  // Plain concatenation: this runs for every event of a long history on the first search.
  let text = event.input ? `${kindOf(event.input)} ${event.input.text ?? ''}` : event.kind === 'chain' ? 'read-only chain' : 'init';
  if (event.chain) for (const reading of chainReadings(event.chain)) text += `\n${reading.summary}`;
  for (const { message, warning } of event.responses) text += `\n${kindOf(message)} ${message.text ?? ''}${warning ? `\n${warning}` : ''}`;
  for (const call of event.hostCalls) text += `\n${call.interface}.${call.function} ${typeof call.args[0] === 'string' ? call.args[0] : ''}`;
  if (event.outcome.kind === 'err' || event.outcome.kind === 'trap') text += `\n${event.outcome.message}`;
  // The row's badge, as shown and as said ("→ 3 connections", "responses went to connection #2").
  const delivery = deliveryBadge(event);
  if (delivery) text += `\n${delivery.text}\n${delivery.label}`;
  return text.toLowerCase();
}

/**
 * Each history's texts by position, built on first use and kept: a recorded event never
 * changes and a history only grows (another history is another array), so the first search over
 * 100,000 events pays once and every later keystroke only runs `includes` over an array.
 */
const texts = new WeakMap<readonly ActorEvent[], string[]>();

/** A test for "contains this text" (any case), or null for a blank query, which asks for nothing. */
export function textTest(query: string): EventTest | null {
  const needle = query.trim().toLowerCase();
  if (needle === '') return null;
  let history: readonly ActorEvent[] | undefined;
  let known: string[] = [];
  return (events, index) => {
    if (events !== history) {
      history = events;
      known = texts.get(events) ?? [];
      texts.set(events, known);
    }
    const text = (known[index] ??= textOf(events[index]!));
    return text.includes(needle);
  };
}

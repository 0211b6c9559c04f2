import type { ActorEvent } from '../../core';

/** A row's mark for responses that went beyond the event's own connection: short on screen, whole when read aloud. */
export interface DeliveryBadge {
  text: string;
  label: string;
}

/**
 * Where an event's responses went, when that is news: to two or more connections (a broadcast)
 * or to one other than the event's own (an http-framework actor's `send-websocket-message`). Null
 * otherwise, which is every websocket-server actor's event. A pass over the responses only: rows
 * call it as they render, and search calls it once per event.
 */
export function deliveryBadge(event: Pick<ActorEvent, 'connectionId' | 'responses'>): DeliveryBadge | null {
  let first: number | null = null;
  let targets: Set<number> | undefined;
  for (const response of event.responses) {
    const to = response.to ?? event.connectionId;
    if (to === null || to === first) continue;
    if (first === null) first = to;
    else (targets ??= new Set([first])).add(to);
  }
  const count = targets?.size ?? (first === null ? 0 : 1);
  if (count >= 2) return { text: `→ ${count} connections`, label: `responses went to ${count} connections` };
  if (first !== null && first !== event.connectionId) return { text: `→ #${first}`, label: `responses went to connection #${first}` };
  return null;
}

import type { ActorEvent } from '../events';
import { HttpServers } from '../httpServers';

/** A history's servers as far as they were followed. */
interface Followed {
  servers: HttpServers;
  scanned: number;
}

// Keyed by the history array, as `eventsOfConnection` is: a history grows in place and is another
// array when replaced, so each event is followed once however many panels ask after each event.
const followed = new WeakMap<readonly ActorEvent[], Followed>();

/**
 * The http-framework servers a history leaves (`HttpServers.after`), kept up to date as the
 * history grows: the Component panel and the `WebSocket path` picker read it after every event,
 * and a pass over 100,000 events each time would be what the page spends its frames on.
 *
 * The object is this index's own and changes in place as events arrive: read what you need from
 * it at once (a selector returning a string or number), never keep it as a snapshot.
 */
export function httpServersOf(events: readonly ActorEvent[]): HttpServers {
  let known = followed.get(events);
  // A history only shrinks when it is another one; a reused array that did is followed again.
  if (!known || known.scanned > events.length) {
    known = { servers: new HttpServers(), scanned: 0 };
    followed.set(events, known);
  }
  for (; known.scanned < events.length; known.scanned++) known.servers.follow(events[known.scanned]!);
  return known.servers;
}

import type { ActorEvent } from '../events';
import { eventsOfConnection } from './connectionEvents';

/**
 * The id an http-framework actor knows the playground's connection `connectionId` by (a u64 in
 * decimal), from the connection's `connect` event; undefined for other actors, which get no id.
 * Read from the history rather than the open connections, so a closed connection keeps its id.
 * O(1) once the history is indexed (`eventsOfConnection`).
 */
export function actorConnectionId(events: readonly ActorEvent[], connectionId: number): string | undefined {
  for (const seq of eventsOfConnection(events, connectionId)) {
    const event = events[seq]!;
    // The connection's first own event is its connect; sends from others cannot come before it.
    if (event.connectionId === connectionId) return event.http?.connection;
  }
  return undefined;
}

import { describe, expect, it } from 'vitest';
import { expectOk, startExample } from '../../runtime/testing/exampleActors';
import { textMessage } from '../messages';
import { eventsOfConnection } from './connectionEvents';

describe('eventsOfConnection', () => {
  it("gives each connection's events in order as a real echo history grows, and reads a replaced history afresh", async () => {
    const { session } = await startExample('echo');
    const first = expectOk(await session.open()).connection;
    const second = expectOk(await session.open()).connection;
    const events = session.events;
    const own = (id: number, history = events) => history.flatMap((event, seq) => (event.connectionId === id ? [seq] : []));
    expect(eventsOfConnection(events, first.id)).toEqual(own(first.id));

    for (const text of ['a', 'b', 'c']) {
      expectOk(await session.send(first.id, textMessage(text)));
      expectOk(await session.send(second.id, textMessage(text)));
    }
    // The same array, grown: the index reads on from where it stopped.
    expect(session.events).toBe(events);
    expect(eventsOfConnection(events, first.id)).toEqual(own(first.id));
    expect(eventsOfConnection(events, second.id)).toEqual(own(second.id));
    expect(eventsOfConnection(events, first.id).map((seq) => events[seq]!.input?.text ?? null)).toEqual([null, 'a', 'b', 'c']);
    expect(eventsOfConnection(events, 99)).toEqual([]);

    const replaced = events.slice(0, 6);
    expect(eventsOfConnection(replaced, second.id)).toEqual(own(second.id, replaced));
    expect(eventsOfConnection(replaced, second.id).length).toBeLessThan(eventsOfConnection(events, second.id).length);
  });
});

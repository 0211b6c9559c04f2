import { describe, expect, it } from 'vitest';
import { textMessage } from '../messages';
import { expectOk, startExample } from '../../runtime/testing/exampleActors';
import { lastChangeOf } from './lastChange';

/** A counter session: init (#0), connect (#1), then each command on the one connection. */
async function counter(commands: string[]) {
  const { session } = await startExample('counter');
  const { connection } = expectOk(await session.open());
  for (const command of commands) expectOk(await session.send(connection.id, textMessage(command)));
  return { events: session.events, state: (ref: string | null) => session.state(ref) };
}

describe('the event that last changed a place in the state', () => {
  it('finds the last write to a JSON path, passing over calls that changed other paths or nothing', async () => {
    // #2 inc, #3 note (history), #4 get (no change), #5 inc, #6 other note.
    const { events, state } = await counter(['inc', 'note', 'get', 'inc', 'other']);
    const last = events.length - 1;
    expect(lastChangeOf(events, state, last, { kind: 'json', path: ['count'] })).toBe(5);
    expect(lastChangeOf(events, state, 4, { kind: 'json', path: ['count'] })).toBe(2);
    expect(lastChangeOf(events, state, last, { kind: 'json', path: ['history', 0] })).toBe(3);
    expect(lastChangeOf(events, state, last, { kind: 'json', path: ['connections'] })).toBe(1);
    // init wrote the first state; before it there was none.
    expect(lastChangeOf(events, state, 0, { kind: 'json', path: ['count'] })).toBe(0);
  });

  it('says null for a path no call ever wrote', async () => {
    const { events, state } = await counter(['inc']);
    expect(lastChangeOf(events, state, events.length - 1, { kind: 'json', path: ['nowhere'] })).toBeNull();
  });

  it('finds the last write to a byte offset', async () => {
    // {"count":N,… : the digit of the count is byte 9.
    const { events, state } = await counter(['inc', 'get', 'note']);
    const digit = 9;
    expect(String.fromCharCode(state(events.at(-1)!.stateAfter)![digit]!)).toBe('1');
    expect(lastChangeOf(events, state, events.length - 1, { kind: 'byte', offset: digit })).toBe(2);
  });
});

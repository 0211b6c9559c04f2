import { describe, expect, it } from 'vitest';
import { ActorSession } from '../../runtime/session';
import { quitterActor } from '../../runtime/testing/builtActor';
import { expectOk, startExample } from '../../runtime/testing/exampleActors';
import type { RecordedEvent } from '../events';
import { makeMessage, textMessage } from '../messages';
import { toWire } from '../wire';
import { RecordedHistory, statusOf } from './recordedHistory';

/** A real counter history: init (#0), two connections opening (#1, #2), then one event per command on the first. */
async function counter(commands: string[]) {
  const { session } = await startExample('counter');
  const first = expectOk(await session.open()).connection;
  const second = expectOk(await session.open()).connection;
  for (const command of commands) expectOk(await session.send(first.id, textMessage(command)));
  return { session, first, second };
}

/** The page's side: a history kept from what the worker sent back, event by event (the connections it opened, as the client notes them). */
function keptByThePage(session: ActorSession): RecordedHistory {
  const kept = new RecordedHistory();
  for (const { id } of session.connections) kept.connections.ensureOpen(id);
  const seen = new Set<string>();
  for (const event of session.events) {
    const newStates: RecordedEvent['newStates'] = [];
    for (const ref of [event.stateBefore, event.stateAfter]) {
      if (ref !== null && !seen.has(ref)) newStates.push([ref, session.state(ref)!]);
      if (ref !== null) seen.add(ref);
    }
    kept.append({ event, newStates });
  }
  return kept;
}

describe('RecordedHistory', () => {
  it('keeps on the page the same history the session made: events, states and the state they committed', async () => {
    const { session } = await counter(['inc 2', 'inc 3']);
    const kept = keptByThePage(session);
    expect(kept.events).toEqual(session.events);
    expect(kept.committed).toBe(session.committedState);
    expect(new TextDecoder().decode(kept.state(kept.committed))).toContain('5');
    expect(kept.toRecord().states).toEqual(session.snapshot().states);
  });

  it('carries in a prefix exactly the states its events refer to', async () => {
    const { session } = await counter(['inc 2', 'inc 3']);
    const prefix = keptByThePage(session).upTo(4);
    expect(prefix.events.map((e) => e.seq)).toEqual([0, 1, 2, 3]);
    const refs = new Set(prefix.events.flatMap((e) => [e.stateBefore, e.stateAfter]).filter((r) => r !== null));
    expect(new Set(prefix.states.map(([ref]) => ref))).toEqual(refs);
    // The state `inc 3` made is not among them: no event of the prefix refers to it.
    expect(prefix.states.map(([ref]) => ref)).not.toContain(session.committedState);
  });

  it('closes a connection whose event answered with a close frame, and only that one', async () => {
    const { session, first, second } = await counter(['inc 1']);
    const kept = keptByThePage(session);
    const last = session.events.at(-1)!;
    const closing = { ...last, seq: kept.events.length, responses: [...last.responses, toWire(makeMessage('close'))] };
    kept.append({ event: closing, newStates: [] });
    expect(kept.connections.list()).toEqual([{ id: first.id, open: false }, { id: second.id, open: true }]);
  });

  it('stops the actor from the event that called runtime.shutdown on, kept or adopted', async () => {
    const { bytes } = await quitterActor();
    const { session } = expectOk(await ActorSession.start(bytes, { name: 'quitter.wasm' }));
    const { connection } = expectOk(await session.open());
    expectOk(await session.send(connection.id, textMessage('hello')));
    expect(keptByThePage(session).status).toBe('ready');
    expectOk(await session.send(connection.id, textMessage('quit')));
    expect([keptByThePage(session).status, RecordedHistory.trusted(session.snapshot()).status, statusOf(session.events)]).toEqual(['stopped', 'stopped', 'stopped']);
    expect(statusOf(session.events.slice(0, -1))).toBe('ready');
  });

  it('adopts a snapshot from outside only when every state matches its hash and every event has its state', async () => {
    const { session } = await counter(['inc 2']);
    const snapshot = session.snapshot();
    expect(expectOk(RecordedHistory.verified(snapshot)).events).toHaveLength(snapshot.events.length);

    const [ref, bytes] = snapshot.states[0]!;
    const altered = { ...snapshot, states: [[ref, Uint8Array.from([...bytes, 1])] as [string, Uint8Array], ...snapshot.states.slice(1)] };
    expect(RecordedHistory.verified(altered)).toMatchObject({ ok: false, error: { code: 'invalid-snapshot', message: `State ${ref.slice(0, 12)}… does not match its hash.` } });

    const missing = { ...snapshot, states: snapshot.states.filter(([r]) => r !== session.committedState) };
    expect(RecordedHistory.verified(missing)).toMatchObject({ ok: false, error: { code: 'invalid-snapshot', message: `Event #${snapshot.events.length - 1} refers to a state the snapshot lacks.` } });
  });

  it('is another array when replaced, so readers tell another history from a longer one', async () => {
    const { session } = await counter([]);
    const kept = keptByThePage(session);
    const before = kept.events;
    const last = session.events.at(-1)!;
    kept.append({ event: { ...last, seq: before.length }, newStates: [] });
    expect(kept.events).toBe(before);
    expect(RecordedHistory.trusted(kept.toRecord()).events).not.toBe(before);
  });
});

import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActorClient } from '../../../host/actorClient';
import { textMessage, type Branch, type PlaygroundError } from '../../../core';
import { exampleBytes, expectOk } from '../../../runtime/testing/exampleActors';
import { deleteSession, listSessions, readSession, type StoredSession } from './savedSessions';
import type { SessionRecorder } from './sessionRecorder';
import { recorderBed } from './testing/recorderBed';

const { db, record } = recorderBed();
afterEach(() => vi.restoreAllMocks());

/** The branches the store would hold: replaced, never changed in place, as the store does. */
const kept: { branches: Branch[] } = { branches: [] };

function setUp(): { client: ActorClient; recorder: SessionRecorder; errors: PlaygroundError[] } {
  const errors: PlaygroundError[] = [];
  kept.branches = [];
  return { ...record({ cursor: () => 1, branches: () => kept.branches, onError: (error) => errors.push(error) }), errors };
}

async function chat(client: ActorClient, ...texts: string[]): Promise<number> {
  const { connection } = expectOk(await client.open());
  for (const text of texts) expectOk(await client.send(connection.id, textMessage(text)));
  return connection.id;
}

/** minimal with one connection and `inc 1`, saved; then loaded again: a second, empty session. */
async function twoSessions(): Promise<{ recorder: SessionRecorder; first: string }> {
  const { client, recorder } = setUp();
  expectOk(await client.load('minimal', exampleBytes('minimal')));
  await chat(client, 'inc 1');
  await recorder.flush();
  const first = recorder.sessionId!;
  expectOk(await client.load('minimal', exampleBytes('minimal')));
  await recorder.flush();
  return { recorder, first };
}

/** A saved session, read back, or the test fails saying what is missing. */
async function readBack(id: string): Promise<StoredSession> {
  const read = await readSession(db(), id);
  if (!read.ok) throw new Error(`session ${id} does not read back: ${read.error.message}`);
  return read.value;
}

/** The records one flush puts into `store`. */
function countPuts(): (store: string) => number {
  const put = vi.spyOn(FakeObjectStore.prototype, 'put');
  return (store) => put.mock.contexts.filter((context) => (context as IDBObjectStore).name === store).length;
}

// Each test loads a 1.6 MB QuickJS actor in a fresh worker thread: allow for a busy machine.
describe('saving the open session to IndexedDB', { timeout: 120_000 }, () => {
  it('saves what a restore needs, and the restored actor carries on from its committed state', async () => {
    const { client, recorder, errors } = setUp();
    expectOk(await client.load('counter', exampleBytes('counter')));
    await chat(client, 'inc 2', 'inc 3');
    await recorder.flush();

    const stored = await readBack(recorder.sessionId!);
    expect(stored.record).toMatchObject({ name: 'counter', eventCount: 4, cursor: 1, connections: [{ id: 1, open: true }] });
    expect(stored.snapshot.events).toEqual(client.events);
    expect(new Map(stored.snapshot.states)).toEqual(new Map(client.snapshot().states));
    expect(stored.bytes).toEqual(exampleBytes('counter'));

    const { client: reloaded } = setUp();
    expectOk(await reloaded.adoptHistory(stored.record.componentName, stored.bytes, stored.snapshot));
    const next = expectOk(await reloaded.send(1, textMessage('inc 1'))).event;
    expect(next.responses[0]!.message.text).toBe('count: 6');
    expect(errors).toEqual([]);
  });

  it('appends only the new events and writes nothing when nothing changed', async () => {
    const { client, recorder } = setUp();
    expectOk(await client.load('counter', exampleBytes('counter')));
    const id = await chat(client, 'inc 1');
    await recorder.flush();

    const puts = countPuts();
    expectOk(await client.send(id, textMessage('inc 1')));
    expectOk(await client.send(id, textMessage('get')));
    await recorder.flush();
    expect(puts('events')).toBe(2);
    // `inc 1` brings one new state; `get` leaves the state as it was.
    expect(puts('states')).toBe(1);
    expect(puts('components')).toBe(0);

    const transaction = vi.spyOn(db(), 'transaction');
    await recorder.flush();
    expect(transaction).not.toHaveBeenCalled();
    expect((await readBack(recorder.sessionId!)).snapshot.events).toEqual(client.events);
  });

  it('replaces the stored tail when the history is rewritten, in the same session', async () => {
    const { client, recorder } = setUp();
    expectOk(await client.load('counter', exampleBytes('counter')));
    const id = await chat(client, 'inc 1', 'inc 2', 'inc 3');
    await recorder.flush();
    const session = recorder.sessionId;

    // Events: init, connect, inc 1, inc 2, inc 3. A fork after `inc 1` (#2) drops the last two;
    // the ones before stay the very same objects.
    expectOk(await client.rewrite(3, []));
    expectOk(await client.send(id, textMessage('inc 10')));
    await recorder.flush();

    expect(recorder.sessionId).toBe(session);
    const stored = await readBack(session!);
    expect(stored.snapshot.events.map((e) => e.seq)).toEqual([0, 1, 2, 3]);
    expect(stored.snapshot.events).toEqual(client.events);
    expect(stored.snapshot.events.at(-1)!.responses[0]!.message.text).toBe('count: 11');
  });

  it('saves a flush of many events in one record, and a rewrite into its middle reads back as the client has it', async () => {
    const { client, recorder } = setUp();
    expectOk(await client.load('counter', exampleBytes('counter')));
    const puts = countPuts();
    const id = await chat(client, ...Array.from({ length: 20 }, () => 'inc 1'));
    await recorder.flush();
    // init, connect and 20 calls; each `inc 1` makes a state of its own.
    expect([puts('events'), puts('states')]).toEqual([1, 1]);
    expect((await readBack(recorder.sessionId!)).snapshot.events).toEqual(client.events);

    expectOk(await client.rewrite(6, []));
    expectOk(await client.send(id, textMessage('inc 5')));
    await recorder.flush();
    const stored = await readBack(recorder.sessionId!);
    expect(stored.snapshot.events).toEqual(client.events);
    // The dropped tail's states stay stored (a branch may name them); every state the client has reads back.
    const storedStates = new Map(stored.snapshot.states);
    for (const [hash, bytes] of client.snapshot().states) expect(storedStates.get(hash)).toEqual(bytes);
  });

  it('saves the branches a fork keeps aside with the session, and deletes them with it', async () => {
    const { client, recorder } = setUp();
    expectOk(await client.load('counter', exampleBytes('counter')));
    const id = await chat(client, 'inc 1', 'inc 2');
    await recorder.flush();
    const session = recorder.sessionId!;
    expect((await readBack(session)).branches).toEqual([]);

    // A fork after `inc 1`: the old future becomes branch 1, as the store keeps it.
    kept.branches = [{ id: 1, label: 'before fork at #2', snapshot: client.snapshot() }];
    expectOk(await client.rewrite(3, []));
    expectOk(await client.send(id, textMessage('inc 5')));
    await recorder.flush();

    const stored = await readBack(session);
    expect(stored.branches).toHaveLength(1);
    expect(stored.branches[0]!.label).toBe('before fork at #2');
    expect(stored.branches[0]!.snapshot.events.at(-1)!.responses[0]!.message.text).toBe('count: 3');
    expect(stored.snapshot.events.at(-1)!.responses[0]!.message.text).toBe('count: 6');

    // Unchanged branches are not written again.
    const puts = countPuts();
    expectOk(await client.send(id, textMessage('get')));
    await recorder.flush();
    expect(puts('branches')).toBe(0);

    expectOk(await client.load('minimal', exampleBytes('minimal')));
    kept.branches = [];
    await recorder.flush();
    expectOk(await deleteSession(db(), session));
    expect(await db().count('branches')).toBe(1);
  });

  it('saves a load as a new session and leaves the old one as it was', async () => {
    const { recorder, first } = await twoSessions();
    expect(recorder.sessionId).not.toBe(first);
    expect(expectOk(await listSessions(db())).map((s) => [s.id, s.eventCount])).toEqual([
      [recorder.sessionId, 0],
      [first, 2],
    ]);
    expect((await readBack(first)).snapshot.events).toHaveLength(2);
  });

  it('keeps saving into a session it was attached to after a restore', async () => {
    const { client, recorder } = setUp();
    expectOk(await client.load('minimal', exampleBytes('minimal')));
    await chat(client, 'inc 1');
    await recorder.flush();
    const stored = await readBack(recorder.sessionId!);

    const { client: reloaded, recorder: again } = setUp();
    expectOk(await reloaded.adoptHistory(stored.record.componentName, stored.bytes, stored.snapshot));
    again.attach(stored.record, stored.snapshot.states.map(([hash]) => hash));
    const puts = countPuts();
    expectOk(await reloaded.send(1, textMessage('inc 1')));
    await again.flush();

    expect(again.sessionId).toBe(stored.record.id);
    expect(puts('events')).toBe(1);
    expect(expectOk(await listSessions(db()))).toHaveLength(1);
    expect((await readBack(stored.record.id)).snapshot.events).toEqual(reloaded.events);
  });

  it('deletes a session whole, and its component once no session uses it', async () => {
    const { recorder, first } = await twoSessions();
    const second = recorder.sessionId!;

    expectOk(await deleteSession(db(), first));
    expect(await db().count('events')).toBe(0);
    expect(await db().count('components')).toBe(1);
    expect((await readBack(second)).record.name).toBe('minimal');
    expectOk(await deleteSession(db(), second));
    expect([await db().count('events'), await db().count('states'), await db().count('components'), await db().count('sessions')]).toEqual([0, 0, 0, 0]);
  });

  it('says what is missing when a stored session is incomplete', async () => {
    const { client, recorder } = setUp();
    expectOk(await client.load('minimal', exampleBytes('minimal')));
    await chat(client, 'inc 1');
    await recorder.flush();
    await db().delete('events', [recorder.sessionId!, 1]);
    expect(await readSession(db(), recorder.sessionId!)).toEqual({ ok: false, error: { code: 'invalid-session', message: '1 of its 2 events are stored' } });
  });
});

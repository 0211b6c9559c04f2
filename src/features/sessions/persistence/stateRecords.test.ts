import { describe, expect, it } from 'vitest';
import type { ActorClient } from '../../../host/actorClient';
import { textMessage } from '../../../core';
import { exampleBytes, expectOk } from '../../../runtime/testing/exampleActors';
import { readSession } from './savedSessions';
import { sessionRange } from './schema';
import type { StateGroup } from './recordGroups';
import type { SessionRecorder } from './sessionRecorder';
import type { StateRecord } from './stateRecords';
import { recorderBed, type RecorderReads } from './testing/recorderBed';

const { db, record } = recorderBed();
/** What these tests' recorders read besides the client: no cursor, no branches, and any write error fails the test. */
const reads: RecorderReads = { cursor: () => null, branches: () => [], onError: (error) => expect.fail(error.message) };

/** The counter, saved as it goes: its JSON state grows (`burst` appends to its history), shrinks (`reset`) and changes in place. */
async function savedCounter(): Promise<{ client: ActorClient; recorder: SessionRecorder; id: string }> {
  const { client, recorder } = record(reads);
  expectOk(await client.load('counter', exampleBytes('counter')));
  const { connection } = expectOk(await client.open());
  for (const text of ['burst 20', 'inc 1', 'inc 2', 'get', 'reset', 'inc 3', 'burst 5']) expectOk(await client.send(connection.id, textMessage(text)));
  await recorder.flush();
  return { client, recorder, id: recorder.sessionId! };
}

/** Each state's record, out of the groups a flush of many states writes (recordGroups.ts). */
const storedRecords = (groups: StateGroup[]): StateRecord[] => groups.flatMap((group) => (Array.isArray(group) ? group.map(([, record]) => record) : [group]));

const statesOfClient = (client: ActorClient) => new Map(client.snapshot().states);

// Each test loads a 1.6 MB QuickJS actor in a fresh worker thread: allow for a busy machine.
describe('states saved to IndexedDB as compressed deltas', { timeout: 120_000 }, () => {
  it('read back byte for byte, each after the first stored as a change to the one before', async () => {
    const { client, id } = await savedCounter();
    const stored = expectOk(await readSession(db(), id));
    expect(new Map(stored.snapshot.states)).toEqual(statesOfClient(client));

    const records = storedRecords(await db().getAll('states', sessionRange(id)));
    const kinds = records.map((r) => (r instanceof Uint8Array ? 'whole' : 'key' in r ? 'key' : 'delta'));
    expect(kinds.filter((kind) => kind === 'key')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'delta')).toHaveLength(records.length - 1);
    // The deltas are small: far less is stored than the states' bytes.
    const storedBytes = records.reduce((sum, r) => sum + (r instanceof Uint8Array ? r.length : 'key' in r ? r.key.length : r.middle.length), 0);
    expect(storedBytes).toBeLessThan(stored.snapshot.states.reduce((sum, [, bytes]) => sum + bytes.length, 0) / 3);
  });

  it('carry on after a restore, and records saved whole before deltas still read', async () => {
    const { client, id } = await savedCounter();
    // A record as the playground saved states before issue 10: the bytes themselves.
    const [hash, first] = client.snapshot().states[0]!;
    await db().put('states', first, [id, hash]);
    const stored = expectOk(await readSession(db(), id));
    expect(new Map(stored.snapshot.states)).toEqual(statesOfClient(client));

    const { client: reloaded, recorder: again } = record(reads);
    expectOk(await reloaded.adoptHistory(stored.record.componentName, stored.bytes, stored.snapshot));
    again.attach(stored.record, stored.snapshot.states.map(([ref]) => ref));
    for (const text of ['inc 4', 'burst 2']) expectOk(await reloaded.send(1, textMessage(text)));
    await again.flush();
    expect(new Map(expectOk(await readSession(db(), id)).snapshot.states)).toEqual(statesOfClient(reloaded));
  });

  it('keep a state of a MiB whole, uncompressed, with the deltas after it against it', async () => {
    const { client, recorder } = record(reads);
    expectOk(await client.load('faulty', exampleBytes('faulty')));
    const { connection } = expectOk(await client.open());
    for (const text of ['huge 1', 'hello', 'hello']) expectOk(await client.send(connection.id, textMessage(text)));
    await recorder.flush();
    const huge = client.snapshot().states.find(([, bytes]) => bytes.length > 1 << 20)![0];
    expect((await db().get('states', [recorder.sessionId!, huge]))!).toBeInstanceOf(Uint8Array);
    const records = storedRecords(await db().getAll('states', sessionRange(recorder.sessionId!)));
    expect(records.filter((r) => !(r instanceof Uint8Array) && 'base' in r && r.base === huge)).toHaveLength(1);
    expect(new Map(expectOk(await readSession(db(), recorder.sessionId!)).snapshot.states)).toEqual(statesOfClient(client));
  });

  it('a state whose base is missing is named, and the session is not opened half', async () => {
    const { client, id } = await savedCounter();
    const [base] = client.snapshot().states[0]!;
    await db().delete('states', [id, base]);
    const read = await readSession(db(), id);
    expect(read.ok ? 'opened' : read.error).toEqual({ code: 'invalid-session', message: expect.stringMatching(new RegExp(`is stored as a change to state ${base.slice(0, 12)}…, which is missing$`)) as unknown });
  });
});

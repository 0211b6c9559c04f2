import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach } from 'vitest';
import { threadWorker } from '../../../../cli/threadWorker';
import { ActorClient } from '../../../../host/actorClient';
import { expectOk } from '../../../../runtime/testing/exampleActors';
import { openSessionDb, type SessionDb } from '../schema';
import { SessionRecorder, type RecorderSource } from '../sessionRecorder';

/** A client over the real actor worker and the recorder saving it, as the store pairs them. */
export interface Recorded {
  client: ActorClient;
  recorder: SessionRecorder;
}

/** What a test's recorder reads besides the client (the store gives the cursor and the branches). */
export type RecorderReads = Omit<RecorderSource, 'client'>;

/**
 * Test support for saved sessions: registers, for the calling test file, a new empty IndexedDB
 * (fake-indexeddb) before each test and, after it, closes it and stops every actor worker the
 * test started. `db()` is the test's database; `record(reads)` a new client over a real worker
 * thread (cli/threadWorker.ts) with a recorder saving it into that database.
 */
export function recorderBed(): { db: () => SessionDb; record: (reads: RecorderReads) => Recorded } {
  const clients: ActorClient[] = [];
  let db: SessionDb | undefined;
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    db = expectOk(await openSessionDb());
  });
  afterEach(() => {
    db?.close();
    clients.splice(0).forEach((client) => client.dispose());
  });
  const current = (): SessionDb => {
    if (!db) throw new Error('recorderBed: the database opens before each test; use it inside a test');
    return db;
  };
  return {
    db: current,
    record: (reads) => {
      const client = new ActorClient({ createWorker: threadWorker });
      clients.push(client);
      return { client, recorder: new SessionRecorder(current(), { client, ...reads }) };
    },
  };
}

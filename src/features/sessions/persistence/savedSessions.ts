import { limitsFrom, type Branch, type SessionSnapshot } from '../../../core';
import { sessionRange, stored, type SessionDb, type SessionRecord, type Stored } from './schema';
import { eventsOf, statePairs } from './recordGroups';
import { statesOf } from './stateRecords';

/** A saved session, read back: what `client.adoptHistory` needs to carry on where it stopped. */
export interface StoredSession {
  record: SessionRecord;
  bytes: Uint8Array;
  snapshot: SessionSnapshot;
  branches: Branch[];
}

/** Every saved session, the most recently changed first. */
export function listSessions(db: SessionDb): Promise<Stored<SessionRecord[]>> {
  return stored(
    async () => (await db.getAll('sessions')).sort((a, b) => b.modifiedAt - a.modifiedAt),
    (why) => `The saved sessions could not be read from IndexedDB (${why}).`,
  );
}

/**
 * The session a starting page restores: the one this tab had open (a reload), while it is still
 * saved, else the one opened last in any tab (a new tab, or a tab whose storage went with a crash).
 */
export function sessionToRestore(db: SessionDb, tabSession: string | undefined): Promise<Stored<string | undefined>> {
  return stored(
    async () => (tabSession !== undefined && (await db.getKey('sessions', tabSession)) !== undefined ? tabSession : db.get('settings', 'current')),
    (why) => `The last session could not be looked up in IndexedDB (${why}); the default example was loaded instead.`,
  );
}

/**
 * Reads one session whole, checking that its parts agree (the engine checks the states against
 * their hashes when the history is adopted). The error's message says what is wrong as a clause
 * the alert completes ("… could not be opened: <message>."): `invalid-session` when records are
 * missing, `storage-failed` when IndexedDB could not read them.
 */
export async function readSession(db: SessionDb, id: string): Promise<Stored<StoredSession>> {
  const incomplete = (message: string): Stored<never> => ({ ok: false, error: { code: 'invalid-session', message } });
  const read = await stored(async (): Promise<Stored<StoredSession>> => {
    const tx = db.transaction(['sessions', 'events', 'states', 'components', 'branches'], 'readonly');
    const [record, eventKeys, eventValues, stateKeys, states, branches] = await Promise.all([
      tx.objectStore('sessions').get(id),
      tx.objectStore('events').getAllKeys(sessionRange(id)),
      tx.objectStore('events').getAll(sessionRange(id)),
      tx.objectStore('states').getAllKeys(sessionRange(id)),
      tx.objectStore('states').getAll(sessionRange(id)),
      tx.objectStore('branches').get(id),
    ]);
    if (!record) return incomplete('it is no longer in the database');
    const component = await tx.objectStore('components').get(record.componentHash);
    if (!component) return incomplete(`its component (sha256 ${record.componentHash.slice(0, 12)}…) is missing`);
    const events = eventsOf(eventKeys.map(([, seq], i) => [seq, eventValues[i]!]), record.eventCount);
    if (!events.ok) return incomplete(`${events.found} of its ${record.eventCount} events are stored`);
    const rebuilt = statesOf(statePairs(stateKeys.map(([, hash], i) => [hash, states[i]!])));
    if (!rebuilt.ok) return incomplete(rebuilt.reason);
    return {
      ok: true,
      value: {
        record,
        bytes: component.bytes,
        snapshot: {
          events: events.value,
          states: rebuilt.value,
          connections: record.connections,
          delivery: record.delivery,
          wasi: record.wasi,
          ...(record.limits ? { limits: limitsFrom(record.limits) } : {}),
        },
        branches: branches ?? [],
      },
    };
  }, (why) => `IndexedDB could not read it (${why})`);
  return read.ok ? read.value : read;
}

/** Deletes a session's records, and its component when no other session uses it. */
export function deleteSession(db: SessionDb, id: string): Promise<Stored<null>> {
  return stored(() => deleteRecords(db, id), (why) => `The session could not be deleted from IndexedDB (${why}).`);
}

async function deleteRecords(db: SessionDb, id: string): Promise<null> {
  const tx = db.transaction(['sessions', 'events', 'states', 'components', 'branches', 'settings'], 'readwrite');
  const sessions = tx.objectStore('sessions');
  const record = await sessions.get(id);
  await Promise.all([sessions.delete(id), tx.objectStore('events').delete(sessionRange(id)), tx.objectStore('states').delete(sessionRange(id)), tx.objectStore('branches').delete(id)]);
  if (record && !(await sessions.getAll()).some((other) => other.componentHash === record.componentHash)) await tx.objectStore('components').delete(record.componentHash);
  if ((await tx.objectStore('settings').get('current')) === id) await tx.objectStore('settings').delete('current');
  await tx.done;
  return null;
}

import type { Branch, Result, SessionSnapshot } from '../../../core';
import { thrownMessage } from '../../../store/alert';
import { sessionRange, type SessionDb, type SessionRecord } from './schema';

/** A saved session, read back: what `client.adoptHistory` needs to carry on where it stopped. */
export interface StoredSession {
  record: SessionRecord;
  bytes: Uint8Array;
  snapshot: SessionSnapshot;
  branches: Branch[];
}

/** Every saved session, the most recently changed first. */
export async function listSessions(db: SessionDb): Promise<SessionRecord[]> {
  const records = await db.getAll('sessions');
  return records.sort((a, b) => b.modifiedAt - a.modifiedAt);
}

/**
 * The session a starting page restores: the one this tab had open (a reload), while it is still
 * saved, else the one opened last in any tab (a new tab, or a tab whose storage went with a crash).
 */
export async function sessionToRestore(db: SessionDb, tabSession: string | undefined): Promise<string | undefined> {
  if (tabSession !== undefined && (await db.getKey('sessions', tabSession)) !== undefined) return tabSession;
  return db.get('settings', 'current');
}

/**
 * Reads one session whole, checking that its parts agree (the engine checks the states against
 * their hashes when the history is adopted). The error says what is missing, for the alert.
 */
export async function readSession(db: SessionDb, id: string): Promise<Result<StoredSession, string>> {
  try {
    const tx = db.transaction(['sessions', 'events', 'states', 'components', 'branches'], 'readonly');
    const [record, events, stateKeys, states, branches] = await Promise.all([
      tx.objectStore('sessions').get(id),
      tx.objectStore('events').getAll(sessionRange(id)),
      tx.objectStore('states').getAllKeys(sessionRange(id)),
      tx.objectStore('states').getAll(sessionRange(id)),
      tx.objectStore('branches').get(id),
    ]);
    if (!record) return { ok: false, error: 'it is no longer in the database' };
    const component = await tx.objectStore('components').get(record.componentHash);
    if (!component) return { ok: false, error: `its component (sha256 ${record.componentHash.slice(0, 12)}…) is missing` };
    if (events.length !== record.eventCount) return { ok: false, error: `${events.length} of its ${record.eventCount} events are stored` };
    return {
      ok: true,
      value: {
        record,
        bytes: component.bytes,
        snapshot: {
          events,
          states: stateKeys.map(([, hash], i) => [hash, states[i]!]),
          connections: record.connections,
          delivery: record.delivery,
          status: events.some((e) => e.shutdown) ? 'stopped' : 'ready',
        },
        branches: branches ?? [],
      },
    };
  } catch (thrown) {
    return { ok: false, error: `IndexedDB could not read it (${thrownMessage(thrown)})` };
  }
}

/** Deletes a session's records, and its component when no other session uses it. */
export async function deleteSession(db: SessionDb, id: string): Promise<void> {
  const tx = db.transaction(['sessions', 'events', 'states', 'components', 'branches', 'settings'], 'readwrite');
  const sessions = tx.objectStore('sessions');
  const record = await sessions.get(id);
  await Promise.all([sessions.delete(id), tx.objectStore('events').delete(sessionRange(id)), tx.objectStore('states').delete(sessionRange(id)), tx.objectStore('branches').delete(id)]);
  if (record && !(await sessions.getAll()).some((other) => other.componentHash === record.componentHash)) await tx.objectStore('components').delete(record.componentHash);
  if ((await tx.objectStore('settings').get('current')) === id) await tx.objectStore('settings').delete('current');
  await tx.done;
}

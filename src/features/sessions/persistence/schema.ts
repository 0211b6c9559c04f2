import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Branch, ConnectDelivery, Connection, Limits, PlaygroundError, Result, WasiSettings } from '../../../core';
import { thrownMessage } from '../../../store/alert';
import type { EventRecord, StateGroup } from './recordGroups';

/** What the `Saved sessions` list shows of a session, and what a restore needs besides its records. */
export interface SessionRecord {
  id: string;
  /** The actor's name as `Actor status` shows it. */
  name: string;
  /** The name the component was loaded under (the client's, which may end in `.wasm`). */
  componentName: string;
  /** sha256 of the component bytes: the key of its record in `components`. */
  componentHash: string;
  eventCount: number;
  createdAt: number;
  modifiedAt: number;
  cursor: number | null;
  connections: Connection[];
  /** The server setting for connections; absent in records saved before it existed (`interface`). */
  delivery?: ConnectDelivery;
  /** How WASI's clocks and random answered; absent in records saved before it existed (the defaults). */
  wasi?: WasiSettings;
  /** The limits the actor ran under (core/limits.ts); absent in records saved before they existed (the page's own then). */
  limits?: Limits;
}

export interface ComponentRecord {
  hash: string;
  bytes: Uint8Array;
}

/**
 * The playground's database. Events and states are keyed by `[sessionId, ...]` so a
 * session's records are one key range: appended without reading, a rewritten tail deleted by
 * range, a whole session deleted by range. Components are shared between sessions by hash (they
 * are the big records, and `New session` reuses the same bytes).
 */
export interface PlaygroundDb extends DBSchema {
  sessions: { key: string; value: SessionRecord };
  /** An event by its seq, or a run of events from that seq on (recordGroups.ts). */
  events: { key: [string, number]; value: EventRecord };
  /** A state by its SHA-256: whole or a delta against the one saved before it, compressed (stateRecords.ts); or a run of them keyed by the first (recordGroups.ts). */
  states: { key: [string, string]; value: StateGroup };
  components: { key: string; value: ComponentRecord };
  /** Version 2: the histories kept aside by forks and edits, all of one session's in one record. */
  branches: { key: string; value: Branch[] };
  /** `current`: the id of the session the page had open last, restored on the next start. */
  settings: { key: 'current'; value: string };
}

export type SessionDb = IDBPDatabase<PlaygroundDb>;
export type StoreName = 'sessions' | 'events' | 'states' | 'components' | 'branches' | 'settings';
export const ALL_STORES: StoreName[] = ['sessions', 'events', 'states', 'components', 'branches', 'settings'];

export const DB_NAME = 'theater-playground';
const DB_VERSION = 2;

/** What persistence answers: a value, or why not (`storage-failed`, `invalid-session`, `session-in-use`). */
export type Stored<T> = Result<T, PlaygroundError>;

/**
 * Runs IndexedDB work, turning what it throws into a `storage-failed` result whose message `say`
 * makes from the browser's reason: IndexedDB throws (quota, a private window, a database deleted
 * underneath), and persistence answers in values like everything else.
 */
export async function stored<T>(work: () => Promise<T>, say: (why: string) => string): Promise<Stored<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (thrown) {
    return { ok: false, error: { code: 'storage-failed', message: say(thrownMessage(thrown)) } };
  }
}

/** Opens (creating or upgrading) the playground's database; fails where the browser has no IndexedDB for the page. */
export function openSessionDb(): Promise<Stored<SessionDb>> {
  return stored(openDatabase, (why) => `Sessions are not saved in this browser: IndexedDB is unavailable (${why}). The playground works, but a reload loses the session: use Export session to keep it.`);
}

function openDatabase(): Promise<SessionDb> {
  return openDB<PlaygroundDb>(DB_NAME, DB_VERSION, {
    // Each version adds to the last, so a database saved by an older page keeps its sessions.
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('sessions', { keyPath: 'id' });
        db.createObjectStore('events');
        db.createObjectStore('states');
        db.createObjectStore('components', { keyPath: 'hash' });
        db.createObjectStore('settings');
      }
      if (oldVersion < 2) db.createObjectStore('branches');
    },
  });
}

/** Every key `[id, *]` of one session, in `events` or `states`. */
export const sessionRange = (id: string): IDBKeyRange => IDBKeyRange.bound([id], [id, []]);

/** The events of one session from `seq` on: the tail a rewrite replaces. */
export const eventsFrom = (id: string, seq: number): IDBKeyRange => IDBKeyRange.bound([id, seq], [id, Infinity]);

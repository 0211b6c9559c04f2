import type { ActorClient } from '../../../host/actorClient';
import { actorNameOf, componentHash, StateChainWriter, toHex, type ActorEvent, type Branch, type ComponentInfo, type PlaygroundError, type WasiSettings } from '../../../core';
import { thrownMessage } from '../../../store/alert';
import { continuesSession, savedPrefix } from './lineage';
import { SessionLocks } from './sessionLocks';
import { eventRecords, stateRecords } from './recordGroups';
import { stateRecordOf, type StateRecord } from './stateRecords';
import { writeTabSession } from './tabSession';
import { ALL_STORES, eventsFrom, sessionRange, type SessionDb, type SessionRecord, type Stored } from './schema';

/**
 * How long changes gather before they are written. Short enough that an event is on disk well
 * within 100 ms of being recorded (a crashed tab keeps it), long enough that a burst of events
 * (a rewrite re-running a long tail) goes in one transaction rather than one per event.
 */
const FLUSH_DELAY_MS = 25;

export interface RecorderSource {
  client: ActorClient;
  /** The timeline cursor, saved with the session. */
  cursor(): number | null;
  /** The histories kept aside by forks and edits, saved with the session. */
  branches(): Branch[];
  /** A write failed (`storage-failed`): told once per run of failures, so the person can export before losing anything. */
  onError(error: PlaygroundError): void;
  /** The open history became another saved session (a load or an import starts a new one): its id, as soon as it has one. */
  onSession?(id: string): void;
}

/** What the person is told when IndexedDB refuses a write: the session is safe only in this tab. */
const writeFailed = (thrown: unknown): PlaygroundError => ({
  code: 'storage-failed',
  message: `Saving the session to IndexedDB failed (${thrownMessage(thrown)}). It is still open in this tab: use Export session to keep a copy.`,
});

/** Why a saved session cannot be restored or deleted in this tab; the alert completes the clause. */
const SESSION_IN_USE: PlaygroundError = { code: 'session-in-use', message: 'it is open in another tab, which is saving it' };

const newSessionId = (): string => toHex(crypto.getRandomValues(new Uint8Array(8)));

const connectionsKey = (record: SessionRecord): string => record.connections.map((c) => `${c.id}${c.open ? '+' : '-'}`).join();

const sameWasi = (a: WasiSettings | undefined, b: WasiSettings | undefined): boolean => a?.seed === b?.seed && a?.startMs === b?.startMs && a?.real === b?.real;

/** Whether two saves of one session differ in anything but the time they were made. */
const sameRecord = (a: SessionRecord | undefined, b: SessionRecord): boolean =>
  a !== undefined && a.id === b.id && a.eventCount === b.eventCount && a.cursor === b.cursor && a.componentHash === b.componentHash && a.name === b.name && a.delivery === b.delivery && sameWasi(a.wasi, b.wasi) && a.limits === b.limits && connectionsKey(a) === connectionsKey(b);

/**
 * Saves the client's session to IndexedDB as it changes, writing only what changed: new events
 * (and the states they bring, each once) are appended (many to a record when a flush brings
 * many: recordGroups.ts), a rewritten tail replaces the stored one,
 * the component is stored once per hash, and the small session record (cursor, connections,
 * counts) is overwritten. Writes are optimistic: what a transaction will write counts as saved
 * when it is queued (IndexedDB runs them in order), and a failure makes the next flush write the
 * whole session again, so a lost transaction cannot leave a gap.
 */
export class SessionRecorder {
  #id: string | undefined;
  #info: ComponentInfo | undefined;
  /** The saved events: the client's own objects, so a rewrite shows as a change of identity. */
  #events: ActorEvent[] = [];
  #states = new Set<string>();
  /** Each new state is saved as a delta against the one saved before it (stateRecords.ts); restarted whenever the saved states are not known. */
  readonly #chain = new StateChainWriter();
  #components = new Set<string>();
  #record: SessionRecord | undefined;
  /** The branches as last written (the store replaces the array when they change). */
  #branches: Branch[] | undefined;
  #hashed: { bytes: Uint8Array; hash: string } | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #rewriteAll = false;
  #failing = false;
  readonly #locks = new SessionLocks();

  constructor(
    private readonly db: SessionDb,
    private readonly source: RecorderSource,
  ) {}

  get sessionId(): string | undefined {
    return this.#id;
  }

  /**
   * Claims a saved session before it is restored into this tab: `session-in-use` when another tab
   * has it open. Call `attach` once it is restored, or `release` when the restore failed.
   */
  async claim(id: string): Promise<Stored<null>> {
    return (await this.#locks.take(id)) ? { ok: true, value: null } : { ok: false, error: SESSION_IN_USE };
  }

  /** Lets go of a claimed session that did not become this tab's. */
  release(id: string): void {
    if (id !== this.#id) this.#locks.keepOnly(this.#id);
  }

  /**
   * Takes over a session the client just adopted from its stored records: nothing to write but
   * the pointer that makes it the one a reload restores. Call it in the same task as the adopt
   * resolves, before a scheduled flush could take the adopted history for a new session.
   */
  attach(record: SessionRecord, stateRefs: Iterable<string>): void {
    const { client } = this.source;
    this.#id = record.id;
    this.#info = client.info;
    this.#events = [...client.events];
    this.#states = new Set(stateRefs);
    this.#chain.restart();
    this.#components.add(record.componentHash);
    this.#record = record;
    this.#branches = this.source.branches();
    this.#locks.keepOnly(record.id);
    writeTabSession(record.id);
    this.db.put('settings', record.id, 'current').catch((thrown: unknown) => this.source.onError(writeFailed(thrown)));
  }

  schedule(): void {
    this.#timer ??= setTimeout(() => void this.flush(), FLUSH_DELAY_MS);
  }

  /** Writes what changed now: before the page goes away, or another session is opened. */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    try {
      await this.#write();
      this.#failing = false;
    } catch (thrown) {
      this.#events = [];
      this.#states.clear();
      this.#chain.restart();
      this.#components.clear();
      this.#branches = undefined;
      this.#rewriteAll = true;
      if (!this.#failing) this.source.onError(writeFailed(thrown));
      this.#failing = true;
    }
  }

  /** Queues one transaction with everything not yet saved (none when nothing changed). */
  #write(): Promise<unknown> | undefined {
    const { client } = this.source;
    const component = client.component;
    const info = client.info;
    if (!component || !info) return undefined;
    const events = client.events;
    if (this.#id === undefined || !continuesSession({ info: this.#info, events: this.#events }, { info, events })) {
      const fresh = newSessionId();
      this.#id = fresh;
      this.source.onSession?.(fresh);
      this.#events = [];
      this.#states.clear();
      this.#chain.restart();
      this.#record = undefined;
      // A new random id is no other tab's: the lock only keeps other tabs from restoring it.
      void this.#locks.take(fresh);
      this.#locks.keepOnly(fresh);
      writeTabSession(fresh);
    }
    const id = this.#id;
    const keep = savedPrefix(this.#events, events);
    const now = Date.now();
    const record: SessionRecord = {
      id,
      name: actorNameOf(component.name),
      componentName: component.name,
      componentHash: this.#hash(component.bytes),
      eventCount: events.length,
      createdAt: this.#record?.createdAt ?? now,
      modifiedAt: now,
      cursor: this.source.cursor(),
      connections: client.connections.map((c) => ({ ...c })),
      delivery: client.delivery,
      wasi: client.runningWasi,
      limits: client.limits,
    };
    this.#info = info;
    const sameEvents = !this.#rewriteAll && keep === this.#events.length && keep === events.length;
    const branches = this.source.branches();
    const sameBranches = branches === this.#branches && record.id === this.#record?.id;
    if (sameEvents && sameBranches && sameRecord(this.#record, record)) return undefined;
    // Moving the cursor is saved, but it does not make the session "modified" in the list.
    if (sameEvents && this.#record && sameRecord(this.#record, { ...record, cursor: this.#record.cursor })) record.modifiedAt = this.#record.modifiedAt;

    const tx = this.db.transaction(ALL_STORES, 'readwrite');
    const eventStore = tx.objectStore('events');
    const stateStore = tx.objectStore('states');
    const requests: Promise<unknown>[] = [tx.done];
    const full = this.#rewriteAll;
    this.#rewriteAll = false;
    if (full) requests.push(eventStore.delete(sessionRange(id)), stateStore.delete(sessionRange(id)));
    else if (keep < this.#events.length) requests.push(eventStore.delete(eventsFrom(id, keep)));
    if (!this.#components.has(record.componentHash)) {
      this.#components.add(record.componentHash);
      requests.push(tx.objectStore('components').put({ hash: record.componentHash, bytes: component.bytes }));
    }
    this.#events.length = keep;
    const newStates: Array<[string, StateRecord]> = [];
    for (let seq = keep; seq < events.length; seq++) {
      const event = events[seq]!;
      this.#events.push(event);
      for (const ref of [event.stateBefore, event.stateAfter]) {
        if (ref === null || this.#states.has(ref)) continue;
        this.#states.add(ref);
        const bytes = client.state(ref)!;
        newStates.push([ref, stateRecordOf(this.#chain.next(ref, bytes), bytes)]);
      }
    }
    for (const [seq, record] of eventRecords(events, keep)) requests.push(eventStore.put(record, [id, seq]));
    for (const [ref, record] of stateRecords(newStates)) requests.push(stateStore.put(record, [id, ref]));
    if (!sameBranches) requests.push(tx.objectStore('branches').put(branches, id));
    this.#branches = branches;
    if (full || record.id !== this.#record?.id) requests.push(tx.objectStore('settings').put(id, 'current'));
    requests.push(tx.objectStore('sessions').put(record));
    this.#record = record;
    // Committing at once, rather than when the requests drain, gives the data its best chance
    // when the page is going away (a reload right after an event).
    tx.commit();
    return Promise.all(requests);
  }

  /** The component's hash, computed once per bytes: hashing megabytes per flush would show. */
  #hash(bytes: Uint8Array): string {
    if (this.#hashed?.bytes !== bytes) this.#hashed = { bytes, hash: componentHash(bytes) };
    return this.#hashed.hash;
  }
}

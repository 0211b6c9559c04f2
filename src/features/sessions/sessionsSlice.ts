import { actorNameOf } from '../../core';
import type { PlaygroundAlert } from '../../store/alert';
import type { Slice, StoreContext } from '../../store/context';
import { replacedHistory, settledStatus, workspaceOf, type Replacement } from '../../store/mirror';
import { deleteSession, listSessions, readSession, sessionToRestore } from './persistence/savedSessions';
import { openSessionDb, type SessionDb, type SessionRecord, type Stored } from './persistence/schema';
import { SessionRecorder } from './persistence/sessionRecorder';
import { readTabSession } from './persistence/tabSession';
import { BUILD_EXAMPLES_HINT, DEFAULT_ACTOR, startupActor } from '../../store/startupActor';

/** A saved session as the `Saved sessions` list shows it. */
export type SavedSession = Pick<SessionRecord, 'id' | 'name' | 'eventCount' | 'modifiedAt'>;

/** Sessions kept in IndexedDB: the open one saved as it changes, the others to reopen or delete. */
export interface SessionsSlice {
  /** The saved sessions, most recently changed first, as of the last `refreshSessions`. */
  savedSessions: SavedSession[];
  /** The saved session the page has open (null until its first save). */
  currentSessionId: string | null;
  /** Why nothing is being saved (IndexedDB unavailable); null while saving works. */
  persistenceOff: string | null;

  /**
   * The page's start: reopens the session open at the last reload or crash, else does what
   * `start` does. A link naming an actor (`?actor=`) wins: it starts a new session with it.
   */
  startOrRestore(): Promise<void>;
  refreshSessions(): Promise<void>;
  reopenSession(id: string): Promise<void>;
  /** Deletes a saved session other than the open one. */
  deleteSession(id: string): Promise<void>;
  /** Starts a clean history of the loaded component; the current one stays saved. */
  newSession(): Promise<void>;
  /** The last time something took the workspace's place (a load, an import, a reopened or new session), until dismissed. */
  replaced: Replacement | null;
  /** Brings back the workspace the last replacement took the place of: its saved session, or the copy kept here. */
  undoReplace(): Promise<void>;
  dismissReplaced(): void;
}

/** How a session is named in messages, as in the list: `echo (12 events)`. */
export const sessionLabel = (session: Pick<SavedSession, 'name' | 'eventCount'>): string => `${session.name} (${eventsText(session.eventCount)})`;

/** `1 event`, `12 events`. */
export const eventsText = (count: number): string => `${count} ${count === 1 ? 'event' : 'events'}`;

export const createSessionsSlice =
  ({ client }: StoreContext): Slice<SessionsSlice> =>
  (set, get, api) => {
    let started = false;
    let db: SessionDb | undefined;
    let recorder: SessionRecorder | undefined;

    // Everything a session saves changes one of these; the recorder writes only what differs.
    api.subscribe((state, prev) => {
      // Any change to the new history (an event, a fork, an edit) makes an Undo of the replacement a replacement of that work: the notice has said where the old one is.
      if (state.replaced && state.replaced === prev.replaced && (state.eventCount !== prev.eventCount || state.events !== prev.events)) set({ replaced: null });
      if (state.eventCount !== prev.eventCount || state.events !== prev.events || state.connections !== prev.connections || state.cursor !== prev.cursor || state.info !== prev.info || state.branches !== prev.branches) recorder?.schedule();
    });

    /** Shows `alert` after whatever the last action showed, so neither hides the other. */
    const showAlongside = (alert: PlaygroundAlert): void => {
      const shown = get().alert;
      get().showAlert(shown ? { ...alert, message: `${alert.message} ${shown.message}` } : alert);
    };

    /**
     * Makes a saved session the live one. Why it could not is a clause the caller's alert
     * completes, with the cause's code: `session-in-use`, persistence's, or the engine's. When a
     * load or an import was asked for after `asked` (the count of them when the restore was asked
     * for), the restore gives way to it: it does nothing and the session stays saved.
     */
    const restore = async (database: SessionDb, saver: SessionRecorder, id: string, asked = get().replacementsAsked): Promise<Stored<null>> => {
      const claimed = await saver.claim(id);
      if (!claimed.ok) return claimed;
      const stored = await readSession(database, id);
      if (!stored.ok) {
        saver.release(id);
        return stored;
      }
      const { record, bytes, snapshot, branches } = stored.value;
      // A load or an import asked for while the session was read wins: this one gives way, and stays saved.
      if (get().replacementsAsked !== asked) {
        saver.release(id);
        return { ok: true, value: null };
      }
      const shownName = get().actorName;
      const previous = workspaceOf(client, get());
      set({ status: 'loading', actorName: record.name, alert: null });
      const adopted = await client.adoptHistory(record.componentName, bytes, snapshot);
      if (!adopted.ok) {
        saver.release(id);
        set({ status: settledStatus(client), actorName: shownName });
        return adopted;
      }
      // The session's branches come with it; set before `attach`, which takes them as saved.
      set({ ...replacedHistory(client, adopted.value, { what: `Opened the saved session ${sessionLabel(record)}`, previous }), branches, actorName: record.name });
      saver.attach(record, snapshot.states.map(([hash]) => hash));
      set({ status: settledStatus(client), currentSessionId: record.id });
      get().select(record.cursor);
      return { ok: true, value: null };
    };

    return {
      savedSessions: [],
      currentSessionId: null,
      persistenceOff: null,
      replaced: null,

      async undoReplace() {
        const previous = get().replaced?.previous;
        if (!previous) return;
        // Saved: reopening it keeps one saved session, under its own id, rather than saving a copy.
        if (db && recorder && previous.sessionId && previous.sessionId !== recorder.sessionId) return get().reopenSession(previous.sessionId);
        const now = workspaceOf(client, get());
        set({ status: 'loading', alert: null });
        const adopted = await client.adoptHistory(previous.component.name, previous.component.bytes, previous.snapshot);
        if (!adopted.ok) return set({ alert: adopted.error, status: settledStatus(client) });
        set({ ...replacedHistory(client, adopted.value, { what: `Brought back ${previous.name}`, previous: now }), branches: previous.branches, actorName: previous.name, status: settledStatus(client) });
        get().select(previous.cursor);
      },

      dismissReplaced() {
        set({ replaced: null });
      },

      async startOrRestore() {
        if (started) return;
        started = true;
        // The default example only if nothing else was asked for meanwhile (a file chosen at once).
        const asked = get().replacementsAsked;
        const start = () => (get().replacementsAsked === asked ? get().start() : get().fetchCatalog());
        const opened = await openSessionDb();
        if (!opened.ok) {
          set({ persistenceOff: opened.error.message });
          await start();
          showAlongside(opened.error);
          return;
        }
        db = opened.value;
        // The store names the open session as the recorder does, so a replacement says (and Undo reopens) the right one.
        const saver = new SessionRecorder(db, { client, cursor: () => get().cursor, branches: () => get().branches, onError: showAlongside, onSession: (id) => set({ currentSessionId: id }) });
        recorder = saver;
        // A reload or a closed tab must not lose the last ~25 ms of changes waiting to be written.
        globalThis.addEventListener?.('pagehide', () => void saver.flush());

        if (startupActor(globalThis.location?.search ?? '').linked) return start();
        const last = await sessionToRestore(db, readTabSession());
        if (!last.ok) {
          await start();
          showAlongside(last.error);
          return;
        }
        const restored = last.value === undefined ? undefined : await restore(db, saver, last.value, asked);
        if (restored?.ok) {
          await get().fetchCatalog();
          return;
        }
        await start();
        // A second tab starts afresh, as a first visit does; the other tab's session is in the list.
        if (restored && restored.error.code !== 'session-in-use') showAlongside({ code: restored.error.code, message: `The last session could not be restored: ${restored.error.message}. It is still in Saved sessions; the default example was loaded instead.` });
      },

      async refreshSessions() {
        if (!db) return;
        // Changes still waiting to be written (the recorder waits a few ms to batch them) go in first: the list shows what is on disk.
        await recorder?.flush();
        const listed = await listSessions(db);
        if (listed.ok) set({ savedSessions: listed.value, currentSessionId: recorder?.sessionId ?? null });
        else get().showAlert(listed.error);
      },

      async reopenSession(id) {
        if (!db || !recorder || id === recorder.sessionId) return;
        const listed = get().savedSessions.find((s) => s.id === id);
        // The open session's last changes go in before it is replaced.
        await recorder.flush();
        const restored = await restore(db, recorder, id);
        if (!restored.ok) get().showAlert({ code: restored.error.code, message: `The saved session ${listed ? sessionLabel(listed) : id} could not be opened: ${restored.error.message}.` });
        await get().refreshSessions();
      },

      async deleteSession(id) {
        if (!db || !recorder || id === recorder.sessionId) return;
        const claimed = await recorder.claim(id);
        if (!claimed.ok) {
          get().showAlert({ code: claimed.error.code, message: `That session cannot be deleted here: ${claimed.error.message}. Close it there first.` });
          return;
        }
        const deleted = await deleteSession(db, id);
        recorder.release(id);
        if (!deleted.ok) get().showAlert(deleted.error);
        await get().refreshSessions();
      },

      async newSession() {
        await recorder?.flush();
        const component = client.component;
        // A new load is a new history, which the recorder saves under a new id (see lineage.ts).
        if (component) await get().loadBytes(actorNameOf(component.name), component.bytes);
        else await get().loadUrl(DEFAULT_ACTOR.url, DEFAULT_ACTOR.name, BUILD_EXAMPLES_HINT);
        const replaced = get().replaced;
        if (replaced && component) set({ replaced: { ...replaced, what: `Started a new session of ${actorNameOf(component.name)}` } });
        await recorder?.flush();
        await get().refreshSessions();
      },
    };
  };

// This slice's part of the store's state (see store/playgroundState.ts).
declare module '../../store/playgroundState' {
  interface PlaygroundState extends SessionsSlice {}
}

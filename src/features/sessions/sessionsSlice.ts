import { thrownMessage, type PlaygroundAlert } from '../../store/alert';
import type { Slice, StoreContext } from '../../store/context';
import { mirror, settledStatus } from '../../store/mirror';
import { deleteSession, listSessions, readSession, sessionToRestore } from './persistence/savedSessions';
import { openSessionDb, type SessionDb, type SessionRecord } from './persistence/schema';
import { SessionRecorder } from './persistence/sessionRecorder';
import { readTabSession } from './persistence/tabSession';
import { BUILD_EXAMPLES_HINT } from '../actor/sessionSlice';
import { actorNameOf, DEFAULT_ACTOR, startupActor } from '../actor/startupActor';

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
}

/** How a session is named in messages, as in the list: `echo (12 events)`. */
export const sessionLabel = (session: Pick<SavedSession, 'name' | 'eventCount'>): string => `${session.name} (${session.eventCount} ${session.eventCount === 1 ? 'event' : 'events'})`;

// Until the page-side error codes include one for storage, failures of IndexedDB itself are
// reported as internal errors, and sessions that cannot be read back as invalid sessions.
const storageAlert = (message: string): PlaygroundAlert => ({ code: 'internal-error', message });

const OPEN_ELSEWHERE = 'it is open in another tab, which is saving it';

export const createSessionsSlice =
  ({ client }: StoreContext): Slice<SessionsSlice> =>
  (set, get, api) => {
    let started = false;
    let db: SessionDb | undefined;
    let recorder: SessionRecorder | undefined;

    // Everything a session saves changes one of these; the recorder writes only what differs.
    api.subscribe((state, prev) => {
      if (state.eventCount !== prev.eventCount || state.events !== prev.events || state.connections !== prev.connections || state.cursor !== prev.cursor || state.info !== prev.info || state.branches !== prev.branches) recorder?.schedule();
    });

    /** Shows `alert` after whatever the last action showed, so neither hides the other. */
    const showAlongside = (alert: PlaygroundAlert): void => {
      const shown = get().alert;
      get().showAlert(shown ? { ...alert, message: `${alert.message} ${shown.message}` } : alert);
    };

    /** Makes a saved session the live one; returns why it could not. */
    const restore = async (database: SessionDb, saver: SessionRecorder, id: string): Promise<string | undefined> => {
      if (!(await saver.claim(id))) return OPEN_ELSEWHERE;
      const stored = await readSession(database, id);
      if (!stored.ok) {
        saver.release(id);
        return stored.error;
      }
      const { record, bytes, snapshot, branches } = stored.value;
      const shownName = get().actorName;
      set({ status: 'loading', actorName: record.name, alert: null });
      const adopted = await client.adoptHistory(record.componentName, bytes, snapshot);
      if (!adopted.ok) {
        saver.release(id);
        set({ status: settledStatus(client), actorName: shownName });
        return adopted.error.message;
      }
      // The session's branches come with it; set before `attach`, which takes them as saved.
      set({ branches });
      saver.attach(record, snapshot.states.map(([hash]) => hash));
      set({ ...mirror(client), info: adopted.value, actorName: record.name, drafts: {}, sentHistory: {}, status: settledStatus(client), currentSessionId: record.id });
      get().select(record.cursor);
      return undefined;
    };

    return {
      savedSessions: [],
      currentSessionId: null,
      persistenceOff: null,

      async startOrRestore() {
        if (started) return;
        started = true;
        try {
          db = await openSessionDb();
        } catch (thrown) {
          const why = `Sessions are not saved in this browser: IndexedDB is unavailable (${thrownMessage(thrown)}). The playground works, but a reload loses the session: use Export session to keep it.`;
          set({ persistenceOff: why });
          await get().start();
          showAlongside(storageAlert(why));
          return;
        }
        const saver = new SessionRecorder(db, { client, cursor: () => get().cursor, branches: () => get().branches, onError: (why) => showAlongside(storageAlert(`Saving the session to IndexedDB failed (${why}). It is still open in this tab: use Export session to keep a copy.`)) });
        recorder = saver;
        // A reload or a closed tab must not lose the last ~25 ms of changes waiting to be written.
        addEventListener('pagehide', () => void saver.flush());

        if (startupActor(globalThis.location?.search ?? '').linked) return get().start();
        let last: string | undefined;
        try {
          last = await sessionToRestore(db, readTabSession());
        } catch (thrown) {
          await get().start();
          showAlongside(storageAlert(`The last session could not be looked up in IndexedDB (${thrownMessage(thrown)}); the default example was loaded instead.`));
          return;
        }
        const failure = last === undefined ? undefined : await restore(db, saver, last);
        if (last !== undefined && failure === undefined) {
          await get().fetchCatalog();
          return;
        }
        await get().start();
        // A second tab starts afresh, as a first visit does; the other tab's session is in the list.
        if (failure !== undefined && failure !== OPEN_ELSEWHERE) showAlongside({ code: 'invalid-session', message: `The last session could not be restored: ${failure}. It is still in Saved sessions; the default example was loaded instead.` });
      },

      async refreshSessions() {
        if (!db) return;
        try {
          set({ savedSessions: await listSessions(db), currentSessionId: recorder?.sessionId ?? null });
        } catch (thrown) {
          get().showAlert(storageAlert(`The saved sessions could not be read from IndexedDB (${thrownMessage(thrown)}).`));
        }
      },

      async reopenSession(id) {
        if (!db || !recorder || id === recorder.sessionId) return;
        const listed = get().savedSessions.find((s) => s.id === id);
        // The open session's last changes go in before it is replaced.
        await recorder.flush();
        const failure = await restore(db, recorder, id);
        if (failure !== undefined) get().showAlert({ code: 'invalid-session', message: `The saved session ${listed ? sessionLabel(listed) : id} could not be opened: ${failure}.` });
        await get().refreshSessions();
      },

      async deleteSession(id) {
        if (!db || !recorder || id === recorder.sessionId) return;
        if (!(await recorder.claim(id))) {
          get().showAlert({ code: 'invalid-session', message: `That session cannot be deleted here: ${OPEN_ELSEWHERE}. Close it there first.` });
          return;
        }
        try {
          await deleteSession(db, id);
        } catch (thrown) {
          get().showAlert(storageAlert(`The session could not be deleted from IndexedDB (${thrownMessage(thrown)}).`));
        } finally {
          recorder.release(id);
        }
        await get().refreshSessions();
      },

      async newSession() {
        await recorder?.flush();
        const component = client.component;
        // A new load is a new history, which the recorder saves under a new id (see lineage.ts).
        if (component) await get().loadBytes(actorNameOf(component.name), component.bytes);
        else await get().loadUrl(DEFAULT_ACTOR.url, DEFAULT_ACTOR.name, BUILD_EXAMPLES_HINT);
        await recorder?.flush();
        await get().refreshSessions();
      },
    };
  };

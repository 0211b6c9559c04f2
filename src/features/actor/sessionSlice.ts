import { actorNameOf, checkLimit, isWasmFile, type ActorEvent, type ComponentInfo } from '../../core';
import { thrownMessage, type PlaygroundAlert } from '../../store/alert';
import type { Slice, StoreContext } from '../../store/context';
import { fileKindOf } from './fileKind';
import type { LoadProgress } from './loadProgress';
import { replacedHistory, settledStatus, workspaceOf } from '../../store/mirror';
import { BUILD_EXAMPLES_HINT, startupActor } from '../../store/startupActor';
import type { ActorUiStatus } from '../../store/status';

// Other slices name actors and find the default here, where loading lives.
export { DEFAULT_ACTOR } from '../../store/startupActor';
export { actorNameOf } from '../../core';

/** The actor itself: what is loaded, how it is doing, what it has done, and what went wrong. */
export interface SessionSlice {
  /** The name shown in `Actor status`: the actor loading, else the one loaded. */
  actorName: string | null;
  status: ActorUiStatus;
  /** The loaded actor's component; kept when a later load fails. */
  info: ComponentInfo | null;
  /** Every recorded event, in order: the client's append-only history (see Mirrored). */
  events: readonly ActorEvent[];
  eventCount: number;
  /** The last failure, shown as an `alert` until the next action or a dismissal. */
  alert: PlaygroundAlert | null;
  /** The latest load, running or ended, with its stages and their times. */
  loadProgress: LoadProgress | null;
  /** The load that brought in the actor now loaded; a failed load after it leaves it as it was. */
  loaded: LoadProgress | null;
  /**
   * How many times another actor or history was asked for (a load, an imported session or
   * chain), counted when asked: a reopened session asked for before gives way to them, whatever
   * order they finish in (the last one asked for wins).
   */
  replacementsAsked: number;

  /**
   * Loads the actor the address asks for (`?actor=<url>`), else the default example, once; later
   * calls do nothing (React's StrictMode runs effects twice).
   */
  start(search?: string): Promise<void>;
  loadBytes(name: string, bytes: Uint8Array): Promise<void>;
  /**
   * A file the person chose or dropped: a component, named after the file without `.wasm`; a
   * Theater chain or a session file is imported instead, as `importChain`/`importSession` do.
   */
  loadFile(file: File): Promise<void>;
  /**
   * A component by URL: the app's own files by relative URL so `dist/` works from any static
   * server, or any address a link names. `hint` says what to do when the fetch fails.
   */
  loadUrl(url: string, name: string, hint?: string): Promise<void>;
  showAlert(alert: PlaygroundAlert): void;
  dismissAlert(): void;
}

const LINK_HINT = 'Check the address; a component on another site must allow this page to fetch it (CORS).';

type Read = { ok: true; bytes: Uint8Array } | { ok: false; alert: PlaygroundAlert };

export const createSessionSlice =
  ({ client, fetchAsset }: StoreContext): Slice<SessionSlice> =>
  (set, get) => {
    let started = false;
    // Loads queue up in the client; the status settles only when none is left in flight.
    let inFlight = 0;
    let lastId = 0;

    /**
     * Runs one load from its first step (a read or a fetch) to the client's answer, timing each
     * stage. Only the newest load is shown while it runs, and one that finishes reading after a
     * newer load was asked for goes no further: the last load asked for is the one adopted.
     */
    const track = async (name: string, source: string, read: () => Promise<Read>): Promise<void> => {
      const id = ++lastId;
      set({ replacementsAsked: get().replacementsAsked + 1 });
      const t0 = performance.now();
      let progress: LoadProgress = { id, name, source, size: null, done: [], outcome: 'running', totalMs: null, info: null };
      // Shown unless a newer load is: something else that replaced the workspace meanwhile (a
      // session reopened after a reload, queued before this load) clears the progress shown, and
      // this load's stages come back with its next step rather than staying lost.
      const shownIsOlder = () => (get().loadProgress?.id ?? 0) <= id;
      const update = (change: Partial<LoadProgress>) => {
        progress = { ...progress, ...change };
        if (shownIsOlder()) set({ loadProgress: progress });
      };
      inFlight++;
      set({ status: 'loading', actorName: name, alert: null, loadProgress: progress });
      let alert: PlaygroundAlert | undefined;
      try {
        const read0 = performance.now();
        const got = await read();
        // A newer load asked for while this one was still reading (the default example still
        // downloading when a person picks a file) wins, whatever order they finish in: this one
        // stops here, silently (only the newest load's progress is on screen).
        const current = id === lastId;
        if (current && !got.ok) {
          alert = got.alert;
        } else if (current && got.ok) {
          update({ size: got.bytes.length, done: [{ phase: 'reading', ms: performance.now() - read0 }] });
          const previous = workspaceOf(client, get());
          const answer = await client.load(name, got.bytes, (stage, ms) => update({ done: [...progress.done.filter((d) => d.phase !== stage), { phase: stage, ms }] }));
          if (!answer.ok) {
            alert = answer.error;
          } else {
            update({ outcome: 'loaded', totalMs: performance.now() - t0, info: answer.value.info, cache: answer.value.cache });
            // A newer load still under way keeps its progress on screen.
            const shown = shownIsOlder() ? progress : get().loadProgress;
            set({ ...replacedHistory(client, answer.value.info, { what: `Loaded ${name}`, previous }), loaded: progress, loadProgress: shown });
          }
        }
      } finally {
        inFlight--;
      }
      if (alert) {
        update({ outcome: 'failed', totalMs: performance.now() - t0 });
        set({ alert });
      }
      // The actor loaded now, however it came (a load, or an imported session with its own component).
      const loadedName = client.component && actorNameOf(client.component.name);
      if (inFlight === 0) set({ actorName: loadedName ?? name, status: settledStatus(client) });
    };

    const fetchBytes = async (url: string, hint: string): Promise<Read> => {
      try {
        const response = await fetchAsset(url);
        if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
        const bytes = new Uint8Array(await response.arrayBuffer());
        // Servers of single-page apps (Vite's among them) answer a missing file with their page.
        if (response.headers.get('content-type')?.includes('text/html') && !isWasmFile(bytes)) {
          throw new Error('the server sent a web page, not a component (most likely there is no file at that address)');
        }
        return { ok: true, bytes };
      } catch (thrown) {
        return { ok: false, alert: { code: 'fetch-failed', message: `Could not fetch ${url}: ${thrownMessage(thrown)}. ${hint}` } };
      }
    };

    return {
      actorName: null,
      status: 'loading',
      info: null,
      events: [],
      eventCount: 0,
      alert: null,
      loadProgress: null,
      loaded: null,
      replacementsAsked: 0,

      async start(search = globalThis.location?.search ?? '') {
        if (started) return;
        started = true;
        const actor = startupActor(search);
        if (actor.editorSource) {
          await Promise.all([get().fetchCatalog(), get().openEditorLink(actor.editorSource)]);
          return;
        }
        await Promise.all([get().fetchCatalog(), get().loadUrl(actor.url, actor.name, actor.linked ? LINK_HINT : BUILD_EXAMPLES_HINT)]);
      },

      loadBytes: (name, bytes) => track(name, name, async () => ({ ok: true, bytes })),

      async loadFile(file) {
        // A person who drops a chain or a session file wants it in: imported as its button would, with the same checks and alerts.
        const sorted = await fileKindOf(file);
        switch (sorted.kind) {
          case 'session':
            await get().importSession(sorted.file);
            return;
          case 'chain':
            await get().importChain(sorted.text);
            return;
          case 'component':
            return track(actorNameOf(file.name), file.name, async () => {
              // A file past the component size limit is refused by its size, before it is even read.
              const size = checkLimit('componentBytes', file.size, get().limits);
              if (!size.ok) return { ok: false, alert: size.error };
              try {
                return { ok: true, bytes: new Uint8Array(await file.arrayBuffer()) };
              } catch (thrown) {
                return { ok: false, alert: { code: 'read-failed', message: `Could not read ${file.name}: ${thrownMessage(thrown)}` } };
              }
            });
          default: {
            const exhaustive: never = sorted;
            return exhaustive;
          }
        }
      },

      loadUrl: (url, name, hint = LINK_HINT) => track(name, url, () => fetchBytes(url, hint)),

      showAlert(alert) {
        set({ alert });
      },

      dismissAlert() {
        set({ alert: null });
      },
    };
  };

// This slice's part of the store's state (see store/playgroundState.ts).
declare module '../../store/playgroundState' {
  interface PlaygroundState extends SessionSlice {}
}

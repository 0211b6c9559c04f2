import type { ActorEvent, ComponentInfo } from '../engine';
import { thrownMessage, type PlaygroundAlert } from './alert';
import type { Slice, StoreContext } from './context';
import { mirror, settledStatus } from './mirror';
import type { ActorUiStatus } from './status';

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

  /** Loads the default example once; later calls do nothing (React's StrictMode runs effects twice). */
  start(): Promise<void>;
  loadBytes(name: string, bytes: Uint8Array): Promise<void>;
  /** A file the person chose or dropped; named after the file, without `.wasm`. */
  loadFile(file: File): Promise<void>;
  /** One of the app's own files, by relative URL so `dist/` works from any static server. */
  loadUrl(url: string, name: string): Promise<void>;
  showAlert(alert: PlaygroundAlert): void;
  dismissAlert(): void;
}

export const DEFAULT_ACTOR = { url: './actors/echo.wasm', name: 'echo' } as const;

export const actorNameOf = (fileName: string): string => fileName.replace(/\.wasm$/i, '') || fileName;

export const createSessionSlice =
  ({ client, fetchAsset }: StoreContext): Slice<SessionSlice> =>
  (set, get) => {
    let started = false;
    // Loads queue up in the client; the status settles only when none is left in flight.
    let inFlight = 0;
    let loadedName: string | null = null;

    /** Runs one load from its first step (a read or a fetch) to the client's answer. */
    const track = async (name: string, work: () => Promise<PlaygroundAlert | undefined>): Promise<void> => {
      inFlight++;
      set({ status: 'loading', actorName: name, alert: null });
      let alert: PlaygroundAlert | undefined;
      try {
        alert = await work();
      } finally {
        inFlight--;
      }
      if (alert) set({ alert });
      if (inFlight === 0) set({ actorName: loadedName ?? name, status: settledStatus(client) });
    };

    /** Hands bytes to the client; a failure leaves the loaded actor as it was. */
    const load = async (name: string, bytes: Uint8Array): Promise<PlaygroundAlert | undefined> => {
      const loaded = await client.load(name, bytes);
      if (!loaded.ok) return loaded.error;
      loadedName = name;
      set({ ...mirror(client), info: loaded.value.info, drafts: {}, cursor: null });
      return undefined;
    };

    return {
      actorName: null,
      status: 'loading',
      info: null,
      events: [],
      eventCount: 0,
      alert: null,

      async start() {
        if (started) return;
        started = true;
        await Promise.all([get().fetchCatalog(), get().loadUrl(DEFAULT_ACTOR.url, DEFAULT_ACTOR.name)]);
      },

      loadBytes: (name, bytes) => track(name, () => load(name, bytes)),

      loadFile: (file) => {
        const name = actorNameOf(file.name);
        return track(name, async () => {
          let bytes: Uint8Array;
          try {
            bytes = new Uint8Array(await file.arrayBuffer());
          } catch (thrown) {
            return { code: 'read-failed', message: `Could not read ${file.name}: ${thrownMessage(thrown)}` };
          }
          return load(name, bytes);
        });
      },

      loadUrl: (url, name) =>
        track(name, async () => {
          let bytes: Uint8Array;
          try {
            const response = await fetchAsset(url);
            if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
            bytes = new Uint8Array(await response.arrayBuffer());
          } catch (thrown) {
            return { code: 'fetch-failed', message: `Could not fetch ${url}: ${thrownMessage(thrown)}. Build the examples with \`npm run build:actors\`.` };
          }
          return load(name, bytes);
        }),

      showAlert(alert) {
        set({ alert });
      },

      dismissAlert() {
        set({ alert: null });
      },
    };
  };

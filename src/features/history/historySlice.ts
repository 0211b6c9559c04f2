import { actorNameOf, componentHash, connectionsAfter, noActor, waveTranscript, writeSessionFile, type SessionSnapshot } from '../../core';
import type { Slice, StoreContext } from '../../store/context';
import { replacedHistory, settledStatus, workspaceOf } from '../../store/mirror';

/** The history as a thing to carry: session files and Theater chains, out and in. */
export interface HistorySlice {
  /** The session as a session file (core/sessionFile.ts); with the component embedded unless told otherwise. */
  exportSession(includeComponent?: boolean): Promise<Blob | undefined>;
  /** Replaces the current session with a file's, read as it streams in (in the actor worker); a bad file changes nothing and says why. */
  importSession(file: Blob): Promise<boolean>;
  /** Every call of the history as WAVE text (`call -> result` per event), to keep as a regression test. */
  exportTranscript(): string | undefined;
  /** Theater's event chain of the whole history, as JSON. */
  exportChain(): Promise<string | undefined>;
  /**
   * Brings in a Theater chain (JSON or the text `.chain` format, told apart by its text) as the
   * history of the loaded component: every entry shown, its calls replayable. A bad chain changes
   * nothing and the alert names the entry.
   */
  importChain(text: string): Promise<boolean>;
}

export const createHistorySlice =
  ({ client }: StoreContext): Slice<HistorySlice> =>
  (set, get) => {
    /** Puts a history in place of the current one, with `bytes` as its component. */
    const adopt = async (name: string, bytes: Uint8Array, snapshot: SessionSnapshot, what: string): Promise<boolean> => {
      set({ status: 'loading', alert: null });
      const previous = workspaceOf(client, get());
      const adopted = await client.adoptHistory(name, bytes, snapshot);
      if (!adopted.ok) {
        set({ alert: adopted.error, status: settledStatus(client) });
        return false;
      }
      set({ ...replacedHistory(client, adopted.value, { what, previous }), actorName: actorNameOf(name), status: settledStatus(client) });
      return true;
    };

    /**
     * An import asked for: counted, so a session being reopened gives way to it
     * (`replacementsAsked`), and the report of a load that failed before, about another file, goes.
     */
    const importAsked = () => ({ replacementsAsked: get().replacementsAsked + 1, ...(get().loadProgress?.outcome === 'failed' && { loadProgress: get().loaded }) });

    return {
      async exportSession(includeComponent = true) {
        const component = client.component;
        if (!component) {
          set({ alert: noActor() });
          return undefined;
        }
        const snapshot = client.snapshot();
        return writeSessionFile(
          {
            component: { name: component.name, sha256: componentHash(component.bytes), size: component.bytes.length, bytes: component.bytes },
            connections: snapshot.connections,
            server: { delivery: client.delivery, wasi: client.runningWasi, limits: client.limits },
            events: snapshot.events,
            states: new Map(snapshot.states),
          },
          includeComponent,
        );
      },

      async importSession(input) {
        set({ status: 'loading', alert: null, ...importAsked() });
        const previous = workspaceOf(client, get());
        // Read, checked and adopted in the worker: the page gets the history in one message.
        const imported = await client.importSession(input);
        if (!imported.ok) {
          set({ alert: imported.error, status: settledStatus(client) });
          return false;
        }
        const { name, info, snapshot } = imported.value;
        const actorName = actorNameOf(name);
        set({ ...replacedHistory(client, info, { what: `Imported a session of ${actorName} (${snapshot.events.length} events)`, previous }), actorName, status: settledStatus(client) });
        return true;
      },

      exportTranscript() {
        const component = client.component;
        if (!component) {
          set({ alert: noActor() });
          return undefined;
        }
        return waveTranscript({ name: component.name, sha256: componentHash(component.bytes) }, client.events, (ref) => client.state(ref));
      },

      async exportChain() {
        const chain = await client.exportChain();
        if (chain.ok) return chain.value;
        set({ alert: chain.error });
        return undefined;
      },

      async importChain(text) {
        set(importAsked());
        // Read for the loaded actor: events it would write otherwise keep their entries, so an export keeps every hash.
        const chain = await client.readChain(text, client.info);
        if (!chain.ok) {
          set({ alert: { code: chain.error.code, message: chain.error.message } });
          return false;
        }
        const component = client.component;
        if (!component) {
          set({ alert: noActor('load the component this chain was recorded with first (a chain holds the calls, not the code).') });
          return false;
        }
        // Every entry comes in: calls the actor can replay as events, the rest read-only (the timeline says which).
        // The actor takes the id the chain's init was given, so replays and re-runs feed that one.
        const { events, states, actorId } = chain.value;
        // An http-framework actor's chain numbers its connections: those it leaves open can go on talking.
        return adopt(component.name, component.bytes, { events, states, connections: connectionsAfter(events), actorId }, `Imported a chain of ${chain.value.entries} entries as the history of ${actorNameOf(component.name)}`);
      },
    };
  };

// This slice's part of the store's state (see store/playgroundState.ts).
declare module '../../store/playgroundState' {
  interface PlaygroundState extends HistorySlice {}
}

import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { PlaygroundState } from './playgroundState';

/**
 * The store the components below read. No default: a component outside a provider is a bug, and
 * says so, rather than silently starting a second actor worker.
 */
const PlaygroundContext = createContext<StoreApi<PlaygroundState> | null>(null);

/**
 * Gives the components below one store, made by `createPlaygroundStore`: the page's (`src/main.tsx`,
 * with the browser's workers) or a test's own.
 */
export function PlaygroundProvider({ store, children }: { store: StoreApi<PlaygroundState>; children: ReactNode }) {
  return <PlaygroundContext.Provider value={store}>{children}</PlaygroundContext.Provider>;
}

/** The store itself, for handlers that read it once (`getState()`) rather than follow it. */
export function usePlaygroundStore(): StoreApi<PlaygroundState> {
  const store = useContext(PlaygroundContext);
  if (!store) throw new Error('usePlayground outside a PlaygroundProvider');
  return store;
}

/** Reads the store from a component. Selectors must return stable values (a field, not a new array). */
export const usePlayground = <T,>(selector: (state: PlaygroundState) => T): T => useStore(usePlaygroundStore(), selector);

import type { CacheUsage } from '../../core';
import type { Slice, StoreContext } from '../../store/context';

/** The component cache as the page shows it (its entries live in the workers' Cache Storage). */
export interface ComponentCacheSlice {
  /** What it held when last asked; null until then, or when asking failed. */
  componentCache: CacheUsage | null;
  /** What the last `Clear component cache` removed, shown until the cache is asked again. */
  clearedComponents: CacheUsage | null;
  refreshComponentCache(): Promise<void>;
  /** Empties it: the next load of any component runs jco again (and refills it). */
  clearComponentCache(): Promise<void>;
}

export const createComponentCacheSlice =
  ({ client }: StoreContext): Slice<ComponentCacheSlice> =>
  (set, get) => {
    const ask = async (clear: boolean) => {
      const before = get().componentCache;
      const answer = await client.componentCache(clear);
      if (answer.ok) set({ componentCache: answer.value, clearedComponents: clear ? before : null });
      else get().showAlert(answer.error);
    };
    return {
      componentCache: null,
      clearedComponents: null,
      refreshComponentCache: () => ask(false),
      clearComponentCache: () => ask(true),
    };
  };

declare module '../../store/playgroundState' {
  interface PlaygroundState extends ComponentCacheSlice {}
}

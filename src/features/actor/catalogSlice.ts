import { thrownMessage } from '../../store/alert';
import type { Slice, StoreContext } from '../../store/context';
import { BUILD_EXAMPLES_HINT } from '../../store/startupActor';

/** One example actor, as `scripts/build-actors.mjs` writes it into `public/actors/catalog.json`. */
export interface CatalogEntry {
  name: string;
  description: string;
  language: string;
  source: string;
  world: string;
  size: number;
  /** The actor's source as the app serves it (`./actors/src/<name>/<file>`); absent from older builds. */
  sourceUrl?: string;
  /** False for a component built with the examples that is no actor to pick (the Editor's host). */
  gallery?: boolean;
}

export interface CatalogSlice {
  examples: CatalogEntry[];
  fetchCatalog(): Promise<void>;
  loadExample(name: string): Promise<void>;
}

export const CATALOG_URL = './actors/catalog.json';

// The gallery puts it in a link's href: only the app's own folder, never another scheme or site.
const SOURCE_URL = /^\.\/actors\/src\/[\w.-]+\/[\w.-]+$/;

const isEntry = (value: unknown): value is CatalogEntry => {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  const sourceOk = entry.sourceUrl === undefined || (typeof entry.sourceUrl === 'string' && SOURCE_URL.test(entry.sourceUrl));
  return typeof entry.name === 'string' && /^[\w.-]+$/.test(entry.name) && typeof entry.description === 'string' && typeof entry.size === 'number' && sourceOk;
};

export const exampleUrl = (name: string): string => `./actors/${name}.wasm`;

export const createCatalogSlice =
  ({ fetchAsset }: StoreContext): Slice<CatalogSlice> =>
  (set, get) => ({
    examples: [],
    async fetchCatalog() {
      try {
        const response = await fetchAsset(CATALOG_URL);
        if (!response.ok) throw new Error(`the server answered ${response.status}`);
        const body: unknown = await response.json();
        if (!Array.isArray(body) || !body.every(isEntry)) {
          get().showAlert({ code: 'invalid-catalog', message: `${CATALOG_URL} is not a list of {name, description, size, sourceUrl}: rebuild it with \`npm run build:actors\`.` });
          return;
        }
        set({ examples: body.filter((entry) => entry.gallery !== false) });
      } catch (thrown) {
        // The examples are a convenience: without them the page still loads files.
        console.warn(`No example catalog: ${thrownMessage(thrown)}`);
      }
    },
    loadExample(name) {
      return get().loadUrl(exampleUrl(name), name, BUILD_EXAMPLES_HINT);
    },
  });

// This slice's part of the store's state (see store/playgroundState.ts).
declare module '../../store/playgroundState' {
  interface PlaygroundState extends CatalogSlice {}
}

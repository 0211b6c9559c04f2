/**
 * What the playground knows about a component before and after loading it: the shapes `inspect`
 * and the loader fill in (src/runtime/inspect.ts, src/runtime/importReport.ts) and the page shows.
 * Types only, so the page, the protocols and the runtime share them without the page importing jco.
 */
import type { ActorKind } from './actorKind';
import type { ImportProvider, TheaterPackage } from './interfaceNames';

export const PROVISIONS = ['provided', 'stubbed', 'missing'] as const;
/** `provided`: really answered; `stubbed`: recorded and answered with a default; `missing`: a call traps. */
export type Provision = (typeof PROVISIONS)[number];

/** Who answers a provided function. */
export const PROVIDERS = ['theater', 'wasi', 'playground'] as const;
export type Provider = (typeof PROVIDERS)[number];

/** One imported function and how the playground answers it. */
export interface ImportedFunction {
  /** The interface's unversioned name (`theater:simple/runtime`), `world` for a bare function import. */
  interface: string;
  /** As Theater's chains name it: `get-chain`, `[constructor]expat`, `[method]expat.parse`. */
  function: string;
  provision: Provision;
  /** Set when provided. */
  by?: Provider;
  /** Set when the playground answers it itself and records every call as a host call (WASI's clocks, random and environment). */
  recorded?: true;
  /** What a call gets, or why none can be given: `returns ""`, `the actor's chain so far`. */
  detail: string;
}

/** One line of the component's world: an interface (`theater:simple/runtime`) or a bare function. */
export interface WorldItem {
  /** As written in the WIT, with any version (`wasi:io/streams@0.2.0`, `init`). */
  name: string;
  kind: 'interface' | 'function';
  /** For imports: who answers the calls (a `stub` records them and returns defaults). */
  provider?: ImportProvider;
}

/** What a person (and the loader) needs to know about a component before running it. */
export interface ComponentInfo {
  size: number;
  /** The component's world as WIT text, for reading and teaching. */
  wit: string;
  imports: WorldItem[];
  exports: WorldItem[];
  /** Exports the package's `actor` interface (so `init` runs first). */
  hasInit: boolean;
  /** Which of Theater's WebSocket interfaces the actor is called through (core/actorKind.ts). */
  actorKind: ActorKind;
  /**
   * The Theater package whose `websocket-server` or `http-handlers` (and `actor`) the component
   * exports: `theater:simple`, or `ntwk:theater` for actors built before Theater renamed it in June
   * 2025 (which had no `http-handlers`).
   */
  package: TheaterPackage;
  /**
   * The actor id `init` gets as its `(actor-id,)` params, when its init takes them (Theater's own
   * WIT, and every `ntwk:theater` actor): from `inspect`, `actorIdOf` the component's SHA-256, so
   * the same component always starts with the same id; on a loaded session, the id it was given
   * instead when it replays or adopts a recorded history (`SessionOptions.actorId`). Absent otherwise.
   */
  actorId?: string;
  /**
   * What the playground does with each imported function (provided, stubbed with its default, or
   * missing, and why), from jco's types: set once the component is loaded, absent from `inspect`.
   */
  importFunctions?: ImportedFunction[];
}

/**
 * Bare function exports a language runtime adds for its own start-up, which Theater never calls,
 * with the runtime that adds each: componentize-qjs (the JavaScript runtime of the examples)
 * exports `init`, which is not the `actor` interface's `init`.
 */
export const RUNTIME_INTERNAL_EXPORTS: Readonly<Record<string, string>> = { init: 'componentize-qjs' };

/** Whether the page should label `item` runtime-internal (and leave it out of summaries). */
export function isRuntimeInternalExport(item: WorldItem): boolean {
  return item.kind === 'function' && Object.hasOwn(RUNTIME_INTERNAL_EXPORTS, item.name);
}

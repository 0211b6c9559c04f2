import type { LoadStage } from '../core/actorSnapshot';
import type { CompiledComponent } from '../core/compiledComponent';
import type { ConnectDelivery } from '../core/connectDelivery';
import type { WasiSettings } from '../core/wasiSettings';
import type { Limits } from '../core/limits';
import type { ComponentCache } from './componentCache';
import type { ModuleImporter } from './loader';

/** How an ActorSession (runtime/session.ts) is started: by the worker, a replay, the tests and the command line. */
export interface SessionOptions {
  /** Shown to people: usually the file name. */
  name: string;
  importModule?: ModuleImporter;
  /** Wall clock for `startedAt` (injectable so tests and replays are deterministic). */
  now?: () => number;
  /** Run `init` on start (default). A replay runs the recorded init event itself instead. */
  runInit?: boolean;
  /**
   * Told as each loading stage ends well, with how long it took (ms), or null when it did not run
   * because what it makes was reused (the session's `cacheUse` says from where): the page shows them as they go.
   * A stage that fails is never told: the load's error ends it, and the page marks the first stage not told as failed.
   */
  onStage?: (stage: LoadStage, ms: number | null) => void;
  /** How connections reach the actor (default: as the interface documents). */
  delivery?: ConnectDelivery;
  /** Draws the connection ids Theater's host put in its text connect (injectable for tests). */
  connectionNumber?: () => bigint;
  /**
   * The actor id to give an init that takes Theater's `(actor-id,)` params, instead of the one made
   * from the component's hash: the id a recorded history was made with, so a replay or an adopted
   * history against another build feeds the same id (ignored when init takes none).
   */
  actorId?: string;
  /** Where transpiled components are kept between loads (the page's worker: Cache Storage); none: every load runs jco. */
  cache?: ComponentCache;
  /** An earlier load's compiled form of the same bytes (the page keeps them): used when its key is theirs, so the load neither transpiles nor compiles. */
  compiled?: CompiledComponent;
  /** How WASI's clocks and random answer (default `DEFAULT_WASI_SETTINGS`: seeded, deterministic). */
  wasi?: WasiSettings;
  /** What the server allows the actor (core/limits.ts); missing ones are the defaults. */
  limits?: Partial<Limits>;
}

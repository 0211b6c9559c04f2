/**
 * The running actor as the page and a fresh worker see it: its status, the stages of loading it,
 * and the snapshot that carries its history into a new worker (src/runtime/session.ts makes them).
 */
import type { Connection } from './connections';
import type { ConnectDelivery } from './connectDelivery';
import type { Limits } from './limits';
import type { ActorEvent, CallOutcome } from './events';
import type { WasiSettings } from './wasiSettings';

/** How a call can end without the engine seeing it end. */
export type LostOutcome = Extract<CallOutcome, { kind: 'timeout' | 'trap' }>;

export const ACTOR_STATUSES = ['ready', 'stopped'] as const;
export type ActorStatus = (typeof ACTOR_STATUSES)[number];

/** The stages of loading a component, in order (reading the file happens before the engine). */
export const LOAD_STAGES = ['inspecting', 'transpiling', 'compiling', 'instantiating', 'init'] as const;
export type LoadStage = (typeof LOAD_STAGES)[number];

/**
 * Where a load got its transpiled component (runtime/componentCache.ts): its compiled modules from
 * an earlier load of the same bytes in this page (`compiled`: neither transpiled nor compiled), from the component cache
 * (`hit`) or from the entries shipped with the app's build (`prebuilt`), from jco with nothing cached yet (`miss`) or no cache where it ran (`off`: Node), or from
 * jco because the cached entry could not be used (`fallback`: damaged or partly evicted, `reason`
 * says which), which the page tells the person.
 */
export type CacheUse = { kind: 'compiled' } | { kind: 'hit' } | { kind: 'prebuilt' } | { kind: 'miss' } | { kind: 'off' } | { kind: 'fallback'; reason: string };

/** What the component cache holds: entries (one a component), their bytes, and the bound it keeps (bytes). */
export interface CacheUsage {
  entries: number;
  bytes: number;
  limitBytes: number;
}

/**
 * Everything needed to carry a session into a fresh worker after the old one was killed. Whether
 * the actor stopped is not carried: the history says (an event that called `runtime.shutdown`;
 * see `core/history/recordedHistory.ts`).
 */
export interface SessionSnapshot {
  events: ActorEvent[];
  states: Array<[string, Uint8Array]>;
  connections: Connection[];
  /** How connections reach the actor; absent in snapshots from before the setting existed (`interface`). */
  delivery?: ConnectDelivery;
  /** How WASI's clocks and random answer (`core/wasiSettings.ts`); absent in snapshots from before the setting existed (the defaults). */
  wasi?: WasiSettings;
  /** The limits the history was recorded under (a session file's or saved session's); absent: the page's own. */
  limits?: Limits;
  /** The actor id the history's init was given, kept by a restore (see `SessionOptions.actorId`); absent: the component's own. */
  actorId?: string;
}

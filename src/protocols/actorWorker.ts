import type {
  ActorEvent,
  CacheUsage,
  CacheUse,
  ChainHistory,
  CompiledComponent,
  ChainWriter,
  ConnectDelivery,
  WasiSettings,
  PackedEvents,
  BridgeRecord,
  ReplayResult,
  ComponentInfo,
  Connection,
  EngineError,
  ImportedSession,
  LoadedComponent,
  LoadStage,
  Limits,
  LostOutcome,
  RecordedEvent,
  Result,
  SessionSnapshot,
  WebsocketMessage,
} from '../core';

/**
 * What re-running a recorded event needs of it: the input, and the host results it saw; for a
 * `bridge` event, its bridge details and time, and for a `chain` event its entries, outcome and
 * shutdown, since these are written down again rather than re-run.
 */
export type RerunInput = Pick<ActorEvent, 'kind' | 'connectionId' | 'input' | 'hostCalls'> & Partial<Pick<ActorEvent, 'bridge' | 'startedAt' | 'chain' | 'outcome' | 'shutdown'>>;

/** One client message of a `sendMany`. */
export interface SendItem {
  connectionId: number;
  message: WebsocketMessage;
}

/** Bumped whenever a message changes shape, so a stale worker is caught instead of misread. */
export const PROTOCOL_VERSION = 9;

/** A call that never came back, which the new worker must write into the history it restores. */
export interface LostCall {
  connectionId: number | null;
  input: WebsocketMessage | null;
  outcome: LostOutcome;
  durationMs: number;
}

/** A chain read into a history (the core's `ChainHistory`), its states as pairs to cross to the page. */
export type ChainRead = Omit<ChainHistory, 'states'> & { states: Array<[string, Uint8Array]> };

/** Every request the page can make, and what a successful answer carries. */
export interface Calls {
  /**
   * `info` is the loaded component's: with `importFunctions`, what the playground does with each
   * imported function. `compiled` (both ways): the component's compiled modules and glue, which
   * the page keeps and hands back to the next load of the same bytes (it is used only for them).
   * `limits` (load, restore, importSession, replay): what the server allows the actor (core/limits.ts), the defaults when missing.
   * `wasi` (load): how WASI's clocks and random answer this actor (absent: the defaults).
   */
  load: {
    args: { name: string; bytes: Uint8Array; delivery: ConnectDelivery; compiled: CompiledComponent | undefined; wasi?: WasiSettings; limits?: Limits };
    value: { info: ComponentInfo; init: RecordedEvent | undefined; cache: CacheUse; compiled: CompiledComponent };
  };
  restore: {
    args: { name: string; bytes: Uint8Array; snapshot: SessionSnapshot; lost: LostCall | undefined; compiled: CompiledComponent | undefined; limits?: Limits };
    value: { info: ComponentInfo; lost: RecordedEvent | undefined; cache: CacheUse; compiled: CompiledComponent };
  };
  /**
   * Reads a session file (a `Blob`, read and checked in the worker: parsing a long history must not
   * hold up the page) and adopts its history as `restore` does; `loaded` is the page's current
   * component, run when the file names it by hash instead of embedding it. The history read comes
   * to the page for its copy: its events in packed runs as they are read (`events` progress, the
   * last run after the file is read), then the answer with no events left to carry, so the page
   * takes them in while the worker reads.
   * `compiled`: as `restore`'s, for the loaded component (used only when the file's is the same).
   */
  importSession: {
    args: { file: Blob; loaded: LoadedComponent | undefined; compiled: CompiledComponent | undefined; limits?: Limits };
    value: { info: ComponentInfo; cache: CacheUse; compiled: CompiledComponent } & Omit<ImportedSession, 'snapshot'> & { snapshot: Omit<ImportedSession['snapshot'], 'events'> };
  };
  /**
   * Starts loading jco's two tools in a worker that has no actor yet (a spare the page keeps for
   * its next load), and with `sample` then transpiles a sample component in short rounds that a
   * load stops (runtime/warmUp.ts), and answers at once.
   */
  warm: { args: { sample: boolean }; value: null };
  /**
   * Answered when the worker reaches it, so after every request sent before it: the watchdog asks
   * before calling a late call a timeout, since the page's timer fires late (and may fire before
   * the answer already waiting is read) while the page is busy drawing.
   */
  ping: { args: Record<string, never>; value: null };
  /** What the component cache holds, after emptying it first when `clear`. */
  componentCache: { args: { clear: boolean }; value: CacheUsage };
  /** `path`: the WebSocket path an http-framework actor's client connects to (default: its first). */
  open: { args: { path?: string }; value: { connection: Connection; recorded: RecordedEvent } };
  close: { args: { connectionId: number }; value: RecordedEvent };
  /** A client gone without a close frame: `close` under the interface's delivery, nothing (null) under Theater's host's. */
  drop: { args: { connectionId: number }; value: RecordedEvent | null };
  /** How connections reach the actor from now on (a server setting, kept in the session). */
  configure: { args: { delivery: ConnectDelivery }; value: null };
  send: { args: { connectionId: number; message: WebsocketMessage }; value: RecordedEvent };
  /**
   * Sends `items` in order, as `send` would one by one. Every `budgetMs` of work the results so
   * far go to the page as a `sent` progress note, and the worker goes on meanwhile: the page
   * records (and answers real clients) at the actor's pace, a chunk per note instead of one event
   * per round trip. The answer holds the results no note carried (possibly none).
   */
  sendMany: { args: { items: SendItem[]; budgetMs: number }; value: Array<Result<RecordedEvent, EngineError>> };
  /** Writes frames exchanged with a real endpoint down as `bridge` events: no call into the actor. */
  recordBridge: { args: { records: BridgeRecord[] }; value: RecordedEvent[] };
  exportChain: { args: Record<string, never>; value: string };
  chainHash: { args: { seq: number }; value: string | undefined };
  /**
   * Reads a chain's text as the core's `readChain` does, for `actor` (the loaded one, if any), in a
   * worker of its own: verifying every hash of a long chain or a large state must not hold up the
   * page or the live actor. A chain that does not verify is the error (`invalid-chain`, its `index`).
   */
  readChain: { args: { text: string; actor: ChainWriter | undefined }; value: ChainRead };
  /** Re-runs one recorded input on the live actor (editing history: the rest is re-run). */
  rerun: { args: { event: RerunInput }; value: RecordedEvent };
  /**
   * Runs in a worker of its own, so the live actor is untouched whatever the build does. `actorId`:
   * the one the history's init was given, fed to the build's init instead of its own (undefined: its own).
   * `wasi`: the settings the history was recorded under, for WASI calls the recording lacks.
   */
  replay: {
    args: { name: string; bytes: Uint8Array; events: ActorEvent[]; states: Array<[string, Uint8Array]>; from: number; delivery: ConnectDelivery; actorId: string | undefined; wasi?: WasiSettings; limits?: Limits };
    value: ReplayResult;
  };
}
export type CallName = keyof Calls;

/** Page → worker. */
export type Request = { [K in CallName]: { v: typeof PROTOCOL_VERSION; id: number; call: K; args: Calls[K]['args'] } }[CallName];

/**
 * How far a long call has got (a load's stages, a replay's events, an imported session's events
 * as they are read, in order, which the answer's history then leaves out): also proof of life for
 * the watchdog. A load stage's `ms` is null when the stage did not run (its result was reused: the
 * answer's `cache` says from where).
 */
export type Progress =
  | { kind: 'load'; stage: LoadStage; ms: number | null }
  | { kind: 'replay'; done: number; total: number }
  | { kind: 'events'; packed: PackedEvents }
  /** The next results of a `sendMany`, in order. */
  | { kind: 'sent'; results: Array<Result<RecordedEvent, EngineError>> };

/**
 * The calls a person waits to see answered (a message sent, a connection opened or closed from
 * the chat). A worker with an answer channel (a `BroadcastChannel` named after the worker, see
 * `host/browserWorker.ts`) answers these on it. Chromium holds a worker's messages back after a
 * click or a key until the page's next frame (its "defer tasks after input"), so an answer posted
 * as usual is read only after that frame, and drawn a frame later still; a broadcast message is
 * not held. These calls have no progress notes, and the client sends its next call only once
 * this one is answered, so the answer cannot overtake another of the same worker's messages.
 */
export const ANSWERED_FIRST: ReadonlySet<CallName> = new Set<CallName>(['send', 'open', 'close']);

/** How an actor worker's name starts when the page made it an answer channel: the name, whole, is the channel's. */
export const ANSWER_CHANNEL_PREFIX = 'actor answers ';

/** Worker → page: any number of progress notes, then exactly one answer per request id. */
export type Response =
  | { v: typeof PROTOCOL_VERSION; id: number; progress: Progress }
  | { v: typeof PROTOCOL_VERSION; id: number; ok: true; value: Calls[CallName]['value'] }
  | { v: typeof PROTOCOL_VERSION; id: number; ok: false; error: EngineError };

export type { ActorEvent };

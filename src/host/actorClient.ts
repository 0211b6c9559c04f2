import { checkLimit, connectionsAfter, DEFAULT_DELIVERY, DEFAULT_LIMITS, DEFAULT_WASI_SETTINGS, noActor, RecordedHistory, shareRepeatedParts, unpackEvents, type PackedEvents } from '../core';
import type { ActorEvent, BridgeRecord, CacheUsage, CacheUse, ChainWriter, ConnectDelivery, ComponentInfo, Connection, EngineError, ImportedSession, LoadStage, Limits, RecordedEvent, ReplayResult, Result, SessionSnapshot, WasiSettings, WebsocketMessage } from '../core';
import type { Calls, ChainRead, LostCall, Progress, RerunInput, SendItem } from '../protocols/actorWorker';
import type { WorkerFactory, WorkerLike } from './workerLike';
import { CompiledModules } from './compiledModules';
import { SpareWorker } from './spareWorker';
import { WorkerRequests, type Answer } from './workerRequests';

export interface ClientOptions {
  createWorker: WorkerFactory;
  /** How long one call into the actor may run before the worker is killed (ms): the call time limit until `limits` sets another. */
  callTimeoutMs?: number;
  /** Loading transpiles and compiles: allow much longer. */
  loadTimeoutMs?: number;
  /** Told of every event recorded, in order, including timeouts the client recorded itself. */
  onEvent?: (recorded: RecordedEvent) => void;
  /**
   * How to run work when the page is idle (the page: requestIdleCallback). With it the client
   * keeps one spare worker, started then with jco loading, for the next load to take; without it
   * every load starts its worker then.
   */
  whenIdle?: (work: () => void) => void;
}

interface Loaded {
  name: string;
  bytes: Uint8Array;
  info: ComponentInfo;
}

/**
 * The page's handle on the actor. It owns the worker, runs one call at a time under a watchdog,
 * and keeps a mirror of the history so that when a call hangs it can kill the worker, start a
 * fresh one, restore the last committed state and write the timeout down: the page never
 * freezes and nothing recorded is lost.
 */
export class ActorClient {
  #worker: WorkerLike | undefined;
  readonly #spare: SpareWorker;
  /** The last few components' compiled modules, handed to the worker that loads the same bytes again. */
  readonly #compiled = new CompiledModules();
  #loaded: Loaded | undefined;
  readonly #requests = new WorkerRequests();
  #queue: Promise<unknown> = Promise.resolve();
  /** The worker's history as it sent it, kept here to carry into a fresh worker; another object when the history is replaced. */
  #history = new RecordedHistory();
  /** What the server allows the actor running now: its call time is the watchdog's. */
  #limits: Limits;
  /** What it allows the next actor loaded or worker restarted (`limits`). */
  #nextLimits: Limits;
  readonly #loadTimeoutMs: number;
  #delivery: ConnectDelivery = DEFAULT_DELIVERY;
  /** How WASI's clocks and random answer the next load or restart (a server setting, kept with the history). */
  #wasi: WasiSettings = DEFAULT_WASI_SETTINGS;
  /** Those the loaded actor's history was recorded under (a session file says these). */
  #runningWasi: WasiSettings = DEFAULT_WASI_SETTINGS;

  constructor(private readonly options: ClientOptions) {
    this.#limits = this.#nextLimits = { ...DEFAULT_LIMITS, callTimeMs: options.callTimeoutMs ?? DEFAULT_LIMITS.callTimeMs };
    this.#loadTimeoutMs = options.loadTimeoutMs ?? 60_000;
    this.#spare = new SpareWorker(options.createWorker, this.#requests, this.#loadTimeoutMs, options.whenIdle);
  }

  get info(): ComponentInfo | undefined {
    return this.#loaded?.info;
  }

  /** Append-only while one history lasts; another array when it is replaced (see RecordedHistory). */
  get events(): readonly ActorEvent[] {
    return this.#history.events;
  }

  get connections(): Connection[] {
    return this.#history.connections.list();
  }

  /** The loaded actor's name, and whether it has shut itself down (runtime.shutdown). */
  get actor(): { name: string; stopped: boolean } | undefined {
    return this.#loaded && { name: this.#loaded.name, stopped: this.#history.status === 'stopped' };
  }

  state(ref: string | null): Uint8Array | undefined {
    return this.#history.state(ref);
  }

  /** The limits of the actor running now. */
  get limits(): Limits {
    return this.#limits;
  }

  /**
   * Sets the limits the next load, adopted history or restarted worker runs under (the page's
   * Server settings); the actor running now keeps its own until then.
   */
  set limits(limits: Limits) {
    this.#nextLimits = limits;
  }

  /** The limits the next load or restart runs under: those last set, or those an adopted history came with. */
  get nextLimits(): Limits {
    return this.#nextLimits;
  }

  /** How the simulated server tells the actor about connections (a server setting, kept with the history). */
  get delivery(): ConnectDelivery {
    return this.#delivery;
  }

  /** Applies from the next event on, to this actor and to whatever is loaded later. */
  setDelivery(delivery: ConnectDelivery): Promise<Result<null, EngineError>> {
    return this.#serialize(async () => {
      this.#delivery = delivery;
      if (!this.#worker) return { ok: true as const, value: null };
      const answer = await this.#requests.send(this.#worker, 'configure', { delivery }, this.#loadTimeoutMs);
      return answer.ok ? answer : { ok: false as const, error: answer.error };
    });
  }

  /** The WASI settings the next load or restart takes. */
  get wasi(): WasiSettings {
    return this.#wasi;
  }

  /** The WASI settings the loaded actor runs under (the defaults when nothing is loaded). */
  get runningWasi(): WasiSettings {
    return this.#runningWasi;
  }

  /**
   * Chooses the WASI settings for the next load and restart. The running actor keeps its own: a
   * history recorded under one seed must not continue under another unasked.
   */
  setWasi(settings: WasiSettings): void {
    this.#wasi = settings;
  }

  /**
   * Loads a component in a fresh worker. Only when it loads does it replace the current actor:
   * a bad file leaves the loaded actor, its state and its history untouched.
   */
  load(name: string, bytes: Uint8Array, onStage?: (stage: LoadStage, ms: number | null) => void): Promise<Result<{ info: ComponentInfo; init: RecordedEvent | undefined; cache: CacheUse }, EngineError>> {
    return this.#serialize(async () => {
      const limits = this.#nextLimits;
      // Here too, not only in the worker: a file past the limit is not even copied to one.
      const size = checkLimit('componentBytes', bytes.length, limits);
      if (!size.ok) return size;
      const compiled = await this.#compiled.for(bytes);
      const worker = this.#spare.take();
      const onProgress = (progress: Progress) => progress.kind === 'load' && onStage?.(progress.stage, progress.ms);
      const wasi = this.#wasi;
      const answer = await this.#requests.send(worker, 'load', { name, bytes: bytes.slice(), delivery: this.#delivery, compiled, wasi, limits }, this.#loadTimeoutMs, { onProgress });
      this.#spare.schedule();
      if (!answer.ok) {
        worker.terminate();
        return { ok: false, error: answer.error };
      }
      void this.#compiled.keep(bytes, answer.value.compiled);
      this.#limits = limits;
      this.#replaceActor(worker, { name, bytes, info: answer.value.info }, new RecordedHistory());
      this.#runningWasi = wasi;
      if (answer.value.init) this.#record(answer.value.init);
      return answer;
    });
  }

  /**
   * Makes `bytes` with a recorded history the current actor (an imported session, a reloaded
   * tab) without re-running anything: the worker adopts the history and its last state. Like
   * `load`, a failure changes nothing.
   */
  adoptHistory(name: string, bytes: Uint8Array, snapshot: SessionSnapshot): Promise<Result<ComponentInfo, EngineError>> {
    return this.#adoptInSpare('restore', { name, bytes: bytes.slice(), snapshot, lost: undefined }, bytes, () => ({ name, bytes, snapshot })).then((answer) => (answer.ok ? { ok: true, value: answer.value.info } : answer));
  }

  /**
   * Imports a session file as `adoptHistory` adopts a history, the file read and checked in the
   * worker (see the protocol's `importSession`): what the file holds, or why it cannot be imported.
   * A failure changes nothing.
   */
  importSession(file: Blob): Promise<Result<ImportedSession & { info: ComponentInfo }, EngineError>> {
    // The events come in packed runs as the worker reads them; the answer carries none.
    const events: ActorEvent[] = [];
    const take = (packed: PackedEvents) => {
      // Unpacked with their parts shared; the few that travelled whole are shared here (a page's memory per event).
      shareRepeatedParts(packed.others);
      for (const event of unpackEvents(packed)) events.push(event);
    };
    const onProgress = (progress: Progress) => progress.kind === 'events' && take(progress.packed);
    const loaded = this.#loaded && { name: this.#loaded.name, bytes: this.#loaded.bytes.slice() };
    // The loaded component's compiled form goes along: the file may name or hold the same bytes.
    return this.#adoptInSpare('importSession', { file, loaded }, this.#loaded?.bytes, (value) => ({ ...value, snapshot: { ...value.snapshot, events } }), onProgress);
  }

  /**
   * Runs `call` in the spare worker, with the compiled form kept for `likely` (the bytes it will
   * probably run), and when it answers makes that worker's actor, with the history `adopted`
   * gives, the current one.
   */
  #adoptInSpare<K extends 'restore' | 'importSession'>(
    call: K,
    args: Omit<Calls[K]['args'], 'compiled'>,
    likely: Uint8Array | undefined,
    adopted: (value: Calls[K]['value']) => ImportedSession,
    onProgress?: (progress: Progress) => void,
  ): Promise<Result<ImportedSession & { info: ComponentInfo }, EngineError>> {
    return this.#serialize(async () => {
      const compiled = likely && (await this.#compiled.for(likely));
      const worker = this.#spare.take();
      // A history adopted with its limits (a saved session's) runs under them; an imported file's say so in the worker.
      const limits = ('snapshot' in args && (args.snapshot as SessionSnapshot).limits) || this.#nextLimits;
      const answer = await this.#requests.send(worker, call, { ...args, compiled, limits } as Calls[K]['args'], this.#loadTimeoutMs, { onProgress });
      this.#spare.schedule();
      if (!answer.ok) {
        worker.terminate();
        return { ok: false, error: answer.error };
      }
      const { info, compiled: made } = answer.value;
      const { name, bytes, snapshot } = adopted(answer.value);
      void this.#compiled.keep(bytes, made);
      // And so does what follows, until the page sets others.
      this.#limits = this.#nextLimits = snapshot.limits ?? limits;
      this.#replaceActor(worker, { name, bytes, info }, RecordedHistory.trusted(snapshot));
      if (snapshot.delivery) this.#delivery = snapshot.delivery;
      // A reopened session goes on under the settings it was recorded with, and so does what is loaded next.
      this.#runningWasi = this.#wasi = snapshot.wasi ?? DEFAULT_WASI_SETTINGS;
      return { ok: true, value: { info, name, bytes, snapshot } };
    });
  }

  /** Opens a simulated client; an http-framework actor's connects to `path` (default: the first it serves). */
  open(path?: string): Promise<Result<{ connection: Connection; recorded: RecordedEvent }, EngineError>> {
    return this.#serialize(async () => {
      const predicted: Connection = { id: this.#history.connections.nextId, open: true };
      const answer = await this.#call('open', path === undefined ? {} : { path }, { connectionId: predicted.id, input: { ty: { tag: 'connect' } } }, predicted);
      if (!answer.ok) return answer;
      if ('connection' in answer.value) {
        this.#history.connections.ensureOpen(answer.value.connection.id);
        return answer as Result<Calls['open']['value'], EngineError>;
      }
      return { ok: true, value: { connection: predicted, recorded: answer.value } };
    });
  }

  close(connectionId: number): Promise<Result<RecordedEvent, EngineError>> {
    return this.#serialize(async () => {
      this.#history.connections.markClosed(connectionId);
      return this.#eventCall(await this.#call('close', { connectionId }, { connectionId, input: { ty: { tag: 'close' } } }));
    });
  }

  /** A client that went away without a close frame (see the `drop` request): null when the actor is not told. */
  drop(connectionId: number): Promise<Result<RecordedEvent | null, EngineError>> {
    return this.#serialize(async () => {
      this.#history.connections.markClosed(connectionId);
      const answer = await this.#call('drop', { connectionId }, { connectionId, input: { ty: { tag: 'close' } } });
      return answer.ok ? { ok: true, value: answer.value } : answer;
    });
  }

  send(connectionId: number, message: WebsocketMessage): Promise<Result<RecordedEvent, EngineError>> {
    return this.#serialize(async () => this.#eventCall(await this.#call('send', { connectionId, message }, { connectionId, input: message })));
  }

  /**
   * Delivers many client messages in order, exactly as `send` one by one would, for senders that
   * outpace one round trip per message (the bridge's real clients). The worker streams the results
   * in chunks of about `budgetMs` of work and goes on while the page records each chunk (and
   * answers real clients from it), so the page keeps pace with the actor rather than waiting a
   * round trip per slice; other calls get their turn between slices of `MAX_SLICE` messages.
   *
   * Each chunk restarts the call watchdog. When the worker hangs or dies, what it had streamed is
   * recorded; a fresh worker takes over at the last committed state and the rest of the slice is
   * re-sent one message at a time: the culprit is recorded as a timeout or trap exactly as `send`
   * would record it, and the rest carry on.
   */
  async sendMany(items: readonly SendItem[], budgetMs = SLICE_BUDGET_MS): Promise<Array<Result<RecordedEvent, EngineError>>> {
    const results: Array<Result<RecordedEvent, EngineError>> = [];
    while (results.length < items.length) {
      const slice = items.slice(results.length, results.length + MAX_SLICE);
      results.push(...(await this.#serialize(() => this.#sendSlice(slice, budgetMs))));
    }
    return results;
  }

  /**
   * Writes down frames exchanged with a real endpoint (bridge mode) as `bridge` events, in order
   * with everything else. Not a call into the actor, so no watchdog: it cannot hang.
   */
  recordBridge(records: BridgeRecord[]): Promise<Result<RecordedEvent[], EngineError>> {
    return this.#serialize(async () => {
      const answer = await this.#plain('recordBridge', { records });
      if (answer.ok) for (const recorded of answer.value) this.#record(recorded);
      return answer;
    });
  }

  exportChain(): Promise<Result<string, EngineError>> {
    return this.#serialize(() => this.#plain('exportChain', {}));
  }

  chainHash(seq: number): Promise<Result<string | undefined, EngineError>> {
    return this.#serialize(() => this.#plain('chainHash', { seq }));
  }

  /**
   * Reads a Theater chain's text into a history for `actor` (see the protocol's `readChain`), in a
   * worker of its own, as a replay runs: the page and the live actor go on meanwhile. The error is
   * the chain's (`invalid-chain`, naming the entry) or the worker's.
   */
  readChain(text: string, actor: ChainWriter | undefined): Promise<Result<ChainRead, EngineError>> {
    const worker = this.options.createWorker();
    const writer = actor && { package: actor.package, ...(actor.actorId === undefined ? {} : { actorId: actor.actorId }) };
    return this.#requests.send(worker, 'readChain', { text, actor: writer }, this.#loadTimeoutMs).then((answer) => {
      worker.terminate();
      return answer.ok ? answer : { ok: false, error: answer.error };
    });
  }

  /**
   * Replays a history (by default this client's own, from `from`) through `bytes`, in a worker
   * of its own so the live actor is untouched. The build's init gets the actor id the history was
   * recorded with (its `actorId`; the live actor's for its own history), not one of its own. A
   * build that hangs is stopped when no progress comes for a call timeout, and the replay reports
   * it as an error.
   */
  replay(
    name: string,
    bytes: Uint8Array,
    options: { from?: number; history?: Pick<SessionSnapshot, 'events' | 'states' | 'delivery' | 'actorId' | 'wasi'>; onProgress?: (progress: Progress) => void } = {},
  ): Promise<Result<ReplayResult, EngineError>> {
    const { events, states, delivery = DEFAULT_DELIVERY, actorId, wasi } = options.history ?? { ...this.snapshot(), wasi: this.#runningWasi };
    const worker = this.options.createWorker();
    // A replay starts a worker of its own: the limits set for the next one apply.
    const limits = this.#nextLimits;
    const run = this.#requests.send(worker, 'replay', { name, bytes: bytes.slice(), events, states, from: options.from ?? 0, delivery, actorId, wasi, limits }, this.#loadTimeoutMs, { onProgress: options.onProgress, gapMs: limits.callTimeMs });
    return run.then((answer) => {
      worker.terminate();
      if (answer.ok) return answer;
      if ('lost' in answer && answer.lost === 'timeout') return { ok: false, error: { code: 'timeout', message: `The replay stopped making progress for ${limits.callTimeMs} ms: the build under test probably loops.` } };
      return answer;
    });
  }

  /** The bytes of the loaded component (to export a session or replay against it). */
  get component(): { name: string; bytes: Uint8Array } | undefined {
    return this.#loaded && { name: this.#loaded.name, bytes: this.#loaded.bytes };
  }

  /**
   * What the component cache holds (the workers' Cache Storage, shared by all of them), after
   * emptying it when `clear` (and dropping the compiled modules this page keeps). Asked of the
   * spare worker, which holds no actor, so it waits for no call.
   */
  componentCache(clear: boolean): Promise<Result<CacheUsage, EngineError>> {
    return this.#serialize(async () => {
      if (clear) this.#compiled.clear();
      const worker = this.#spare.idle();
      const answer = await this.#requests.send(worker, 'componentCache', { clear }, this.#loadTimeoutMs);
      return answer.ok ? answer : { ok: false as const, error: answer.error };
    });
  }

  dispose(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#spare.dispose();
  }

  /** What a fresh worker needs to carry on exactly where this one stopped (under the WASI settings the next restart takes). */
  snapshot(): SessionSnapshot {
    return { ...this.#history.toRecord(), ...this.#actorId(), delivery: this.#delivery, wasi: this.#wasi, limits: this.#limits };
  }

  /**
   * Rewrites history from position `from`: keeps the events before it, then re-runs `inputs` in
   * order, from the state those events left, as the new continuation (each under the watchdog).
   * The old history is the caller's to keep (as a branch): this client forgets it.
   */
  async rewrite(from: number, inputs: readonly RerunInput[]): Promise<Result<RecordedEvent[], EngineError>> {
    const loaded = this.#loaded;
    if (!loaded) return { ok: false, error: noActor() };
    const prefix = this.#history.upTo(from);
    // The history goes on under the settings it was recorded with; the ones chosen for the next load stay chosen.
    const chosen = this.#wasi;
    const adopted = await this.adoptHistory(loaded.name, loaded.bytes, { ...prefix, ...this.#actorId(), connections: connectionsAfter(prefix.events), delivery: this.#delivery, wasi: this.#runningWasi });
    this.#wasi = chosen;
    if (!adopted.ok) return adopted;
    const rerun: RecordedEvent[] = [];
    for (const event of inputs) {
      const answer = await this.#serialize(() => this.#call('rerun', { event }, { connectionId: event.connectionId, input: event.input }));
      if (!answer.ok) return answer;
      rerun.push(answer.value);
    }
    return { ok: true, value: rerun };
  }

  /** The actor id the history's init was given (the loaded actor's), which a rewrite, a restart or a hot swap keeps. */
  #actorId(): Pick<SessionSnapshot, 'actorId'> {
    const actorId = this.#loaded?.info.actorId;
    return actorId === undefined ? {} : { actorId };
  }

  #serialize<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #eventCall(answer: Result<RecordedEvent | Calls['open']['value'], EngineError>): Result<RecordedEvent, EngineError> {
    if (!answer.ok) return answer;
    return { ok: true, value: 'recorded' in answer.value ? answer.value.recorded : answer.value };
  }

  async #plain<K extends 'exportChain' | 'chainHash' | 'recordBridge'>(call: K, args: Calls[K]['args']): Promise<Result<Calls[K]['value'], EngineError>> {
    if (!this.#worker) return { ok: false, error: noActor() };
    const answer = await this.#requests.send(this.#worker, call, args, this.#loadTimeoutMs);
    return answer.ok ? answer : { ok: false, error: answer.error };
  }

  /** A call into the actor under the watchdog; if its worker hangs or dies, restarts and records it. */
  async #call<K extends 'open' | 'close' | 'drop' | 'send' | 'rerun'>(call: K, args: Calls[K]['args'], pending: Pick<LostCall, 'connectionId' | 'input'>, opening?: Connection): Promise<Result<Calls[K]['value'] | RecordedEvent, EngineError>> {
    if (!this.#worker || !this.#loaded) return { ok: false, error: noActor() };
    const started = performance.now();
    const answer = await this.#requests.send(this.#worker, call, args, this.#limits.callTimeMs);
    if (answer.ok) {
      const value = answer.value as Calls[K]['value'];
      if (value !== null) this.#record('recorded' in value ? value.recorded : value);
      return { ok: true, value };
    }
    if (!('lost' in answer)) return answer;
    if (opening) this.#history.connections.ensureOpen(opening.id);
    const outcome = answer.lost === 'timeout' ? { kind: 'timeout' as const, afterMs: this.#limits.callTimeMs } : { kind: 'trap' as const, message: answer.error.message };
    return this.#restart({ ...pending, outcome, durationMs: performance.now() - started });
  }

  /** One slice of `sendMany`: every result of `items`, recorded chunk by chunk as the worker streams them. */
  async #sendSlice(items: readonly SendItem[], budgetMs: number): Promise<Array<Result<RecordedEvent, EngineError>>> {
    if (!this.#worker || !this.#loaded) return items.map(() => ({ ok: false, error: noActor() }));
    const results: Array<Result<RecordedEvent, EngineError>> = [];
    const take = (chunk: Array<Result<RecordedEvent, EngineError>>) => {
      for (const result of chunk) {
        if (result.ok) this.#record(result.value);
        results.push(result);
      }
    };
    const onProgress = (progress: Progress) => progress.kind === 'sent' && take(progress.results);
    const answer = await this.#requests.send(this.#worker, 'sendMany', { items: [...items], budgetMs }, this.#limits.callTimeMs, { onProgress });
    if (answer.ok) take(answer.value);
    else if (!('lost' in answer)) results.push(...items.slice(results.length).map(() => ({ ok: false as const, error: answer.error })));
    else {
      const restarted = await this.#respawn(undefined);
      const rest = items.slice(results.length);
      if (!restarted.ok) results.push(...rest.map(() => ({ ok: false as const, error: restarted.error })));
      else for (const { connectionId, message } of rest) results.push(this.#eventCall(await this.#call('send', { connectionId, message }, { connectionId, input: message })));
    }
    return results;
  }

  /** A fresh worker at the last committed state, which writes `lost` down when there is one. */
  async #respawn(lost: LostCall | undefined): Promise<Answer<'restore'>> {
    const loaded = this.#loaded!;
    this.#worker?.terminate();
    const worker = this.#spare.take();
    this.#adopt(worker);
    const compiled = await this.#compiled.for(loaded.bytes);
    this.#limits = this.#nextLimits;
    const answer = this.#requests.send(worker, 'restore', { name: loaded.name, bytes: loaded.bytes.slice(), snapshot: this.snapshot(), lost, compiled, limits: this.#limits }, this.#loadTimeoutMs);
    this.#runningWasi = this.#wasi;
    void answer.then(() => this.#spare.schedule());
    return answer;
  }

  /** Replaces the lost worker with a fresh one at the last committed state, and records the loss. */
  async #restart(lost: LostCall): Promise<Result<RecordedEvent, EngineError>> {
    const answer = await this.#respawn(lost);
    if (!answer.ok) return { ok: false, error: answer.error };
    const recorded = answer.value.lost!;
    this.#record(recorded);
    return { ok: true, value: recorded };
  }

  #record(recorded: RecordedEvent): void {
    this.#history.append(recorded);
    this.options.onEvent?.(recorded);
  }

  #adopt(worker: WorkerLike): void {
    this.#worker = worker;
  }

  /** The new actor takes over: the old worker goes, and the old history gives way to `history`. */
  #replaceActor(worker: WorkerLike, loaded: Loaded, history: RecordedHistory): void {
    this.#worker?.terminate();
    this.#adopt(worker);
    this.#loaded = loaded;
    this.#history = history;
  }
}


/** Work per streamed `sendMany` chunk (ms): long enough to amortise a message to the page, short enough that real clients hear back at once. */
const SLICE_BUDGET_MS = 10;
/** Messages per slice at most: other calls (a person's Send, a real client's close) wait no longer than one slice. */
const MAX_SLICE = 1000;

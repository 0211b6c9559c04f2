import { bytesEqual } from '../core/bytes';
import { ChainBuilder, chainJson } from '../core/chain/chain';
import { connectMessage, delivered, opensConnection, randomSafeU64, randomU64, reportsDrops, DEFAULT_DELIVERY, type ConnectDelivery } from '../core/connectDelivery';
import type { Connection } from '../core/connections';
import { describeThrown, engineError, type EngineError } from '../core/errors';
import type { ActorEvent, BridgeRecord, CallOutcome, EventKind, HttpEventInfo, RecordedEvent } from '../core/events';
import { loadComponent } from './cachedLoad';
import { editorSourceOf } from '../core/editor/editorSource';
import type { CompiledComponent } from '../core/compiledComponent';
import type { ComponentInfo } from '../core/componentInfo';
import type { ActorStatus, CacheUse, LoadStage, LostOutcome, SessionSnapshot } from '../core/actorSnapshot';
import { dataUrlImporter, type LoadedComponent, type ActorExports } from './loader';
import type { SessionOptions } from './sessionOptions';
import { bridgeEvents, chainEventAgain, lostEvent } from '../core/uncalledEvents';
import { makeMessage, type WebsocketMessage, type WebsocketResponse } from '../core/messages';
import { fail, ok, type Result } from '../core/result';
import type { StateRef } from '../core/stateStore';
import { RecordedHistory } from '../core/history/recordedHistory';
import { toHostWire, toWire } from '../core/wire';
import type { HostCall } from '../core/hostCalls';
import { chainSoFar, type CallInFlight } from '../core/chain/runtimeChain';
import { loadSha1 } from '../core/chain/sha1';
import { DEFAULT_WASI_SETTINGS, type WasiSettings } from '../core/wasiSettings';
import { WasiSources } from './wasi/wasiSources';
import { checkLimit, limitsFrom, type Limits } from '../core/limits';
import { pastAnswerLimit, pastMemoryLimit } from './callLimits';
import { HttpServers } from '../core/httpServers';
import { HttpFrameworkHost } from './httpFrameworkHost';
import { callHandler, planConnect, planDisconnect, planMessage } from './httpEvents';
import type { WireOutcome } from '../core/wire';

/** A session that started: the init event, when the actor has `init`. */
export interface Started {
  session: ActorSession;
  init: RecordedEvent | undefined;
}

/**
 * One loaded actor behind a simulated Theater WebSocket server, recording every call.
 *
 * Theater's rules, kept here so every front end (page, tests, command line) gets them: the host
 * owns the state; only `ok` commits it; `err`, traps and timeouts leave it as it was; a trap
 * poisons the instance, so the next call gets a fresh one from the last committed state. The
 * server's limits (`SessionOptions.limits`, core/limits.ts) are kept the same way: a call past
 * one is a trap carrying the limit's code, and its instance is replaced too.
 */
export class ActorSession {
  #history = new RecordedHistory();
  readonly #chain: ChainBuilder;
  /** Where the next call starts: the last event's state, or a replay's seed. */
  #committed: StateRef = null;
  #exports: ActorExports;
  readonly #now: () => number;
  #delivery: ConnectDelivery;
  readonly #connectionNumber: () => bigint;
  /** The call under way, for Theater's chain as the actor sees it meanwhile (get-chain). */
  #inFlight: CallInFlight | undefined;
  /** How WASI's clocks and random answer this session (kept with its snapshot). */
  readonly wasi: WasiSettings;
  /** What the server allows this actor (options.limits over the defaults). */
  readonly #limits: Limits;
  /** The simulated `http-framework` server (an http-framework actor's; idle for the other kind). */
  readonly #http: HttpFrameworkHost;

  private constructor(
    readonly name: string,
    readonly info: ComponentInfo,
    private readonly component: LoadedComponent,
    exports: ActorExports,
    options: SessionOptions,
    /** Where its transpiled component came from (the component cache or jco), for the page to tell. */
    readonly cacheUse: CacheUse,
    /** Its compiled form, for the page to hand to the next load of the same bytes (runtime/cachedLoad.ts). */
    readonly compiled: CompiledComponent,
    http: HttpFrameworkHost,
  ) {
    this.#http = http;
    this.#exports = exports;
    this.#chain = new ChainBuilder(info);
    this.#now = options.now ?? Date.now;
    this.#delivery = options.delivery ?? DEFAULT_DELIVERY;
    this.#connectionNumber = options.connectionNumber ?? (this.info.actorKind === 'http-framework' ? randomSafeU64 : randomU64);
    this.wasi = options.wasi ?? DEFAULT_WASI_SETTINGS;
    this.#limits = limitsFrom(options.limits);
    component.recorder.limit(this.#limits);
  }

  /** Inspects, transpiles and instantiates `bytes`, then runs `init` if the actor has it. */
  static async start(bytes: Uint8Array, options: SessionOptions): Promise<Result<Started, EngineError>> {
    const session = await ActorSession.#create(bytes, options);
    if (!session.ok) return session;
    let init: RecordedEvent | undefined;
    if (session.value.#exports.init && options.runInit !== false) {
      const t0 = performance.now();
      init = await session.value.#call('init', null, null);
      const ms = performance.now() - t0;
      const outcome = init.event.outcome;
      if (outcome.kind !== 'ok') {
        const why = outcome.kind === 'err' || outcome.kind === 'trap' ? outcome.message : outcome.kind;
        return fail({ code: 'init-failed', message: `The actor's init failed (${outcome.kind}: ${why}), so it cannot start.`, initCalls: init.event.hostCalls });
      }
      // Told only once it ended well: a failed init is the stage the load failed at, and the page shows it so.
      options.onStage?.('init', ms);
    }
    return ok({ session: session.value, init });
  }

  /** Loads `bytes` and adopts a recorded history without re-running it (worker restarts). */
  static async restore(bytes: Uint8Array, snapshot: SessionSnapshot, options: SessionOptions): Promise<Result<ActorSession, EngineError>> {
    const created = await ActorSession.#create(bytes, { ...options, actorId: snapshot.actorId ?? options.actorId, wasi: snapshot.wasi ?? options.wasi });
    if (!created.ok) return created;
    const session = created.value;
    const history = RecordedHistory.verified(snapshot);
    if (!history.ok) return history;
    session.#history = history.value;
    session.#committed = history.value.committed;
    session.#http.servers = HttpServers.after(history.value.events);
    session.#delivery = snapshot.delivery ?? session.#delivery;
    return ok(session);
  }

  static async #create(bytes: Uint8Array, options: SessionOptions): Promise<Result<ActorSession, EngineError>> {
    // Before anything reads it: a file past the limit costs nothing but this check.
    const size = checkLimit('componentBytes', bytes.length, limitsFrom(options.limits));
    if (!size.ok) return size;
    let t0 = performance.now();
    // A skipped stage takes no time: the next stage's time runs on from the last one that ran.
    const stage = (name: LoadStage, skipped = false) => {
      options.onStage?.(name, skipped ? null : performance.now() - t0);
      if (!skipped) t0 = performance.now();
    };
    // Chain hashes (the Inspector's, exports, get-chain's readers) need the compiled SHA-1: it compiles while the component loads.
    const sha1 = loadSha1();
    // Theater's runtime reads the chain through this (get-chain); the session it reads is made below.
    const made: { session?: ActorSession } = {};
    const chain = (calls: readonly HostCall[]) => {
      const session = made.session;
      return session ? chainSoFar(session.events, session.#inFlight, calls, (ref) => session.state(ref), session.info) : [];
    };
    // WASI answers each event from its position in the history: the event the actor is running is the next one recorded.
    const wasi = new WasiSources(options.wasi ?? DEFAULT_WASI_SETTINGS, () => made.session?.events.length ?? 0);
    const http = new HttpFrameworkHost();
    const loaded = await loadComponent(bytes, { name: options.name, importModule: options.importModule ?? dataUrlImporter, cache: options.cache, actorId: options.actorId, compiled: options.compiled }, { chain, wasi, http, editorSource: editorSourceOf(bytes)?.source }, stage);
    if (!loaded.ok) return loaded;
    const { component, cache, compiled } = loaded.value;
    const exports = await component.instantiate();
    if (!exports.ok) return exports;
    stage('instantiating');
    await sha1;
    made.session = new ActorSession(options.name, component.info, component, exports.value, options, cache, compiled, http);
    return ok(made.session);
  }

  get status(): ActorStatus {
    return this.#history.status;
  }

  get committedState(): StateRef {
    return this.#committed;
  }

  get events(): readonly ActorEvent[] {
    return this.#history.events;
  }

  state(ref: StateRef): Uint8Array | undefined {
    return this.#history.state(ref);
  }

  get connections(): Connection[] {
    return this.#history.connections.list();
  }

  get delivery(): ConnectDelivery {
    return this.#delivery;
  }

  /** Changes how connections reach the actor from the next event on; recorded events keep what they got. */
  configure(delivery: ConnectDelivery): void {
    this.#delivery = delivery;
  }

  /**
   * Opens a simulated client and delivers `connect` to the actor. An http-framework actor's client
   * connects to `path` (default: the first WebSocket path the actor serves).
   */
  async open(path?: string): Promise<Result<{ connection: Connection; recorded: RecordedEvent }, EngineError>> {
    const running = this.#requireRunning();
    if (!running.ok) return running;
    let http: HttpEventInfo | undefined;
    if (this.info.actorKind === 'http-framework') {
      const planned = planConnect(this.#http.servers, path, this.#connectionNumber);
      if (!planned.ok) return planned;
      http = planned.value;
    }
    const connection = this.#history.connections.open();
    const input = http ? makeMessage('connect') : connectMessage(this.#delivery, this.#connectionNumber);
    const recorded = await this.#call('message', connection.id, input, [], http);
    return ok({ connection: { ...connection }, recorded });
  }

  /** Closes a simulated client and delivers `close` (an http-framework actor: its disconnect) to the actor. */
  async close(connectionId: number): Promise<Result<RecordedEvent, EngineError>> {
    const open = this.#history.connections.requireOpen(connectionId);
    if (!open.ok) return open;
    this.#history.connections.markClosed(connectionId);
    // The socket is gone whatever the actor's state; a stopped actor is just not told.
    const running = this.#requireRunning();
    if (!running.ok) return running;
    const http = this.info.actorKind === 'http-framework' ? planDisconnect(this.#http.servers, connectionId) : undefined;
    return ok(await this.#call('message', connectionId, makeMessage('close'), [], http));
  }

  /**
   * A client went away without a close frame (a dropped socket). The interface's delivery reports
   * it as `close`; Theater's host never did, so under `theater-host` the connection just ends and
   * nothing is recorded (null).
   */
  async drop(connectionId: number): Promise<Result<RecordedEvent | null, EngineError>> {
    // Theater's http-framework server calls disconnect for a failed socket too.
    if (reportsDrops(this.#delivery) || this.info.actorKind === 'http-framework') return this.close(connectionId);
    const open = this.#history.connections.requireOpen(connectionId);
    if (!open.ok) return open;
    this.#history.connections.markClosed(connectionId);
    return ok(null);
  }

  /** Delivers one message from a client. */
  async send(connectionId: number, message: WebsocketMessage): Promise<Result<RecordedEvent, EngineError>> {
    const running = this.#requireRunning();
    if (!running.ok) return running;
    const open = this.#history.connections.requireOpen(connectionId);
    if (!open.ok) return open;
    if (this.info.actorKind === 'http-framework') {
      const http = planMessage(this.#http.servers, connectionId, message);
      return http.ok ? ok(await this.#call('message', connectionId, message, [], http.value)) : http;
    }
    return ok(await this.#call('message', connectionId, delivered(this.#delivery, message)));
  }

  /**
   * Sets the committed state without a call: a replay that starts mid-history starts here. The
   * events `before` it rebuild the simulated http-framework server they left behind.
   */
  seed(state: Uint8Array | undefined, before: readonly ActorEvent[] = []): void {
    this.#committed = this.#history.states.put(state).ref;
    this.#http.servers = HttpServers.after(before);
  }

  /**
   * Re-runs a recorded event's input from this session's own committed state, with the host
   * results the recording saw. Connections are not checked: the recording already was.
   */
  async rerun(event: Pick<ActorEvent, 'kind' | 'connectionId' | 'input' | 'hostCalls'> & Partial<Pick<ActorEvent, 'bridge' | 'startedAt' | 'chain' | 'outcome' | 'shutdown' | 'http'>>): Promise<RecordedEvent> {
    // Entries of an imported chain were no call: they are written down again as they were, at the state they now follow.
    if (event.kind === 'chain') return this.#history.record(chainEventAgain(event, this.#committed, this.#now()), []);
    // A frame from a real endpoint happened whatever the actor does: it is written down again, as it was.
    if (event.kind === 'bridge') {
      const { connectionId, input, bridge, startedAt } = event;
      if (connectionId === null || input === null || !bridge) throw new Error('a bridge event without its connection, frame or bridge details');
      const rerecorded = this.recordBridge([{ connectionId, input, bridge, startedAt: startedAt ?? this.#now() }]);
      if (!rerecorded.ok) throw new Error(rerecorded.error.message);
      return rerecorded.value[0]!;
    }
    // A rerun rewrites history: a recorded connect opens its connection for what follows.
    if (event.connectionId !== null && opensConnection(event.input)) this.#history.connections.ensureOpen(event.connectionId);
    if (event.connectionId !== null && event.input?.ty.tag === 'close') this.#history.connections.markClosed(event.connectionId);
    return this.#call(event.kind, event.connectionId, event.input, event.hostCalls, event.http ?? this.#newHttpInput(event));
  }

  /**
   * The handler call for an input an edit of the history made (core/history/timeTravel.ts): it has
   * none recorded, so it goes where a send would. A frame the actor cannot get was refused by the
   * edit's plan (planned without the actor's kind, one would fail as a trap).
   */
  #newHttpInput(event: Pick<ActorEvent, 'kind' | 'connectionId' | 'input'>): HttpEventInfo | undefined {
    if (this.info.actorKind !== 'http-framework' || event.kind !== 'message' || event.connectionId === null || !event.input) return undefined;
    const planned = planMessage(this.#http.servers, event.connectionId, event.input);
    return planned.ok ? planned.value : undefined;
  }

  /**
   * Records a call that never came back: the client's watchdog killed it (timeout) or its
   * worker died (a trap of the whole worker). The engine could not see it happen; the new
   * worker writes it down so the history has no gap.
   */
  recordLost(connectionId: number | null, input: WebsocketMessage | null, outcome: LostOutcome, durationMs: number): RecordedEvent {
    return this.#history.record(lostEvent(connectionId, input, outcome, durationMs, this.#committed, this.#now()), []);
  }

  /**
   * Writes down frames exchanged with a real endpoint (bridge mode) as `bridge` events, in order.
   * Nothing reaches the actor: the state stays, the outcome is `ok`, there are no responses, and a
   * stopped actor does not stop the recording (the endpoint is not the actor). All or nothing: a
   * bad record (a connection id that is not below zero) records none.
   */
  recordBridge(records: readonly BridgeRecord[]): Result<RecordedEvent[], EngineError> {
    const events = bridgeEvents(records, this.#committed);
    return events.ok ? ok(events.value.map((event) => this.#history.record(event, []))) : events;
  }

  /** Theater's event chain for the whole history, as JSON that verifies under Theater's rule. */
  exportChain(): string {
    return chainJson(this.#chain.extend(this.events, (ref) => this.state(ref)));
  }

  /** The chain hash (hex) closing the event at `seq`, computed on demand. */
  chainHash(seq: number): string | undefined {
    this.#chain.extend(this.events.slice(0, seq + 1), (ref) => this.state(ref));
    return this.#chain.eventHash(seq)?.map((b) => b.toString(16).padStart(2, '0')).join('');
  }

  snapshot(): SessionSnapshot {
    return {
      ...this.#history.toRecord(),
      delivery: this.#delivery,
      wasi: this.wasi,
      ...(this.info.actorId === undefined ? {} : { actorId: this.info.actorId }),
    };
  }

  #requireRunning(): Result<true, EngineError> {
    return this.status === 'ready' ? ok(true) : engineError('actor-stopped', 'The actor has shut down (it called runtime.shutdown): load it again to continue.');
  }

  /** `http`: an http-framework actor's event (its handler is called, not handle-message). */
  async #call(kind: EventKind, connectionId: number | null, input: WebsocketMessage | null, script: readonly HostCall[] = [], http?: HttpEventInfo): Promise<RecordedEvent> {
    // Theater's server adds a client before its connect handler runs and removes it before disconnect.
    if (http) this.#http.servers.opening({ connectionId, input, http });
    const before = this.#committed;
    const stateBytes = this.state(before);
    this.component.recorder.take();
    this.component.recorder.script(script);
    const startedAt = this.#now();
    this.#inFlight = { kind, connectionId, startedAt, input, stateBefore: before };
    const t0 = performance.now();
    let outcome: CallOutcome;
    let next: Uint8Array | undefined;
    let response: WebsocketResponse = { messages: [] };
    try {
      if (kind === 'init') [next] = this.#exports.init!(stateBytes);
      else if (http?.handler === null) next = stateBytes;
      else if (http) {
        const answered = callHandler(this.#exports.http, http, input!, stateBytes);
        next = answered.state;
        if (answered.returned?.length) http = { ...http, returned: answered.returned };
      }
      else if (this.#exports.handleMessage) [next, [response]] = this.#exports.handleMessage(stateBytes, [input!]);
      else throw new Error('this build is an http-framework actor: it has no websocket-server.handle-message for an event recorded for one');
      outcome = { kind: 'ok' };
    } catch (thrown) {
      outcome = isActorErr(thrown) ? { kind: 'err', message: describeThrown(thrown) } : { kind: 'trap', message: describeThrown(thrown) };
    }
    const durationMs = performance.now() - t0;
    this.#inFlight = undefined;
    const trace = this.component.recorder.take();
    // What went on the wire: an http-framework actor's sends, each `to` the connection it named
    // (sent at once, so kept whatever the call's outcome); another actor's answer, to the event's own.
    const sent = this.#http.take();
    let wire: WireOutcome[] =
      this.info.actorKind === 'http-framework'
        ? sent.flatMap(({ connection, message }) => {
            const to = this.#http.servers.connectionOf(connection);
            return to === undefined ? [] : [{ ...toWire(message), to }];
          })
        : response.messages.map(this.#delivery === 'theater-host' ? toHostWire : toWire);
    // A call past a limit fails whatever it answered: nothing it sent or would commit is kept.
    const limit = trace.limit ?? (outcome.kind === 'ok' ? pastAnswerLimit(this.#limits, next, { messages: wire.map((w) => w.message) }) : undefined) ?? pastMemoryLimit(this.#limits, this.#exports.memoryBytes());
    if (limit) {
      outcome = { kind: 'trap', message: limit.message, limit: limit.code };
      wire = [];
    }
    const newStates: Array<[string, Uint8Array]> = [];
    let after = before;
    if (outcome.kind === 'ok') {
      const stored = next !== undefined && stateBytes !== undefined && bytesEqual(stateBytes, next) ? { ref: before, isNew: false } : this.#history.states.put(next);
      after = stored.ref;
      if (stored.isNew && stored.ref !== null) newStates.push([stored.ref, next!]);
      this.#committed = after;
    }
    const recorded = this.#history.record(
      {
        kind,
        connectionId,
        startedAt,
        durationMs,
        input,
        stateBefore: before,
        stateAfter: after,
        outcome,
        responses: wire,
        hostCalls: trace.hostCalls,
        shutdown: trace.shutdown !== undefined,
        ...(http && { http }),
      },
      newStates,
    );
    if (outcome.kind === 'trap') await this.#reinstantiate();
    return recorded;
  }

  async #reinstantiate(): Promise<void> {
    const fresh = await this.component.instantiate();
    // Instantiating worked once for these very modules; failing now is a bug, not a user error.
    if (!fresh.ok) throw new Error(`re-instantiation after a trap failed: ${fresh.error.message}`);
    this.#exports = fresh.value;
  }
}

/** jco turns an `err(..)` result into a thrown ComponentError carrying the payload. */
const isActorErr = (thrown: unknown) =>
  typeof thrown === 'object' && thrown !== null && 'payload' in thrown && !(thrown instanceof WebAssembly.RuntimeError);

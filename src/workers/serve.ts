import { loadSha1, noActor as noActorError, packedBuffers, packEvents, readChain, readSessionForImport, type ActorEvent, type EngineError, type LoadStage, type RecordedEvent, type Result } from '../core';
import { ActorSession, replay, warmUp, type ComponentCache, type ModuleImporter, type WarmSample } from '../runtime';
import { ANSWERED_FIRST, PROTOCOL_VERSION, type CallName, type Calls, type Request, type Response } from '../protocols/actorWorker';

/** The two ends a worker has, whatever the platform (a Web Worker's `self`, Node's parentPort). */
export interface Port {
  /** `transfer`: buffers of `message` to move rather than copy (they are unusable here after). */
  post(message: Response, transfer?: ArrayBuffer[]): void;
  /** Where the answers to `ANSWERED_FIRST` calls go, when the platform has a faster way than `post` (the page's answer channel). */
  postAnswer?(message: Response): void;
  listen(handler: (message: Request) => void): void;
}

const noActor = { ok: false, error: noActorError() } as const;

/**
 * The worker: a thin switch from protocol requests to the engine. Requests are handled one at a
 * time, in order, because an actor is single-threaded and its state is a sequence.
 */
/**
 * Theater writes every state byte of a chain as a decimal in a JSON array nested three deep
 * (about 36 characters per byte, core/chain/chainWriter.ts), and every call writes its whole new
 * state, so a history holding states of a few MiB makes a chain longer than a JavaScript string
 * can be (V8: 2^29 - 24 characters, about 14 MiB of state in all). That is the format's cost, not
 * a fault of the history: the message says so, and what the person can export instead.
 */
function exportChain(session: ActorSession): Result<string, EngineError> {
  try {
    return { ok: true, value: session.exportChain() };
  } catch (thrown) {
    if (!(thrown instanceof RangeError)) throw thrown;
    return {
      ok: false,
      error: {
        code: 'too-large',
        message:
          "This history is too large to export as a Theater chain. Nothing is wrong with it: Theater's chain format writes each state byte as a number in JSON, inside JSON that is itself written as numbers, three levels deep, so one state byte takes about 36 characters, and each call that succeeds writes its whole new state again. " +
          'A history whose states add up to more than about 14 MiB makes a chain longer than the largest text this page can hold. ' +
          'To keep everything, use Export session: it stores states compactly and imports back whole. To get a Theater chain, make the history shorter first (Fork here on an event before the large states) and export the chain of that.',
      },
    };
  }
}

/**
 * Serves `port`. `cache`: where transpiled components are kept between loads (the page's worker
 * passes Cache Storage's; without one every load runs jco, and `componentCache` reports it empty).
 * `warmSample`: the component a `warm` request with `sample` transpiles once (runtime/warmUp.ts).
 */
export function serve(port: Port, importModule: ModuleImporter, cache?: ComponentCache, warmSample?: WarmSample): void {
  let session: ActorSession | undefined;
  let queue = Promise.resolve();
  /** Set by a load or restore: a warm-up under way stops after its current round (runtime/warmUp.ts). */
  let loading = false;

  async function handle(request: Request): Promise<Result<Calls[CallName]['value'], EngineError>> {
    switch (request.call) {
      case 'load': {
        loading = true;
        const onStage = (stage: LoadStage, ms: number | null) => port.post({ v: PROTOCOL_VERSION, id: request.id, progress: { kind: 'load', stage, ms } });
        const { bytes, name, delivery, compiled, wasi, limits } = request.args;
        const started = await ActorSession.start(bytes, { name, importModule, onStage, delivery, cache, compiled, wasi, limits });
        if (!started.ok) return started;
        session = started.value.session;
        return { ok: true, value: { info: session.info, init: started.value.init, cache: session.cacheUse, compiled: session.compiled } };
      }
      case 'restore': {
        loading = true;
        const { name, bytes, snapshot, lost, compiled, limits } = request.args;
        const restored = await ActorSession.restore(bytes, snapshot, { name, importModule, cache, compiled, limits });
        if (!restored.ok) return restored;
        session = restored.value;
        const recorded = lost ? session.recordLost(lost.connectionId, lost.input, lost.outcome, lost.durationMs) : undefined;
        return { ok: true, value: { info: session.info, lost: recorded, cache: session.cacheUse, compiled: session.compiled } };
      }
      case 'importSession': {
        loading = true;
        let sent = 0;
        const send = (events: ActorEvent[]) => {
          sent += events.length;
          const packed = packEvents(events);
          port.post({ v: PROTOCOL_VERSION, id: request.id, progress: { kind: 'events', packed } }, packedBuffers(packed));
        };
        const read = await readSessionForImport(request.args.file, request.args.loaded, send);
        if (!read.ok) return read;
        const { name, bytes, snapshot } = read.value;
        // The last run goes before the component loads, so the page unpacks it meanwhile.
        if (sent < snapshot.events.length) send(snapshot.events.slice(sent));
        const restored = await ActorSession.restore(bytes, snapshot, { name, importModule, cache, compiled: request.args.compiled, limits: snapshot.limits ?? request.args.limits });
        if (!restored.ok) return restored;
        session = restored.value;
        const { events: _sent, ...rest } = snapshot;
        return { ok: true, value: { info: session.info, cache: session.cacheUse, compiled: session.compiled, name, bytes, snapshot: rest } };
      }
      case 'warm':
        // Not awaited: a load that follows and needs no jco (compiled, cached) does not wait for it.
        void warmUp(request.args.sample ? warmSample : undefined, () => loading);
        return { ok: true, value: null };
      case 'ping':
        return { ok: true, value: null };
      case 'componentCache': {
        if (!cache) return { ok: true, value: { entries: 0, bytes: 0, limitBytes: 0 } };
        if (request.args.clear) await cache.clear();
        return { ok: true, value: await cache.usage() };
      }
      case 'open':
        return session ? session.open(request.args.path) : noActor;
      case 'close':
        return session ? session.close(request.args.connectionId) : noActor;
      case 'drop':
        return session ? session.drop(request.args.connectionId) : noActor;
      case 'configure':
        session?.configure(request.args.delivery);
        return { ok: true, value: null };
      case 'send':
        return session ? session.send(request.args.connectionId, request.args.message) : noActor;
      case 'sendMany': {
        if (!session) return noActor;
        let results: Array<Result<RecordedEvent, EngineError>> = [];
        let since = performance.now();
        for (const { connectionId, message } of request.args.items) {
          results.push(await session.send(connectionId, message));
          if (performance.now() - since < request.args.budgetMs) continue;
          // Posted now, while the next calls run: the page records these meanwhile.
          port.post({ v: PROTOCOL_VERSION, id: request.id, progress: { kind: 'sent', results } });
          results = [];
          since = performance.now();
        }
        return { ok: true, value: results };
      }
      case 'recordBridge':
        return session ? session.recordBridge(request.args.records) : noActor;
      case 'exportChain':
        return session ? exportChain(session) : noActor;
      case 'chainHash':
        return session ? { ok: true, value: session.chainHash(request.args.seq) } : noActor;
      case 'readChain': {
        await loadSha1();
        const read = readChain(request.args.text, request.args.actor);
        return read.ok ? { ok: true, value: { ...read.value, states: [...read.value.states.entries()] } } : read;
      }
      case 'rerun':
        return session ? { ok: true, value: await session.rerun(request.args.event) } : noActor;
      case 'replay': {
        const { name, bytes, events, states, from, delivery, actorId, wasi, limits } = request.args;
        const stateMap = new Map(states);
        const total = events.length - from;
        let done = 0;
        let lastNote = -Infinity;
        return replay(bytes, { events, state: (ref) => (ref === null ? undefined : stateMap.get(ref)) }, {
          name,
          from,
          delivery,
          actorId,
          wasi,
          limits,
          importModule,
          cache,
          onEvent: () => {
            done++;
            // Throttled: a note per event would cost more than a fast actor's call itself.
            if (performance.now() - lastNote > 50) {
              lastNote = performance.now();
              port.post({ v: PROTOCOL_VERSION, id: request.id, progress: { kind: 'replay', done, total } });
            }
          },
        });
      }
      default: {
        // Every call of this protocol is handled above; another build's may not be.
        const unknown: never = request;
        const call = (unknown as { call?: unknown }).call;
        return { ok: false, error: { code: 'invalid-request', message: `The actor worker has no request ${JSON.stringify(call)}: the page and the worker come from different builds; reload the page.` } };
      }
    }
  }

  /**
   * Answers one message, whatever it is: a message this protocol cannot read is answered with
   * `invalid-request` (under its id, when it has one), and a bug in a handler with
   * `internal-error`, so one bad message never stops the requests after it.
   */
  async function answer(message: Request): Promise<void> {
    const id = idOf(message);
    const unreadable = unreadableRequest(message, id);
    const result = unreadable
      ? { ok: false as const, error: { code: 'invalid-request' as const, message: unreadable } }
      : await handle(message).catch((thrown: unknown) => ({
          ok: false as const,
          error: { code: 'internal-error' as const, message: `The playground hit a bug: ${thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown)}` },
        }));
    // A message without an id is answered under -1: no request waits for it, but nothing is silent.
    const to = id ?? -1;
    const response: Response = result.ok ? { v: PROTOCOL_VERSION, id: to, ok: true, value: result.value } : { v: PROTOCOL_VERSION, id: to, ok: false, error: result.error };
    if (!unreadable && ANSWERED_FIRST.has(message.call) && port.postAnswer) port.postAnswer(response);
    else port.post(response);
  }

  port.listen((message) => {
    queue = queue.then(() => answer(message));
  });
}

/** The request id `message` carries, if it is an object with a numeric one. */
const idOf = (message: unknown): number | undefined => {
  const id = typeof message === 'object' && message !== null ? (message as { id?: unknown }).id : undefined;
  return typeof id === 'number' ? id : undefined;
};

/** Why the worker cannot read `message` (whose id is `id`) as a request of this protocol, or undefined when it can. */
function unreadableRequest(message: unknown, id: number | undefined): string | undefined {
  if (id === undefined) return 'The actor worker got a message that is not a request (no numeric id): the page and the worker do not match; reload the page.';
  const { v } = message as { v?: unknown };
  if (v !== PROTOCOL_VERSION) return `The actor worker speaks protocol ${PROTOCOL_VERSION}, the request protocol ${String(v)}: the page and the worker come from different builds; reload the page.`;
  return undefined;
}

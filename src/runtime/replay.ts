import { initFunction } from '../core/chain/chainValues';
import { engineError, type EngineError } from '../core/errors';
import type { ActorEvent, RecordedEvent } from '../core/events';
import { compareEvents, summarize, type EventComparison, type ReplayResult } from '../core/compare';
import type { ConnectDelivery } from '../core/connectDelivery';
import type { Limits } from '../core/limits';
import type { ComponentCache } from './componentCache';
import type { ModuleImporter } from './loader';
import { ok, type Result } from '../core/result';
import { ActorSession } from './session';
import { ConversationReplay } from './conversationReplay';
import type { StateRef } from '../core/stateStore';
import type { WasiSettings } from '../core/wasiSettings';

/** A recorded history to replay: its events and a way to read the states they refer to. */
export interface History {
  events: readonly ActorEvent[];
  state: (ref: StateRef) => Uint8Array | undefined;
}

export interface ReplayOptions {
  name: string;
  /** Replay from this recorded position (its recorded state before is the starting state). */
  from?: number;
  importModule?: ModuleImporter;
  /** The server setting the history was recorded under: it decides the frames compared (default `interface`). */
  delivery?: ConnectDelivery;
  /**
   * The actor id the history's init was given (`SessionOptions.actorId`): the build under test gets
   * it too, not the one made from its own hash, so an actor that keeps its id does not diverge at
   * init only because it was rebuilt. Default: the build's own.
   */
  actorId?: string;
  /** How WASI answers calls the recording does not have (a build that reads more); recorded ones are fed back. Default: the defaults. */
  wasi?: WasiSettings;
  /** What the server allows the build under test (`SessionOptions.limits`). */
  limits?: Partial<Limits>;
  /** Where transpiled components are kept (`SessionOptions.cache`): replaying the build that is loaded, or one replayed before, skips jco. */
  cache?: ComponentCache;
  /** Told after each event (the page animates with it; the client's watchdog listens to it). */
  onEvent?: (comparison: EventComparison, recorded: RecordedEvent | null) => void;
}

/**
 * Theater's replay idea: WebAssembly is deterministic, so the same inputs and host results must
 * give the same outputs. Re-runs every recorded input through `bytes` (the same build or a new
 * one) in a fresh session and compares each event; a difference is a behaviour change. A
 * conversation a proxy recorded is re-run too, its client's frames on a connection of the build's,
 * and compared with what the upstream answered (conversationReplay.ts).
 */
export async function replay(bytes: Uint8Array, history: History, options: ReplayOptions): Promise<Result<ReplayResult, EngineError>> {
  const from = options.from ?? 0;
  const first = history.events[from];
  if (from > 0 && !first) {
    const count = history.events.length;
    const range = count === 0 ? 'the history is empty' : count === 1 ? 'the history has 1 event (#0)' : `the history has ${count} events (#0 to #${count - 1})`;
    return engineError('no-such-event', `There is no event #${from} to replay from: ${range}.`);
  }
  const started = await ActorSession.start(bytes, { name: options.name, importModule: options.importModule, runInit: false, delivery: options.delivery, actorId: options.actorId, wasi: options.wasi, limits: options.limits, cache: options.cache });
  if (!started.ok) return started;
  const session = started.value.session;
  if (first) session.seed(history.state(first.stateBefore), history.events.slice(0, from));
  const comparisons: EventComparison[] = [];
  const states = new Map<string, Uint8Array>();
  const conversations = new ConversationReplay(session, history.events);
  for (const recorded of history.events.slice(from)) {
    let comparison: EventComparison;
    let rerun: RecordedEvent | null = null;
    const proxied = recorded.kind === 'bridge' ? await conversations.run(recorded) : null;
    if (proxied) {
      ({ comparison, rerun } = proxied);
      for (const [ref, state] of rerun?.newStates ?? []) states.set(ref, state);
    } else if (recorded.kind === 'bridge') {
      comparison = { seq: recorded.seq, replayed: null, differences: [], skipped: 'a frame exchanged with a real endpoint (bridge): not a call into the actor, so nothing to re-run' };
    } else if (recorded.kind === 'chain') {
      comparison = { seq: recorded.seq, replayed: null, differences: [], skipped: `from an imported Theater chain, shown and not replayable: ${recorded.chain?.readOnly ?? 'not a call the playground can make'}` };
    } else if (recorded.outcome.kind === 'timeout') {
      comparison = { seq: recorded.seq, replayed: null, differences: [], skipped: 'timed out when recorded: not re-run, its state was not committed' };
    } else if (recorded.kind === 'init' && !session.info.hasInit) {
      comparison = { seq: recorded.seq, replayed: null, differences: [{ aspect: 'outcome', recorded: 'init ran', replayed: `this build has no ${initFunction(session.info.package)}` }] };
    } else {
      rerun = await session.rerun(recorded);
      for (const [ref, state] of rerun.newStates) states.set(ref, state);
      comparison = { seq: recorded.seq, replayed: rerun.event, differences: compareEvents(recorded, rerun.event) };
    }
    comparisons.push(comparison);
    options.onEvent?.(comparison, rerun);
  }
  return ok({ comparisons, summary: summarize(comparisons), states: [...states] });
}

import { actorAnswerText, compareExchange, endpointAnswerText } from '../core/shadowCompare';
import type { EventComparison } from '../core/compare';
import type { ActorEvent, RecordedEvent } from '../core/events';
import { makeMessage } from '../core/messages';
import { proxyReplaySteps, type ProxyStep } from '../core/proxyConversation';
import type { ActorSession } from './session';

/** One recorded event's part in a replay: how it compared, and what the build recorded for it (null when nothing ran). */
export interface ReplayedStep {
  comparison: EventComparison;
  rerun: RecordedEvent | null;
}

/**
 * Replays the conversations a proxy recorded (proxy mode): each proxied client becomes a
 * connection of the build under test, numbered after every connection of the recording, gets the
 * client's frames in order, and what the build puts on the wire for each is compared with what
 * the upstream answered (core/shadowCompare.ts, the rule live shadowing uses). A captured
 * production conversation so becomes a regression test of a build.
 */
export class ConversationReplay {
  readonly #steps: Map<number, ProxyStep>;
  /** The build's connection for each proxied bridge connection. */
  readonly #connectionOf = new Map<number, number>();
  #next: number;

  constructor(
    private readonly session: ActorSession,
    events: readonly ActorEvent[],
  ) {
    this.#steps = proxyReplaySteps(events);
    this.#next = events.reduce((max, e) => Math.max(max, e.connectionId ?? 0), 0) + 1;
  }

  /** Runs `recorded`'s step of a proxied conversation; null when it is none (replay it as usual). */
  async run(recorded: ActorEvent): Promise<ReplayedStep | null> {
    const step = this.#steps.get(recorded.seq);
    if (!step) return null;
    const { seq } = recorded;
    if (step.kind === 'upstream') {
      const skipped = step.answers === null ? "the upstream's frame, when no frame of the client's awaited an answer: not compared" : `the upstream's frame: compared as its answer to #${step.answers}`;
      return { rerun: null, comparison: { seq, replayed: null, differences: [], skipped } };
    }
    if (step.kind === 'open') {
      const id = this.#next++;
      this.#connectionOf.set(step.connectionId, id);
      const rerun = await this.#run(id, makeMessage('connect'));
      return { rerun, comparison: { seq, replayed: rerun.event, differences: [], skipped: `a proxied client connected: the build takes it on connection #${id} (its answer to the opening is not compared, as in live shadowing)` } };
    }
    const id = this.#connectionOf.get(step.connectionId);
    if (id === undefined) return { rerun: null, comparison: { seq, replayed: null, differences: [], skipped: "a proxied client's frame whose connection opened before the replay's start: not re-run" } };
    if (step.kind === 'close') {
      this.#connectionOf.delete(step.connectionId);
      const rerun = await this.#run(id, makeMessage('close'));
      return { rerun, comparison: { seq, replayed: rerun.event, differences: [], skipped: `the proxied client closed: so does the build's connection #${id}` } };
    }
    const rerun = await this.#run(id, step.message);
    const { outcome, responses } = rerun.event;
    const verdict = compareExchange(step.answer, { seq: rerun.event.seq, outcome, responses });
    const failed = outcome.kind === 'ok' ? '' : ` (its call ended in ${outcome.kind})`;
    const differences = verdict.exchange.match ? [] : [{ aspect: 'upstream' as const, recorded: endpointAnswerText(step.answer), replayed: `${actorAnswerText(responses)}${failed}` }];
    return { rerun, comparison: { seq, replayed: rerun.event, differences } };
  }

  /** The frame as a call of the build's, with no recorded host results: WASI answers as the replay's settings say. */
  #run(connectionId: number, input: ReturnType<typeof makeMessage>): Promise<RecordedEvent> {
    return this.session.rerun({ kind: 'message', connectionId, input, hostCalls: [] });
  }
}

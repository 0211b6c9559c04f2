import { bytesEqual } from './bytes';
import { hostCallValues, valueJson } from './chain/chain';
import type { ActorEvent } from './events';

/**
 * The parts of an event a replay compares, in the order a person reads them. `upstream`: on a
 * proxied client's frame (proxy mode), what the build put on the wire against what the upstream
 * answered (runtime/conversationReplay.ts).
 */
export const COMPARED_ASPECTS = ['outcome', 'state', 'responses', 'hostCalls', 'upstream'] as const;
export type ComparedAspect = (typeof COMPARED_ASPECTS)[number];

export interface Difference {
  aspect: ComparedAspect;
  /** One line each side, for the divergence report. */
  recorded: string;
  replayed: string;
}

export interface EventComparison {
  seq: number;
  /** The replayed event, or null when the recorded one was not re-run (it timed out). */
  replayed: ActorEvent | null;
  differences: Difference[];
  skipped?: string;
}

const outcomeText = (event: ActorEvent) => {
  const o = event.outcome;
  switch (o.kind) {
    case 'ok':
      return 'ok';
    case 'err':
    case 'trap':
      return `${o.kind}: ${o.message}`;
    case 'timeout':
      return `timeout after ${o.afterMs} ms`;
    default: {
      const exhaustive: never = o;
      return exhaustive;
    }
  }
};

const stateText = (ref: string | null) => (ref === null ? 'none' : `sha256 ${ref.slice(0, 16)}…`);
// Absent and undefined fields are the same WIT `none`: written out so a file round trip (which
// drops undefined keys) compares equal to a live call.
// `to`: the connection an http-framework actor sent it to (none for the other kind).
const responsesText = (event: ActorEvent) => valueJson(event.responses.map(({ message: m, to }) => ({ ty: m.ty, data: m.data ?? null, text: m.text ?? null, ...(to === undefined ? {} : { to }) })));
// Host calls in the form the chain keeps them (its event type, input and output as one value each),
// written by the chain's own JSON writer: a history read back from a chain cannot tell `none` from
// no argument, or one list argument from several, so neither may a replay that compares with it.
const hostCallsText = (event: ActorEvent) =>
  valueJson(
    event.hostCalls.map((c) => {
      const { input, output } = hostCallValues(c);
      return { call: `${c.interface}/${c.function}`, input, output };
    }),
  );

/**
 * What differs between a recorded event and its replay. States are content-addressed by
 * SHA-256, so equal references mean equal bytes; host calls compare what was asked and what the
 * host answered, as Theater's chain writes them (stubs answer from the recording, so a result
 * differs only where the playground's own host answered otherwise).
 */
export function compareEvents(recorded: ActorEvent, replayed: ActorEvent): Difference[] {
  const differences: Difference[] = [];
  // The texts are made only for what differs: a replay compares every event, and most match.
  const check = (aspect: ComparedAspect, same: boolean, text: (event: ActorEvent) => string) => {
    if (same) return;
    const [a, b] = [text(recorded), text(replayed)];
    if (a !== b) differences.push({ aspect, recorded: a, replayed: b });
  };
  check('outcome', recorded.outcome.kind === 'ok' && replayed.outcome.kind === 'ok', outcomeText);
  check('state', recorded.stateAfter === replayed.stateAfter, (e) => stateText(e.stateAfter));
  check('responses', sameResponses(recorded, replayed), responsesText);
  check('hostCalls', sameHostCalls(recorded, replayed), hostCallsText);
  return differences;
}

const sameBytes = (a: Uint8Array | undefined, b: Uint8Array | undefined) => (a === undefined || b === undefined ? a === b : bytesEqual(a, b));

function sameResponses(a: ActorEvent, b: ActorEvent): boolean {
  if (a.responses.length !== b.responses.length) return false;
  return a.responses.every(({ message: m, to }, i) => {
    const n = b.responses[i]!.message;
    return to === b.responses[i]!.to && m.ty.tag === n.ty.tag && (m.ty.tag !== 'other' || m.ty.val === (n.ty as { val: string }).val) && m.text === n.text && sameBytes(m.data, n.data);
  });
}

/** Quick check only: calls whose arguments or results are not identical plain values go to the full text compare. */
function sameHostCalls(a: ActorEvent, b: ActorEvent): boolean {
  if (a.hostCalls.length !== b.hostCalls.length) return false;
  return a.hostCalls.every((c, i) => {
    const d = b.hostCalls[i]!;
    return c.interface === d.interface && c.function === d.function && c.result === d.result && c.args.length === d.args.length && c.args.every((arg, j) => arg === d.args[j]);
  });
}

export interface ReplaySummary {
  total: number;
  matched: number;
  diverged: number;
  skipped: number;
  /** The first recorded event whose replay differs, if any. */
  firstDivergence: number | null;
}

export function summarize(comparisons: readonly EventComparison[]): ReplaySummary {
  const diverged = comparisons.filter((c) => c.differences.length > 0);
  const skipped = comparisons.filter((c) => c.skipped !== undefined).length;
  return {
    total: comparisons.length,
    matched: comparisons.length - diverged.length - skipped,
    diverged: diverged.length,
    skipped,
    firstDivergence: diverged[0]?.seq ?? null,
  };
}

/** What a replay gives: each event compared, the verdict, and the states the replayed events refer to (content-addressed). */
export interface ReplayResult {
  comparisons: EventComparison[];
  summary: ReplaySummary;
  /** States the replayed events refer to (content-addressed). */
  states: Array<[string, Uint8Array]>;
}

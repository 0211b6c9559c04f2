import { readFileSync } from 'node:fs';
import { DEFAULT_LIMITS, LOOSEST_LIMITS, textMessage, type Limits } from '../../src/core';
import { CallRecorder } from '../../src/core/hostCalls';
import { pastAnswerLimit } from '../../src/runtime/callLimits';
import { ActorSession } from '../../src/runtime';
import { median, round } from './stats';

const CALLS = 5_000;
const RUNS = 7;

/** A session of `name` under `limits`, one connection open: what it takes to send one more message. */
async function sender(name: string, limits: Limits): Promise<(text: string) => Promise<void>> {
  const started = await ActorSession.start(new Uint8Array(readFileSync(`public/actors/${name}.wasm`)), { name: `${name}.wasm`, limits });
  if (!started.ok) throw new Error(started.error.message);
  const { session } = started.value;
  const opened = await session.open();
  if (!opened.ok) throw new Error(opened.error.message);
  const id = opened.value.connection.id;
  return async (text) => {
    const sent = await session.send(id, textMessage(text));
    if (!sent.ok || sent.value.event.outcome.kind !== 'ok') throw new Error(`${name} did not answer ${text} under the limits`);
  };
}

/**
 * µs per call of `name` (the engine, Node) under the default limits and under the loosest (every
 * check still runs; none can fail), runs alternating in one process so both see the same machine:
 * what the limits cost per call, as medians and their ratio. echo answers each message (a
 * response counted and weighed); counter also logs a line a call (counted and weighed) and
 * commits a new state (weighed).
 */
async function cost(name: string, text: string): Promise<Record<string, number>> {
  const limited = await sender(name, DEFAULT_LIMITS);
  const loosest = await sender(name, LOOSEST_LIMITS);
  const runs: Record<'limited' | 'loosest', number[]> = { limited: [], loosest: [] };
  for (let run = 0; run < RUNS; run++) {
    for (const [which, send] of [['limited', limited], ['loosest', loosest]] as const) {
      const t0 = performance.now();
      for (let i = 0; i < CALLS; i++) await send(text);
      runs[which].push(((performance.now() - t0) * 1000) / CALLS);
    }
  }
  const limitedUs = median(runs.limited);
  const loosestUs = median(runs.loosest);
  return { calls_per_run: CALLS, runs: RUNS, default_limits_us: round(limitedUs, 2), loosest_limits_us: round(loosestUs, 2), ratio: round(limitedUs / loosestUs, 3) };
}

/**
 * The checks alone, per call (µs, median of RUNS runs of CHECKS): what counter's call weighs, one
 * log line recorded and counted, its response and its 60-byte state weighed. Beside a call of
 * tens of µs it is what the limits add, whatever they are set to.
 */
function checksAlone(): Record<string, number> {
  const CHECKS = 200_000;
  const recorder = new CallRecorder();
  recorder.limit(DEFAULT_LIMITS);
  const state = new TextEncoder().encode('{"count":1,"connections":1,"history":[],"pad":"0123456789"}');
  const response = { messages: [{ ty: { tag: 'text' as const }, text: 'count: 1', data: undefined }] };
  const runs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    for (let i = 0; i < CHECKS; i++) {
      recorder.record({ interface: 'theater:simple/runtime', function: 'log', args: ['inc 1 -> count 1'], result: undefined, stubbed: false });
      if (pastAnswerLimit(DEFAULT_LIMITS, state, response) ?? recorder.take().limit) throw new Error('a check failed under the default limits');
    }
    runs.push(((performance.now() - t0) * 1000) / CHECKS);
  }
  return { checks_per_run: CHECKS, runs: RUNS, checks_us: round(median(runs), 3) };
}

/** What the limits cost per call on echo and counter (Node, µs, medians), and the checks alone. */
export async function measureLimitsCost(): Promise<Record<string, Record<string, number>>> {
  return { echo: await cost('echo', 'hello'), counter: await cost('counter', 'inc'), checks_alone: checksAlone() };
}

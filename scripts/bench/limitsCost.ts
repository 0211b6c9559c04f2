import { readFileSync } from 'node:fs';
import { DEFAULT_LIMITS, LOOSEST_LIMITS, textMessage, type Limits } from '../../src/core';
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

/** What the limits cost per call on echo and counter (Node, µs, medians). */
export async function measureLimitsCost(): Promise<Record<string, Record<string, number>>> {
  return { echo: await cost('echo', 'hello'), counter: await cost('counter', 'inc') };
}

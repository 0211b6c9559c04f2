import { componentHash, readSessionFile, writeSessionFile, makeMessage } from '../../src/core';
import { replay } from '../../src/runtime';
import { bareCall } from './callCost';
import { recordHistory } from './recordSession';
import { median, round } from './stats';

const EVENTS = 100_000;
/** Bare loops and replays, alternated so both see the same machine; medians reported. */
const RUNS = 3;

/**
 * Replay throughput on a recorded 100,000-event history against the bare call rate of the same
 * actor in the same run, plus the cost of writing and reading that history as a session file.
 */
export async function measureReplay(actor: 'minimal' | 'echo'): Promise<Record<string, number>> {
  const { session, bytes, name } = await recordHistory(`public/actors/${actor}.wasm`, EVENTS);
  const history = { events: session.events, state: (ref: string | null) => session.state(ref) };

  const call = await bareCall(bytes);
  const message = makeMessage('text', { text: 'message 1' });
  const bareRuns: number[] = [];
  const replayRuns: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    for (let i = 0; i < EVENTS; i++) call(message);
    bareRuns.push((performance.now() - t0) / 1000);
    const t1 = performance.now();
    const result = await replay(bytes, history, { name });
    replayRuns.push((performance.now() - t1) / 1000);
    if (!result.ok || result.value.summary.diverged > 0) throw new Error(`replay of ${actor} did not match: ${JSON.stringify(result.ok ? result.value.summary : result.error)}`);
  }
  const bareSeconds = median(bareRuns);
  const replaySeconds = median(replayRuns);

  const snapshot = session.snapshot();
  let t0 = performance.now();
  const file = await writeSessionFile({ component: { name, sha256: componentHash(bytes), size: bytes.length }, connections: snapshot.connections, events: snapshot.events, states: new Map(snapshot.states) }, false);
  const exportMs = performance.now() - t0;
  t0 = performance.now();
  const read = await readSessionFile(file);
  const importMs = performance.now() - t0;
  if (!read.ok) throw new Error(read.error.message);

  return {
    events: EVENTS,
    bare_calls_per_s: round(EVENTS / bareSeconds, 0),
    replay_events_per_s: round(EVENTS / replaySeconds, 0),
    replay_vs_bare: round(bareSeconds / replaySeconds),
    export_ms: round(exportMs, 0),
    import_ms: round(importMs, 0),
    file_mib: round(file.size / 1024 / 1024, 1),
  };
}

import { describe, expect, it } from 'vitest';
import { chainToHistory, readChain } from '../core/chain/chainHistory';
import type { ChainEntry } from '../core/chain/chain';
import type { ActorEvent } from '../core/events';
import { textMessage } from '../core/messages';
import type { HostCall } from '../core/hostCalls';
import { replay, type History } from './replay';
import { ActorSession } from './session';
import { quitterActor } from './testing/builtActor';
import { exampleBytes, expectOk, startExample } from './testing/exampleActors';
import { hostCall, writeChain, type WrittenEntry } from './testing/theaterChains';

async function counterSession(commands: string[]): Promise<ActorSession> {
  const { session } = await startExample('counter');
  const { connection } = expectOk(await session.open());
  for (const command of commands) expectOk(await session.send(connection.id, textMessage(command)));
  return session;
}
const historyOf = (session: ActorSession) => ({ events: session.events, state: (ref: string | null) => session.state(ref) });

describe('replay', () => {
  it('replays a history against the same build with every event matching', async () => {
    const session = await counterSession(['inc 3', 'hello', 'inc nope', 'get']);
    const result = expectOk(await replay(exampleBytes('counter'), historyOf(session), { name: 'counter.wasm' }));
    expect(result.summary).toEqual({ total: 6, matched: 6, diverged: 0, skipped: 0, firstDivergence: null });
  });

  it('finds the first divergence against a changed build and says what differs', async () => {
    const session = await counterSession(['inc 3', 'inc', 'get', 'inc 1']);
    const result = expectOk(await replay(exampleBytes('counter-v2'), historyOf(session), { name: 'counter-v2.wasm' }));
    const bareInc = session.events.find((e) => e.input?.text === 'inc')!.seq;
    expect(result.summary.firstDivergence).toBe(bareInc);
    const first = result.comparisons[bareInc]!;
    expect(first.differences.map((d) => d.aspect)).toEqual(['state', 'responses', 'hostCalls']);
    expect(first.differences[1]).toMatchObject({ recorded: expect.stringContaining('count: 4'), replayed: expect.stringContaining('count: 5') });
    expect(result.summary.matched).toBe(bareInc);
    expect(result.summary.diverged).toBe(result.summary.total - bareInc);
  });

  it('replays from a chosen event, starting from its recorded state', async () => {
    const session = await counterSession(['inc 3', 'inc 4', 'get']);
    const result = expectOk(await replay(exampleBytes('counter'), historyOf(session), { name: 'counter.wasm', from: 3 }));
    expect(result.comparisons.map((c) => c.seq)).toEqual([3, 4]);
    expect(result.comparisons[1]!.replayed!.responses[0]!.message.text).toBe('count: 7');
    expect(result.summary.diverged).toBe(0);
  });

  it('feeds recorded host results to stubs, and skips calls that timed out', async () => {
    const { session } = await startExample('imports');
    const { connection } = expectOk(await session.open());
    expectOk(await session.send(connection.id, textMessage('count')));
    const events = session.events.map((e) => ({ ...e }));
    // As if a real host had answered 41 where the playground's stub said 0.
    events[1] = { ...events[1]!, hostCalls: events[1]!.hostCalls.map((c) => (c.function === 'count' ? { ...c, result: 41 } : c)) };
    session.recordLost(connection.id, textMessage('slow'), { kind: 'timeout', afterMs: 5000 }, 5000);
    const result = expectOk(await replay(exampleBytes('imports'), { events: [...events, session.events[2]!], state: (r) => session.state(r) }, { name: 'imports.wasm' }));
    expect(result.comparisons[1]!.replayed!.responses[0]!.message.text).toBe('count: 41');
    expect(result.comparisons[2]!.skipped).toMatch(/timed out/);
    expect(result.summary.skipped).toBe(1);
  });

  it('rebuilds the calls of an exported chain and replays them', async () => {
    const session = await counterSession(['inc 2', 'burst 2', 'inc x']);
    const chain = chainToHistory(JSON.parse(session.exportChain()) as ChainEntry[]);
    expect(chain.replayable).toBe(chain.events.length);
    expect(chain.events.map((e) => [e.kind, e.input?.text ?? e.input?.ty.tag ?? null, e.outcome.kind])).toEqual([
      ['init', null, 'ok'],
      ['message', 'connect', 'ok'],
      ['message', 'inc 2', 'ok'],
      ['message', 'burst 2', 'ok'],
      ['message', 'inc x', 'err'],
    ]);
    expect(chain.events.map((e) => e.stateAfter)).toEqual(session.events.map((e) => e.stateAfter));
    const result = expectOk(await replay(exampleBytes('counter'), { events: chain.events, state: (r) => chain.states.get(r) }, { name: 'counter.wasm' }));
    expect(result.summary.diverged).toBe(0);
  });

  it('skips the read-only events of an imported chain, saying why, and replays the calls around them', async () => {
    const session = await counterSession(['inc 2', 'get']);
    const recorded = JSON.parse(session.exportChain()) as ChainEntry[];
    // A host call outside any call, as another host might record between two calls.
    const entries: WrittenEntry[] = recorded.map((e) => ({ eventType: e.event_type, bytes: e.data }));
    entries.splice(entries.length - 3, 0, hostCall('theater:simple/runtime', 'log', 'between calls', null));
    const chain = expectOk(readChain(writeChain(entries)));
    expect(chain.events.map((e) => e.kind)).toEqual(['init', 'message', 'message', 'chain', 'message']);
    const result = expectOk(await replay(exampleBytes('counter'), { events: chain.events, state: (r) => chain.states.get(r) }, { name: 'counter.wasm' }));
    expect(result.comparisons.map((c) => c.skipped ?? (c.differences.length === 0 ? 'match' : 'diverged'))).toEqual(['match', 'match', 'match', 'from an imported Theater chain, shown and not replayable: a host call outside any call into the actor', 'match']);
    expect(result.summary).toMatchObject({ matched: 4, skipped: 1, diverged: 0 });
  });
});

describe('replaying host calls whose arguments a chain writes as one JSON value', () => {
  /** The quitter after `quit`: shutdown(none), then shutdown(some("bye")), recorded live. */
  async function quitterSession(text: string) {
    const { bytes } = await quitterActor();
    const { session } = expectOk(await ActorSession.start(bytes, { name: 'quitter.wasm' }));
    const { connection } = expectOk(await session.open());
    expectOk(await session.send(connection.id, textMessage('log hello')));
    expectOk(await session.send(connection.id, textMessage(text)));
    return { bytes, session };
  }
  const shutdownArgs = (events: readonly ActorEvent[]) =>
    events.flatMap((e) => e.hostCalls.filter((c) => c.function === 'shutdown').map((c) => c.args));

  it('matches, from the exported chain and from the session, when the same build calls shutdown(none) and shutdown(some(bytes))', async () => {
    const { bytes, session } = await quitterSession('quit');
    expect(shutdownArgs(session.events)).toEqual([[undefined], [Uint8Array.from([98, 121, 101])]]);
    const chain = expectOk(readChain(session.exportChain()));
    // What a chain can tell: `null` reads back as no argument, the bytes as three.
    expect(shutdownArgs(chain.events)).toEqual([[], [98, 121, 101]]);
    const fromChain: History = { events: chain.events, state: (r) => chain.states.get(r) };
    for (const history of [historyOf(session), fromChain]) {
      const result = expectOk(await replay(bytes, history, { name: 'quitter.wasm' }));
      expect(result.comparisons.flatMap((c) => c.differences)).toEqual([]);
      expect(result.summary).toMatchObject({ total: 3, matched: 3, diverged: 0 });
    }
  });

  it('still diverges when a recorded shutdown had another argument or another result', async () => {
    const { bytes, session } = await quitterSession('quit');
    const chain = expectOk(readChain(session.exportChain()));
    const quit = chain.events.at(-1)!;
    const altered = (change: (calls: HostCall[]) => HostCall[]): History => ({
      events: [...chain.events.slice(0, -1), { ...quit, hostCalls: change(quit.hostCalls) }],
      state: (r) => chain.states.get(r),
    });
    const otherArgument = altered(([none, bytesCall]) => [none!, { ...bytesCall!, args: [98, 121, 0] }]);
    const otherResult = altered(([none, bytesCall]) => [{ ...none!, result: { Err: 'refused' } }, bytesCall!]);
    const someForNone = altered(([none, bytesCall]) => [{ ...none!, args: [[]] }, bytesCall!]);
    for (const history of [otherArgument, otherResult, someForNone]) {
      const result = expectOk(await replay(bytes, history, { name: 'quitter.wasm' }));
      expect(result.summary).toMatchObject({ diverged: 1, firstDivergence: quit.seq });
      expect(result.comparisons.at(-1)!.differences.map((d) => d.aspect)).toEqual(['hostCalls']);
    }
  });
});

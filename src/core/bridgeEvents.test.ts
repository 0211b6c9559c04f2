import { describe, expect, it } from 'vitest';
import { chainToHistory } from './chain/chainHistory';
import { verifyChain } from './chain/chain';
import { compareEvents } from './compare';
import { connectionsAfter } from './connections';
import type { BridgeRecord } from './events';
import { makeMessage, textMessage } from './messages';
import { replay } from '../runtime/replay';
import { readSessionFile, sessionFileLines, writeSessionFile, componentHash } from './sessionFile';
import { exampleBytes, expectOk, startExample } from '../runtime/testing/exampleActors';

const ENDPOINT = 'ws://127.0.0.1:9/echo';

const frame = (direction: 'sent' | 'received', text: string, extra: Partial<BridgeRecord['bridge']> = {}): BridgeRecord => ({
  connectionId: -1,
  input: textMessage(text),
  bridge: { direction, endpoint: ENDPOINT, ...extra },
  startedAt: 1_700_000_000_000,
});

/** An echo session with a simulated exchange, then an exchange with a real endpoint, then more simulated traffic. */
async function mixedHistory() {
  const { session } = await startExample('echo');
  const { connection } = expectOk(await session.open());
  expectOk(await session.send(connection.id, textMessage('before')));
  const bridged = expectOk(session.recordBridge([frame('sent', 'hello'), frame('received', 'HELLO', { shadow: { actorSeq: 1, match: false, detail: 'differs' } })]));
  expectOk(await session.send(connection.id, textMessage('after')));
  return { session, connection, bridged };
}

describe('bridge events: frames exchanged with a real endpoint, in the same history', () => {
  it('are recorded in order between calls, without touching the actor, its state or its connections', async () => {
    const { session, connection, bridged } = await mixedHistory();
    expect(session.events.map((e) => [e.seq, e.kind, e.connectionId, e.input?.text ?? e.input?.ty.tag])).toEqual([
      [0, 'message', connection.id, 'connect'],
      [1, 'message', connection.id, 'before'],
      [2, 'bridge', -1, 'hello'],
      [3, 'bridge', -1, 'HELLO'],
      [4, 'message', connection.id, 'after'],
    ]);
    const [sent, received] = bridged.map((r) => r.event);
    expect(sent).toMatchObject({ outcome: { kind: 'ok' }, responses: [], hostCalls: [], durationMs: 0, startedAt: 1_700_000_000_000, bridge: { direction: 'sent', endpoint: ENDPOINT } });
    expect(sent!.stateAfter).toBe(sent!.stateBefore);
    expect(received!.bridge?.shadow).toEqual({ actorSeq: 1, match: false, detail: 'differs' });
    expect(bridged.every((r) => r.newStates.length === 0)).toBe(true);
    expect(session.connections).toEqual([{ id: connection.id, open: true }]);
  });

  it('refuses a bridge connection numbered like a simulated one, and records nothing of that batch', async () => {
    const { session } = await startExample('echo');
    const refused = session.recordBridge([frame('sent', 'fine'), { ...frame('sent', 'clash'), connectionId: 1 }]);
    expect(refused.ok ? 'recorded' : refused.error.code).toBe('invalid-message');
    expect(session.events).toHaveLength(0);
  });

  it('leave bridge connections out of the connections a history leaves behind, even their connect and close', async () => {
    const { session, connection } = await mixedHistory();
    expectOk(session.recordBridge([{ ...frame('sent', ''), input: makeMessage('connect'), connectionId: -2 }, { ...frame('received', ''), input: makeMessage('close'), connectionId: -1, bridge: { direction: 'received', endpoint: ENDPOINT, closeCode: 4001, closeReason: 'go away' } }]));
    expect(connectionsAfter(session.events)).toEqual([{ id: connection.id, open: true }]);
  });

  it('are left out of the exported chain, which still verifies and rebuilds into just the calls', async () => {
    const { session } = await mixedHistory();
    const entries = expectOk(verifyChain(session.exportChain()));
    const rebuilt = chainToHistory(entries);
    expect(rebuilt.replayable).toBe(rebuilt.events.length);
    expect(rebuilt.events.map((e) => e.input?.text ?? e.input?.ty.tag)).toEqual(['connect', 'before', 'after']);
    // A bridge event's place in the chain is the chain as it stood: the hash of the call before it.
    expect(session.chainHash(2)).toBe(session.chainHash(1));
    expect(session.chainHash(3)).toBe(session.chainHash(1));
  });

  it('are skipped by a replay, with the reason, while the calls around them replay and match', async () => {
    const { session } = await mixedHistory();
    const result = expectOk(await replay(exampleBytes('echo'), { events: session.events, state: (ref) => session.state(ref) }, { name: 'echo.wasm' }));
    expect(result.comparisons.map((c) => c.skipped ?? (c.differences.length === 0 ? 'match' : 'diverged'))).toEqual([
      'match',
      'match',
      expect.stringContaining('real endpoint (bridge)'),
      expect.stringContaining('real endpoint (bridge)'),
      'match',
    ]);
    expect(result.summary).toMatchObject({ total: 5, matched: 3, skipped: 2, diverged: 0 });
  });

  it('are written down again, unchanged, when a rewrite re-runs the history past them', async () => {
    const { session } = await mixedHistory();
    const { session: fresh } = await startExample('echo');
    for (const event of session.events) {
      const again = await fresh.rerun(event);
      expect(compareEvents(event, again.event)).toEqual([]);
      expect(again.event.bridge).toEqual(event.bridge);
    }
    expect(fresh.events.map((e) => e.kind)).toEqual(session.events.map((e) => e.kind));
  });

  it('survive a session file round trip, and a file that misuses `bridge` is refused with where', async () => {
    const { session, connection } = await mixedHistory();
    const bytes = exampleBytes('echo');
    const snapshot = session.snapshot();
    const written = await writeSessionFile({ component: { name: 'echo.wasm', sha256: componentHash(bytes), size: bytes.length }, connections: snapshot.connections, events: snapshot.events, states: new Map(snapshot.states) }, false);
    const read = expectOk(await readSessionFile(written));
    expect(read.events[3]!.bridge).toEqual(session.events[3]!.bridge);
    expect(read.connections).toEqual([{ id: connection.id, open: true }]);

    // Tampered with in the file's uncompressed lines: the header, the states, then one event per line.
    const lines = [...sessionFileLines(read, false)].map((line) => JSON.parse(line) as Record<string, unknown>);
    const tampered = async (change: (events: Array<Record<string, unknown>>) => void) => {
      const copy = structuredClone(lines);
      change(copy.slice(1 + (copy[0]!.states as number)));
      const result = await readSessionFile(copy.map((line) => JSON.stringify(line)).join('\n'));
      return result.ok ? 'accepted' : result.error.message;
    };
    expect(await tampered((events) => delete events[2]!.bridge)).toMatch(/events\[2\]\.bridge: a bridge event needs/);
    expect(await tampered((events) => (events[2]!.connectionId = 3))).toMatch(/events\[2\]\.bridge: .*below zero/);
    expect(await tampered((events) => (events[1]!.bridge = events[2]!.bridge))).toMatch(/events\[1\]\.bridge: only a bridge event/);
    expect(await tampered((events) => ((events[2]!.bridge as { direction: string }).direction = 'sideways'))).toMatch(/events\[2\]\.bridge\.direction/);
  });
});

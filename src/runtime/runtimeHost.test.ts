import { describe, expect, it } from 'vitest';
import { decodeEntry, type ChainEntry } from '../core/chain/chain';
import { chainToHistory } from '../core/chain/chainHistory';
import { utf8 } from '../core/bytes';
import type { HostCall } from '../core/hostCalls';
import { textMessage } from '../core/messages';
import { replay } from './replay';
import type { RecordedChain } from '../core/chain/recordedChain';
import type { ActorSession } from './session';
import { componentHash, readSessionFile, writeSessionFile } from '../core/sessionFile';
import { expectOk } from './testing/exampleActors';
import { fixtureActorBytes, startFixture } from './testing/fixtureActors';

/** get-chain.wasm after init and a connect: the chain has entries before anyone asks for it. */
async function getChainSession(): Promise<{ session: ActorSession; connection: number }> {
  const { session } = await startFixture('get-chain');
  const { connection } = expectOk(await session.open());
  return { session, connection: connection.id };
}

const chainCall = (calls: readonly HostCall[]) => calls.find((call) => call.function === 'get-chain')!;
const historyOf = (session: ActorSession) => ({ events: session.events, state: (ref: string | null) => session.state(ref) });

describe("Theater's runtime for an actor built against Theater's real package", () => {
  it('loads get-chain.wasm: log, get-chain and shutdown are provided, types has nothing to call', async () => {
    const { session, init } = await startFixture('get-chain');
    expect(init!.event.outcome).toEqual({ kind: 'ok' });
    expect(init!.event.hostCalls).toEqual([{ interface: 'theater:simple/runtime', function: 'log', args: ['init'], result: undefined, stubbed: false }]);
    const lines = session.info.importFunctions!.map(({ interface: iface, function: fn, provision, by }) => `${iface} ${fn} ${provision} ${by ?? ''}`.trim());
    expect(lines).toEqual(['theater:simple/runtime log provided theater', 'theater:simple/runtime get-chain provided theater', 'theater:simple/runtime shutdown provided theater']);
  });

  it("answers `chain` with the chain so far: every finished event's entries, then this call's WasmCall", async () => {
    const { session, connection } = await getChainSession();
    const before = JSON.parse(session.exportChain()) as ChainEntry[];
    const { event } = expectOk(await session.send(connection, textMessage('chain')));
    expect(event.responses.map((r) => r.message.text)).toEqual([`chain has ${before.length + 1} events`]);

    // Theater's chain record as Theater's own host built it: hash = index, parent = index - 1.
    const call = chainCall(event.hostCalls);
    expect(call).toMatchObject({ interface: 'theater:simple/runtime', args: [], stubbed: false });
    const { events } = call.result as RecordedChain;
    expect(events.map((e) => [e.hash, e.event.parent])).toEqual(events.map((_, i) => [i, i === 0 ? undefined : i - 1]));
    expect(events.slice(0, -1).map((e) => [e.event.eventType, Array.from(e.event.data)])).toEqual(before.map((entry) => [entry.event_type, entry.data]));

    // The last is the running call's own entry, exactly as the exported chain writes it afterwards.
    const after = JSON.parse(session.exportChain()) as ChainEntry[];
    expect(after[before.length]!.event_type).toBe('wasm');
    expect(Array.from(events.at(-1)!.event.data)).toEqual(after[before.length]!.data);
  });

  it('counts what was recorded in between: a second `chain` sees the first one and the messages after it', async () => {
    const { session, connection } = await getChainSession();
    const first = expectOk(await session.send(connection, textMessage('chain'))).event;
    expectOk(await session.send(connection, textMessage('hello')));
    const before = (JSON.parse(session.exportChain()) as ChainEntry[]).length;
    const second = expectOk(await session.send(connection, textMessage('chain'))).event;
    expect(second.responses[0]!.message.text).toBe(`chain has ${before + 1} events`);
    expect((chainCall(second.hostCalls).result as RecordedChain).events.length).toBeGreaterThan((chainCall(first.hostCalls).result as RecordedChain).events.length);
  });

  it('replays get-chain from the recording, even where the replay has a shorter chain of its own', async () => {
    const { session, connection } = await getChainSession();
    expectOk(await session.send(connection, textMessage('hello')));
    const asked = expectOk(await session.send(connection, textMessage('chain'))).event;

    const whole = expectOk(await replay(fixtureActorBytes('get-chain'), historyOf(session), { name: 'get-chain.wasm' }));
    expect(whole.summary).toMatchObject({ diverged: 0, skipped: 0, total: session.events.length });

    // Replayed alone, the actor's own chain would hold one entry: the recorded answer is what it gets.
    const alone = expectOk(await replay(fixtureActorBytes('get-chain'), historyOf(session), { name: 'get-chain.wasm', from: asked.seq }));
    expect(alone.summary.diverged).toBe(0);
    expect(alone.comparisons[0]!.replayed!.responses[0]!.message.text).toBe(asked.responses[0]!.message.text);
    expect(chainCall(alone.comparisons[0]!.replayed!.hostCalls).result).toEqual(chainCall(asked.hostCalls).result);
  });

  it('keeps get-chain in a session file, and the file replays', async () => {
    const { session, connection } = await getChainSession();
    const asked = expectOk(await session.send(connection, textMessage('chain'))).event;
    const snapshot = session.snapshot();
    const bytes = fixtureActorBytes('get-chain');
    const file = { component: { name: 'get-chain.wasm', sha256: componentHash(bytes), size: bytes.length }, connections: snapshot.connections, events: snapshot.events, states: new Map(snapshot.states) };
    const back = expectOk(await readSessionFile(await writeSessionFile(file, false)));
    expect(back.events[asked.seq]!.hostCalls).toEqual(asked.hostCalls);
    const result = expectOk(await replay(bytes, { events: back.events, state: (ref) => (ref === null ? undefined : back.states.get(ref)) }, { name: 'get-chain.wasm', from: asked.seq }));
    expect(result.comparisons[0]!.replayed!.responses[0]!.message.text).toBe(asked.responses[0]!.message.text);
    expect(result.summary.diverged).toBe(0);
  });

  it("writes get-chain into the chain as Theater's host does, as the count, and an exported chain replays", async () => {
    const { session, connection } = await getChainSession();
    for (const text of ['chain', 'hello', 'chain']) expectOk(await session.send(connection, textMessage(text)));
    const entries = JSON.parse(session.exportChain()) as ChainEntry[];
    // The chain itself as output would nest each answer in the next; Theater keeps the number.
    const outputs = entries.filter((entry) => entry.event_type === 'theater:simple/runtime/get-chain').map((entry) => (decodeEntry(entry) as { output: number[] }).output);
    expect(outputs).toEqual([Array.from(utf8('7')), Array.from(utf8('13'))]);

    // Replayed from the chain, get-chain has only that number: the replay's own chain answers, and agrees.
    const history = chainToHistory(entries);
    const result = expectOk(await replay(fixtureActorBytes('get-chain'), { events: history.events, state: (ref) => history.states.get(ref) }, { name: 'get-chain.wasm' }));
    expect(result.summary.diverged).toBe(0);
    expect(result.comparisons.map((c) => c.replayed?.responses[0]?.message.text).filter(Boolean)).toEqual(['chain has 7 events', 'hello', 'chain has 13 events']);
  });
});

import { describe, expect, it } from 'vitest';
import { actorIdOf } from '../core/actorId';
import { decodeEntry, type ChainEntry } from '../core/chain/chain';
import { readChain } from '../core/chain/chainHistory';
import type { ActorEvent } from '../core/events';
import { textMessage } from '../core/messages';
import { replay } from './replay';
import { chainOutput } from '../core/chain/recordedChain';
import { ActorSession } from './session';
import { componentHash } from '../core/sessionFile';
import type { StateRef } from '../core/stateStore';
import { expectOk } from './testing/exampleActors';
import { generationActor, withCustomSection } from './testing/theaterGenerations';

describe('an actor built against ntwk:theater (Theater before June 2025)', () => {
  it('loads, names its package, gets an actor id at init, and answers through the same session', async () => {
    const { bytes } = await generationActor('ntwk-2025-04');
    const { session, init } = expectOk(await ActorSession.start(bytes, { name: 'ntwk.wasm' }));
    expect(session.info.package).toBe('ntwk:theater');
    expect(session.info.hasInit).toBe(true);
    // Its runtime import is Theater's, answered by the playground, not a stub.
    expect(session.info.imports).toContainEqual({ name: 'ntwk:theater/runtime', kind: 'interface', provider: 'theater' });

    const actorId = session.info.actorId!;
    expect(actorId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // init(state, (actor-id,)) ran with that id: the actor logged it and kept it as its state.
    expect(init?.event.outcome).toEqual({ kind: 'ok' });
    expect(init?.event.hostCalls.map((call) => [call.function, call.args])).toEqual([['log', [`init as ${actorId}`]]]);
    expect(new TextDecoder().decode(session.state(session.committedState))).toBe(actorId);

    const { connection } = expectOk(await session.open());
    const reply = expectOk(await session.send(connection.id, textMessage('hello'))).event;
    expect(reply.outcome).toEqual({ kind: 'ok' });
    expect(reply.responses.map((r) => r.message.text)).toEqual([`${actorId}: hello`]);
  });

  it('gets the same actor id every time the same component starts', async () => {
    const { bytes } = await generationActor('ntwk-2025-04');
    const first = expectOk(await ActorSession.start(bytes, { name: 'a.wasm' }));
    const second = expectOk(await ActorSession.start(bytes, { name: 'b.wasm' }));
    expect(second.session.info.actorId).toBe(first.session.info.actorId);
  });
});

describe("an ntwk:theater actor's chain, written and replayed as that era's Theater", () => {
  /** A session of the ntwk actor: init, a connect, "hello", and "chain" (which calls get-chain). */
  async function recorded() {
    const { bytes } = await generationActor('ntwk-2025-04');
    const { session } = expectOk(await ActorSession.start(bytes, { name: 'ntwk.wasm' }));
    const { connection } = expectOk(await session.open());
    for (const text of ['hello', 'chain']) expectOk(await session.send(connection.id, textMessage(text)));
    return { bytes, session, actorId: session.info.actorId!, chain: session.exportChain() };
  }
  const text = (bytes: readonly number[]) => new TextDecoder().decode(Uint8Array.from(bytes));
  // What Theater's chain does not carry: connection ids, times, whether a host call was a stub, and get-chain's answer beyond its length.
  // A call read back from a chain also keeps its values' text as written (`written`), which a live call has no need of.
  const playgroundOnly = ({ connectionId: _c, startedAt: _s, durationMs: _d, hostCalls, ...rest }: ActorEvent) => ({ ...rest, hostCalls: hostCalls.map(({ stubbed: _stubbed, written: _written, ...call }) => ({ ...call, result: chainOutput({ ...call, stubbed: false }) })) });

  it('names its calls by ntwk:theater, gives init its actor id as params, and get-chain hands over the same entries', async () => {
    const { session, actorId, chain } = await recorded();
    const entries = JSON.parse(chain) as ChainEntry[];
    const calls = entries.map((entry) => decodeEntry(entry) as { WasmCall?: { function_name: string; params: number[] } }).flatMap((p) => (p.WasmCall ? [[p.WasmCall.function_name, text(p.WasmCall.params)]] : []));
    const handle = 'ntwk:theater/websocket-server.handle-message';
    expect(calls).toEqual([
      ['ntwk:theater/actor.init', `["${actorId}"]`],
      [handle, '[{"ty":"Connect","data":null,"text":null}]'],
      [handle, '[{"ty":"Text","data":null,"text":"hello"}]'],
      [handle, '[{"ty":"Text","data":null,"text":"chain"}]'],
    ]);
    expect(entries.filter((e) => e.event_type === 'ntwk:theater/runtime/log').map((e) => text(e.data))).toEqual([`{"category":"HostFunction","interface":"ntwk:theater/runtime","function":"log","input":${JSON.stringify(Array.from(new TextEncoder().encode(JSON.stringify(`init as ${actorId}`))))},"output":[110,117,108,108]}`]);
    // The actor read its own chain mid-call: every entry up to its own WasmCall, the first being init's as exported.
    const asked = session.events.at(-1)!;
    const upToCall = entries.findIndex((e) => text(e.data).includes(`"params":[${Array.from(new TextEncoder().encode('[{"ty":"Text","data":null,"text":"chain"}]')).join(',')}]`)) + 1;
    expect(asked.responses.map((r) => r.message.text)).toEqual([`${upToCall} entries, the first ${text(entries[0]!.data)}`]);
  });

  it('imports its exported chain as the same replayable events, and exports it again with the same hashes', async () => {
    const { bytes, session, actorId, chain } = await recorded();
    const history = expectOk(readChain(chain));
    expect([history.replayable, history.actorId]).toEqual([session.events.length, actorId]);
    expect(history.events.map(playgroundOnly)).toEqual(session.events.map(playgroundOnly));
    expect(history.events.every((e) => e.chain === undefined)).toBe(true);
    // Adopted by the same build, or by a rebuilt copy given the chain's actor id, it writes the same chain.
    for (const component of [bytes, withCustomSection(bytes)]) {
      const snapshot = { events: history.events, states: [...history.states.entries()], connections: [], actorId: history.actorId };
      const adopted = expectOk(await ActorSession.restore(component, snapshot, { name: 'adopted.wasm' }));
      expect(adopted.info.actorId).toBe(actorId);
      expect(adopted.exportChain()).toBe(chain);
    }
  });

  it('replays against a rebuilt copy with the recorded actor id: no divergence at init, where its own id would diverge', async () => {
    const { bytes, session, actorId, chain } = await recorded();
    const rebuilt = withCustomSection(bytes);
    expect(actorIdOf(componentHash(rebuilt))).not.toBe(actorId);
    const history = { events: session.events, state: (ref: StateRef) => session.state(ref) };
    const ownId = expectOk(await replay(rebuilt, history, { name: 'rebuilt.wasm' }));
    expect(ownId.summary.firstDivergence).toBe(0);
    expect(ownId.comparisons[0]!.differences.map((d) => d.aspect)).toEqual(['state', 'hostCalls']);
    const fed = expectOk(await replay(rebuilt, history, { name: 'rebuilt.wasm', actorId }));
    expect(fed.summary).toMatchObject({ total: 4, matched: 4, diverged: 0 });
    // From the chain too: the id comes from its init's params, and get-chain's count agrees.
    const fromChain = expectOk(readChain(chain));
    const chainReplay = expectOk(await replay(rebuilt, { events: fromChain.events, state: (ref) => fromChain.states.get(ref) }, { name: 'rebuilt.wasm', actorId: fromChain.actorId }));
    expect(chainReplay.summary).toMatchObject({ matched: 4, diverged: 0 });
  });
});

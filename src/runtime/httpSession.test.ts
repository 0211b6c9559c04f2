import { describe, expect, it } from 'vitest';
import { decodeEntry, verifyChain } from '../core/chain/chain';
import { readChain } from '../core/chain/chainHistory';
import { planEdit } from '../core/history/timeTravel';
import { HttpServers } from '../core/httpServers';
import { binaryMessage, makeMessage, textMessage } from '../core/messages';
import type { WireOutcome } from '../core/wire';
import { replay } from './replay';
import { ActorSession } from './session';
import { exampleBytes, expectOk, startExample } from './testing/exampleActors';

/** Each response's connection and text, as a client would read them. */
const delivered = (responses: readonly WireOutcome[]) => responses.map((r) => [r.to, r.frame?.frame === 'text' ? r.frame.text : r.frame?.frame]);

/** The chat room with `n` clients in it; the actor's ids for them, by the playground's connection id. */
async function room(n: number, name: 'chat-room' | 'chat-room-v2' = 'chat-room') {
  const started = await startExample(name);
  const ids = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    const { connection, recorded } = expectOk(await started.session.open());
    ids.set(connection.id, recorded.event.http!.connection);
  }
  return { ...started, ids };
}

describe('an http-framework actor (chat-room) behind the simulated server', () => {
  it('is recognised by its exports and set up by its init through http-framework, every call recorded', async () => {
    const { session, init } = await startExample('chat-room');
    expect(session.info.actorKind).toBe('http-framework');
    const calls = init!.event.hostCalls.filter((call) => call.interface === 'theater:simple/http-framework').map((call) => [call.function, call.result]);
    expect(calls).toEqual([
      ['create-server', { tag: 'ok', val: 1 }],
      ['register-handler', { tag: 'ok', val: 1 }],
      ['register-handler', { tag: 'ok', val: 2 }],
      ['register-handler', { tag: 'ok', val: 3 }],
      ['register-handler', { tag: 'ok', val: 4 }],
      ['enable-websocket', { tag: 'ok' }],
      ['add-route', { tag: 'ok', val: 1 }],
      ['start-server', { tag: 'ok', val: 8080 }],
    ]);
    const servers = HttpServers.after(session.events);
    expect(servers.openPaths.map((ws) => ws.path)).toEqual(['/chat']);
    expect(servers.servers.get(1)!.routes).toEqual([{ id: 1, path: '/', method: 'GET', handler: 4 }]);
  });

  it('connects three clients, and one message reaches all three, each marked with its connection', async () => {
    const { session, ids } = await room(3);
    const [a, b, c] = [...ids.keys()];
    const actorA = ids.get(a!)!;
    const { event } = expectOk(await session.send(a!, textMessage('hello')));
    expect(event.http).toEqual({ handler: 2, connection: actorA });
    expect(event.outcome).toEqual({ kind: 'ok' });
    expect(delivered(event.responses)).toEqual([a, b, c].map((to) => [to, `${actorA}: hello`]));
  });

  it('gives connect the path and a connection id the actor sees, and tells the others who joined', async () => {
    const { session, ids } = await room(1);
    const [first] = [...ids.keys()];
    const { connection, recorded } = expectOk(await session.open('/chat'));
    const id = recorded.event.http!.connection;
    expect(recorded.event.http).toEqual({ handler: 1, connection: id, path: '/chat' });
    expect(BigInt(id) < 2n ** 53n).toBe(true);
    expect(delivered(recorded.event.responses)).toEqual([
      [connection.id, `welcome, you are ${id}; 2 members`],
      [first, `${id} joined`],
    ]);
  });

  it('leaves the others talking after a disconnect, which goes to the disconnect handler', async () => {
    const { session, ids } = await room(3);
    const [a, b, c] = [...ids.keys()];
    const left = expectOk(await session.close(b!));
    expect(left.event.input?.ty.tag).toBe('close');
    expect(left.event.http).toEqual({ handler: 3, connection: ids.get(b!) });
    expect(delivered(left.event.responses)).toEqual([a, c].map((to) => [to, `${ids.get(b!)} left`]));
    const { event } = expectOk(await session.send(c!, textMessage('still here')));
    expect(delivered(event.responses)).toEqual([a, c].map((to) => [to, `${ids.get(c!)}: still here`]));
  });

  it("sends a close frame for close-websocket and keeps the connection until its client answers, as Theater's server does", async () => {
    const { session, ids } = await room(2);
    const [a, b] = [...ids.keys()];
    const { event } = expectOk(await session.send(a!, textMessage(`/kick ${ids.get(b!)}`)));
    expect(event.responses.map((r) => [r.to, r.frame])).toEqual([[b, { frame: 'close' }]]);
    expect(event.hostCalls.find((call) => call.function === 'close-websocket')?.result).toEqual({ tag: 'ok' });
    expect(session.connections.find((c) => c.id === b)?.open).toBe(true);
    const left = expectOk(await session.close(b!));
    expect(delivered(left.event.responses)).toEqual([[a, `${ids.get(b!)} left`]]);
  });

  it('plans edits of its history as frames a client can send, and re-runs a new input through the handler a send would reach', async () => {
    const { session, ids } = await room(2);
    const [a, b] = [...ids.keys()];
    const sent = expectOk(await session.send(a!, textMessage('original'))).event;
    const ping = planEdit(session.events, { kind: 'edit', seq: sent.seq, input: makeMessage('ping') }, 'http-framework');
    expect(ping.ok ? null : ping.error).toEqual({ code: 'invalid-message', message: expect.stringMatching(/never told of ping frames.*not changed/) });
    const connect = planEdit(session.events, { kind: 'edit', seq: 1, input: textMessage('x') }, 'http-framework');
    expect(connect.ok ? null : connect.error.message).toMatch(/a client connecting, not a frame it sent/);
    const insert = expectOk(planEdit(session.events, { kind: 'insert-after', seq: sent.seq, connectionId: b!, input: textMessage('inserted') }, 'http-framework'));
    expect(insert.inputs[0]!.http).toBeUndefined();
    const rerun = await session.rerun(insert.inputs[0]!);
    expect(rerun.event.http).toEqual({ handler: 2, connection: ids.get(b!) });
    expect(delivered(rerun.event.responses)).toEqual([a, b].map((to) => [to, `${ids.get(b!)}: inserted`]));
  });

  it('sends binary back to its sender only', async () => {
    const { session, ids } = await room(2);
    const [a] = [...ids.keys()];
    const { event } = expectOk(await session.send(a!, binaryMessage(new Uint8Array([1, 2, 3]))));
    expect(event.responses).toEqual([{ message: expect.anything(), frame: { frame: 'binary', data: new Uint8Array([1, 2, 3]) }, to: a }]);
  });

  it('refuses what Theater never delivers, and a path the actor does not serve, saying why and recording nothing', async () => {
    const { session, ids } = await room(1);
    const [a] = [...ids.keys()];
    const before = session.events.length;
    const ping = await session.send(a!, makeMessage('ping', { data: new Uint8Array([1]) }));
    expect(ping.ok ? null : ping.error).toEqual({ code: 'invalid-message', message: expect.stringMatching(/never told of ping frames/) });
    const elsewhere = await session.open('/other');
    expect(elsewhere.ok ? null : elsewhere.error).toEqual({ code: 'no-websocket-path', message: expect.stringMatching(/on `\/chat`, not on `\/other`/) });
    expect(session.events).toHaveLength(before);
  });

  it('is refused a client when it serves no WebSocket path, with what to do', async () => {
    const { session } = await startExample('chat-room', { runInit: false });
    const opened = await session.open();
    expect(opened.ok ? null : opened.error).toEqual({ code: 'no-websocket-path', message: expect.stringMatching(/enabled no WebSocket path/) });
  });

  it('goes on after a restore with the server its recorded history set up', async () => {
    const { session, ids } = await room(2);
    const restored = expectOk(await ActorSession.restore(exampleBytes('chat-room'), session.snapshot(), { name: 'chat-room.wasm' }));
    const [a, b] = [...ids.keys()];
    const { event } = expectOk(await restored.send(b!, textMessage('after restore')));
    expect(delivered(event.responses)).toEqual([a, b].map((to) => [to, `${ids.get(b!)}: after restore`]));
  });

  it('replays its history exactly, and against a build that stops broadcasting shows where', async () => {
    const { session, ids } = await room(3);
    const [a] = [...ids.keys()];
    expectOk(await session.send(a!, textMessage('hi all')));
    const history = { events: session.events, state: (ref: string | null) => session.state(ref) };
    const same = expectOk(await replay(exampleBytes('chat-room'), history, { name: 'chat-room.wasm' }));
    expect(same.summary.diverged).toBe(0);
    const changed = expectOk(await replay(exampleBytes('chat-room-v2'), history, { name: 'chat-room-v2.wasm' }));
    const first = changed.comparisons.find((c) => c.differences.length > 0)!;
    expect(first.seq).toBe(session.events.length - 1);
    expect(first.differences.map((d) => d.aspect)).toContain('responses');
    const from = expectOk(await replay(exampleBytes('chat-room'), history, { name: 'chat-room.wasm', from: 2 }));
    expect(from.summary.diverged).toBe(0);
  });
});

describe("an http-framework actor's chain, as Theater writes it", () => {
  it('names the handler calls and writes their params, the sends and their results in serde form, verifying under the SHA-1 rule', async () => {
    const { session, ids } = await room(2);
    const [a] = [...ids.keys()];
    expectOk(await session.send(a!, textMessage('hi')));
    const entries = verifyChainOk(session.exportChain());
    const payloads = entries.map((entry) => [entry.event_type, decodeEntry(entry)] as const);
    const calls = payloads.filter(([, p]) => isWasm(p) && 'WasmCall' in p).map(([, p]) => (p as { WasmCall: { function_name: string; params: unknown } }).WasmCall);
    const actorA = Number(ids.get(a!));
    expect(calls.map((c) => c.function_name)).toEqual([
      'theater:simple/actor.init',
      'theater:simple/http-handlers.handle-websocket-connect',
      'theater:simple/http-handlers.handle-websocket-connect',
      'theater:simple/http-handlers.handle-websocket-message',
    ]);
    expect(json(calls[1]!.params)).toEqual([1, actorA, '/chat', null]);
    expect(json(calls[3]!.params)).toEqual([2, actorA, { ty: 'Text', data: null, text: 'hi' }]);
    const host = (type: string) => payloads.filter(([t]) => t === `theater:simple/http-framework/${type}`).map(([, p]) => ({ input: json((p as { input: unknown }).input), output: json((p as { output: unknown }).output) }));
    const sends = host('send-websocket-message');
    const line = { ty: 'Text', data: null, text: `${actorA}: hi` };
    expect(sends.slice(-2)).toEqual([...ids.values()].map((id) => ({ input: [1, Number(id), line], output: { Ok: null } })));
    expect(host('create-server')).toEqual([{ input: { port: 8080, host: null, tls_config: null }, output: { Ok: 1 } }]);
    expect(host('enable-websocket')[0]!.input).toEqual([1, '/chat', 1, 2, 3]);
    const results = payloads.filter(([, p]) => isWasm(p) && 'WasmResult' in p).map(([, p]) => json((p as { WasmResult: { result: [unknown, unknown] } }).WasmResult.result[1]));
    expect(results.at(-1)).toEqual([[]]);
  });
});

const isWasm = (payload: unknown): payload is Record<string, unknown> => typeof payload === 'object' && payload !== null && (payload as { category?: string }).category === 'Wasm';
const verifyChainOk = (text: string) => expectOk(verifyChain(text));
/** A nested payload's bytes (Theater writes params, inputs and outputs as the bytes of their JSON) read back. */
const json = (bytes: unknown): unknown => JSON.parse(new TextDecoder().decode(Uint8Array.from(bytes as number[])));

describe("an http-framework actor's chain, read back", () => {
  it('imports as replayable events with their connections, what the handlers got and where each send went; replays match, and diverge against a build that stops broadcasting', async () => {
    const { session, ids } = await room(3);
    const [a, b] = [...ids.keys()];
    expectOk(await session.send(a!, textMessage('from the chain')));
    expectOk(await session.close(b!));
    const read = expectOk(readChain(session.exportChain()));
    expect(read.replayable).toBe(session.events.length);
    const [original, imported] = [session.events.at(-2)!, read.events.at(-2)!];
    expect(imported.http).toEqual(original.http);
    expect(imported.connectionId).toBe(original.connectionId);
    expect(imported.responses.map((r) => [r.to, r.frame])).toEqual(original.responses.map((r) => [r.to, r.frame]));
    expect(HttpServers.after(read.events).openPaths).toEqual(HttpServers.after(session.events).openPaths);
    const history = { events: read.events, state: (ref: string | null) => read.states.get(ref) };
    expect(expectOk(await replay(exampleBytes('chat-room'), history, { name: 'chat-room.wasm' })).summary.diverged).toBe(0);
    expect(expectOk(await replay(exampleBytes('chat-room-v2'), history, { name: 'chat-room-v2.wasm' })).summary.firstDivergence).toBe(session.events.length - 2);
  });
});

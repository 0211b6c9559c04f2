import { describe, expect, it } from 'vitest';
import { decodeUtf8, utf8 } from '../bytes';
import { ChainBuilder, chainJson, type ChainEntry } from './chain';
import { chainToHistory, readChain } from './chainHistory';
import type { ChainHistory } from './importedHistory';
import { chainReadings } from './chainReading';
import { handleMessageFunction, HANDLE_MESSAGE_FUNCTION, initFunction, INIT_FUNCTION, type ChainWriter } from './chainValues';
import type { ActorEvent } from '../events';
import { makeMessage, textMessage } from '../messages';
import { expectOk, startExample } from '../../runtime/testing/exampleActors';
import { hostCall, readFixture, shutdownEntry, wasmCall, wasmError, wasmResult, writeChain } from '../../runtime/testing/theaterChains';

const exported = (history: ChainHistory, writer: ChainWriter = { package: 'theater:simple' }) => chainJson(new ChainBuilder(writer).extend(history.events, (ref) => history.states.get(ref)));
const stateText = (history: ChainHistory, event: ActorEvent) => decodeUtf8(history.states.get(event.stateAfter) ?? new Uint8Array()) ?? '';
const readOnlyReasons = (history: ChainHistory) => history.events.filter((e) => e.kind === 'chain').map((e) => e.chain!.readOnly);
const entryCount = (history: ChainHistory) => history.events.reduce((n, e) => n + (e.chain?.entries.length ?? 0), 0);
const serde = (text: string) => ({ ty: 'Text', data: null, text });
const replies = (...texts: string[]) => [{ messages: texts.map(serde) }];

describe("importing Theater's fixtures", () => {
  it('init-logs.json: one init event with its two logs and the committed state', () => {
    const history = expectOk(readChain(readFixture('init-logs.json')));
    expect(history).toMatchObject({ format: 'json', entries: 4, replayable: 1 });
    const [init] = history.events;
    expect(init).toMatchObject({ kind: 'init', connectionId: null, input: null, stateBefore: null, outcome: { kind: 'ok' }, shutdown: false });
    expect(init!.hostCalls.map((c) => [c.interface, c.function, c.args])).toEqual([
      ['theater:simple/runtime', 'log', ['greeter starting']],
      ['theater:simple/runtime', 'log', ['no saved state, starting fresh']],
    ]);
    expect(stateText(history, init!)).toBe('{"greeting":"hi","seen":0}');
    expect(init!.chain).toBeUndefined();
  });

  it('host-values.json: every entry kept, values as written, the shutdown as the actor stopping', () => {
    const history = expectOk(readChain(readFixture('host-values.json')));
    expect(history).toMatchObject({ entries: 8, replayable: 1 });
    const [init, stop] = history.events;
    // Pack tagged values have no JSON-in-bytes form: the entries stay as written, so they export unchanged.
    expect(init).toMatchObject({ kind: 'init', stateAfter: null, outcome: { kind: 'ok' }, chain: { format: 'json' } });
    expect(init!.hostCalls.map((c) => [`${c.interface}.${c.function}`, c.args, c.result])).toEqual([
      // A u64 past 2^53 as its exact digits, as the playground records one.
      ['wasi:clocks/monotonic-clock@0.2.3.now', [{ Tuple: [] }], { U64: '1700000000123456800' }],
      ['wasi:random/random@0.2.3.get-random-u64', [{ Tuple: [] }], { U64: 42 }],
      ['theater:simple/store.get', ['store-1', 'greeting'], { Ok: [104, 105] }],
      ['wasi:http/types@0.2.0.[method]incoming-request.path-with-query', [0], '/hello'],
      ['wasi:http/types@0.2.0.[resource-drop]incoming-request', [0], undefined],
    ]);
    expect(chainReadings(init!.chain!).map((r) => [r.summary, r.fields.map((f) => f.value).join(' ')])).toEqual([
      ['call init', 'null'],
      ['wasi:clocks/monotonic-clock@0.2.3.now', '{"Tuple":[]} {"U64":1700000000123456800}'],
      ['wasi:random/random@0.2.3.get-random-u64', '{"Tuple":[]} {"U64":42}'],
      ['theater:simple/store.get', '["store-1","greeting"] {"Ok":[104,105]}'],
      ['wasi:http/types@0.2.0.[method]incoming-request.path-with-query', '0 "/hello"'],
      ['wasi:http/types@0.2.0.[resource-drop]incoming-request', '0 null'],
      ['result of init', 'null null'],
    ]);
    expect(stop).toMatchObject({ kind: 'chain', shutdown: true, chain: { readOnly: expect.stringContaining('stopping') } });
    expect(chainReadings(stop!.chain!)[0]!.summary).toBe('shutdown: the actor stopped');
    expect(entryCount(history)).toBe(8);
  });

  it('websocket.json: the calls as replayable events with their inputs, responses and states', () => {
    const history = expectOk(readChain(readFixture('websocket.json')));
    expect(history).toMatchObject({ entries: 11, replayable: 5 });
    expect(history.events.map((e) => [e.kind, e.input && { ...e.input, data: e.input.data && [...e.input.data] }, e.responses.map((r) => r.frame), stateText(history, e)])).toEqual([
      ['init', null, [], '{"n":0}'],
      ['message', { ty: { tag: 'connect' }, data: undefined, text: undefined }, [{ frame: 'text', text: 'welcome' }], '{"n":1}'],
      ['message', { ty: { tag: 'text' }, data: undefined, text: 'hello' }, [{ frame: 'text', text: 'you said hello' }, { frame: 'text', text: 'n=2' }], '{"n":2}'],
      ['message', { ty: { tag: 'binary' }, data: [1, 2, 255], text: undefined }, [{ frame: 'binary', data: Uint8Array.from([1, 2, 255]) }], '{"n":3}'],
      ['message', { ty: { tag: 'other', val: 'custom' }, data: undefined, text: undefined }, [], '{"n":3}'],
    ]);
    // Each call starts from the state the one before committed.
    history.events.slice(1).forEach((e, i) => expect(e.stateBefore).toBe(history.events[i]!.stateAfter));
    expect(history.events[2]!.hostCalls.map((c) => c.args)).toEqual([['got hello']]);
    expect(history.events.every((e) => e.connectionId === null && e.chain === undefined)).toBe(true);
  });

  it('tampered-entry-2.json and broken-parent-4.json: refused, naming the entry', () => {
    const tampered = readChain(readFixture('tampered-entry-2.json'));
    expect(tampered.ok ? 'imported' : [tampered.error.index, tampered.error.message]).toEqual([2, expect.stringMatching(/^Entry 2 .* was altered/)]);
    const broken = readChain(readFixture('broken-parent-4.json'));
    expect(broken.ok ? 'imported' : [broken.error.index, broken.error.message]).toEqual([4, expect.stringMatching(/^Entry 4: .*broken parent link/)]);
  });

  it('greeter.chain: the text format, parent links checked, each entry shown with what its literal says', () => {
    const history = expectOk(readChain(readFixture('greeter.chain')));
    expect(history).toMatchObject({ format: 'text', entries: 3, replayable: 0 });
    expect(history.events.every((e) => e.kind === 'chain' && e.chain?.format === 'text' && /hashes .* not verified/.test(e.chain.readOnly ?? ''))).toBe(true);
    expect(history.events.map((e) => chainReadings(e.chain!)[0]!.summary)).toEqual(['call init', 'log "greeter starting"', 'result of init']);
    const result = chainReadings(history.events[2]!.chain!)[0]!;
    expect(result.fields.find((f) => f.label === 'state')?.value).toBe('Greeter{greeting: "hi", seen: 0u32}');
    expect(history.events[1]!.chain!.entries[0]).toMatchObject({ parent: '1b2c9f0d3e4a5b6c7d8e9f00112233445566778f' });
  });

  it('exports every fixture that verifies with the same hashes it was imported with', () => {
    for (const name of ['init-logs.json', 'host-values.json', 'websocket.json'] as const) {
      const text = readFixture(name);
      expect(exported(expectOk(readChain(text)))).toBe(JSON.stringify(JSON.parse(text)));
    }
  });
});

describe('importing chains written in the same layout', () => {
  const init = [wasmCall(INIT_FUNCTION, null), wasmResult(INIT_FUNCTION, '{"n":0}', null)];

  it('keeps every digit of a u64 past 2^53, in a Pack value or in JSON bytes, and exports the entries unchanged', () => {
    const random = (input: string, output: string) => ({
      eventType: 'wasi:random/random@0.2.3/get-random-u64',
      payload: `{"category":"HostFunction","interface":"wasi:random/random@0.2.3","function":"get-random-u64","input":${input},"output":${output}}`,
    });
    // serde writes a u64 as a bare JSON number: JSON.parse would read 18446744073709552000.
    const text = writeChain([
      wasmCall(HANDLE_MESSAGE_FUNCTION, [serde('hi')]),
      random('{"Tuple":[]}', '{"U64":18446744073709551615}'),
      random(JSON.stringify(Array.from(utf8('null'))), JSON.stringify(Array.from(utf8('12529243227765134399')))),
      wasmResult(HANDLE_MESSAGE_FUNCTION, null, replies('hi')),
    ]);
    const history = expectOk(readChain(text));
    const [event] = history.events;
    expect(event).toMatchObject({ kind: 'message', chain: { format: 'json' } });
    // Shown as written; recorded as the playground records a u64 past 2^53 (its digits), so a replay hands back the exact integer.
    expect(event!.hostCalls.map((c) => c.written)).toEqual([
      { input: '{"Tuple":[]}', output: '{"U64":18446744073709551615}' },
      { input: 'null', output: '12529243227765134399' },
    ]);
    expect(event!.hostCalls.map((c) => [c.args, c.result])).toEqual([
      [[{ Tuple: [] }], { U64: '18446744073709551615' }],
      [[], '12529243227765134399'],
    ]);
    expect(chainReadings(event!.chain!).slice(1, 3).map((r) => r.fields.map((f) => f.value))).toEqual([
      ['{"Tuple":[]}', '{"U64":18446744073709551615}'],
      ['null', '12529243227765134399'],
    ]);
    expect(exported(history)).toBe(text);
  });
  const call = (message: unknown, state: string, ...texts: string[]) => [wasmCall(HANDLE_MESSAGE_FUNCTION, [message]), wasmResult(HANDLE_MESSAGE_FUNCTION, state, replies(...texts))];

  it('shows a call to another export, with its host calls and result, as one read-only event', () => {
    const send = 'theater:simple/message-server-client.handle-send';
    const history = expectOk(readChain(writeChain([...init, wasmCall(send, ['hello']), hostCall('theater:simple/runtime', 'log', 'sending', null), wasmResult(send, '{"n":5}', null), ...call(serde('hi'), '{"n":1}', 'hi')])));
    expect(history.events.map((e) => e.kind)).toEqual(['init', 'chain', 'message']);
    expect(readOnlyReasons(history)).toEqual([`a call to ${send}: the playground calls only ${INIT_FUNCTION} and ${HANDLE_MESSAGE_FUNCTION} (or their ntwk:theater names)`]);
    expect(chainReadings(history.events[1]!.chain!).map((r) => r.summary)).toEqual([`call ${send}`, 'log "sending"', `result of ${send}`]);
    // The other export's state is not the actor's committed state: the next call starts from init's.
    expect(history.events[2]!.stateBefore).toBe(history.events[0]!.stateAfter);
  });

  it("reads an err, a trap and a timeout as failures that commit nothing", () => {
    const history = expectOk(readChain(writeChain([
      ...init,
      wasmCall(HANDLE_MESSAGE_FUNCTION, [serde('bad')]),
      wasmError(HANDLE_MESSAGE_FUNCTION, 'counter: no such command'),
      wasmCall(HANDLE_MESSAGE_FUNCTION, [serde('boom')]),
      wasmError(HANDLE_MESSAGE_FUNCTION, 'trap: unreachable'),
      wasmCall(HANDLE_MESSAGE_FUNCTION, [serde('loop')]),
      wasmError(HANDLE_MESSAGE_FUNCTION, 'timed out after 5000 ms'),
    ])));
    expect(history.events.slice(1).map((e) => e.outcome)).toEqual([
      { kind: 'err', message: 'counter: no such command' },
      { kind: 'trap', message: 'unreachable' },
      { kind: 'timeout', afterMs: 5000 },
    ]);
    expect(history.events.every((e) => e.stateAfter === history.events[0]!.stateAfter)).toBe(true);
    expect(history.replayable).toBe(4);
  });

  it('shows a host call outside any call, a non-JSON entry and a result without its call read-only', () => {
    const history = expectOk(readChain(writeChain([
      hostCall('wasi:clocks/wall-clock@0.2.0', 'now', null, { seconds: 1, nanoseconds: 2 }),
      { eventType: 'blob', bytes: [0xff, 0x00, 0x01] },
      { eventType: 'wasm', payload: '{"category":"Mystery"}' },
      wasmResult(INIT_FUNCTION, null, null),
      ...init,
      wasmCall(HANDLE_MESSAGE_FUNCTION, [serde('never answered')]),
    ])));
    expect(history.events.map((e) => e.kind)).toEqual(['chain', 'chain', 'chain', 'chain', 'init', 'chain']);
    expect(readOnlyReasons(history)).toEqual([
      'a host call outside any call into the actor',
      'an entry the playground cannot read: its data is not UTF-8 text',
      'an entry the playground cannot read: its category "Mystery" is neither Wasm nor HostFunction',
      `the result of a call to ${INIT_FUNCTION} whose call is not in the chain`,
      'a call without its result: the chain ends before it returned',
    ]);
    expect(chainReadings(history.events[1]!.chain!)[0]!.fields).toEqual([{ label: 'data', value: 'ff0001', note: '3 bytes, in hex' }]);
    expect(history.entries).toBe(7);
  });

  it('says nothing is replayable in a chain that verifies but holds no call the actor can make', () => {
    const history = expectOk(readChain(writeChain([hostCall('theater:simple/runtime', 'log', 'alone', null), shutdownEntry])));
    expect(history).toMatchObject({ replayable: 0, entries: 2 });
    expect(history.events.map((e) => [e.kind, e.shutdown])).toEqual([['chain', false], ['chain', true]]);
  });

  it('keeps messages it cannot rebuild, and a shutdown after runtime.shutdown, with the same hashes', () => {
    const text = writeChain([
      ...init,
      wasmCall(HANDLE_MESSAGE_FUNCTION, [{ ty: 'Smoke', data: null, text: null }]),
      wasmResult(HANDLE_MESSAGE_FUNCTION, '{"n":1}', replies()),
      wasmCall(HANDLE_MESSAGE_FUNCTION, [serde('bye')]),
      hostCall('theater:simple/runtime', 'shutdown', null, { Ok: null }),
      wasmResult(HANDLE_MESSAGE_FUNCTION, '{"n":2}', replies('bye')),
      shutdownEntry,
    ]);
    const history = expectOk(readChain(text));
    expect(history.events.map((e) => [e.kind, e.shutdown])).toEqual([['init', false], ['chain', false], ['message', true]]);
    expect(readOnlyReasons(history)[0]).toMatch(/^its message cannot be read: its ty "Smoke" is none of Text, Binary/);
    // The shutdown entry belongs to the call that asked for it: written back after it, not kept aside.
    expect(history.events[2]!.chain).toBeUndefined();
    expect(exported(history)).toBe(text);
  });

  it('refuses a value nested deeper than it can read, rather than throwing', () => {
    const deep = Array.from(utf8(`${'['.repeat(50_000)}${']'.repeat(50_000)}`));
    const refused = readChain(writeChain([init[0]!, { eventType: 'a/b', payload: `{"category":"HostFunction","interface":"a","function":"b","input":[${deep.join(',')}],"output":[110,117,108,108]}` }, init[1]!]));
    expect(refused.ok ? 'imported' : refused.error.message).toBe('A value in this chain is nested too deeply to read. Nothing was imported.');
  });

  it('exports every hand-written chain with the hashes it was imported with', () => {
    const chains = [
      [...init, wasmCall('x:y/z.f', 1), wasmError('x:y/z.f', 'nope')],
      [...init, wasmCall(HANDLE_MESSAGE_FUNCTION, [serde('a')]), hostCall('theater:simple/runtime', 'shutdown', null, null), wasmResult(HANDLE_MESSAGE_FUNCTION, '{}', replies())],
      [wasmCall(HANDLE_MESSAGE_FUNCTION, [serde('a')]), wasmResult(HANDLE_MESSAGE_FUNCTION, null, replies('b')), { eventType: 'wasm', payload: '{ "category": "Wasm", "WasmCall": {"function_name": "shutdown", "params": []} }' }],
      [{ eventType: 'wasm', payload: '{"category":"Wasm","WasmCall":{"params":[110,117,108,108],"function_name":"theater:simple/actor.init"}}' }, wasmResult(INIT_FUNCTION, null, null)],
    ];
    for (const entries of chains) {
      const text = writeChain(entries);
      expect(exported(expectOk(readChain(text)))).toBe(text);
    }
  });
});

describe("a chain of the ntwk:theater era (init given the actor id)", () => {
  const actorId = '3f2a9c1e-0b7d-8e21-9a4f-5c6d7e8f9a0b';
  const [init, handle] = [initFunction('ntwk:theater'), handleMessageFunction('ntwk:theater')];
  const ntwkChain = writeChain([
    wasmCall(init, [actorId]),
    hostCall('ntwk:theater/runtime', 'log', `init as ${actorId}`, null),
    wasmResult(init, actorId, null),
    wasmCall(handle, [serde('hi')]),
    wasmResult(handle, actorId, replies(`${actorId}: hi`)),
  ]);

  it('reads its init as a replayable init, its log as a log, and gives the actor id it was given', () => {
    const history = expectOk(readChain(ntwkChain));
    expect(history).toMatchObject({ replayable: 2, actorId });
    expect(history.events.map((e) => [e.kind, e.chain])).toEqual([['init', undefined], ['message', undefined]]);
    expect(history.events[0]!.hostCalls.map((c) => [c.interface, c.function, c.args])).toEqual([['ntwk:theater/runtime', 'log', [`init as ${actorId}`]]]);
    expect(stateText(history, history.events[1]!)).toBe(actorId);
    expect(exported(history, { package: 'ntwk:theater', actorId })).toBe(ntwkChain);
  });

  it('keeps the entries as written when read for an actor that would write them otherwise, so the hashes survive', () => {
    // Another package's names, or an init that takes no id: every event keeps its entries.
    for (const actor of [{ package: 'theater:simple' }, { package: 'ntwk:theater' }] as const) {
      const history = expectOk(readChain(ntwkChain, actor));
      expect(history.events.map((e) => [e.kind, e.chain?.entries.length])).toEqual(actor.package === 'ntwk:theater' ? [['init', 3], ['message', undefined]] : [['init', 3], ['message', 2]]);
      expect(exported(history, actor)).toBe(ntwkChain);
    }
    // An actor whose init takes an id is given the chain's: nothing differs, nothing is kept.
    const sameKind = expectOk(readChain(ntwkChain, { package: 'ntwk:theater', actorId: 'an id of its own' }));
    expect(sameKind.events.every((e) => e.chain === undefined)).toBe(true);
  });

  it('shows an init whose params are neither null nor one actor id as read-only, saying why', () => {
    const history = expectOk(readChain(writeChain([wasmCall(init, [actorId, 2]), wasmResult(init, null, null)])));
    expect(history.actorId).toBeUndefined();
    expect(readOnlyReasons(history)).toEqual([`its params are ["${actorId}",2], where init takes none (null) or an actor id (["<id>"])`]);
  });
});

describe('a chain exported by the playground', () => {
  // A call read back also keeps its values' text as the chain wrote them (`written`), which a live call has no need of.
  const playgroundOnly = ({ connectionId: _c, startedAt: _s, durationMs: _d, hostCalls, ...rest }: ActorEvent) => ({ ...rest, hostCalls: hostCalls.map(({ stubbed: _stubbed, written: _written, ...call }) => call) });

  it('imports as the same calls, states and outcomes, and exports again byte for byte', async () => {
    const { session } = await startExample('counter');
    const { connection } = expectOk(await session.open());
    for (const message of [textMessage('inc 2'), textMessage('burst 2'), textMessage('inc x'), makeMessage('ping', { data: Uint8Array.from([7]) }), makeMessage('other', { other: 'o' })]) expectOk(await session.send(connection.id, message));
    const text = session.exportChain();
    const history = chainToHistory(JSON.parse(text) as ChainEntry[]);
    expect(history.replayable).toBe(session.events.length);
    // Only what Theater's chain does not carry differs: connection ids, times and whether a host call was a stub.
    expect(history.events.map(playgroundOnly)).toEqual(session.events.map(playgroundOnly));
    expect(history.events.every((e) => e.connectionId === null)).toBe(true);
    expect(exported(history)).toBe(text);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { ActorEvent } from '../core/events';
import type { HostCall } from '../core/hostCalls';
import { textMessage } from '../core/messages';
import { utf8 } from '../core/bytes';
import { readChain } from '../core/chain/chainHistory';
import { HANDLE_MESSAGE_FUNCTION } from '../core/chain/chainValues';
import { replay } from './replay';
import { ActorSession } from './session';
import { expectOk } from './testing/exampleActors';
import { shapesActorBytes } from './testing/shapesActor';
import { wasmCall, wasmResult, writeChain } from './testing/theaterChains';

const ALL = 'test:shapes/all';

/**
 * Each text the shapes actor understands (it calls the import it names) and what it replies
 * with the stubs' defaults: the JavaScript value jco's glue handed it, written out by shapes.js.
 */
const DEFAULT_REPLIES: Record<string, string> = {
  record: '{x:0,yPos:0}',
  variant: '{tag:"circle",val:0}',
  enum: '"red"',
  flags: '{read:false,writeAll:false}',
  list: '[]',
  u64s: '[]',
  option: 'null',
  nestedOption: '{tag:"none"}',
  result: '0',
  unitResult: 'undefined',
  tuple: '[0,"",false]',
  nested: '[]',
  u64: '0',
  resource: '{resource:true,read:bytes[]}',
  holder: '{resource:true,label:""}',
  blob: '{read:bytes[],kind:"",blob:true,child:true}',
};

let bytes: Uint8Array;
beforeAll(async () => {
  bytes = await shapesActorBytes();
});

async function sendAll(texts: readonly string[]): Promise<{ session: ActorSession; events: ActorEvent[] }> {
  const { session } = expectOk(await ActorSession.start(bytes, { name: 'shapes.wasm' }));
  const { connection } = expectOk(await session.open());
  const events: ActorEvent[] = [];
  for (const text of texts) events.push(expectOk(await session.send(connection.id, textMessage(text))).event);
  return { session, events };
}

const call = (fn: string, args: unknown[], result: unknown): HostCall => ({ interface: ALL, function: fn, args, result, stubbed: true });

describe('stubs for every import shape (a component built from shapes.wit)', () => {
  it('says per function what it returns, in WAVE, resources as fresh handles', async () => {
    const { session } = expectOk(await ActorSession.start(bytes, { name: 'shapes.wasm' }));
    const lines = Object.fromEntries(session.info.importFunctions!.map((f) => [f.function, `${f.provision}: ${f.detail}`]));
    expect(lines).toMatchObject({
      'get-record': 'stubbed: returns {x: 0, y-pos: 0}',
      'get-variant': 'stubbed: returns circle(0)',
      'get-enum': 'stubbed: returns red',
      'get-flags': 'stubbed: returns {}',
      'get-option': 'stubbed: returns none',
      'get-nested-option': 'stubbed: returns none',
      'get-unit-result': 'stubbed: returns nothing',
      'get-tuple': 'stubbed: returns (0, "", false)',
      'get-holder': 'stubbed: returns {b: <new blob>, label: ""}',
      '[constructor]blob': 'stubbed: returns <new blob>',
      '[method]blob.child': 'stubbed: returns <new blob>',
      '[static]blob.kind': 'stubbed: returns ""',
      '[resource-drop]blob': 'stubbed: recorded',
    });
  });

  it('answers each shape with a value the glue accepts, and records it JSON-safe', async () => {
    const texts = Object.keys(DEFAULT_REPLIES);
    const { events } = await sendAll(texts);
    expect(Object.fromEntries(events.map((event, i) => [texts[i], event.outcome.kind === 'ok' ? event.responses[0]!.message.text : event.outcome]))).toEqual(DEFAULT_REPLIES);
    const calls = (text: string) => events[texts.indexOf(text)]!.hostCalls;
    // A u64 past 2^53 is recorded as its decimal digits; a resource as its handle, per resource type.
    expect(calls('u64')).toEqual([call('get-u64', [String(2n ** 60n)], 0)]);
    expect(calls('holder')).toEqual([call('get-holder', [], { b: 2, label: '' }), call('[resource-drop]blob', [2], undefined)]);
    expect(calls('blob')).toEqual([
      call('[constructor]blob', [7], 3),
      call('[method]blob.read', [3, 3], new Uint8Array(0)),
      call('[method]blob.child', [3], 4),
      call('[static]blob.kind', [], ''),
      call('[resource-drop]blob', [4], undefined),
      call('[resource-drop]blob', [3], undefined),
    ]);
  });

  it('replays recorded results of every shape back through the glue as the types say', async () => {
    const texts = ['record', 'variant', 'u64s', 'nestedOption', 'nested', 'holder', 'tuple'];
    const { session } = await sendAll(texts);
    // As if a real host had answered: values only a faithful conversion back to jco's shapes gets through.
    const answers: Record<string, unknown> = {
      'get-record': { x: -5, yPos: 7 },
      'get-variant': { tag: 'square', val: { x: 1, yPos: 2 } },
      'get-u64s': [1, String(2n ** 60n)],
      'get-nested-option': { tag: 'some', val: 3 },
      'get-nested': [[{ x: 1, yPos: 2 }, 'green-blue'], null],
      'get-holder': { b: 9, label: 'held' },
      'get-tuple': [255, 'x', true],
    };
    const answered = session.events.map((event) => ({ ...event, hostCalls: event.hostCalls.map((c) => (c.function in answers ? { ...c, result: answers[c.function] } : c)) }));
    const result = expectOk(await replay(bytes, { events: answered, state: (ref) => session.state(ref) }, { name: 'shapes.wasm' }));
    const replies = result.comparisons.slice(1).map((c) => c.replayed!.responses[0]!.message.text);
    expect(Object.fromEntries(texts.map((text, i) => [text, replies[i]]))).toEqual({
      record: '{x:-5,yPos:7}',
      variant: '{tag:"square",val:{x:1,yPos:2}}',
      u64s: `[1,${2 ** 60}]`,
      nestedOption: '{tag:"some",val:3}',
      nested: '[[{x:1,yPos:2},"green-blue"],null]',
      holder: '{resource:true,label:"held"}',
      tuple: '[255,"x",true]',
    });
    // The replayed resource took the recorded handle, so its drop names it.
    const holder = result.comparisons[1 + texts.indexOf('holder')]!.replayed!;
    expect(holder.hostCalls.at(-1)).toEqual(call('[resource-drop]blob', [9], undefined));
  });

  it('answers and records functions named by JavaScript reserved words under their WIT names', async () => {
    // jco renames `new` to `_new` in its glue and looks the import up as `new`: before, the
    // playground read no such function, and an actor importing Theater's `store` did not load.
    const { session, events } = await sendAll(['reserved']);
    const lines = session.info.importFunctions!.map((f) => `${f.function} ${f.provision}: ${f.detail}`);
    expect(lines).toEqual(
      expect.arrayContaining(['new stubbed: returns ""', 'delete stubbed: returns false', 'import stubbed: returns 0', '[method]blob.delete stubbed: returns false', '[static]blob.new stubbed: returns <new blob>']),
    );
    expect(events[0]!.responses[0]!.message.text).toBe('{new:"",delete:false,import:0,blobDelete:false,blobNew:true}');
    expect(events[0]!.hostCalls).toEqual([
      call('[constructor]blob', [1], 1),
      call('new', [], ''),
      call('delete', ['x'], false),
      call('import', ['y'], 0),
      call('[method]blob.delete', [1], false),
      call('[static]blob.new', [], 2),
      call('[resource-drop]blob', [1], undefined),
      // The static's blob, not disposed by the actor: the glue drops it when the call ends.
      call('[resource-drop]blob', [2], undefined),
    ]);
  });

  it("replays a Theater chain's u64s past 2^53 exactly, written as serde writes them (bare JSON numbers)", async () => {
    const serde = (text: string) => ({ ty: 'Text', data: null, text });
    // The actor asks get-u64(2^60); the chain's host answered 2^64 - 1, which reaches this actor's
    // JavaScript (componentize-qjs) as -1: the reply it recorded.
    const chain = writeChain([
      wasmCall(HANDLE_MESSAGE_FUNCTION, [serde('u64')]),
      {
        eventType: `${ALL}/get-u64`,
        payload: `{"category":"HostFunction","interface":"${ALL}","function":"get-u64","input":${JSON.stringify(Array.from(utf8(String(2n ** 60n))))},"output":${JSON.stringify(Array.from(utf8('18446744073709551615')))}}`,
      },
      wasmResult(HANDLE_MESSAGE_FUNCTION, null, [{ messages: [serde('-1')] }]),
    ]);
    const history = expectOk(readChain(chain));
    const result = expectOk(await replay(bytes, { events: history.events, state: (ref) => history.states.get(ref) }, { name: 'shapes.wasm' }));
    // Read as doubles, 2^60 would be a number where the replay records digits, and 2^64 - 1 would round to 2^64, past a u64.
    expect(result.summary).toMatchObject({ total: 1, matched: 1 });
    expect(result.comparisons[0]!.replayed!.hostCalls).toEqual([call('get-u64', [String(2n ** 60n)], '18446744073709551615')]);
  });

  it('leaves WASI to the shim, function by function, resources included, beside the stubs', async () => {
    const { session } = expectOk(await ActorSession.start(await shapesActorBytes({ wasi: true }), { name: 'shapes-wasi.wasm' }));
    const wasi = session.info.importFunctions!.filter((fn) => fn.interface.startsWith('wasi:'));
    expect(wasi.map((fn) => `${fn.interface} ${fn.function}`)).toEqual(
      expect.arrayContaining(['wasi:cli/stdout get-stdout', 'wasi:io/streams [method]output-stream.blocking-write-and-flush', 'wasi:filesystem/types [method]descriptor.read-via-stream', 'wasi:io/error [resource-drop]error']),
    );
    expect(wasi.filter((fn) => fn.provision !== 'provided' || fn.by !== 'wasi')).toEqual([]);
    const { connection } = expectOk(await session.open());
    expect(expectOk(await session.send(connection.id, textMessage('record'))).event.responses[0]!.message.text).toBe(DEFAULT_REPLIES.record);
  });
});

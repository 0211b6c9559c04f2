import { describe, expect, it } from 'vitest';
import { readChain } from './chainHistory';
import { chainReadings } from './chainReading';
import { parsePackLiteral } from './packLiteral';
import { expectOk } from '../../runtime/testing/exampleActors';
import { readFixture } from '../../runtime/testing/theaterChains';
import { isTextChain, readTextChain } from './textChain';

const hash = (n: number) => n.toString(16).padStart(40, '0');
const entry = (n: number, parent: string, literal: string) => `---\nhash: ${hash(n)}\nparent: ${parent}\n${literal}\n`;
const refusal = (text: string) => {
  const read = readTextChain(text);
  return read.ok ? 'read' : `${read.error.index}: ${read.error.message}`;
};

describe("Theater's text chain format", () => {
  it('is told apart from JSON by its text, not its name', () => {
    expect(isTextChain(readFixture('greeter.chain'))).toBe(true);
    expect(isTextChain(`\n\nhash: ${hash(1)}\nparent: root\nx`)).toBe(true);
    expect(isTextChain(readFixture('websocket.json'))).toBe(false);
  });

  it('checks every parent link and names the entry that breaks one', () => {
    const good = entry(1, 'root', 'a') + entry(2, hash(1), 'b');
    expect(expectOk(readTextChain(good)).map((e) => e.parent)).toEqual([null, hash(1)]);
    expect(expectOk(readTextChain(good.replaceAll('\n', '\r\n')))).toHaveLength(2);
    expect(refusal(good + entry(3, hash(1), 'c'))).toMatch(/^2: Entry 2: its parent \(0+1\) is not the hash of entry 1 \(0+2\): a broken parent link/);
    expect(refusal(entry(1, hash(9), 'a'))).toMatch(/^0: Entry 0: the first entry's parent must be root/);
    expect(refusal(`---\nparent: root\nx\n`)).toMatch(/^0: Entry 0 .* does not start with a `hash: <40 hex digits>` line/);
    expect(refusal(`---\nhash: ${hash(1)}\nparent: root\n`)).toMatch(/^0: Entry 0 .* has no value literal/);
    expect(refusal('---\n---\n')).toMatch(/^-1: .* holds no entries/);
  });

  it('reads failures, shutdowns and host calls from the literals, and shows one it cannot parse as written', () => {
    const text = [
      entry(1, 'root', 'chain-event-payload::wasm(wasm-event-data::wasm-error(wasm-error{function-name: "theater:simple/actor.init", message: "no \\"state\\""}))'),
      entry(2, hash(1), 'chain-event-payload::host-function(host-function-call{interface: "wasi:random/random", function: "get-random-u64", input: (), output: 42u64})'),
      entry(3, hash(2), 'chain-event-payload::wasm(wasm-event-data::wasm-call(wasm-call{function-name: "shutdown", params: []}))'),
      entry(4, hash(3), 'chain-event-payload::wasm(unclosed'),
    ].join('');
    const history = expectOk(readChain(text));
    expect(history.events.map((e) => [e.outcome.kind, e.shutdown, chainReadings(e.chain!)[0]!.summary])).toEqual([
      ['err', false, 'init failed: no "state"'],
      ['ok', false, 'wasi:random/random.get-random-u64'],
      ['ok', true, 'shutdown: the actor stopped'],
      ['ok', false, 'a value literal the playground cannot read (expected "," or ")" at character 35)'],
    ]);
    expect(chainReadings(history.events[1]!.chain!)[0]!.fields.slice(0, 2)).toEqual([
      { label: 'input', value: '()' },
      { label: 'output', value: '42u64' },
    ]);
    expect(chainReadings(history.events[3]!.chain!)[0]!.fields.at(-1)).toEqual({ label: 'literal', value: 'chain-event-payload::wasm(unclosed' });
  });

  it('parses the value literals: cases, records, strings with escapes, numbers with suffixes, tuples and lists', () => {
    const parsed = parsePackLiteral('a::b(R{x: "q\\n\\u{1F600}", y: -1.5e3f64, z: [1u8, 2u8,], w: (), v: true})');
    const node = parsed.ok ? parsed.value : parsed.error;
    expect(node).toMatchObject({
      kind: 'case',
      name: 'a::b',
      args: [{ kind: 'record', name: 'R', fields: [['x', { kind: 'string', value: 'q\n😀' }], ['y', { kind: 'number', text: '-1.5e3f64' }], ['z', { kind: 'list', items: [{ text: '1u8' }, { text: '2u8' }] }], ['w', { kind: 'tuple', items: [] }], ['v', { kind: 'name', name: 'true' }]] }],
    });
    expect(parsePackLiteral('x{a: 1} trailing')).toEqual({ ok: false, error: 'expected the end of the value at character 9' });
    // Literals no actor writes are refused as values, never thrown.
    expect(parsePackLiteral('"\\u{110000}"')).toEqual({ ok: false, error: 'expected an escape at character 2' });
    expect(parsePackLiteral('('.repeat(200_000))).toEqual({ ok: false, error: 'the literal is nested too deeply to read' });
  });
});

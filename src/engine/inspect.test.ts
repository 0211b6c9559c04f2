import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { describe, expect, it } from 'vitest';
import { ActorSession } from './session';
import { inspect } from './inspect';
import { exampleBytes, expectOk, startExample } from './testing/exampleActors';
import { textMessage } from './messages';

const randomBytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7919 + 13) % 251);

describe('inspect: what the file is, before anything runs', () => {
  it('lists the imports and exports of a real component, and whether it has init', async () => {
    const info = expectOk(await inspect(exampleBytes('counter')));
    expect(info.imports.map((i) => i.name)).toEqual(['theater:simple/runtime']);
    expect(info.exports.map((e) => e.name)).toEqual(expect.arrayContaining(['theater:simple/actor', 'theater:simple/websocket-server']));
    expect(info.hasInit).toBe(true);
    expect(info.wit).toMatch(/export theater:simple\/websocket-server;/);
  });

  const cases: Array<[string, () => Promise<Uint8Array>, string, RegExp]> = [
    ['an empty file', async () => new Uint8Array(0), 'empty-file', /empty/],
    ['random bytes', async () => randomBytes(4096), 'not-wasm', /not a WebAssembly file/],
    ['a core module', async () => parse('(module (func (export "f")))'), 'core-module', /core WebAssembly module, not a component/],
    ['a truncated component', async () => exampleBytes('echo').slice(0, 5000), 'invalid-component', /truncated/],
    ['a component without the export', async () => parse('(component (core module $m (func (export "f"))) (core instance (instantiate $m)))'), 'missing-export', /does not export `theater:simple\/websocket-server`/],
  ];

  for (const [what, make, code, message] of cases) {
    it(`refuses ${what} with its own error`, async () => {
      const result = await inspect(await make());
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe(code);
        expect(result.error.message).toMatch(message);
      }
    });
  }

  it('a bad file leaves a running session and its history untouched', async () => {
    const { session } = await startExample('echo');
    const { connection } = expectOk(await session.open());
    expectOk(await session.send(connection.id, textMessage('before')));
    const history = session.events.length;
    for (const [, make] of cases) {
      const attempt = await ActorSession.start(await make(), { name: 'bad.wasm' });
      expect(attempt.ok).toBe(false);
    }
    const after = expectOk(await session.send(connection.id, textMessage('after'))).event;
    expect(after.responses[0]!.message.text).toBe('after');
    expect(session.events.length).toBe(history + 1);
  });
});

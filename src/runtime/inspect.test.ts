import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { describe, expect, it } from 'vitest';
import { ActorSession } from './session';
import { inspect } from './inspect';
import { exampleBytes, expectOk, startExample } from './testing/exampleActors';
import { generationActor, jcoCrashingComponent, packActor, theaterWitPackage } from './testing/theaterGenerations';
import { textMessage } from '../core/messages';

const randomBytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7919 + 13) % 251);

describe('inspect: what the file is, before anything runs', () => {
  it('lists the imports and exports of a real component, its package, and whether it has init', async () => {
    const info = expectOk(await inspect(exampleBytes('counter')));
    expect(info.imports.map((i) => i.name)).toEqual(['theater:simple/runtime']);
    expect(info.exports.map((e) => e.name)).toEqual(expect.arrayContaining(['theater:simple/actor', 'theater:simple/websocket-server']));
    expect(info.hasInit).toBe(true);
    expect(info.package).toBe('theater:simple');
    // The playground's own actor WIT has init take the state alone: no actor id to pass.
    expect(info.actorId).toBeUndefined();
    expect(info.wit).toMatch(/export theater:simple\/websocket-server;/);
  });

  const cases: Array<[string, () => Promise<Uint8Array>, string, RegExp]> = [
    ['an empty file', async () => new Uint8Array(0), 'empty-file', /empty/],
    ['random bytes', async () => randomBytes(4096), 'not-wasm', /not a WebAssembly file/],
    ['a core module', async () => parse('(module (func (export "f")))'), 'core-module', /core WebAssembly module, not a component: .*wasm-tools component new/],
    ['an actor for Theater\'s Pack runtime', packActor, 'pack-module', /actor for Theater's Pack runtime.*exports `__pack_types` and `theater:simple\/actor.init`.*cannot run Pack actors yet/],
    ['Theater\'s binary WIT package', async () => theaterWitPackage(), 'wit-package', /WIT package: interface definitions only \(`actor`, `environment`, `filesystem`, `http-types` and 17 more\), with no code.*Load the built actor/],
    ['a truncated component', async () => exampleBytes('echo').slice(0, 5000), 'invalid-component', /truncated/],
    ['a component without the export', async () => parse('(component (core module $m (func (export "f"))) (core instance (instantiate $m)))'), 'missing-export', /does not export `theater:simple\/websocket-server` \(or the older `ntwk:theater\/websocket-server`\)/],
    [
      'an ntwk:theater actor with January 2025\'s handle-message',
      async () => (await generationActor('ntwk-2025-01')).bytes,
      'signature-mismatch',
      /older `ntwk:theater\/websocket-server`: it declares `handle-message: func\(message: websocket-message, state: list<u8>\) -> tuple<list<u8>, websocket-response>`, but the playground calls `handle-message: func\(state: option<list<u8>>, params: tuple<websocket-message>\) -> result<.*>`.*the parameters differ and the result differs/,
    ],
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

  it('gives a Pack actor no advice to wrap it as a component', async () => {
    const result = await inspect(await packActor());
    expect(!result.ok && result.error.message).not.toMatch(/wasm-tools|cargo component/);
  });

  it('judges each file on its own after jco crashes, in one process', async () => {
    const echo = exampleBytes('echo');
    const truncated = echo.slice(0, 5000);
    // Theater's WIT package never reaches jco now; this file does, and makes its wasm-tools panic.
    const crashing = jcoCrashingComponent();
    const sequence: Array<[Uint8Array, string]> = [
      [theaterWitPackage(), 'wit-package'],
      [echo, 'ok'],
      [crashing, 'invalid-component'],
      [echo, 'ok'],
      [truncated, 'invalid-component'],
      [crashing, 'invalid-component'],
      [crashing, 'invalid-component'],
      [echo, 'ok'],
    ];
    const outcomes = [];
    for (const [bytes] of sequence) {
      const result = await inspect(bytes);
      outcomes.push(result.ok ? 'ok' : result.error.code);
    }
    expect(outcomes).toEqual(sequence.map(([, expected]) => expected));
    const crashed = await inspect(crashing);
    expect(!crashed.ok && crashed.error.message).toMatch(/jco's wasm-tools crashed reading this file \(.*unreachable.*\)/);
    const damaged = await inspect(truncated);
    expect(!damaged.ok && damaged.error.message).toMatch(/damaged[\s\S]*unexpected end-of-file/);
    // And a whole session still starts after all that.
    expectOk(await ActorSession.start(echo, { name: 'echo.wasm' }));
  });

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

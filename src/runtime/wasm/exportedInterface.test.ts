import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HANDLE_MESSAGE, HTTP_HANDLER_FUNCTIONS, INIT_STATE_ONLY, INIT_WITH_ACTOR_ID } from '../actorSignatures';
import { EXAMPLES, exampleBytes, type ExampleName } from '../testing/exampleActors';
import { generationActor, theaterWitPackage } from '../testing/theaterGenerations';
import { exportedInterface } from './exportedInterface';

const HTTP_FRAMEWORK_EXAMPLES: readonly ExampleName[] = ['chat-room', 'chat-room-v2'];

const fixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../../shared/fixtures/actors/${name}`, import.meta.url))));

describe('exportedInterface: the WIT of an exported interface, read from the binary', () => {
  // Built from wit/websocket-server.wit, so this also checks the signature the playground expects against its own WIT.
  const builtFromWit: Array<[string, () => Uint8Array]> = [
    ...EXAMPLES.filter((name) => !HTTP_FRAMEWORK_EXAMPLES.includes(name)).map((name): [string, () => Uint8Array] => [name, () => exampleBytes(name)]),
    ['get-chain.wasm (fixture)', () => fixture('get-chain.wasm')],
    ['resource-import.wasm (fixture)', () => fixture('resource-import.wasm')],
  ];
  for (const [name, bytes] of builtFromWit) {
    it(`reads handle-message and the message types of ${name}`, () => {
      const server = exportedInterface(bytes(), 'theater:simple/websocket-server');
      expect(server?.functions).toEqual(new Map([['handle-message', HANDLE_MESSAGE]]));
      expect(Object.fromEntries(server!.types)).toEqual({
        'message-type': 'variant message-type { text, binary, connect, close, ping, pong, other(string) }',
        'websocket-message': 'record websocket-message { ty: message-type, data: option<list<u8>>, text: option<string> }',
        'websocket-response': 'record websocket-response { messages: list<websocket-message> }',
      });
    });
  }

  // Built from wit/http.wit (Theater's own), so this checks the handler signatures the playground expects.
  for (const name of HTTP_FRAMEWORK_EXAMPLES) {
    it(`reads the WebSocket handlers of ${name} as the playground calls them`, () => {
      const handlers = exportedInterface(exampleBytes(name), 'theater:simple/http-handlers');
      for (const [fn, expected] of HTTP_HANDLER_FUNCTIONS) expect(handlers?.functions.get(fn)).toBe(expected);
    });
  }

  it("reads init as the playground's WIT declares it", () => {
    expect(exportedInterface(exampleBytes('counter'), 'theater:simple/actor')?.functions.get('init')).toBe(INIT_STATE_ONLY);
  });

  it("expands ntwk:theater's `state` alias, as WIT does, and reads init's actor-id params", async () => {
    const { bytes } = await generationActor('ntwk-2025-04');
    expect(exportedInterface(bytes, 'ntwk:theater/websocket-server')?.functions.get('handle-message')).toBe(HANDLE_MESSAGE);
    expect(exportedInterface(bytes, 'ntwk:theater/actor')?.functions.get('init')).toBe(INIT_WITH_ACTOR_ID);
  });

  it('reads an older signature as it is declared', async () => {
    const { bytes } = await generationActor('ntwk-2025-01');
    expect(exportedInterface(bytes, 'ntwk:theater/websocket-server')?.functions.get('handle-message')).toBe(
      'func(message: websocket-message, state: list<u8>) -> tuple<list<u8>, websocket-response>',
    );
  });

  it('cannot tell (undefined) rather than guess: an interface not exported, a WIT package, cut-off bytes', () => {
    expect(exportedInterface(exampleBytes('echo'), 'theater:simple/actor')).toBeUndefined();
    expect(exportedInterface(theaterWitPackage(), 'theater:simple/websocket-server')).toBeUndefined();
    expect(exportedInterface(exampleBytes('echo').slice(0, 100_000), 'theater:simple/websocket-server')).toBeUndefined();
  });
});

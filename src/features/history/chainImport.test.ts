import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeStores } from '../../store/testing/nodeStore';

const newStore = nodeStores();

// Theater's chains beside the repository (see src/runtime/testing/theaterChains.ts, which the store may not import).
const readFixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../../shared/fixtures/theater-chains/${name}`, import.meta.url)), 'utf8');

describe('importing Theater chains through the store, over a real worker', () => {
  it('needs a loaded component, and says so', async () => {
    const store = newStore();
    expect(await store.getState().importChain(readFixture('websocket.json'))).toBe(false);
    expect(store.getState().alert).toMatchObject({ code: 'no-actor', message: expect.stringMatching(/^No actor is loaded: load the component this chain was recorded with first/) });
  });

  it('shows every fixture whole; a bad one changes nothing and names the entry', async () => {
    const store = newStore();
    await store.getState().loadUrl('./actors/counter.wasm', 'counter');
    const kinds = () => store.getState().events.map((e) => e.kind);

    expect(await store.getState().importChain(readFixture('websocket.json'))).toBe(true);
    expect(kinds()).toEqual(['init', 'message', 'message', 'message', 'message']);
    expect([store.getState().status, store.getState().alert, store.getState().connections]).toEqual(['ready', null, []]);
    const before = store.getState().events;

    for (const [name, message] of [
      ['tampered-entry-2.json', /^Entry 2 \(theater:simple\/runtime\/log\) was altered/],
      ['broken-parent-4.json', /^Entry 4: its parent_hash .* broken parent link/],
    ] as const) {
      expect(await store.getState().importChain(readFixture(name))).toBe(false);
      expect(store.getState().alert?.message).toMatch(message);
      expect(store.getState().events).toBe(before);
      expect([store.getState().actorName, store.getState().status]).toEqual(['counter', 'ready']);
    }

    // A shutdown entry leaves the actor stopped, as Theater's did.
    expect(await store.getState().importChain(readFixture('host-values.json'))).toBe(true);
    expect(kinds()).toEqual(['init', 'chain']);
    expect(store.getState().status).toBe('stopped');

    expect(await store.getState().importChain(readFixture('greeter.chain'))).toBe(true);
    expect(kinds()).toEqual(['chain', 'chain', 'chain']);
    expect(store.getState().status).toBe('ready');
  });

  it('exports an imported chain as it came in', async () => {
    const store = newStore();
    await store.getState().loadUrl('./actors/echo.wasm', 'echo');
    for (const name of ['websocket.json', 'host-values.json'] as const) {
      expect(await store.getState().importChain(readFixture(name))).toBe(true);
      expect(await store.getState().exportChain()).toBe(JSON.stringify(JSON.parse(readFixture(name))));
    }
  });

  it('imports a chain or a session file chosen or dropped where a component goes, as the Import buttons do', async () => {
    const store = newStore();
    await store.getState().loadUrl('./actors/echo.wasm', 'echo');
    const file = (name: string, content: string | Blob) => new File([content], name, { type: 'application/json' });
    await store.getState().loadFile(file('websocket.json', readFixture('websocket.json')));
    expect([store.getState().events.length, store.getState().alert, store.getState().actorName]).toEqual([5, null, 'echo']);
    await store.getState().loadFile(file('tampered.json', readFixture('tampered-entry-2.json')));
    expect(store.getState().alert?.message).toMatch(/^Entry 2 \(theater:simple\/runtime\/log\) was altered/);
    expect(store.getState().events.length).toBe(5);

    const session = (await store.getState().exportSession())!;
    const other = newStore();
    await other.getState().loadUrl('./actors/counter.wasm', 'counter');
    await other.getState().loadFile(file('echo-session.json', session));
    expect([other.getState().actorName, other.getState().alert, other.getState().events.length]).toEqual(['echo', null, 5]);
    // Anything else is loaded as before, and loading names what it is.
    await other.getState().loadFile(file('notes.json', '{"notes": "not a history"}'));
    expect(other.getState().alert?.message).toMatch(/^This is not a WebAssembly file/);
    expect(other.getState().actorName).toBe('echo');
  });
});


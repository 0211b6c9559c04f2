import { describe, expect, it } from 'vitest';
import { componentHash, textMessage } from '../../core';
import { actorBytes, nodeStores } from '../../store/testing/nodeStore';

const newStore = nodeStores();

/** The counter with a few events, exported as a session file, and the timeline's texts of it. */
async function exported() {
  const store = newStore();
  await store.getState().loadUrl('./actors/counter.wasm', 'counter');
  await store.getState().openConnection();
  for (const text of ['inc 2', 'burst 3', 'reset', 'inc 5']) await store.getState().send(store.getState().connections[0]!.id, textMessage(text));
  return { store, file: (await store.getState().exportSession())! };
}

describe('importing session files through the store, over a real worker', () => {
  it('a compressed session file comes back as the same history', async () => {
    const { store, file } = await exported();
    const other = newStore();
    await other.getState().loadUrl('./actors/echo.wasm', 'echo');
    expect(await other.getState().importSession(file)).toBe(true);
    expect([other.getState().actorName, other.getState().alert]).toEqual(['counter', null]);
    expect(other.getState().events).toEqual(store.getState().events);
  });

  it('a truncated or damaged file says so and loses nothing of the open history', async () => {
    const { store, file } = await exported();
    const bytes = new Uint8Array(await file.arrayBuffer());
    const before = store.getState().events;
    expect(await store.getState().importSession(new Blob([bytes.slice(0, bytes.length - 1000)]))).toBe(false);
    expect(store.getState().alert).toMatchObject({ code: 'invalid-session', message: expect.stringMatching(/^The session file could not be read: its compressed data is damaged or cut short .*Nothing was imported/) });
    const damaged = bytes.slice();
    damaged.fill(0, bytes.length >> 1, (bytes.length >> 1) + 64);
    expect(await store.getState().importSession(new Blob([damaged]))).toBe(false);
    expect(store.getState().alert?.code).toBe('invalid-session');
    expect(store.getState().events).toBe(before);
    expect([store.getState().actorName, store.getState().status]).toEqual(['counter', 'ready']);
  });

  it('a file without its component, into another build of the same component, names both builds and what to do', async () => {
    const { store } = await exported();
    const [recorded, loaded] = [componentHash(actorBytes('counter')), componentHash(actorBytes('counter-v2'))];
    const withoutComponent = (await store.getState().exportSession(false))!;
    // counter-v2 is the counter rebuilt with one change: another build, loaded under the same name.
    await store.getState().loadBytes('counter.wasm', actorBytes('counter-v2'));
    const before = store.getState().events;
    expect(await store.getState().importSession(withoutComponent)).toBe(false);
    expect(store.getState().alert).toMatchObject({ code: 'invalid-session', message: expect.stringContaining(`recorded with another build of counter (sha256 ${recorded.slice(0, 12)}…) than the one loaded (sha256 ${loaded.slice(0, 12)}…)`) });
    expect(store.getState().alert?.message).toMatch(/load that build, then import the session again\. .*npm run replay -- --actor counter\.wasm --session <this file>\.$/);
    expect(store.getState().events).toBe(before);
  });
});

import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { actorBytes, nodeStores } from '../../store/testing/nodeStore';

const storeOfOwn = nodeStores();

describe('the page start reopens the last session, unless the person asked for something else meanwhile', () => {
  it('a file loaded while the last session is still being read wins, and that session stays saved', async () => {
    globalThis.indexedDB = new IDBFactory();
    // A first visit: the default echo (no init), one connection, saved as it goes.
    const first = storeOfOwn();
    await first.getState().startOrRestore();
    await first.getState().openConnection();
    await vi.waitFor(async () => {
      await first.getState().refreshSessions();
      expect(first.getState().savedSessions.map((s) => [s.name, s.eventCount])).toEqual([['echo', 1]]);
    });

    // A reload, and at once a file chosen: the load is asked for after the restore, so it is the one that stays.
    const reloaded = storeOfOwn();
    const restoring = reloaded.getState().startOrRestore();
    const loading = reloaded.getState().loadBytes('counter', actorBytes('counter'));
    await Promise.all([restoring, loading]);
    expect([reloaded.getState().actorName, reloaded.getState().status]).toEqual(['counter', 'ready']);
    // A fresh history of the counter, not the echo session's connection.
    expect(reloaded.getState().connections).toEqual([]);
    await reloaded.getState().refreshSessions();
    expect(reloaded.getState().savedSessions.map((s) => [s.name, s.eventCount])).toContainEqual(['echo', 1]);
  });
});

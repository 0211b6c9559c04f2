import { describe, expect, it } from 'vitest';
import { textMessage } from '../../core/messages';
import { counterWithConnection, nodeStores } from '../../store/testing/nodeStore';
import { COMPONENT_CORPUS } from './componentCorpus';

const newStore = nodeStores();

describe('the bad-component corpus, loaded through the store over the real actor worker', () => {
  it('gives each kind its own error and leaves the loaded counter, its state and its history as they were', async () => {
    const store = newStore();
    const connection = await counterWithConnection(store);
    await store.getState().send(connection, textMessage('inc'));
    for (const [index, kind] of COMPONENT_CORPUS.entries()) {
      // A copy: the history grows in place as events come.
      const before = [...store.getState().events];
      await store.getState().loadBytes(kind.file, await kind.make());
      const { alert, actorName, status, events } = store.getState();
      expect([kind.kind, alert?.code], alert?.message).toEqual([kind.kind, kind.code]);
      expect(alert?.message, kind.kind).toMatch(kind.message);
      expect([actorName, status], kind.kind).toEqual(['counter', 'ready']);
      expect(events, kind.kind).toEqual(before);
      // And it still answers, on the same connection, from the same state: the count goes on.
      expect(await store.getState().send(connection, textMessage('inc')), kind.kind).toBe(true);
      expect(store.getState().events.at(-1)?.responses[0]?.message.text, kind.kind).toBe(`count: ${index + 2}`);
      expect(store.getState().events.slice(0, -1), kind.kind).toEqual(before);
    }
  }, 300_000);
});

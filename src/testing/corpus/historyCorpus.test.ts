import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { textMessage } from '../../core/messages';
import { counterWithConnection, nodeStores } from '../../store/testing/nodeStore';
import { readFixture } from '../../runtime/testing/theaterChains';
import { HISTORY_CORPUS, type GoodHistories } from './historyCorpus';

const newStore = nodeStores();

describe('the bad session file and chain corpus, imported through the store over the real actor worker', () => {
  it('gives each kind its own error and leaves the loaded counter, its state and its history as they were', async () => {
    const store = newStore();
    const connection = await counterWithConnection(store);
    await store.getState().send(connection, textMessage('inc'));
    const exported = new Uint8Array(await (await store.getState().exportSession())!.arrayBuffer());
    const lines = new TextDecoder().decode(gunzipSync(exported)).split('\n').filter(Boolean);
    const good: GoodHistories = { session: lines.map((line) => JSON.parse(line) as Record<string, unknown>), chain: readFixture('websocket.json') };
    for (const [index, kind] of HISTORY_CORPUS.entries()) {
      // A copy: the history grows in place as events come.
      const before = [...store.getState().events];
      const file = kind.make(good);
      const imported = kind.surface === 'session' ? await store.getState().importSession(new Blob([file])) : await store.getState().importChain(typeof file === 'string' ? file : new TextDecoder().decode(file));
      const { alert, actorName, status, events } = store.getState();
      expect([kind.kind, imported, alert?.code], alert?.message).toEqual([kind.kind, false, kind.code]);
      expect(alert?.message, kind.kind).toMatch(kind.message);
      expect([actorName, status], kind.kind).toEqual(['counter', 'ready']);
      expect(events, kind.kind).toEqual(before);
      // And it still answers, on the same connection, from the same state: the count goes on.
      expect(await store.getState().send(connection, textMessage('inc')), kind.kind).toBe(true);
      expect(store.getState().events.at(-1)?.responses[0]?.message.text, kind.kind).toBe(`count: ${index + 2}`);
    }
  }, 300_000);
});

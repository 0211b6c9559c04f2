import { gunzipSync } from 'fflate';
import { describe, it } from 'vitest';
import { readFixture } from '../../runtime/testing/theaterChains';
import { nodeStores } from '../../store/testing/nodeStore';
import { counterBed } from './counterBed';
import { HISTORY_CORPUS, type GoodHistories } from './historyCorpus';

const newStore = nodeStores();

describe('the bad session file and chain corpus, imported through the store over the real actor worker', () => {
  it('gives each kind its own error and leaves the loaded counter, its state and its history as they were', async () => {
    const store = newStore();
    const bed = await counterBed(store);
    const exported = new Uint8Array(await (await store.getState().exportSession())!.arrayBuffer());
    const lines = new TextDecoder().decode(gunzipSync(exported)).split('\n').filter(Boolean);
    const good: GoodHistories = { session: lines.map((line) => JSON.parse(line) as Record<string, unknown>), chain: readFixture('websocket.json') };
    for (const kind of HISTORY_CORPUS) {
      const file = kind.make(good);
      await bed.expectUnharmed(kind, () =>
        kind.surface === 'session' ? store.getState().importSession(new Blob([file])) : store.getState().importChain(typeof file === 'string' ? file : new TextDecoder().decode(file)),
      );
    }
  }, 300_000);
});

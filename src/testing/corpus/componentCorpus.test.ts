import { describe, it } from 'vitest';
import { nodeStores } from '../../store/testing/nodeStore';
import { COMPONENT_CORPUS } from './componentCorpus';
import { counterBed } from './counterBed';

const newStore = nodeStores();

describe('the bad-component corpus, loaded through the store over the real actor worker', () => {
  it('gives each kind its own error and leaves the loaded counter, its state and its history as they were', async () => {
    const store = newStore();
    const bed = await counterBed(store);
    for (const kind of COMPONENT_CORPUS) await bed.expectUnharmed(kind, async () => store.getState().loadBytes(kind.file, await kind.make()));
  }, 300_000);
});

import { describe, expect, it } from 'vitest';
import { Lru } from './lru';

describe('Lru', () => {
  it('drops the least recently used past its budget, but always keeps the newest few', () => {
    const lru = new Lru<string>(10, 2);
    lru.set('a', 'A', 4);
    lru.set('b', 'B', 4);
    lru.get('a');
    lru.set('c', 'C', 4);
    expect([lru.has('a'), lru.has('b'), lru.has('c')]).toEqual([true, false, true]);
    // Larger than the whole budget: still kept, with the one before it.
    lru.set('huge', 'H', 100);
    expect([lru.has('c'), lru.has('huge'), lru.has('a')]).toEqual([true, true, false]);
  });
});

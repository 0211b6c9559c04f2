import { describe, expect, it } from 'vitest';
import { BoundedQueue } from './queue.ts';

describe('BoundedQueue', () => {
  it('is FIFO, counts messages and bytes, and has a gap between full and room', () => {
    const queue = new BoundedQueue({ maxMessages: 4, maxBytes: 1000 });
    ['a', 'bb', 'ccc'].forEach((item) => queue.push(item));
    expect([queue.length, queue.bytes, queue.full]).toEqual([3, 6, false]);
    queue.push('dddd');
    expect(queue.full).toBe(true);
    expect(queue.shift()).toBe('a');
    expect([queue.full, queue.hasRoom]).toEqual([false, false]);
    queue.shift();
    expect(queue.hasRoom).toBe(true);
    expect([queue.shift(), queue.shift(), queue.shift()]).toEqual(['ccc', 'dddd', undefined]);
    expect(queue.bytes).toBe(0);
  });

  it('counts bytes against the limits too', () => {
    const queue = new BoundedQueue({ maxMessages: 100, maxBytes: 10 });
    queue.push('x'.repeat(10));
    expect(queue.full).toBe(true);
    expect(queue.wouldOverflow('y'.repeat(10))).toBe(false);
    expect(queue.wouldOverflow('y'.repeat(11))).toBe(true);
  });

  it('stays in order across compaction', () => {
    const queue = new BoundedQueue({ maxMessages: 100_000, maxBytes: 1e9 });
    for (let n = 0; n < 5000; n++) queue.push(String(n));
    const out: string[] = [];
    for (let n = 0; n < 3000; n++) out.push(queue.shift()!);
    for (let n = 5000; n < 6000; n++) queue.push(String(n));
    while (queue.length > 0) out.push(queue.shift()!);
    expect(out).toEqual(Array.from({ length: 6000 }, (_, n) => String(n)));
  });
});

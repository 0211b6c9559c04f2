import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_PX, scrollSpace } from './scrollSpace';

describe('the scroll space', () => {
  it('scrolls rows shorter than the cap as they are', () => {
    const space = scrollSpace(5_000, 400, 10_000);
    expect([space.height, space.ratio, space.toRows(1234), space.toScroll(1234)]).toEqual([5_000, 1, 1234, 1234]);
  });

  it('fits taller rows into the cap with the first row at the start and the last at the end', () => {
    // A million rows of 56 px: past any browser's height limit.
    const content = 56_000_000;
    const view = 900;
    const space = scrollSpace(content, view);
    expect(space.height).toBe(MAX_SCROLL_PX);
    expect(space.toRows(0)).toBe(0);
    // Scrolled to the end of its range, the view shows the end of the rows.
    expect(space.toRows(space.height - view)).toBeCloseTo(content - view, 3);
    // Any row's top has a scroll position inside the range that shows it.
    for (const y of [56, 28_000_000, content - 56]) {
      const scroll = space.toScroll(y);
      expect(scroll).toBeGreaterThanOrEqual(0);
      expect(scroll).toBeLessThanOrEqual(space.height);
      expect(space.toRows(scroll)).toBeCloseTo(y, 3);
    }
  });
});

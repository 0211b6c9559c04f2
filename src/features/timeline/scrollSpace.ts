/**
 * How tall the list's scrollable content may be in the page (px). Browsers cap an element's
 * height: Chrome near 33,554,428 px (its layout units are 1/64 px in 32 bits), Firefox near
 * 17,895,697 px. Rows past the cap would never be reached, and positions near it lose precision
 * (a row's `top` is a float: whole pixels are exact below 2^24). This stays under both.
 */
export const MAX_SCROLL_PX = 16_000_000;

/**
 * The map between where the list is scrolled (px of the page's scroll range) and where in the
 * rows it shows (px from the first row's top). Rows taller together than `MAX_SCROLL_PX` share a
 * scroll range of that height: one pixel scrolled moves the view by `ratio` pixels of rows, so the
 * first row is at scroll position 0 and the last one at the end, and every row in between is
 * reached. Shorter lists scroll their rows as they are (ratio 1).
 */
export interface ScrollSpace {
  /** The height given to the list's content in the page (px). */
  height: number;
  /** Pixels of rows per pixel scrolled (1 unless the rows are taller than the cap). */
  ratio: number;
  /** The top of the view, in px of rows, at scroll position `scrollTop`. */
  toRows(scrollTop: number): number;
  /** The scroll position whose view starts `y` px down the rows. */
  toScroll(y: number): number;
}

/**
 * The scroll space of `content` px of rows seen through a view `view` px tall, capped at `max` px
 * (a test makes it small to show the mapping without a million rows). The view's end maps to the
 * rows' end: the scroll range (`height - view`) covers the range of tops (`content - view`).
 */
export function scrollSpace(content: number, view: number, max = MAX_SCROLL_PX): ScrollSpace {
  if (content <= max || view >= max) return { height: content, ratio: 1, toRows: (top) => top, toScroll: (y) => y };
  const ratio = (content - view) / (max - view);
  return { height: max, ratio, toRows: (top) => top * ratio, toScroll: (y) => y / ratio };
}

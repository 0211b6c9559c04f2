/**
 * Binary searches over the ascending seq lists the timeline keeps (the filtered rows, the search
 * matches). Only the first `count` entries count: the lists grow in place as events arrive.
 */

/** The first index whose seq is at least `seq` (`count` when there is none). */
export function lowerBound(seqs: readonly number[], count: number, seq: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (seqs[mid]! < seq) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Where `seq` is in the list, or -1. */
export function indexOfSeq(seqs: readonly number[], count: number, seq: number): number {
  const index = lowerBound(seqs, count, seq);
  return index < count && seqs[index] === seq ? index : -1;
}

/**
 * The match to jump to from `from` (null: no event chosen yet) going forward (1) or back (-1),
 * wrapping around at either end as a find bar does; undefined when there are no matches.
 */
export function nextMatch(matches: readonly number[], count: number, from: number | null, direction: 1 | -1): number | undefined {
  if (count === 0) return undefined;
  if (from === null) return direction === 1 ? matches[0] : matches[count - 1];
  if (direction === 1) {
    const index = lowerBound(matches, count, from + 1);
    return matches[index < count ? index : 0];
  }
  const index = lowerBound(matches, count, from) - 1;
  return matches[index >= 0 ? index : count - 1];
}

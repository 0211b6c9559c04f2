import { indexOfSeq, lowerBound } from './sortedSeqs';

/** The rows the timeline shows, by place: every event (no filter), or the filter's ascending seqs. */
export interface ShownRows {
  count: number;
  seqAt(index: number): number;
  /** The row showing `seq`, or -1 when the filter hides it. */
  indexOf(seq: number): number;
  /** The first row whose seq is at least `seq`: where keys move from when the selection is hidden. */
  indexFrom(seq: number): number;
}

export function shownRows(rows: readonly number[] | null, count: number): ShownRows {
  if (!rows) {
    return {
      count,
      seqAt: (index) => index,
      indexOf: (seq) => (seq >= 0 && seq < count ? seq : -1),
      indexFrom: (seq) => Math.max(0, Math.min(seq, count)),
    };
  }
  return {
    count,
    seqAt: (index) => rows[index]!,
    indexOf: (seq) => indexOfSeq(rows, count, seq),
    indexFrom: (seq) => lowerBound(rows, count, seq),
  };
}

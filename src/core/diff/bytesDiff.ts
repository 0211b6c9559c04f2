import { DEFAULT_LIMITS, myers, type EditRun, type MyersLimits } from './myers';

/**
 * One stretch of the byte diff. `replace` swaps `a[aStart, aEnd)` for `b[bStart, bEnd)`;
 * `block` is the fallback: the same length on both sides, compared position by position.
 */
export interface Hunk {
  kind: 'equal' | 'insert' | 'delete' | 'replace' | 'block';
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** What changed, in bytes: shown whatever view is chosen. */
export interface ByteSummary {
  beforeSize: number;
  afterSize: number;
  added: number;
  removed: number;
  /** Bytes overwritten in place (a replaced byte counts once, not as one removed and one added). */
  changed: number;
}

export interface ByteDiff {
  hunks: Hunk[];
  summary: ByteSummary;
  /**
   * `exact`: a shortest edit script; `block`: the changed middle was too large or too different
   * for one, so it is compared position by position and the rest counted as added or removed.
   */
  method: 'exact' | 'block';
  /** The size of the changed middle (between the common prefix and suffix), in bytes per side. */
  middle: { before: number; after: number };
}

/** Equal islands shorter than this between two changes are folded into them: less noise, same bytes. */
const MIN_ISLAND = 4;

/**
 * Aligns two states byte by byte: the common prefix and suffix cost one pass, and only the
 * middle between them is diffed exactly (Myers, under `limits`); beyond that, a block compare.
 */
export function diffBytes(a: Uint8Array, b: Uint8Array, limits: MyersLimits = DEFAULT_LIMITS): ByteDiff {
  const prefix = bytesPrefix(a, b);
  const suffix = bytesSuffix(a, b, prefix);
  const aMid = a.subarray(prefix, a.length - suffix);
  const bMid = b.subarray(prefix, b.length - suffix);
  const runs = aMid.length === 0 || bMid.length === 0 ? trivialRuns(aMid.length, bMid.length) : myers(aMid, bMid, limits);
  const middle = runs ? fromRuns(runs, prefix) : blockHunks(aMid.length, bMid.length, prefix);
  const hunks: Hunk[] = [];
  if (prefix > 0) hunks.push({ kind: 'equal', aStart: 0, aEnd: prefix, bStart: 0, bEnd: prefix });
  hunks.push(...middle);
  if (suffix > 0) hunks.push({ kind: 'equal', aStart: a.length - suffix, aEnd: a.length, bStart: b.length - suffix, bEnd: b.length });
  return { hunks, summary: summarize(hunks, a, b), method: runs ? 'exact' : 'block', middle: { before: aMid.length, after: bMid.length } };
}

/**
 * The common prefix, four bytes at a time where both arrays allow 32-bit views of their
 * buffers: on 16 MiB states this scan is most of a diff's cost.
 */
function bytesPrefix(a: Uint8Array, b: Uint8Array): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  if (a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0) {
    const words = max >> 2;
    const aw = new Uint32Array(a.buffer, a.byteOffset, words);
    const bw = new Uint32Array(b.buffer, b.byteOffset, words);
    let w = 0;
    while (w < words && aw[w] === bw[w]) w++;
    i = w << 2;
  }
  while (i < max && a[i] === b[i]) i++;
  return i;
}

/** The common suffix, not reaching into the first `prefix` bytes; by words where the ends align. */
function bytesSuffix(a: Uint8Array, b: Uint8Array, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let i = 0;
  // Walk bytes until both ends sit on a 4-byte boundary of their buffers, then by words.
  while (i < max && a[a.length - 1 - i] === b[b.length - 1 - i] && ((a.byteOffset + a.length - i) % 4 !== 0 || (b.byteOffset + b.length - i) % 4 !== 0)) i++;
  if (i < max && (a.byteOffset + a.length - i) % 4 === 0 && (b.byteOffset + b.length - i) % 4 === 0) {
    const words = (max - i) >> 2;
    const aw = new Uint32Array(a.buffer, a.byteOffset + a.length - i - words * 4, words);
    const bw = new Uint32Array(b.buffer, b.byteOffset + b.length - i - words * 4, words);
    let w = 0;
    while (w < words && aw[words - 1 - w] === bw[words - 1 - w]) w++;
    i += w << 2;
  }
  while (i < max && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

/** One side empty: everything on the other side was added or removed, no search needed. */
function trivialRuns(n: number, m: number): EditRun[] {
  if (n > 0) return [{ op: 'delete', aStart: 0, bStart: 0, length: n }];
  if (m > 0) return [{ op: 'insert', aStart: 0, bStart: 0, length: m }];
  return [];
}

/** Turns edit runs into hunks: a deletion next to an insertion is one replacement. */
function fromRuns(runs: EditRun[], base: number): Hunk[] {
  const hunks: Hunk[] = [];
  for (const run of runs) {
    const aLen = run.op === 'insert' ? 0 : run.length;
    const bLen = run.op === 'delete' ? 0 : run.length;
    const last = hunks[hunks.length - 1];
    const aStart = base + run.aStart;
    const bStart = base + run.bStart;
    if (run.op !== 'equal' && last && last.kind !== 'equal') {
      last.aEnd += aLen;
      last.bEnd += bLen;
      last.kind = kindOf(last.aEnd - last.aStart, last.bEnd - last.bStart);
      continue;
    }
    hunks.push({ kind: run.op === 'equal' ? 'equal' : kindOf(aLen, bLen), aStart, aEnd: aStart + aLen, bStart, bEnd: bStart + bLen });
  }
  return foldIslands(hunks);
}

const kindOf = (aLen: number, bLen: number): Hunk['kind'] => (aLen === 0 ? 'insert' : bLen === 0 ? 'delete' : 'replace');

/** Merges `change, short equal, change` into one change: byte-level matches of 1-3 bytes are mostly chance. */
function foldIslands(hunks: Hunk[]): Hunk[] {
  const out: Hunk[] = [];
  for (let i = 0; i < hunks.length; i++) {
    const hunk = hunks[i]!;
    const last = out[out.length - 1];
    const next = hunks[i + 1];
    if (hunk.kind === 'equal' && hunk.aEnd - hunk.aStart < MIN_ISLAND && last && last.kind !== 'equal' && next && next.kind !== 'equal') {
      last.aEnd = next.aEnd;
      last.bEnd = next.bEnd;
      last.kind = kindOf(last.aEnd - last.aStart, last.bEnd - last.bStart);
      i++;
      continue;
    }
    out.push({ ...hunk });
  }
  return out;
}

/** The fallback: the overlapping length compared in place, the rest of the longer side added or removed. */
function blockHunks(n: number, m: number, base: number): Hunk[] {
  const common = Math.min(n, m);
  const hunks: Hunk[] = [{ kind: 'block', aStart: base, aEnd: base + common, bStart: base, bEnd: base + common }];
  if (n > common) hunks.push({ kind: 'delete', aStart: base + common, aEnd: base + n, bStart: base + common, bEnd: base + common });
  if (m > common) hunks.push({ kind: 'insert', aStart: base + common, aEnd: base + common, bStart: base + common, bEnd: base + m });
  return hunks;
}

function summarize(hunks: Hunk[], a: Uint8Array, b: Uint8Array): ByteSummary {
  const summary: ByteSummary = { beforeSize: a.length, afterSize: b.length, added: 0, removed: 0, changed: 0 };
  for (const hunk of hunks) {
    const aLen = hunk.aEnd - hunk.aStart;
    const bLen = hunk.bEnd - hunk.bStart;
    switch (hunk.kind) {
      case 'equal':
        break;
      case 'block':
        for (let i = 0; i < aLen; i++) if (a[hunk.aStart + i] !== b[hunk.bStart + i]) summary.changed++;
        break;
      case 'insert':
      case 'delete':
      case 'replace':
        summary.changed += Math.min(aLen, bLen);
        summary.added += Math.max(0, bLen - aLen);
        summary.removed += Math.max(0, aLen - bLen);
        break;
      default: {
        const exhaustive: never = hunk.kind;
        return exhaustive;
      }
    }
  }
  return summary;
}

/**
 * Myers' O((N+M)·D) shortest edit script, over any sequence of numbers (bytes, or token ids for
 * text). It gives up, returning undefined, past a budget: states can be 16 MiB, and a diff that
 * takes seconds is worse than the positional fallback each caller has.
 */

/** One run of an edit script: `length` elements kept, removed from `a`, or inserted from `b`. */
export interface EditRun {
  op: 'equal' | 'delete' | 'insert';
  /** Where the run starts in `a` and in `b` (for an insert, `aStart` is where it goes in `a`). */
  aStart: number;
  bStart: number;
  length: number;
}

export interface MyersLimits {
  /** Most edits (insertions plus deletions) to look for; the trace kept to backtrack grows as its square. */
  maxEdits: number;
  /** Most steps (diagonal moves and comparisons) to spend before giving up. */
  maxWork: number;
}

export const DEFAULT_LIMITS: MyersLimits = { maxEdits: 2000, maxWork: 20_000_000 };

/**
 * The shortest edit script turning `a` into `b`, as runs in order, or undefined when it needs
 * more than `limits` allow. Callers trim the common prefix and suffix first: it is far cheaper.
 */
export function myers(a: ArrayLike<number>, b: ArrayLike<number>, limits: MyersLimits = DEFAULT_LIMITS): EditRun[] | undefined {
  const n = a.length;
  const m = b.length;
  // Every script needs at least |n - m| edits: no need to search to find that it is too many.
  if (Math.abs(n - m) > limits.maxEdits) return undefined;
  const max = Math.min(n + m, limits.maxEdits);
  const offset = max + 1;
  // v[offset + k]: the furthest x reached on diagonal k (k = x - y).
  const v = new Int32Array(2 * max + 3);
  // trace[d]: v as it was before step d, kept only over the diagonals step d reads.
  const trace: Int32Array[] = [];
  let work = 0;
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
      let x = down ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      const startX = x;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      work += 1 + x - startX;
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m);
      if (work > limits.maxWork) return undefined;
    }
  }
  return undefined;
}

/** Walks the trace back from (n, m) to (0, 0), collecting runs, then puts them in order. */
function backtrack(trace: Int32Array[], n: number, m: number): EditRun[] {
  const reversed: EditRun[] = [];
  const push = (op: EditRun['op'], aStart: number, bStart: number, length: number) => {
    const last = reversed[reversed.length - 1];
    // Runs arrive back to front: extend the previous one when it continues this one.
    if (last && last.op === op && last.aStart === aStart + (op === 'insert' ? 0 : length) && last.bStart === bStart + (op === 'delete' ? 0 : length)) {
      last.aStart = aStart;
      last.bStart = bStart;
      last.length += length;
    } else {
      reversed.push({ op, aStart, bStart, length });
    }
  };
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d]!;
    // trace[d] starts at diagonal -d - 1.
    const at = (k: number) => v[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    const snake = Math.min(x - prevX, y - prevY);
    if (snake > 0) push('equal', x - snake, y - snake, snake);
    x -= snake;
    y -= snake;
    if (d > 0) {
      if (x === prevX) push('insert', x, prevY, 1);
      else push('delete', prevX, y, 1);
    }
    x = prevX;
    y = prevY;
  }
  return reversed.reverse();
}

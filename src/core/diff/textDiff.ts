import { DEFAULT_LIMITS, myers, type MyersLimits } from './myers';
import { isHighSurrogate, isLowSurrogate, safeCut } from './surrogates';

/** A piece of the text diff; `skip` stands for text left out of the display (with its length). */
export type TextSegment = { op: 'equal' | 'insert' | 'delete'; text: string } | { op: 'skip'; of: 'equal' | 'insert' | 'delete'; chars: number };

export interface TextDiff {
  segments: TextSegment[];
  /** Characters (UTF-16 units) inserted and deleted. */
  added: number;
  removed: number;
  /** `whole`: the changed middle was too large for a word diff and is shown as one replacement. */
  method: 'exact' | 'whole';
}

export interface TextDiffOptions {
  /** Unchanged characters kept either side of a change; the rest become a `skip`. */
  context?: number;
  /** Characters of one insertion or deletion shown before the rest become a `skip`. */
  maxShown?: number;
  /** Largest changed middle (characters per side) that is tokenised for a word diff. */
  maxMiddle?: number;
  limits?: MyersLimits;
}

const WORD = /[\p{L}\p{N}_]/u;
/** Words, runs of blanks, line breaks, and single other characters: the units a word diff moves. */
const TOKEN = /[\p{L}\p{N}_]+|[^\S\n]+|\n|[^]/gu;

/**
 * A word diff of two texts, sized for display: the common prefix and suffix are found first
 * (snapped back to a word boundary, so "10" → "15" reads as a changed word, not a changed digit),
 * the middle is diffed word by word, and long unchanged or changed stretches are cut to context.
 */
export function diffText(a: string, b: string, options: TextDiffOptions = {}): TextDiff {
  const { context = 200, maxShown = 2000, maxMiddle = 1 << 20, limits = DEFAULT_LIMITS } = options;
  const prefix = sharedPrefix(a, b);
  const suffix = sharedSuffix(a, b, prefix);
  const aMid = a.slice(prefix, a.length - suffix);
  const bMid = b.slice(prefix, b.length - suffix);
  let middle = aMid.length <= maxMiddle && bMid.length <= maxMiddle ? wordDiff(aMid, bMid, limits) : undefined;
  const method = middle || aMid === '' || bMid === '' ? 'exact' : 'whole';
  middle ??= [
    { op: 'delete', text: aMid },
    { op: 'insert', text: bMid },
  ];
  const raw: Array<{ op: 'equal' | 'insert' | 'delete'; text: string }> = [{ op: 'equal', text: a.slice(0, prefix) }, ...middle, { op: 'equal', text: a.slice(a.length - suffix) }];
  const pieces = raw.filter((segment) => segment.text !== '');
  let added = 0;
  let removed = 0;
  for (const piece of pieces) {
    if (piece.op === 'insert') added += piece.text.length;
    if (piece.op === 'delete') removed += piece.text.length;
  }
  const segments = pieces.flatMap((piece, i) => shorten(piece, i === 0, i === pieces.length - 1, context, maxShown));
  return { segments, added, removed, method };
}

function sharedPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === a.length && i === b.length) return i;
  // Back off to a word boundary, and never split a surrogate pair.
  while (i > 0 && WORD.test(a[i - 1]!) && (WORD.test(a[i] ?? '') || WORD.test(b[i] ?? ''))) i--;
  if (i > 0 && isHighSurrogate(a.charCodeAt(i - 1))) i--;
  return i;
}

function sharedSuffix(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  const at = (s: string, fromEnd: number) => s[s.length - 1 - fromEnd] ?? '';
  while (i > 0 && WORD.test(at(a, i - 1)) && (WORD.test(at(a, i)) || WORD.test(at(b, i)))) i--;
  if (i > 0 && isLowSurrogate(a.charCodeAt(a.length - i))) i--;
  return i;
}


/** Myers over token ids; consecutive changes come out as one deletion followed by one insertion. */
function wordDiff(a: string, b: string, limits: MyersLimits): Array<{ op: 'equal' | 'insert' | 'delete'; text: string }> | undefined {
  if (a === '' || b === '') return [{ op: a === '' ? 'insert' : 'delete', text: a || b }];
  const aTokens = a.match(TOKEN) ?? [];
  const bTokens = b.match(TOKEN) ?? [];
  const ids = new Map<string, number>();
  const intern = (tokens: string[]) => Int32Array.from(tokens, (token) => ids.get(token) ?? (ids.set(token, ids.size), ids.size - 1));
  const runs = myers(intern(aTokens), intern(bTokens), limits);
  if (!runs) return undefined;
  const out: Array<{ op: 'equal' | 'insert' | 'delete'; text: string }> = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted) out.push({ op: 'delete', text: deleted });
    if (inserted) out.push({ op: 'insert', text: inserted });
    deleted = inserted = '';
  };
  for (const run of runs) {
    if (run.op === 'equal') {
      flush();
      out.push({ op: 'equal', text: aTokens.slice(run.aStart, run.aStart + run.length).join('') });
    } else if (run.op === 'delete') deleted += aTokens.slice(run.aStart, run.aStart + run.length).join('');
    else inserted += bTokens.slice(run.bStart, run.bStart + run.length).join('');
  }
  flush();
  return out;
}

/** Cuts one piece down for display: unchanged text to its context, changes to `maxShown`. */
function shorten(piece: { op: 'equal' | 'insert' | 'delete'; text: string }, first: boolean, last: boolean, context: number, maxShown: number): TextSegment[] {
  const { op, text } = piece;
  if (op !== 'equal') {
    if (text.length <= maxShown) return [piece];
    const cut = safeCut(text, maxShown);
    return [{ op, text: text.slice(0, cut) }, { op: 'skip', of: op, chars: text.length - cut }];
  }
  const head = first ? 0 : context;
  const tail = last ? 0 : context;
  if (text.length <= head + tail + context) return [piece];
  const headEnd = safeCut(text, head);
  const tailStart = safeCut(text, text.length - tail);
  const out: TextSegment[] = [];
  if (headEnd > 0) out.push({ op, text: text.slice(0, headEnd) });
  out.push({ op: 'skip', of: op, chars: tailStart - headEnd });
  if (tailStart < text.length) out.push({ op, text: text.slice(tailStart) });
  return out;
}

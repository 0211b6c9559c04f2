import { safeCut } from './surrogates';

/** A place in a JSON document: object keys and array indexes from the root. */
export type JsonPath = Array<string | number>;

export type JsonStatus = 'same' | 'added' | 'removed' | 'changed';

/** One changed path, with short previews (compact JSON) of its values on each side. */
export interface JsonChange {
  path: JsonPath;
  status: Exclude<JsonStatus, 'same'>;
  before?: string;
  after?: string;
}

/**
 * The merged tree of both documents, pruned for display: containers that hold changes list
 * their children; unchanged containers are leaves with a preview.
 */
export interface JsonNode {
  key: string | number | null;
  status: JsonStatus;
  /** Something below this container changed (the container itself is on both sides). */
  inner: boolean;
  shape: 'object' | 'array' | 'value';
  before?: string;
  after?: string;
  children?: JsonNode[];
  /** Unchanged children left out of `children` to keep the tree small. */
  hidden?: number;
}

export interface JsonDiff {
  changes: JsonChange[];
  /** More changes than `maxChanges` exist; only the first are listed. */
  truncated: boolean;
  tree: JsonNode;
}

export interface JsonDiffOptions {
  maxChanges?: number;
  /** Unchanged children kept per container in the tree. */
  maxSameChildren?: number;
  /** Characters of a value preview. */
  previewChars?: number;
}

/** A side that is missing altogether (a `none` state) rather than JSON `null`. */
export const ABSENT: unique symbol = Symbol('absent');

type Container = Record<string, unknown> | unknown[];
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;
const shapeOf = (value: unknown): JsonNode['shape'] => (Array.isArray(value) ? 'array' : isObject(value) ? 'object' : 'value');

/**
 * Compares two parsed JSON documents structurally: keys by name, arrays by index (so a pushed
 * item is one added path). Pass `ABSENT` for a side that has no state at all.
 */
export function diffJson(before: unknown, after: unknown, options: JsonDiffOptions = {}): JsonDiff {
  const { maxChanges = 500, maxSameChildren = 50, previewChars = 120 } = options;
  const changes: JsonChange[] = [];
  let truncated = false;
  const preview = (value: unknown) => (value === ABSENT ? undefined : previewJson(value, previewChars));

  const note = (path: JsonPath, status: JsonChange['status'], a: unknown, b: unknown) => {
    if (changes.length >= maxChanges) truncated = true;
    else changes.push({ path, status, before: preview(a), after: preview(b) });
  };

  // Unchanged leaves get their preview only if the tree keeps them (see below): most are dropped.
  const leaf = (key: JsonNode['key'], status: JsonStatus, a: unknown, b: unknown): JsonNode => ({
    key,
    status,
    inner: false,
    shape: shapeOf(status === 'removed' ? a : b),
    before: status === 'added' || status === 'same' ? undefined : preview(a),
    after: status === 'removed' || status === 'same' ? undefined : preview(b),
  });

  const walk = (key: JsonNode['key'], path: JsonPath, a: unknown, b: unknown): JsonNode => {
    if (a === ABSENT) {
      note(path, 'added', a, b);
      return leaf(key, 'added', a, b);
    }
    if (b === ABSENT) {
      note(path, 'removed', a, b);
      return leaf(key, 'removed', a, b);
    }
    const bothArrays = Array.isArray(a) && Array.isArray(b);
    if (!bothArrays && !(isObject(a) && isObject(b))) {
      if (Object.is(a, b)) return leaf(key, 'same', a, b);
      note(path, 'changed', a, b);
      return leaf(key, 'changed', a, b);
    }
    const keys = bothArrays ? indexes(a as unknown[], b as unknown[]) : unionKeys(a as Record<string, unknown>, b as Record<string, unknown>);
    const children: JsonNode[] = [];
    let sameKept = 0;
    let hidden = 0;
    for (const k of keys) {
      const bk = valueAt(b as Container, k);
      const child = walk(k, [...path, k], valueAt(a as Container, k), bk);
      if (child.status !== 'same' || child.inner) children.push(child);
      else if (sameKept++ < maxSameChildren) children.push({ ...child, after: preview(bk) });
      else hidden++;
    }
    const inner = children.some((child) => child.status !== 'same' || child.inner);
    if (!inner) return leaf(key, 'same', a, b);
    return { key, status: 'same', inner, shape: shapeOf(b), children, hidden };
  };

  const tree = walk(null, [], before, after);
  if (tree.status === 'same' && !tree.inner) tree.after = preview(after);
  return { changes, truncated, tree };
}

const indexes = (a: unknown[], b: unknown[]): number[] => Array.from({ length: Math.max(a.length, b.length) }, (_, i) => i);

function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = Object.keys(a);
  for (const key of Object.keys(b)) if (!Object.hasOwn(a, key)) keys.push(key);
  return keys;
}

function valueAt(container: Container, key: string | number): unknown {
  if (Array.isArray(container)) return typeof key === 'number' && key < container.length ? container[key] : ABSENT;
  return Object.hasOwn(container, key) ? container[key] : ABSENT;
}

/** `count`, `history[2]`, `a.b["odd key"]`; the root is `(root)`. */
export function formatJsonPath(path: JsonPath): string {
  if (path.length === 0) return '(root)';
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? (i === 0 ? part : `.${part}`) : `[${JSON.stringify(part)}]`))
    .join('');
}

/**
 * Compact JSON of `value`, cut to about `max` characters without serialising more than that:
 * a 16 MiB string or a 100,000-item array previews as fast as a number.
 */
export function previewJson(value: unknown, max: number): string {
  if (typeof value === 'string' && value.length > max) return `${JSON.stringify(value.slice(0, safeCut(value, max)))}… (${value.length} chars)`;
  let out = '';
  const write = (text: string) => {
    out += text;
    return out.length < max;
  };
  const visit = (v: unknown): boolean => {
    // Sliced first: stringifying all of a 16 MiB string to show 120 characters of it would be slow.
    if (typeof v === 'string') return write(JSON.stringify(v.length > max ? v.slice(0, max) : v));
    if (!isContainer(v)) return write(JSON.stringify(v) ?? 'null');
    const array = Array.isArray(v);
    const keys = array ? v.map((_, i) => i) : Object.keys(v);
    if (!write(array ? '[' : '{')) return false;
    for (let i = 0; i < keys.length; i++) {
      if (i > 0 && !write(',')) return false;
      const key = keys[i]!;
      if (!array && !write(`${JSON.stringify(key)}:`)) return false;
      if (!visit(valueAt(v, key))) return false;
    }
    return write(array ? ']' : '}');
  };
  return visit(value) ? out : `${out.slice(0, safeCut(out, max))}…`;
}

import { fail, ok, type Result } from '../result';

/**
 * The value literals of Theater's text chain format (a WAVE-like notation for Pack values), read
 * far enough to say what an entry records: `path::case(value)`, `name{field: value}`, strings,
 * numbers with a type suffix (`0u32`), tuples, lists. Each node keeps where it sits in the
 * literal, so a field can be shown exactly as written.
 */
export type PackNode = { start: number; end: number } & (
  | { kind: 'string'; value: string }
  | { kind: 'number'; text: string }
  | { kind: 'name'; name: string }
  | { kind: 'case'; name: string; args: PackNode[] }
  | { kind: 'record'; name: string | null; fields: Array<[string, PackNode]> }
  | { kind: 'tuple'; items: PackNode[] }
  | { kind: 'list'; items: PackNode[] }
);

const NAME = /[A-Za-z_][A-Za-z0-9_-]*(?:::[A-Za-z_][A-Za-z0-9_-]*)*/y;
const NUMBER = /[-+]?(?:\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|inf|nan)(?:[a-z]\d+)?/y;
const UNICODE = /u\{([0-9a-fA-F]{1,6})\}/y;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', "'": "'", '\\': '\\' };

/** Parses one literal; the error says where it stopped making sense. */
export function parsePackLiteral(text: string): Result<PackNode, string> {
  let at = 0;
  const space = () => {
    while (at < text.length && /\s/.test(text[at]!)) at++;
  };
  const expected = (what: string): never => {
    throw new SyntaxError(`expected ${what} at character ${at + 1}`);
  };
  const take = (char: string) => {
    space();
    if (text[at] !== char) expected(`"${char}"`);
    at++;
  };
  const match = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = at;
    const found = pattern.exec(text)?.[0];
    if (found) at += found.length;
    return found;
  };
  const sequence = <T>(close: string, item: () => T): T[] => {
    const items: T[] = [];
    space();
    while (text[at] !== close) {
      items.push(item());
      space();
      if (text[at] === ',') at++;
      else if (text[at] !== close) expected(`"," or "${close}"`);
      space();
    }
    at++;
    return items;
  };
  const field = (): [string, PackNode] => {
    space();
    const name = match(NAME) ?? expected('a field name');
    take(':');
    return [name, value()];
  };
  const quoted = (quote: string): string => {
    let out = '';
    at++;
    while (text[at] !== quote) {
      if (at >= text.length) expected(`a closing ${quote}`);
      if (text[at] === '\\') {
        UNICODE.lastIndex = at + 1;
        const unicode = UNICODE.exec(text);
        const code = unicode ? parseInt(unicode[1]!, 16) : 0x110000;
        if (code <= 0x10ffff) {
          out += String.fromCodePoint(code);
          at += 1 + unicode![0].length;
          continue;
        }
        out += ESCAPES[text[at + 1]!] ?? expected('an escape');
        at += 2;
        continue;
      }
      out += text[at++];
    }
    at++;
    return out;
  };
  const value = (): PackNode => {
    space();
    const start = at;
    const char = text[at];
    if (char === '"' || char === "'") return { kind: 'string', value: quoted(char), start, end: at };
    if (char === '(') {
      at++;
      return { kind: 'tuple', items: sequence(')', value), start, end: at };
    }
    if (char === '[') {
      at++;
      return { kind: 'list', items: sequence(']', value), start, end: at };
    }
    if (char === '{') {
      at++;
      return { kind: 'record', name: null, fields: sequence('}', field), start, end: at };
    }
    const number = match(NUMBER);
    if (number !== undefined && !/[A-Za-z_]/.test(text[at] ?? '')) return { kind: 'number', text: number, start, end: at };
    at = start;
    const name = match(NAME) ?? expected('a value');
    if (text[at] === '(') {
      at++;
      return { kind: 'case', name, args: sequence(')', value), start, end: at };
    }
    if (text[at] === '{') {
      at++;
      return { kind: 'record', name, fields: sequence('}', field), start, end: at };
    }
    return { kind: 'name', name, start, end: at };
  };
  try {
    const node = value();
    space();
    if (at < text.length) expected('the end of the value');
    return ok(node);
  } catch (thrown) {
    if (thrown instanceof SyntaxError) return fail(thrown.message);
    // Nesting deep enough to exhaust the stack is a literal no actor wrote: say so rather than throw.
    if (thrown instanceof RangeError) return fail('the literal is nested too deeply to read');
    throw thrown;
  }
}

/** The first record, depth first, whose name is `name` (paths match on their last part). */
export function findRecord(node: PackNode, name: string): Extract<PackNode, { kind: 'record' }> | undefined {
  if (node.kind === 'record' && node.name?.split('::').at(-1) === name) return node;
  const children = node.kind === 'case' ? node.args : node.kind === 'tuple' || node.kind === 'list' ? node.items : node.kind === 'record' ? node.fields.map(([, v]) => v) : [];
  for (const child of children) {
    const found = findRecord(child, name);
    if (found) return found;
  }
  return undefined;
}

/** A record's field, and the string it holds when it is one. */
export const fieldOf = (record: Extract<PackNode, { kind: 'record' }>, name: string): PackNode | undefined => record.fields.find(([field]) => field === name)?.[1];
export const stringOf = (node: PackNode | undefined): string | undefined => (node?.kind === 'string' ? node.value : undefined);

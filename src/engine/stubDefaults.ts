/**
 * Well-typed default return values for imports the playground does not implement.
 *
 * jco writes a `.d.ts` for every imported interface that says exactly which JavaScript value its
 * glue expects back from the host (`Uint8Array | undefined` for `option<list<u8>>`, a thrown
 * value for an `err`, `{ tag, val }` for variants). Reading that, rather than the WIT, gives a
 * stub the one shape the glue will accept: zero, empty, none, the first case, or ok.
 */

type TypeExpr =
  | { t: 'name'; name: string; args: TypeExpr[] }
  | { t: 'literal'; value: string }
  | { t: 'tuple'; items: TypeExpr[] }
  | { t: 'union'; options: TypeExpr[] }
  | { t: 'object'; fields: Field[] };
interface Field {
  name: string;
  optional: boolean;
  type: TypeExpr;
}
type Declaration = { kind: 'type'; type: TypeExpr } | { kind: 'class' };

/** The parsed declarations of every generated `.d.ts`, and each imported function's result type. */
export interface ImportTypes {
  declarations: Map<string, Declaration>;
  /** `theater:simple/kv` → `get` → the return type. */
  functions: Map<string, Map<string, TypeExpr>>;
}

const TOKEN = /\s*(=>|[A-Za-z_$][\w$]*|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d+|[<>[\](){}|,:;?=])/y;

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (TOKEN.lastIndex < source.length && (match = TOKEN.exec(source))) tokens.push(match[1]!);
  return tokens;
}

class TypeParser {
  #pos = 0;
  constructor(private readonly tokens: string[]) {}
  peek = () => this.tokens[this.#pos];
  next = () => this.tokens[this.#pos++]!;
  eat(token: string): boolean {
    if (this.peek() !== token) return false;
    this.#pos++;
    return true;
  }
  type(): TypeExpr {
    this.eat('|');
    const options = [this.primary()];
    while (this.eat('|')) options.push(this.primary());
    return options.length === 1 ? options[0]! : { t: 'union', options };
  }
  primary(): TypeExpr {
    const token = this.next();
    if (token === '[') return { t: 'tuple', items: this.list(']') };
    if (token === '(') {
      const inner = this.type();
      this.eat(')');
      return inner;
    }
    if (token === '{') return { t: 'object', fields: this.fields() };
    if (token.startsWith("'") || token.startsWith('"')) return { t: 'literal', value: token.slice(1, -1) };
    const args = this.eat('<') ? this.list('>') : [];
    return { t: 'name', name: token, args };
  }
  list(close: string): TypeExpr[] {
    const items: TypeExpr[] = [];
    while (!this.eat(close)) {
      items.push(this.type());
      this.eat(',');
    }
    return items;
  }
  fields(): Field[] {
    const fields: Field[] = [];
    while (!this.eat('}')) {
      const name = this.next();
      const optional = this.eat('?');
      this.eat(':');
      fields.push({ name, optional, type: this.type() });
      if (!this.eat(',')) this.eat(';');
    }
    return fields;
  }
}

/** Reads jco's generated `.d.ts` files (comments included; they are skipped). */
export function parseImportTypes(files: Iterable<[string, string]>, importNames: string[]): ImportTypes {
  const declarations = new Map<string, Declaration>();
  const functions = new Map<string, Map<string, TypeExpr>>();
  for (const [path, text] of files) {
    const source = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    const tokens = tokenize(source);
    const parser = new TypeParser(tokens);
    const fns = new Map<string, TypeExpr>();
    while (parser.peek() !== undefined) {
      const token = parser.next();
      if (token !== 'export') continue;
      const kind = parser.next();
      if (kind === 'function') {
        const name = parser.next();
        while (parser.peek() !== undefined && parser.next() !== ')') {
          /* skip parameters: only the result matters to a stub */
        }
        parser.eat(':');
        fns.set(name, parser.type());
      } else if (kind === 'interface') {
        const name = parser.next();
        parser.eat('{');
        declarations.set(name, { kind: 'type', type: { t: 'object', fields: parser.fields() } });
      } else if (kind === 'type' && parser.peek() !== '*' && parser.peek() !== '{') {
        const name = parser.next();
        if (parser.eat('<')) parser.list('>');
        if (parser.eat('=')) declarations.set(name, { kind: 'type', type: parser.type() });
      } else if (kind === 'class') {
        declarations.set(parser.next(), { kind: 'class' });
      }
    }
    const fileName = path.split('/').pop()!.replace(/\.d\.ts$/, '');
    const owner = importNames.find((name) => interfaceFileName(name) === fileName);
    if (owner) functions.set(owner, fns);
  }
  return { declarations, functions };
}

/** jco's file name for an interface: `theater:simple/kv` → `theater-simple-kv`. */
const interfaceFileName = (name: string) => name.replace(/@.*$/, '').replace(/[:/]/g, '-');

const TYPED_ARRAYS: Record<string, () => unknown> = {
  Uint8Array: () => new Uint8Array(0),
  Int8Array: () => new Int8Array(0),
  Uint16Array: () => new Uint16Array(0),
  Int16Array: () => new Int16Array(0),
  Uint32Array: () => new Uint32Array(0),
  Int32Array: () => new Int32Array(0),
  Float32Array: () => new Float32Array(0),
  Float64Array: () => new Float64Array(0),
  BigInt64Array: () => new BigInt64Array(0),
  BigUint64Array: () => new BigUint64Array(0),
};

/** Thrown when no default can exist (an owned resource must come from the host). A bug-free stub can't. */
export class NoDefaultError extends Error {}

/** The default value of a type: zero, empty, none, the first case, ok(default). */
export function defaultValue(type: TypeExpr, types: ImportTypes, depth = 0): unknown {
  if (depth > 32) throw new NoDefaultError('type nests too deeply for a default');
  const recur = (inner: TypeExpr) => defaultValue(inner, types, depth + 1);
  switch (type.t) {
    case 'literal':
      return type.value;
    case 'tuple':
      return type.items.map(recur);
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const field of type.fields) if (!field.optional) value[field.name] = recur(field.type);
      return value;
    }
    case 'union': {
      const none = type.options.find((option) => option.t === 'name' && option.name === 'undefined');
      return none ? undefined : recur(type.options[0]!);
    }
    case 'name':
      return defaultOfName(type, types, recur);
    default: {
      const exhaustive: never = type;
      return exhaustive;
    }
  }
}

function defaultOfName(type: { name: string; args: TypeExpr[] }, types: ImportTypes, recur: (t: TypeExpr) => unknown): unknown {
  switch (type.name) {
    case 'void':
    case 'undefined':
    case 'null':
      return undefined;
    case 'number':
      return 0;
    case 'bigint':
      return 0n;
    case 'string':
      return '';
    case 'boolean':
      return false;
    case 'Array':
      return [];
    case 'Option':
      return { tag: 'none' };
    case 'Result':
      return { tag: 'ok', val: type.args[0] ? recur(type.args[0]) : undefined };
  }
  const typedArray = TYPED_ARRAYS[type.name];
  if (typedArray) return typedArray();
  const declaration = types.declarations.get(type.name);
  if (!declaration) throw new NoDefaultError(`unknown type ${type.name}`);
  if (declaration.kind === 'class') throw new NoDefaultError(`${type.name} is a resource the host must create`);
  return recur(declaration.type);
}

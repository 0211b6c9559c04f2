/**
 * The host's view of a component's imports, read from the `.d.ts` files jco generates with it.
 *
 * `inspect` only sees the world's interface names; jco's types say, for every imported interface,
 * which functions and resources the glue will look up (by their camelCase names) and which
 * JavaScript value it expects back from each (`Uint8Array | undefined` for `option<list<u8>>`,
 * `bigint` for `u64`, a class instance for a resource). Stubs, the runtime and the imports panel
 * all work from this. Only the subset of TypeScript jco writes is understood.
 */

/** A type as jco writes it. `scope` is the file a name appeared in: names resolve there first. */
export type TypeExpr =
  | { t: 'name'; name: string; args: TypeExpr[]; scope: string }
  /** `import('./theater-simple-types.js').Chain`: a type another interface's file declares. */
  | { t: 'import'; file: string; name: string }
  | { t: 'literal'; value: string }
  | { t: 'tuple'; items: TypeExpr[] }
  | { t: 'union'; options: TypeExpr[] }
  | { t: 'object'; fields: Field[] };

export interface Field {
  name: string;
  optional: boolean;
  type: TypeExpr;
}

export interface Param {
  name: string;
  type: TypeExpr;
}

/** One function as the glue calls it (`getChain`) and as WIT and Theater's chains name it (`get-chain`). */
export interface FunctionDecl {
  name: string;
  witName: string;
  params: Param[];
  /** `void` for a function without a result (and for `result<_, E>`: the glue throws an err). */
  result: TypeExpr;
}

/** A WIT resource: jco declares it as a class the host must supply. */
export interface ResourceDecl {
  /** The class name the glue destructures from the import (`Expat`). */
  name: string;
  witName: string;
  /** The `.d.ts` file that declares it (`hpcc-js-expat-resources`): one class per file and name. */
  file: string;
  /** Undefined when the resource has no constructor (the host makes them, functions return them). */
  constructorParams: Param[] | undefined;
  methods: FunctionDecl[];
  statics: FunctionDecl[];
}

export type Declaration = { kind: 'type'; type: TypeExpr } | { kind: 'class'; resource: ResourceDecl };

/** What one imported interface's file declares for the host to supply. */
export interface InterfaceTypes {
  file: string;
  functions: FunctionDecl[];
  resources: ResourceDecl[];
}

export interface ImportTypes {
  /** Every file's declarations, by file name without folder or extension (`theater-simple-types`). */
  files: Map<string, Map<string, Declaration>>;
  /** By the import's unversioned name (`theater:simple/runtime`). */
  interfaces: Map<string, InterfaceTypes>;
}

/** `startElement` → `start-element`, `getU64s` → `get-u64s`, `Expat` → `expat`: jco's camelCase undone. */
export const witName = (jsName: string): string => jsName.replace(/[A-Z]/g, (upper, at: number) => `${at === 0 ? '' : '-'}${upper.toLowerCase()}`);

/** jco's file name for an interface: `theater:simple/kv@0.1.0` → `theater-simple-kv`. */
const interfaceFileName = (name: string): string => name.replace(/@.*$/, '').replace(/[:/]/g, '-');

const fileKey = (path: string): string => path.split('/').pop()!.replace(/\.d\.ts$|\.js$/, '');

const TOKEN = /\s*(=>|[A-Za-z_$][\w$]*|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d+|[<>[\](){}|,:;?=.*&])/y;

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (TOKEN.lastIndex < source.length && (match = TOKEN.exec(source))) tokens.push(match[1]!);
  return tokens;
}

/** What may stand before a class member's name in jco's declarations. */
const MODIFIERS = new Set(['static', 'private', 'public', 'readonly']);

const unquote = (token: string) => (token.startsWith("'") || token.startsWith('"') ? token.slice(1, -1) : token);

/** A recursive-descent reader over one file's tokens. Every loop stops at the end of input. */
class Reader {
  #pos = 0;
  constructor(
    private readonly tokens: string[],
    private readonly scope: string,
  ) {}
  peek = (ahead = 0): string | undefined => this.tokens[this.#pos + ahead];
  next = (): string | undefined => this.tokens[this.#pos++];
  get done(): boolean {
    return this.#pos >= this.tokens.length;
  }
  eat(token: string): boolean {
    if (this.peek() !== token) return false;
    this.#pos++;
    return true;
  }
  /** Skips a bracketed group whose opening token was just read, nested groups included. */
  skipGroup(open: string, close: string): void {
    let depth = 1;
    while (depth > 0 && !this.done) {
      const token = this.next();
      if (token === open) depth++;
      else if (token === close) depth--;
    }
  }
  type(): TypeExpr {
    this.eat('|');
    const options = [this.primary()];
    while (this.eat('|')) options.push(this.primary());
    return options.length === 1 ? options[0]! : { t: 'union', options };
  }
  primary(): TypeExpr {
    const token = this.next() ?? 'void';
    if (token === '[') return { t: 'tuple', items: this.list(']') };
    if (token === '(') {
      const inner = this.type();
      this.eat(')');
      return inner;
    }
    if (token === '{') return { t: 'object', fields: this.fields() };
    if (token.startsWith("'") || token.startsWith('"')) return { t: 'literal', value: unquote(token) };
    if (token === 'import' && this.eat('(')) {
      const path = unquote(this.next() ?? '');
      this.eat(')');
      this.eat('.');
      return { t: 'import', file: fileKey(path), name: this.next() ?? '' };
    }
    // `typeof X` appears only in the root file's ImportObject, which nothing resolves.
    if (token === 'typeof') this.next();
    const args = this.eat('<') ? this.list('>') : [];
    return { t: 'name', name: token, args, scope: this.scope };
  }
  list(close: string): TypeExpr[] {
    const items: TypeExpr[] = [];
    while (!this.done && !this.eat(close)) {
      items.push(this.type());
      this.eat(',');
    }
    return items;
  }
  fields(): Field[] {
    const fields: Field[] = [];
    while (!this.done && !this.eat('}')) {
      const name = unquote(this.next()!);
      // A method in an interface (the root file's `init(...)`): not a field any value has.
      if (this.eat('(')) {
        this.skipGroup('(', ')');
        if (this.eat(':')) this.type();
      } else {
        const optional = this.eat('?');
        this.eat(':');
        fields.push({ name, optional, type: this.type() });
      }
      if (!this.eat(',')) this.eat(';');
    }
    return fields;
  }
  params(): Param[] {
    const params: Param[] = [];
    this.eat('(');
    while (!this.done && !this.eat(')')) {
      const name = this.next()!;
      this.eat('?');
      this.eat(':');
      params.push({ name, type: this.type() });
      this.eat(',');
    }
    return params;
  }
  /** After `function` or inside a class: `name(params): result;`. */
  func(name: string): FunctionDecl {
    const params = this.params();
    const result: TypeExpr = this.eat(':') ? this.type() : { t: 'name', name: 'void', args: [], scope: this.scope };
    this.eat(';');
    return { name, witName: witName(name), params, result };
  }
  classBody(name: string, file: string): ResourceDecl {
    const resource: ResourceDecl = { name, witName: witName(name), file, constructorParams: undefined, methods: [], statics: [] };
    this.eat('{');
    while (!this.done && !this.eat('}')) {
      const modifiers = new Set<string>();
      while (MODIFIERS.has(this.peek() ?? '') && this.peek(1) !== '(') modifiers.add(this.next()!);
      // jco quotes a member named by a reserved word: `'delete'(): boolean;`, `static 'new'(): Thing;`.
      const member = unquote(this.next()!);
      if (member === '[') {
        // `[Symbol.dispose](): void`: the glue's own business, not a WIT function.
        this.skipGroup('[', ']');
        this.func('');
      } else if (member === 'constructor') {
        const params = this.params();
        this.eat(';');
        // `private constructor();`: WIT declares none, only the resource's own host makes them.
        if (!modifiers.has('private')) resource.constructorParams = params;
      } else (modifiers.has('static') ? resource.statics : resource.methods).push(this.func(member));
    }
    return resource;
  }
}

/**
 * One file's declarations and top-level functions. A function named by a JavaScript reserved word
 * is declared as jco renames it and exported under its own name (`export { _new as new };` then
 * `function _new(): string;`): the glue looks it up as `new`, so it is read as `new`.
 */
function parseFile(path: string, text: string): { declarations: Map<string, Declaration>; functions: FunctionDecl[] } {
  const file = fileKey(path);
  const source = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const reader = new Reader(tokenize(source), file);
  const declarations = new Map<string, Declaration>();
  // In declaration order; a local one counts only under the name it is exported as.
  const declared: Array<{ decl: FunctionDecl; exported: boolean }> = [];
  // Local name → exported name, from `export { local as exported }`.
  const exportedAs = new Map<string, string>();
  while (!reader.done) {
    const token = reader.next();
    if (token === 'function') {
      const name = reader.next()!;
      declared.push({ decl: reader.func(name), exported: false });
      continue;
    }
    if (token !== 'export') continue;
    const kind = reader.next();
    if (kind === 'function') {
      const name = reader.next()!;
      declared.push({ decl: reader.func(name), exported: true });
    } else if (kind === '{') {
      while (!reader.done && !reader.eat('}')) {
        const local = reader.next()!;
        exportedAs.set(local, reader.eat('as') ? reader.next()! : local);
        reader.eat(',');
      }
    } else if (kind === 'interface') {
      const name = reader.next()!;
      reader.eat('{');
      declarations.set(name, { kind: 'type', type: { t: 'object', fields: reader.fields() } });
    } else if (kind === 'type' && reader.peek() !== '*' && reader.peek() !== '{') {
      const name = reader.next()!;
      if (reader.eat('<')) reader.list('>');
      if (reader.eat('=')) declarations.set(name, { kind: 'type', type: reader.type() });
    } else if (kind === 'class') {
      const name = reader.next()!;
      declarations.set(name, { kind: 'class', resource: reader.classBody(name, file) });
    }
  }
  const functions = declared.flatMap(({ decl, exported }): FunctionDecl[] => {
    if (exported) return [decl];
    const name = exportedAs.get(decl.name);
    return name === undefined ? [] : [{ ...decl, name, witName: witName(name) }];
  });
  return { declarations, functions };
}

/** The root file (`actor.d.ts`) declares `Option` and `Result` for every interface file. */
const ROOT = 'actor';

/**
 * Reads jco's generated `.d.ts` files (comments are skipped) for the given imports, by their
 * names as the world writes them (versions allowed). An import without a file gets none here.
 */
export function parseImportTypes(files: Iterable<[string, string]>, importNames: readonly string[]): ImportTypes {
  const types: ImportTypes = { files: new Map(), interfaces: new Map() };
  const parsed = new Map<string, FunctionDecl[]>();
  for (const [path, text] of files) {
    const { declarations, functions } = parseFile(path, text);
    types.files.set(fileKey(path), declarations);
    parsed.set(fileKey(path), functions);
  }
  for (const name of importNames) {
    const file = interfaceFileName(name);
    const declarations = types.files.get(file);
    if (!declarations) continue;
    const resources = [...declarations.values()].flatMap((d) => (d.kind === 'class' ? [d.resource] : []));
    types.interfaces.set(name.replace(/@[^@/]*$/, ''), { file, functions: parsed.get(file) ?? [], resources });
  }
  return types;
}

/**
 * What a type name or import stands for: a declaration of its file (or the root file's), or
 * undefined for built-in names (`string`, `Uint8Array`, `Option`) and names jco did not declare.
 */
export function resolveType(type: Extract<TypeExpr, { t: 'name' | 'import' }>, types: ImportTypes): Declaration | undefined {
  if (type.t === 'import') return types.files.get(type.file)?.get(type.name);
  return types.files.get(type.scope)?.get(type.name) ?? types.files.get(ROOT)?.get(type.name);
}

/** Follows aliases (`type Chain = import('./theater-simple-types.js').Chain`) to the type or class they end at. */
export function resolveAlias(type: TypeExpr, types: ImportTypes): Declaration | undefined {
  let current: Declaration = { kind: 'type', type };
  for (let depth = 0; depth < 32 && current.kind === 'type' && (current.type.t === 'name' || current.type.t === 'import'); depth++) {
    const next = resolveType(current.type, types);
    if (!next) return current;
    current = next;
  }
  return current;
}

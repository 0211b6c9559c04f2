import { unversioned } from '../../core/interfaceNames';
import { ByteReader, MalformedWasm } from '../../core/wasm/byteReader';
import { outlineComponent, readExport, readExternName, readExternType, sectionsOf, SECTION, SORT, type ComponentOutline } from './componentOutline';

/** The functions and named types of one exported interface, as WIT text. */
export interface ExportedInterface {
  /** Each function's type, `func(a: T) -> R`; type aliases (`type state = option<list<u8>>`) are expanded, as WIT treats them. */
  functions: Map<string, string>;
  /** Each record, variant, enum, flags and resource the functions use, by name, as WIT (`record r { a: u8 }`). */
  types: Map<string, string>;
}

/**
 * Reads the WIT signatures of the functions a component exports in `interfaceName` (any version),
 * from the binary, without jco. wit-component (behind cargo-component, componentize-js and -qjs,
 * and `wasm-tools component new`) exports an interface as an instance of a small nested "shim"
 * component whose exports carry the interface's types; this follows the export to that shim,
 * through any wrapping component, and decodes its type section (component model `Binary.md`).
 * Undefined when the layout is another one or holds what this reader does not decode: callers
 * then cannot tell, rather than guess.
 */
export function exportedInterface(bytes: Uint8Array, interfaceName: string): ExportedInterface | undefined {
  try {
    const shim = instanceComponent(bytes, interfaceName, 0);
    return shim ? readShim(shim) : undefined;
  } catch (error) {
    if (error instanceof MalformedWasm) return undefined;
    throw error;
  }
}

/** The bytes of the component whose instantiation is exported as `name`, following aliases into nested components. */
function instanceComponent(bytes: Uint8Array, name: string, depth: number): Uint8Array | undefined {
  if (depth > 8) return undefined;
  const outline = outlineComponent(bytes);
  const exported = outline.exports.find((e) => e.sort === SORT.instance && unversioned(e.name) === unversioned(name));
  return exported && resolveInstance(outline, exported.index, depth);
}

function resolveInstance(outline: ComponentOutline, index: number, depth: number): Uint8Array | undefined {
  const source = outline.instances[index];
  if (!source) return undefined;
  if ('component' in source) return outline.components[source.component];
  // An instance another instance exports: find it inside the component that one instantiates.
  const inner = resolveInstance(outline, source.instance, depth + 1);
  return inner && instanceComponent(inner, source.name, depth + 1);
}

type ValType = { prim: string } | { ref: number };
type TypeDef =
  | { kind: 'prim'; name: string }
  | { kind: 'record'; fields: Array<[string, ValType]> }
  | { kind: 'variant'; cases: Array<[string, ValType | undefined]> }
  | { kind: 'enum' | 'flags'; labels: string[] }
  | { kind: 'list'; of: ValType; length: number | undefined }
  | { kind: 'tuple'; of: ValType[] }
  | { kind: 'option'; of: ValType }
  | { kind: 'result'; ok: ValType | undefined; err: ValType | undefined }
  | { kind: 'own' | 'borrow'; of: number }
  | { kind: 'stream' | 'future'; of: ValType | undefined }
  | { kind: 'map'; key: ValType; value: ValType }
  | { kind: 'func'; params: Array<[string, ValType]>; result: ValType | undefined; async: boolean }
  | { kind: 'resource' }
  /** A type imported `(eq i)` or exported under a name: WIT's name for it. */
  | { kind: 'named'; name: string; of: number }
  /** An imported `(sub resource)`. */
  | { kind: 'abstract'; name: string };

const PRIMITIVES: Record<number, string> = {
  0x7f: 'bool', 0x7e: 's8', 0x7d: 'u8', 0x7c: 's16', 0x7b: 'u16', 0x7a: 's32', 0x79: 'u32', 0x78: 's64',
  0x77: 'u64', 0x76: 'f32', 0x75: 'f64', 0x74: 'char', 0x73: 'string', 0x64: 'error-context',
};

/** Decodes the shim's type index space and renders its exported functions. */
function readShim(bytes: Uint8Array): ExportedInterface | undefined {
  const types: TypeDef[] = [];
  const funcTypes: Array<number | undefined> = [];
  const exported: Array<[string, number | undefined]> = [];
  for (const { id, body } of sectionsOf(bytes)) {
    switch (id) {
      case SECTION.custom:
        break;
      case SECTION.type:
        body.vec(() => types.push(readTypeDef(body)));
        break;
      case SECTION.import:
        body.vec(() => {
          const name = readExternName(body);
          const type = readExternType(body);
          if (type.kind === SORT.type) types.push(type.index === undefined ? { kind: 'abstract', name } : { kind: 'named', name, of: type.index });
          if (type.kind === SORT.func) funcTypes.push(type.index);
        });
        break;
      case SECTION.export:
        body.vec(() => {
          const { name, sort, index, ascribed } = readExport(body);
          if (sort === SORT.type) types.push({ kind: 'named', name, of: index });
          if (sort === SORT.func) {
            const type = ascribed?.index ?? funcTypes[index];
            funcTypes.push(type);
            exported.push([name, type]);
          }
        });
        break;
      default:
        // Aliases, canonical functions or code: not the shim layout this reader knows.
        return undefined;
    }
  }
  const render = new Renderer(types);
  const functions = new Map<string, string>();
  for (const [name, type] of exported) {
    const def = type === undefined ? undefined : types[type];
    if (def?.kind === 'func') functions.set(name, render.func(def));
  }
  return { functions, types: render.named };
}

function readValType(body: ByteReader): ValType {
  const prim = PRIMITIVES[body.bytes[body.at] ?? -1];
  if (prim) {
    body.u8();
    return { prim };
  }
  const ref = body.s33();
  if (ref < 0) throw new MalformedWasm(`unknown value type ${ref}`);
  return { ref };
}

function readTypeDef(body: ByteReader): TypeDef {
  const tag = body.u8();
  const prim = PRIMITIVES[tag];
  if (prim) return { kind: 'prim', name: prim };
  const val = () => readValType(body);
  switch (tag) {
    case 0x72:
      return { kind: 'record', fields: body.vec(() => [body.name(), val()]) };
    case 0x71:
      return {
        kind: 'variant',
        cases: body.vec(() => {
          const name = body.name();
          const payload = body.optional(val);
          if (body.u8() !== 0x00) body.u32(); // an old `refines` index
          return [name, payload];
        }),
      };
    case 0x70:
      return { kind: 'list', of: val(), length: undefined };
    case 0x67:
      return { kind: 'list', of: val(), length: body.u32() };
    case 0x6f:
      return { kind: 'tuple', of: body.vec(val) };
    case 0x6e:
      return { kind: 'flags', labels: body.vec(() => body.name()) };
    case 0x6d:
      return { kind: 'enum', labels: body.vec(() => body.name()) };
    case 0x6b:
      return { kind: 'option', of: val() };
    case 0x6a:
      return { kind: 'result', ok: body.optional(val), err: body.optional(val) };
    case 0x69:
      return { kind: 'own', of: body.u32() };
    case 0x68:
      return { kind: 'borrow', of: body.u32() };
    case 0x66:
      return { kind: 'stream', of: body.optional(val) };
    case 0x65:
      return { kind: 'future', of: body.optional(val) };
    case 0x63:
      return { kind: 'map', key: val(), value: val() };
    case 0x40:
    case 0x43: {
      const params = body.vec((): [string, ValType] => [body.name(), val()]);
      const form = body.u8();
      let result: ValType | undefined;
      if (form === 0x00) result = val();
      else if (body.u32() !== 0) throw new MalformedWasm('named results'); // 0x01 with no results
      return { kind: 'func', params, result, async: tag === 0x43 };
    }
    case 0x3f:
      body.u8();
      body.optional(() => body.u32());
      return { kind: 'resource' };
    default:
      // Component and instance types (0x41, 0x42) are not in a shim; anything else is unknown.
      throw new MalformedWasm(`unexpected type form 0x${tag.toString(16)}`);
  }
}

/** WIT text for decoded types; remembers each nominal type it names, with its definition. */
class Renderer {
  readonly named = new Map<string, string>();

  constructor(private readonly types: TypeDef[]) {}

  func(def: Extract<TypeDef, { kind: 'func' }>): string {
    const params = def.params.map(([name, type]) => `${name}: ${this.val(type)}`).join(', ');
    return `${def.async ? 'async ' : ''}func(${params})${def.result ? ` -> ${this.val(def.result)}` : ''}`;
  }

  val(type: ValType): string {
    return 'prim' in type ? type.prim : this.index(type.ref);
  }

  private def(index: number): TypeDef {
    const def = this.types[index];
    if (!def) throw new MalformedWasm(`type ${index} is not defined`);
    return def;
  }

  private index(index: number): string {
    const def = this.def(index);
    if (def.kind === 'abstract') return this.remember(def.name, () => `resource ${witName(def.name)}`);
    if (def.kind !== 'named') return this.structure(def, undefined);
    let target = this.def(def.of);
    while (target.kind === 'named') target = this.def(target.of);
    if (target.kind === 'abstract') return this.index(def.of);
    // WIT aliases (`type state = option<list<u8>>`) are transparent; only nominal types keep their name.
    if (!isNominal(target)) return this.structure(target, undefined);
    const name = witName(def.name);
    return this.remember(name, () => this.structure(target, name));
  }

  private remember(name: string, definition: () => string): string {
    if (!this.named.has(name)) {
      this.named.set(name, '');
      this.named.set(name, definition());
    }
    return witName(name);
  }

  private structure(def: TypeDef, name: string | undefined): string {
    const head = (kind: string) => (name ? `${kind} ${name}` : kind);
    switch (def.kind) {
      case 'prim':
        return def.name;
      case 'record':
        return `${head('record')} { ${def.fields.map(([field, type]) => `${field}: ${this.val(type)}`).join(', ')} }`;
      case 'variant':
        return `${head('variant')} { ${def.cases.map(([label, type]) => (type ? `${label}(${this.val(type)})` : label)).join(', ')} }`;
      case 'enum':
      case 'flags':
        return `${head(def.kind)} { ${def.labels.join(', ')} }`;
      case 'resource':
        return head('resource');
      case 'list':
        return `list<${this.val(def.of)}${def.length === undefined ? '' : `, ${def.length}`}>`;
      case 'tuple':
        return `tuple<${def.of.map((type) => this.val(type)).join(', ')}>`;
      case 'option':
        return `option<${this.val(def.of)}>`;
      case 'result':
        if (!def.ok && !def.err) return 'result';
        return def.err ? `result<${def.ok ? this.val(def.ok) : '_'}, ${this.val(def.err)}>` : `result<${this.val(def.ok!)}>`;
      case 'own':
        return this.index(def.of);
      case 'borrow':
        return `borrow<${this.index(def.of)}>`;
      case 'stream':
      case 'future':
        return def.of ? `${def.kind}<${this.val(def.of)}>` : def.kind;
      case 'map':
        return `map<${this.val(def.key)}, ${this.val(def.value)}>`;
      case 'func':
        return this.func(def);
      case 'named':
      case 'abstract':
        throw new MalformedWasm('a name where a structure was expected');
    }
  }
}

const isNominal = (def: TypeDef) => def.kind === 'record' || def.kind === 'variant' || def.kind === 'enum' || def.kind === 'flags' || def.kind === 'resource';

/** wit-component names a shim's type imports `import-type-<name>`; WIT calls them `<name>`. */
const witName = (name: string) => name.replace(/^import-type-/, '');

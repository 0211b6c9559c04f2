/**
 * Well-typed default return values for imports the playground does not implement.
 *
 * jco's `.d.ts` says exactly which JavaScript value its glue expects back from the host (see
 * dtsTypes.ts). Reading that, rather than the WIT, gives a stub the one shape the glue will
 * accept: zero, empty, none, the first case, ok, or a fresh instance of a resource.
 */
import { resolveType, witName, type ImportTypes, type ResourceDecl, type TypeExpr } from './dtsTypes';
import { waveLabel, waveString } from '../core/wave';

/** What building a value needs besides its type: the declarations, and fresh resources. */
export interface ValueContext {
  types: ImportTypes;
  /**
   * A fresh instance of a resource's stub class, under `handle` when a recording names one that is
   * free; throws NoDefaultError when the playground cannot make that resource.
   */
  resource(decl: ResourceDecl, handle?: unknown): unknown;
}

/** Thrown when no default can exist (a type jco did not declare, a resource only WASI makes). */
export class NoDefaultError extends Error {}

type TypedArrayClass = { new (length: number): ArrayBufferView; from(items: ArrayLike<number | bigint>): ArrayBufferView };

/** The typed arrays jco writes for lists of numbers (`BigUint64Array` for `list<u64>`, items bigints). */
const TYPED_ARRAYS = { Uint8Array, Int8Array, Uint16Array, Int16Array, Uint32Array, Int32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array } as unknown as Record<string, TypedArrayClass>;

/** The typed array class jco means by a type name, if it is one. */
export const typedArrayClass = (name: string): TypedArrayClass | undefined => (Object.hasOwn(TYPED_ARRAYS, name) ? TYPED_ARRAYS[name] : undefined);

/** The default value of a type: zero, empty, none, the first case, ok(default), a fresh resource. */
export function defaultValue(type: TypeExpr, context: ValueContext, depth = 0): unknown {
  if (depth > 32) throw new NoDefaultError('its type nests too deeply for a default');
  const recur = (inner: TypeExpr) => defaultValue(inner, context, depth + 1);
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
    case 'import':
      return defaultOfName(type, context, recur);
    default: {
      const exhaustive: never = type;
      return exhaustive;
    }
  }
}

function defaultOfName(type: Extract<TypeExpr, { t: 'name' | 'import' }>, context: ValueContext, recur: (t: TypeExpr) => unknown): unknown {
  if (type.t === 'name') {
    switch (type.name) {
      case 'void':
      case 'undefined':
      case 'null':
        return undefined;
      case 'number':
        return 0;
      case 'bigint':
        return 0n;
      // jco types `char` as string too: its '' reaches the actor as U+0000.
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
    const typedArray = typedArrayClass(type.name);
    if (typedArray) return new typedArray(0);
  }
  const declaration = resolveType(type, context.types);
  if (!declaration) throw new NoDefaultError(`jco declared no type ${type.name}`);
  if (declaration.kind === 'class') return context.resource(declaration.resource);
  return recur(declaration.type);
}

const FRESH = Symbol('fresh resource');

/** A context that makes no resources: for describing defaults, where a marker stands for one. */
const describing = (types: ImportTypes, canMake: (decl: ResourceDecl) => boolean): ValueContext => ({
  types,
  resource(decl) {
    if (!canMake(decl)) throw new NoDefaultError(`it returns a ${decl.witName}, a resource only its own host can make`);
    return { [FRESH]: decl };
  },
});

/**
 * The default a stub returns, in WAVE as a person reads it: `""`, `none`, `{events: []}`,
 * `circle(0)`, `<new expat>` for a fresh resource; `nothing` for a function without a result.
 * Throws NoDefaultError as defaultValue does, and for resources `canMake` refuses.
 */
export function describeDefault(type: TypeExpr, types: ImportTypes, canMake: (decl: ResourceDecl) => boolean): string {
  if (type.t === 'name' && type.name === 'void') return 'nothing';
  return wave(defaultValue(type, describing(types, canMake)), type, types);
}

/** Writes a default in WAVE, the type telling an enum case from a string and a tuple from a list. */
function wave(value: unknown, type: TypeExpr, types: ImportTypes): string {
  const recur = (v: unknown, t: TypeExpr) => wave(v, t, types);
  switch (type.t) {
    case 'literal':
      return waveLabel(type.value);
    case 'tuple':
      return `(${type.items.map((item, i) => recur((value as unknown[])[i], item)).join(', ')})`;
    case 'object':
      return waveObject(value as Record<string, unknown>, type.fields, recur);
    case 'union': {
      if (value === undefined) return 'none';
      const some = type.options.find((option) => !(option.t === 'name' && option.name === 'undefined'))!;
      const inner = recur(value, some);
      return type.options.length > 1 && type.options.some((option) => option.t === 'name' && option.name === 'undefined') ? `some(${inner})` : inner;
    }
    case 'name':
    case 'import':
      break;
    default: {
      const exhaustive: never = type;
      return exhaustive;
    }
  }
  if (typeof value === 'object' && value !== null && FRESH in value) return `<new ${(value[FRESH] as ResourceDecl).witName}>`;
  const declaration = resolveType(type, types);
  if (declaration?.kind === 'type' && !(type.t === 'name' && BUILT_IN.has(type.name))) return recur(value, declaration.type);
  if (value === undefined) return 'none';
  if (typeof value === 'string') return waveString(value);
  if (typeof value !== 'object' || value === null) return String(value);
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return '[]';
  const tagged = value as { tag: string; val?: unknown };
  if (type.t === 'name' && type.name === 'Result') return tagged.val === undefined ? 'ok' : `ok(${recur(tagged.val, type.args[0]!)})`;
  return 'none';
}

/** Names jco uses for WIT's own types, which the root file may also declare (`Option`, `Result`). */
const BUILT_IN = new Set(['Option', 'Result']);

/** A record, a flags value (every field an optional boolean) or a variant case (`tag` and `val`). */
function waveObject(value: Record<string, unknown>, fields: readonly { name: string; optional: boolean; type: TypeExpr }[], recur: (v: unknown, t: TypeExpr) => string): string {
  const tag = fields.find((field) => field.name === 'tag' && field.type.t === 'literal');
  if (tag && tag.type.t === 'literal') {
    const val = fields.find((field) => field.name === 'val');
    return val ? `${waveLabel(tag.type.value)}(${recur(value.val, val.type)})` : waveLabel(tag.type.value);
  }
  if (fields.length > 0 && fields.every((field) => field.optional && field.type.t === 'name' && field.type.name === 'boolean')) return '{}';
  const written = fields.filter((field) => !field.optional).map((field) => `${waveLabel(witName(field.name))}: ${recur(value[field.name], field.type)}`);
  return written.length === 0 ? '{:}' : `{${written.join(', ')}}`;
}

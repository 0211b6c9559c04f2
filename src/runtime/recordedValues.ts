/**
 * Host call values as they are recorded, and back as jco wants them.
 *
 * A recording must survive JSON (session files, IndexedDB, the worker boundary): bigints are
 * written as numbers (decimal strings past 2^53), typed arrays other than bytes as plain arrays,
 * and a resource as Theater writes one in its chains, by its handle number. Handing a recorded
 * value back to the glue (a replay) needs the declared type to undo that: `u64` → bigint,
 * `list<u64>` → BigUint64Array, a handle → a fresh instance of the resource's stub class.
 */
import { resolveAlias, resolveType, type ImportTypes, type TypeExpr } from './dtsTypes';
import { typedArrayClass, type ValueContext } from './stubDefaults';

/** jco's own key for a resource's representation: set on every stub instance to its handle. */
export const CABI_REP = Symbol.for('cabiRep');

const isPlainObject = (value: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** A value as it is recorded: JSON-safe apart from Uint8Array, which session files carry as bytes. */
export function toRecorded(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (typeof value !== 'object') return value;
  // Arguments can be views into the actor's memory, which the next call overwrites: copy them.
  if (value instanceof Uint8Array) return value.slice();
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number | bigint>, toRecorded);
  if (Array.isArray(value)) return value.map(toRecorded);
  const rep = (value as Record<symbol, unknown>)[CABI_REP];
  if (typeof rep === 'number') return rep;
  // A resource the playground did not make (one of the WASI shim's): its class is all there is to say.
  if (!isPlainObject(value)) return `<${value.constructor.name}>`;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, toRecorded(field)]));
}

/** Turns a recorded value back into what the glue expects for `type`; anything else passes as it is. */
export function fromRecorded(value: unknown, type: TypeExpr, context: ValueContext, depth = 0): unknown {
  if (value === null || value === undefined) return undefined;
  if (depth > 32) return value;
  const recur = (v: unknown, t: TypeExpr) => fromRecorded(v, t, context, depth + 1);
  switch (type.t) {
    case 'literal':
      return value;
    case 'tuple':
      return Array.isArray(value) ? type.items.map((item, i) => recur(value[i], item)) : value;
    case 'object': {
      if (typeof value !== 'object') return value;
      const record = value as Record<string, unknown>;
      return Object.fromEntries(type.fields.filter((field) => field.name in record).map((field) => [field.name, recur(record[field.name], field.type)]));
    }
    case 'union': {
      const options = type.options.filter((option) => !(option.t === 'name' && option.name === 'undefined'));
      const tag = (value as { tag?: unknown }).tag;
      const chosen = options.find((option) => caseTag(option, context.types) === tag) ?? options[0];
      return chosen ? recur(value, chosen) : value;
    }
    case 'name':
    case 'import':
      break;
    default: {
      const exhaustive: never = type;
      return exhaustive;
    }
  }
  if (type.t === 'name') {
    const [first, second] = type.args;
    switch (type.name) {
      case 'bigint':
        return typeof value === 'number' || typeof value === 'string' ? BigInt(value) : value;
      case 'Array':
        return Array.isArray(value) && first ? value.map((item) => recur(item, first)) : value;
      case 'Option':
      case 'Result': {
        const tagged = value as { tag: string; val?: unknown };
        const inner = tagged.tag === 'err' ? second : first;
        return inner && tagged.val !== undefined ? { ...tagged, val: recur(tagged.val, inner) } : tagged;
      }
    }
    const typedArray = typedArrayClass(type.name);
    if (typedArray) return Array.isArray(value) ? typedArray.from(type.name.startsWith('Big') ? value.map((n) => BigInt(n as number)) : (value as number[])) : value;
  }
  const declaration = resolveType(type, context.types);
  if (!declaration) return value;
  return declaration.kind === 'class' ? context.resource(declaration.resource, value) : recur(value, declaration.type);
}

/** The `tag` a variant case's type fixes (`{ tag: 'circle', val: number }` → `circle`), if it is one. */
function caseTag(type: TypeExpr, types: ImportTypes): string | undefined {
  const resolved = resolveAlias(type, types);
  if (resolved?.kind !== 'type' || resolved.type.t !== 'object') return undefined;
  const tag = resolved.type.fields.find((field) => field.name === 'tag');
  return tag?.type.t === 'literal' ? tag.type.value : undefined;
}

import { utf8 } from '../bytes';

/**
 * Writes chain entries' JSON in chunks. Theater nests JSON documents as byte arrays (a result's
 * state bytes inside an entry's `data`, `data` inside the hashed entry), so each level roughly
 * triples in size: a 16 MiB state becomes about 200 MB of entry text. Writing it through a small
 * buffer lets SHA-1 (or an export) consume it without any of it in memory.
 */

/** JSON for WIT values: bytes as arrays of numbers (as serde writes `Vec<u8>`), none as null. */
export function valueJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Uint8Array) return Array.from(v);
    if (typeof v === 'bigint') return v.toString();
    return v === undefined ? null : v;
  });
}

/** A field written as the UTF-8 bytes of `valueJson(value)`, those bytes as a JSON number array. */
export class JsonBytes {
  constructor(readonly value: unknown) {}
}

const CHUNK = 64 * 1024;
// Writing is synchronous and never re-entered, so one buffer serves every call.
const buffer = new Uint8Array(CHUNK);
const DIGITS = Array.from({ length: 256 }, (_, b) => utf8(String(b)));

/** UTF-8 of `text`. Entries are mostly many short ASCII strings, which TextEncoder is slow to start on. */
function encode(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return utf8(text);
    out[i] = c;
  }
  return out;
}

/**
 * What one byte written at `depth` (after the first of its array) becomes in the outermost text:
 * `,b` at depth 1, each byte of `,b` as `,c` one level out at depth 2, and so on. Precomputed as one
 * flat array, so the bytes of a state turn into entry text by table copies, whatever the depth.
 */
interface Expansion {
  flat: Uint8Array;
  offsets: Uint32Array;
}
const expansions: Expansion[] = [];

function expansion(depth: number): Expansion {
  if (expansions[depth]) return expansions[depth];
  const parts = Array.from({ length: 256 }, (_, b) => {
    const text = utf8(`,${b}`);
    if (depth === 1) return text;
    const outer = expansion(depth - 1);
    return Uint8Array.from([...text].flatMap((c) => [...outer.flat.subarray(outer.offsets[c], outer.offsets[c + 1])]));
  });
  const offsets = new Uint32Array(257);
  parts.forEach((part, b) => (offsets[b + 1] = offsets[b]! + part.length));
  const flat = new Uint8Array(offsets[256]!);
  parts.forEach((part, b) => flat.set(part, offsets[b]));
  return (expansions[depth] = { flat, offsets });
}

/** The outermost text: buffered, handed to `sink` a chunk at a time (the chunk is reused after). */
class Output {
  #pos = 0;
  constructor(readonly sink: (chunk: Uint8Array) => void) {}

  raw(bytes: Uint8Array): void {
    let pos = this.#pos;
    for (let i = 0; i < bytes.length; i++) {
      if (pos === CHUNK) {
        this.#pos = pos;
        this.flush();
        pos = 0;
      }
      buffer[pos++] = bytes[i]!;
    }
    this.#pos = pos;
  }

  expand(bytes: Uint8Array, from: number, { flat, offsets }: Expansion): void {
    let pos = this.#pos;
    for (let i = from; i < bytes.length; i++) {
      const b = bytes[i]!;
      let k = offsets[b]!;
      const end = offsets[b + 1]!;
      if (pos + end - k > CHUNK) {
        this.#pos = pos;
        this.flush();
        pos = 0;
      }
      while (k < end) buffer[pos++] = flat[k++]!;
    }
    this.#pos = pos;
  }

  flush(): void {
    if (this.#pos > 0) this.sink(buffer.subarray(0, this.#pos));
    this.#pos = 0;
  }
}

/** Bytes at one nesting depth: depth 0 is the outermost text, deeper ones are number arrays in it. */
class Level {
  #first = true;
  readonly #expansion: Expansion | undefined;
  constructor(
    readonly out: Output,
    readonly depth: number,
    readonly parent?: Level,
  ) {
    this.#expansion = parent && expansion(depth);
  }

  write(bytes: Uint8Array): void {
    if (!this.parent || !this.#expansion) return this.out.raw(bytes);
    if (bytes.length === 0) return;
    // Only the first number of an array goes without a comma; every other byte is a table copy.
    let from = 0;
    if (this.#first) {
      this.#first = false;
      this.parent.write(DIGITS[bytes[0]!]!);
      from = 1;
    }
    this.out.expand(bytes, from, this.#expansion);
  }

  text(text: string): void {
    this.write(encode(text));
  }

  /** Writes `[`, then what `fill` writes as the numbers of a byte array, then `]`. */
  nested(fill: (inner: Level) => void): void {
    this.text('[');
    fill(new Level(this.out, this.depth + 1, this));
    this.text(']');
  }
}

const hasToJson = (v: object) => typeof (v as { toJSON?: unknown }).toJSON === 'function';
const isPlainObject = (v: object): v is Record<string, unknown> => {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};
/** Whether this walk writes `v` itself; everything else (and anything with toJSON) goes to valueJson. */
const walked = (v: unknown): v is object =>
  typeof v === 'object' && v !== null && !hasToJson(v) && (v instanceof Uint8Array || v instanceof JsonBytes || Array.isArray(v) || isPlainObject(v));
/** The text of what the walk leaves to JSON.stringify: undefined when it has none (a function, a symbol). */
function leafJson(v: unknown): string | undefined {
  if (v === null || v === undefined) return 'null';
  // Plain values skip the replacer, which would return them unchanged: the common case, made cheap.
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v);
  return valueJson(v);
}

/**
 * Writes `valueJson(value)` with JsonBytes fields nested. Walks what JSON.stringify would walk
 * (arrays, plain objects) in its order and leaves the rest to it, so the text is the same byte for byte.
 */
function writeValue(value: unknown, level: Level): void {
  // A value without JSON becomes null in an array (and at the top, where valueJson's replacer put it).
  if (!walked(value)) level.text(leafJson(value) ?? 'null');
  else if (value instanceof Uint8Array) level.nested((inner) => inner.write(value));
  else if (value instanceof JsonBytes) level.nested((inner) => writeValue(value.value, inner));
  else if (Array.isArray(value)) {
    level.text('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) level.text(',');
      writeValue(value[i], level);
    }
    level.text(']');
  } else {
    let first = true;
    level.text('{');
    for (const [key, v] of Object.entries(value)) {
      // '' (never JSON text) marks a value walked below; a property without JSON is left out.
      const leaf = walked(v) ? '' : leafJson(v);
      if (leaf === undefined) continue;
      level.text(`${first ? '' : ','}${JSON.stringify(key)}:${leaf}`);
      if (leaf === '') writeValue(v, level);
      first = false;
    }
    level.text('}');
  }
}

/** Streams the UTF-8 of `valueJson(value)` (with JsonBytes nested) to `sink`, a reused chunk at a time. */
export function writeJson(value: unknown, sink: (chunk: Uint8Array) => void): void {
  const out = new Output(sink);
  writeValue(value, new Level(out, 0));
  out.flush();
}

/** Thrown when bytes end early or hold something the reader does not know: callers treat it as "cannot tell". */
export class MalformedWasm extends Error {}

/**
 * A cursor over WebAssembly bytes: the LEB128 integers and length-prefixed names that both core
 * modules and components are made of (WebAssembly core spec, "Binary Format", 5.2).
 */
export class ByteReader {
  constructor(
    readonly bytes: Uint8Array,
    public at = 0,
    readonly end = bytes.length,
  ) {}

  get done(): boolean {
    return this.at >= this.end;
  }

  u8(): number {
    if (this.at >= this.end) throw new MalformedWasm(`unexpected end at byte ${this.at}`);
    return this.bytes[this.at++]!;
  }

  /** Unsigned LEB128, at most 32 bits. */
  u32(): number {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const byte = this.u8();
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) {
        if (result > 0xffffffff) throw new MalformedWasm(`u32 out of range at byte ${this.at}`);
        return result;
      }
    }
    throw new MalformedWasm(`u32 too long at byte ${this.at}`);
  }

  /** Signed LEB128 of up to 33 bits (the component model's value-type encoding). */
  s33(): number {
    let result = 0;
    let shift = 0;
    let byte: number;
    do {
      if (shift > 35) throw new MalformedWasm(`s33 too long at byte ${this.at}`);
      byte = this.u8();
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return byte & 0x40 ? result - 2 ** shift : result;
  }

  /** A length-prefixed UTF-8 name. */
  name(): string {
    const length = this.u32();
    return new TextDecoder().decode(this.take(length));
  }

  take(length: number): Uint8Array {
    if (this.at + length > this.end) throw new MalformedWasm(`unexpected end at byte ${this.at}`);
    const slice = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return slice;
  }

  /** A `vec(T)`: a count, then that many items. */
  vec<T>(item: () => T): T[] {
    const count = this.u32();
    const items: T[] = [];
    for (let i = 0; i < count; i++) items.push(item());
    return items;
  }

  /** An optional immediate: `0x00` for none, `0x01 T` for some. */
  optional<T>(item: () => T): T | undefined {
    const flag = this.u8();
    if (flag === 0) return undefined;
    if (flag === 1) return item();
    throw new MalformedWasm(`bad option flag ${flag} at byte ${this.at - 1}`);
  }
}

// UTF-8 for the JavaScript examples: QuickJS has neither TextEncoder nor TextDecoder. Lone
// surrogates and malformed bytes become U+FFFD, as the standard codecs do, so odd input (or
// whatever a stub returns) cannot make an actor throw.
export function utf8Encode(string) {
  const out = [];
  for (const char of string) {
    let c = char.codePointAt(0);
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return new Uint8Array(out);
}

export function utf8Decode(bytes) {
  const codes = [];
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i++];
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    let c = extra === 0 ? b : b & (0x3f >> extra);
    for (let k = 0; k < extra; k++, i++) {
      if (i >= bytes.length || (bytes[i] & 0xc0) !== 0x80) { c = -1; break; }
      c = (c << 6) | (bytes[i] & 63);
    }
    codes.push(extra < 0 || c < 0 || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff) ? 0xfffd : c);
  }
  // Chunked so a large state does not exceed QuickJS's argument limit.
  let out = '';
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCodePoint(...codes.slice(i, i + 4096));
  return out;
}

/**
 * Long payloads on screen. A message, a log line or an error can be megabytes of one token (a
 * base64 blob pasted whole), and laying that out costs seconds (see app/styles.css), so every view
 * shows a bounded start of it with its size; the whole value stays available on request. Pure
 * helpers, so the timeline, the Inspector, the transcripts and the core's one-line descriptions
 * cut the same way.
 */

/** Sizes as people read them: 2.1 KB, 1.55 MB, 1.00 GB (binary units, as file managers show them). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(2)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** How many bytes `text` takes in UTF-8 (what goes on the wire), counted without encoding it. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Each UTF-16 unit is one byte already counted; U+0080–U+07FF take one more, U+0800–U+FFFF two
    // more; a surrogate pair (two units) takes four bytes, so each half adds one.
    if (code >= 0x80) bytes += code < 0x800 ? 1 : code >= 0xd800 && code <= 0xdfff ? 1 : 2;
  }
  return bytes;
}

/** `text` cut to at most `maxChars` characters ending in `…`, never splitting a surrogate pair. */
export function clipText(text: string, maxChars = Infinity): string {
  if (text.length <= maxChars) return text;
  let end = Math.max(0, maxChars - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * `text` as a JSON string literal, cut past `maxChars` and followed by its size in UTF-8:
 * `"AAAA…" (1.00 MB)`. Quoting only the start keeps the cost bounded by `maxChars`.
 */
export function quotedPreview(text: string, maxChars = Infinity): string {
  if (text.length <= maxChars) return JSON.stringify(text);
  return `${JSON.stringify(clipText(text, maxChars))} (${formatSize(utf8Length(text))})`;
}

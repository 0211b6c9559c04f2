import { describe, expect, it } from 'vitest';
import { utf8 } from './bytes';
import { clipText, formatSize, quotedPreview, utf8Length } from './longText';

describe('long text', () => {
  it('counts UTF-8 bytes as the encoder does', () => {
    for (const text of ['', 'hi', 'é', '€uro', '😀 ok', 'a\u07ffb\u0800c\uffff', 'A'.repeat(5000)]) expect(utf8Length(text)).toBe(utf8(text).length);
  });

  it('cuts past the limit with an ellipsis, never inside a surrogate pair', () => {
    expect(clipText('hello', 10)).toBe('hello');
    expect(clipText('hello world', 6)).toBe('hello…');
    expect(clipText('ab😀cd', 4)).toBe('ab…');
    expect(clipText('x'.repeat(20))).toBe('x'.repeat(20));
  });

  it('quotes only the start of a long text, with its size', () => {
    expect(quotedPreview('say "hi"', 20)).toBe('"say \\"hi\\""');
    expect(quotedPreview('A'.repeat(1024 * 1024), 5)).toBe('"AAAA…" (1.00 MB)');
    expect(formatSize(1536)).toBe('1.5 KB');
    // A limit's size beside its field (Server settings → Limits): the actor memory's default is 1 GiB.
    expect([64 * 1024 ** 2, 1024 ** 3, 5 * 1024 ** 4].map(formatSize)).toEqual(['64.00 MB', '1.00 GB', '5120.00 GB']);
  });
});

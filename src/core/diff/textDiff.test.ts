import { describe, expect, it } from 'vitest';
import { diffText, type TextSegment } from './textDiff';

const shown = (segments: TextSegment[]) => segments.map((s) => (s.op === 'skip' ? `[skip ${s.of} ${s.chars}]` : s.op === 'equal' ? s.text : `${s.op === 'insert' ? '+' : '-'}{${s.text}}`)).join('');

describe('diffText', () => {
  it('shows a changed number as a changed word, not a changed digit', () => {
    const diff = diffText('{"count":10,"connections":1}', '{"count":15,"connections":1}');
    expect(shown(diff.segments)).toBe('{"count":-{10}+{15},"connections":1}');
    expect(diff).toMatchObject({ added: 2, removed: 2, method: 'exact' });
  });

  it('finds inserted and deleted words in the middle of lines', () => {
    const diff = diffText('the quick brown fox\njumps over\nthe dog', 'the quick red fox\njumps high over\nthe dog');
    expect(shown(diff.segments)).toBe('the quick -{brown}+{red} fox\njumps+{ high} over\nthe dog');
  });

  it('a pure insertion or deletion has no counterpart', () => {
    expect(shown(diffText('["a"]', '["a","b"]').segments)).toBe('["a"+{,"b"}]');
    expect(shown(diffText('abc', '').segments)).toBe('-{abc}');
    expect(diffText('same', 'same').segments).toEqual([{ op: 'equal', text: 'same' }]);
  });

  it('cuts long unchanged text down to context around the change', () => {
    const pad = 'x'.repeat(10_000);
    const diff = diffText(`${pad} old ${pad}`, `${pad} new ${pad}`, { context: 20 });
    expect(shown(diff.segments)).toBe(`[skip equal 9981]${'x'.repeat(19)} -{old}+{new} ${'x'.repeat(19)}[skip equal 9981]`);
  });

  it('cuts a long insertion and counts what it left out', () => {
    const diff = diffText('a', `a ${'y'.repeat(5000)}`, { maxShown: 100 });
    expect(diff.added).toBe(5001);
    expect(diff.segments.at(-1)).toEqual({ op: 'skip', of: 'insert', chars: 4901 });
  });

  it('a middle too large to tokenise is one replacement, flagged', () => {
    const diff = diffText(`a${'b c '.repeat(1000)}z`, `a${'c b '.repeat(1000)}y`, { maxMiddle: 100 });
    expect(diff.method).toBe('whole');
    expect(diff.segments.map((s) => s.op)).toEqual(['delete', 'skip', 'insert', 'skip']);
  });

  it('never splits a surrogate pair', () => {
    const diff = diffText('😀a', '😀b');
    expect(shown(diff.segments)).toBe('😀-{a}+{b}');
    const emoji = diffText('x😀', 'y😀');
    expect(shown(emoji.segments)).toBe('-{x}+{y}😀');
  });
});

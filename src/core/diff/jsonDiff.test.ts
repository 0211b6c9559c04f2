import { describe, expect, it } from 'vitest';
import { ABSENT, diffJson, formatJsonPath, previewJson } from './jsonDiff';

describe('diffJson', () => {
  it('lists the changed path of the counter state with old and new values', () => {
    const diff = diffJson({ count: 0, connections: 1, history: [] }, { count: 5, connections: 1, history: [] });
    expect(diff.changes).toEqual([{ path: ['count'], status: 'changed', before: '0', after: '5' }]);
    expect(diff.tree.inner).toBe(true);
    expect(diff.tree.children!.map((c) => [c.key, c.status, c.after])).toEqual([
      ['count', 'changed', '5'],
      ['connections', 'same', '1'],
      ['history', 'same', '[]'],
    ]);
  });

  it('names added and removed keys and array items by their paths', () => {
    const diff = diffJson({ a: { b: 1, gone: true }, list: ['x'] }, { a: { b: 1, 'new key': null }, list: ['x', 'y'] });
    expect(diff.changes.map((c) => [formatJsonPath(c.path), c.status, c.before, c.after])).toEqual([
      ['a.gone', 'removed', 'true', undefined],
      ['a["new key"]', 'added', undefined, 'null'],
      ['list[1]', 'added', undefined, '"y"'],
    ]);
  });

  it('a value that changes type is a change of that path, not of its children', () => {
    const diff = diffJson({ v: [1, 2] }, { v: { 0: 1 } });
    expect(diff.changes).toEqual([{ path: ['v'], status: 'changed', before: '[1,2]', after: '{"0":1}' }]);
  });

  it('a missing state is the whole document added or removed', () => {
    expect(diffJson(ABSENT, { count: 0 }).changes).toEqual([{ path: [], status: 'added', before: undefined, after: '{"count":0}' }]);
    expect(diffJson([1], ABSENT).tree.status).toBe('removed');
  });

  it('identical documents have no changes and a single unchanged root', () => {
    const diff = diffJson({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] });
    expect(diff.changes).toEqual([]);
    expect(diff.tree).toMatchObject({ status: 'same', inner: false, after: '{"a":[1,{"b":2}]}' });
  });

  it('caps the change list and the unchanged children it keeps', () => {
    const before = Array.from({ length: 1000 }, (_, i) => i);
    const after = before.map((i) => (i % 2 === 0 ? i : -i));
    const diff = diffJson(before, after, { maxChanges: 10, maxSameChildren: 5 });
    expect(diff.changes).toHaveLength(10);
    expect(diff.truncated).toBe(true);
    expect(diff.tree.children).toHaveLength(500 + 5);
    expect(diff.tree.hidden).toBe(495);
  });
});

describe('previewJson', () => {
  it('cuts long values without serialising all of them', () => {
    expect(previewJson('x'.repeat(16 * 1024 * 1024), 10)).toBe(`"xxxxxxxxxx"… (${16 * 1024 * 1024} chars)`);
    expect(previewJson({ calls: 2, pad: 'x'.repeat(1000) }, 30)).toBe('{"calls":2,"pad":"xxxxxxxxxxxx…');
    expect(previewJson(Array.from({ length: 100_000 }, () => 1), 9)).toBe('[1,1,1,1,…');
    expect(previewJson({ a: [1, 'b'] }, 100)).toBe('{"a":[1,"b"]}');
  });
});

import { describe, expect, it } from 'vitest';
import { DiffJobs, mirrorJob, stateMirror } from './diffJob';
import { StateDiffer } from './stateDiff';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('StateDiffer', () => {
  it('prefers JSON, offers text, and always has hex and the byte summary', () => {
    const differ = new StateDiffer(bytes('{"count":0}'), bytes('{"count":5}'));
    const best = differ.diff(null);
    expect(best.available).toEqual({ hex: true, text: true, json: true });
    expect(best.best).toBe('json');
    expect(best.detail.view).toBe('json');
    expect(best.bytes.summary).toMatchObject({ changed: 1 });
    const text = differ.diff('text');
    expect(text.detail.view === 'text' && text.detail.text.segments).toEqual([
      { op: 'equal', text: '{"count":' },
      { op: 'delete', text: '0' },
      { op: 'insert', text: '5' },
      { op: 'equal', text: '}' },
    ]);
  });

  it('readable text that is not JSON is shown as text; binary as hex, whatever was asked', () => {
    expect(new StateDiffer(bytes('hello'), bytes('hello world')).diff(null)).toMatchObject({ best: 'text', available: { json: false } });
    const binary = new StateDiffer(Uint8Array.of(0xff, 0x00), Uint8Array.of(0xfe));
    expect(binary.diff('json')).toMatchObject({ best: 'hex', available: { text: false, json: false }, detail: { view: 'hex' } });
    // Decodable, but control characters are not text to read.
    expect(new StateDiffer(Uint8Array.of(0, 1, 2), Uint8Array.of(0, 1, 3)).diff(null).best).toBe('hex');
  });

  it('offers JSON on a look at the first character, and takes it back when the parse fails', () => {
    const differ = new StateDiffer(bytes('{"a":1}'), bytes('{not json'));
    expect(differ.diff('hex').available).toEqual({ hex: true, text: true, json: true });
    const asked = differ.diff('json');
    expect(asked).toMatchObject({ available: { json: false }, best: 'text', detail: { view: 'text' } });
  });

  it('a missing state before counts as nothing: the whole document is added', () => {
    const diff = new StateDiffer(undefined, bytes('{"count":0}')).diff(null);
    expect(diff.best).toBe('json');
    expect(diff.detail.view === 'json' && diff.detail.json.changes).toEqual([{ path: [], status: 'added', before: undefined, after: '{"count":0}' }]);
    expect(diff.bytes.summary).toMatchObject({ beforeSize: 0, afterSize: 11, added: 11 });
  });
});

describe('DiffJobs', () => {
  const a = bytes('[1]');
  const b = bytes('[2]');

  it('keeps states by hash, so a neighbouring event needs only its new state', () => {
    const jobs = new DiffJobs();
    const first = jobs.answer({ id: 1, before: 'A', after: 'B', states: [['A', a], ['B', b]], view: null });
    expect(first).toMatchObject({ id: 1, ok: true, diff: { best: 'json' } });
    expect(jobs.holds('B')).toBe(true);
    expect(jobs.answer({ id: 2, before: 'B', after: 'C', states: [['C', bytes('[3]')]], view: 'hex' })).toMatchObject({ id: 2, ok: true, diff: { detail: { view: 'hex' } } });
    expect(jobs.answer({ id: 3, before: 'B', after: 'D', states: [], view: 'hex' })).toEqual({ id: 3, ok: false, message: 'the diff was asked for state D, which was never sent' });
  });

  it('the page mirror sends exactly the states the worker lacks, as its cache evicts them', () => {
    const jobs = new DiffJobs(300);
    const held = stateMirror(300);
    const big = (n: number) => new Uint8Array(100).fill(n);
    const states = new Map(['P', 'Q', 'R', 'S'].map((ref, i) => [ref, big(i)]));
    const run = (before: string, after: string) => {
      const sent = mirrorJob(held, [
        [before, states.get(before)],
        [after, states.get(after)],
      ]);
      expect(jobs.answer({ id: 0, before, after, states: sent, view: 'hex' }).ok).toBe(true);
      return sent.map(([ref]) => ref);
    };
    expect(run('P', 'Q')).toEqual(['P', 'Q']);
    expect(run('Q', 'R')).toEqual(['R']);
    // Four states of a third of the budget: the oldest, P, goes, on both sides alike.
    expect(run('R', 'S')).toEqual(['S']);
    expect(jobs.holds('P')).toBe(false);
    // Bringing P back pushes out Q (now the oldest) before Q is looked up: both are sent.
    expect(run('P', 'Q')).toEqual(['P', 'Q']);
    expect(jobs.holds('R')).toBe(false);
  });
});

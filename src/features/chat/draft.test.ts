import { describe, expect, it } from 'vitest';
import { fromBase64 } from '../../core';
import { buildMessage, bytesProblem, draftProblem, EMPTY_DRAFT, formattedJson, jsonProblem, recall, remember, type Draft, type SentEntry } from './draft';

const draft = (change: Partial<Draft>): Draft => ({ ...EMPTY_DRAFT, ...change });
const bytesOf = (made: ReturnType<typeof buildMessage>) => (made.ok ? Array.from(made.value.data ?? []) : made.error.message);

describe('building a message from a draft', () => {
  it('reads bytes as hex, base64 (either alphabet) or a chosen file', () => {
    expect(bytesOf(buildMessage(draft({ kind: 'binary', body: '68 69 FF' })))).toEqual([0x68, 0x69, 0xff]);
    expect(bytesOf(buildMessage(draft({ kind: 'binary', encoding: 'base64', body: 'aGk=' })))).toEqual([0x68, 0x69]);
    expect(bytesOf(buildMessage(draft({ kind: 'binary', encoding: 'base64', body: '-_8' })))).toEqual([0xfb, 0xff]);
    expect(bytesOf(buildMessage(draft({ kind: 'pong', encoding: 'file', file: { name: 'a.bin', bytes: new Uint8Array([7]) } })))).toEqual([7]);
  });

  it('says what is wrong with bytes it cannot read', () => {
    expect(bytesOf(buildMessage(draft({ kind: 'binary', body: 'not hex' })))).toContain('"not hex" is not hex');
    expect(bytesOf(buildMessage(draft({ kind: 'binary', encoding: 'base64', body: 'a*b' })))).toContain('"a*b" is not base64');
    expect(bytesOf(buildMessage(draft({ kind: 'binary', encoding: 'file' })))).toContain('No file chosen');
  });

  it('says as it is typed whether bytes read, agreeing with the decoders', () => {
    expect(bytesProblem(draft({ kind: 'binary', body: '68 69\nff' }))).toBeNull();
    expect(bytesProblem(draft({ kind: 'binary', body: '6' }))).toContain('"6" is not hex');
    expect(bytesProblem(draft({ kind: 'text', body: 'zz' }))).toBeNull();
    expect(bytesProblem(draft({ kind: 'ping', encoding: 'file' }))).toContain('No file chosen');
    expect(draftProblem(draft({ kind: 'pong', body: 'xy' }))).toContain('is not hex');
    // Every short base64 candidate: the cheap check accepts exactly what atob decodes (after the url alphabet).
    for (const body of ['', 'a', 'ab', 'abc', 'abcd', 'ab=', 'ab==', 'abc=', 'a===', '====', '=abc', 'ab=c', 'a b\nc d', '-_8', 'a*b', 'AAAAA', 'AAAAAA==']) {
      const decodes = fromBase64(body.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/')) !== undefined;
      expect([body, bytesProblem(draft({ kind: 'binary', encoding: 'base64', body })) === null]).toEqual([body, decodes]);
    }
  });

  it('leaves out an empty ping payload, but not an empty binary one', () => {
    const ping = buildMessage(draft({ kind: 'ping', body: '' }));
    expect(ping.ok && ping.value.data).toBeUndefined();
    const binary = buildMessage(draft({ kind: 'binary', body: '' }));
    expect(binary.ok && binary.value.data).toEqual(new Uint8Array());
  });

  it('refuses invalid JSON only while JSON is on', () => {
    expect(jsonProblem(draft({ json: true, body: '{"a":' }))).toMatch(/^Not valid JSON: /);
    expect(jsonProblem(draft({ json: true, body: '{"a": 1}' }))).toBeNull();
    expect(jsonProblem(draft({ json: false, body: '{"a":' }))).toBeNull();
    expect(buildMessage(draft({ json: true, body: '[1,' })).ok).toBe(false);
    expect(formattedJson('{"a":[1]}')).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(formattedJson('{')).toBeUndefined();
  });

  it('accepts the bare fields of code that edits history without a composer', () => {
    const made = buildMessage({ kind: 'other', body: '', other: 'custom' });
    expect(made.ok && made.value).toEqual({ ty: { tag: 'other', val: 'custom' }, text: undefined, data: undefined });
  });
});

describe('recalling sent messages', () => {
  const history: SentEntry[] = [
    { kind: 'text', body: 'first', other: '', encoding: 'hex', json: false },
    { kind: 'binary', body: '01 02', other: '', encoding: 'hex', json: false },
  ];

  it('walks back and forth from an empty box, back to empty past the newest', () => {
    const older = recall(EMPTY_DRAFT, history, 'older')!;
    expect([older.kind, older.body, older.recalled]).toEqual(['binary', '01 02', 0]);
    const oldest = recall(older, history, 'older')!;
    expect([oldest.kind, oldest.body]).toEqual(['text', 'first']);
    expect(recall(oldest, history, 'older')).toBeNull();
    expect(recall(recall(oldest, history, 'newer')!, history, 'newer')!.body).toBe('');
    expect(recall(EMPTY_DRAFT, history, 'newer')).toBeNull();
  });

  it('never replaces text that was typed or edited', () => {
    expect(recall(draft({ body: 'typing' }), history, 'older')).toBeNull();
    const recalled = recall(EMPTY_DRAFT, history, 'older')!;
    expect(recall({ ...recalled, body: '01 02 03' }, history, 'older')).toBeNull();
  });

  it('keeps typed messages once, and neither files nor bodiless kinds', () => {
    const once = remember(remember([], draft({ body: 'hi' })), draft({ body: 'hi' }));
    expect(once).toHaveLength(1);
    expect(remember(once, draft({ kind: 'connect' }))).toBe(once);
    expect(remember(once, draft({ kind: 'binary', encoding: 'file', body: 'ff' }))).toBe(once);
    expect(remember(once, draft({ body: 'hi', json: true }))).toHaveLength(2);
  });
});

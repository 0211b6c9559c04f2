import { describe, expect, it } from 'vitest';
import type { ActorEvent } from './events';
import { textMessage } from './messages';
import { toWire } from './wire';
import { waveBytes, waveCall, waveLabel, waveMessage, waveResult, waveString, waveValue } from './wave';

const state = Uint8Array.of(1, 2, 3);
const message = (over: Partial<ActorEvent>): Pick<ActorEvent, 'kind' | 'input' | 'outcome' | 'responses'> => ({
  kind: 'message',
  input: textMessage('hi'),
  outcome: { kind: 'ok' },
  responses: [],
  ...over,
});

describe('WAVE strings', () => {
  it('escapes backslash, quotes, tab, CR and LF with short escapes', () => {
    expect(waveString('say "hi"\\ it\'s\n\tdone\r')).toBe('"say \\"hi\\"\\\\ it\\\'s\\n\\tdone\\r"');
  });

  it('writes controls, format characters, odd spaces and combining marks as \\u{…}', () => {
    expect(waveString('\u0000\u001b\u007f')).toBe('"\\u{0}\\u{1b}\\u{7f}"');
    expect(waveString('a\u00a0b\u200bc\u2028')).toBe('"a\\u{a0}b\\u{200b}c\\u{2028}"');
    expect(waveString('e\u0301')).toBe('"e\\u{301}"');
  });

  it('keeps printable Unicode, spaces and emoji as they are', () => {
    expect(waveString('héllo wörld 😀 日本')).toBe('"héllo wörld 😀 日本"');
    expect(waveString('')).toBe('""');
  });

  it('prefixes labels that are keywords with %', () => {
    expect(waveLabel('ok')).toBe('%ok');
    expect(waveLabel('text')).toBe('text');
  });
});

describe('WAVE values of the websocket interface', () => {
  it('writes the handle-message call with every field of the message', () => {
    expect(waveCall(message({}), state)).toBe('handle-message(some([1, 2, 3]), ({ty: text, data: none, text: some("hi")},))');
    const other = { ty: { tag: 'other' as const, val: 'x"y' }, data: Uint8Array.of(9) };
    expect(waveMessage(other)).toBe('{ty: other("x\\"y"), data: some([9]), text: none}');
  });

  it('writes its ok result as a tuple of the state and a one-response tuple', () => {
    const event = message({ responses: [toWire(textMessage('hi'))] });
    expect(waveResult(event, state)).toBe('ok((some([1, 2, 3]), ({messages: [{ty: text, data: none, text: some("hi")}]},)))');
    expect(waveResult(message({}), undefined)).toBe('ok((none, ({messages: []},)))');
  });

  it('writes init, err, and nothing for a trap or a timeout', () => {
    const init = message({ kind: 'init', input: null });
    expect(waveCall(init, undefined)).toBe('init(none)');
    expect(waveResult(init, state)).toBe('ok((some([1, 2, 3]),))');
    expect(waveResult(message({ outcome: { kind: 'err', message: 'no "way"' } }), state)).toBe('err("no \\"way\\"")');
    expect(waveResult(message({ outcome: { kind: 'trap', message: 'unreachable' } }), state)).toBeUndefined();
    expect(waveResult(message({ outcome: { kind: 'timeout', afterMs: 5000 } }), state)).toBeUndefined();
  });

  it('shortens long byte lists to a preview and their size only when asked', () => {
    const long = Uint8Array.from({ length: 1024 }, (_, i) => i % 256);
    expect(waveBytes(long, { maxBytes: 16 })).toBe('[0, 1, 2, 3, 4, 5, 6, 7, … 1024 bytes]');
    expect(waveBytes(long)).toBe(`[${Array.from(long).join(', ')}]`);
    expect(waveCall(message({}), long, { maxBytes: 16 })).toBe('handle-message(some([0, 1, 2, 3, 4, 5, 6, 7, … 1024 bytes]), ({ty: text, data: none, text: some("hi")},))');
  });

  it('shortens long strings to their start and their size only when asked', () => {
    const blob = 'A'.repeat(1024 * 1024);
    expect(waveString(`"${blob}`, { maxChars: 4 })).toBe('"\\"AA…" (1.00 MB)');
    expect(waveCall(message({ input: { ty: { tag: 'text' }, text: blob } }), undefined, { maxChars: 4 })).toBe('handle-message(none, ({ty: text, data: none, text: some("AAA…" (1.00 MB))},))');
    expect(waveString('short', { maxChars: 4 })).toBe('"sho…" (5 B)');
  });
});

describe("WAVE of an http-framework actor's handler calls", () => {
  const http = { handler: 2, connection: '9007199254740993' };
  it('writes each handler with its handler id, the connection id digit for digit, and what it got', () => {
    expect(waveCall(message({ http }), state)).toBe('handle-websocket-message(some([1, 2, 3]), (2, 9007199254740993, {ty: text, data: none, text: some("hi")}))');
    expect(waveCall(message({ input: { ty: { tag: 'connect' } }, http: { ...http, handler: 1, path: '/chat' } }), undefined)).toBe('handle-websocket-connect(none, (1, 9007199254740993, "/chat", none))');
    expect(waveCall(message({ input: { ty: { tag: 'close' } }, http: { ...http, handler: 3 } }), undefined)).toBe('handle-websocket-disconnect(none, (3, 9007199254740993))');
  });

  it('writes the state alone for connect and disconnect, and the list a message handler returned', () => {
    expect(waveResult(message({ input: { ty: { tag: 'connect' } }, http: { ...http, path: '/chat' } }), state)).toBe('ok((some([1, 2, 3]),))');
    expect(waveResult(message({ http, responses: [toWire(textMessage('to someone'))] }), state)).toBe('ok((some([1, 2, 3]), ([],)))');
    expect(waveResult(message({ http: { ...http, returned: [textMessage('ignored')] } }), state)).toBe('ok((some([1, 2, 3]), ([{ty: text, data: none, text: some("ignored")}],)))');
  });

  it('says a path without the handler made no call', () => {
    const none = message({ input: { ty: { tag: 'close' } }, http: { ...http, handler: null } });
    expect(waveCall(none, state)).toBe('no call: the path has no disconnect handler, so Theater calls nothing');
    expect(waveResult(none, state)).toBeUndefined();
  });
});

describe('waveValue (untyped host call values)', () => {
  it('writes what jco hands over as WAVE', () => {
    expect(waveValue('log line')).toBe('"log line"');
    expect(waveValue(undefined)).toBe('none');
    expect(waveValue(42)).toBe('42');
    expect(waveValue(1.5)).toBe('1.5');
    expect(waveValue(NaN)).toBe('nan');
    expect(waveValue(-Infinity)).toBe('-inf');
    expect(waveValue(12n)).toBe('12');
    expect(waveValue(true)).toBe('true');
    expect(waveValue(Uint8Array.of(1, 2))).toBe('[1, 2]');
    expect(waveValue(['a', 1])).toBe('["a", 1]');
    expect(waveValue({ tag: 'ok', val: 3 })).toBe('ok(3)');
    expect(waveValue({ tag: 'err' })).toBe('err');
    expect(waveValue({ tag: 'true' })).toBe('%true');
    expect(waveValue({ tag: 'none-left' })).toBe('none-left');
    expect(waveValue({ keyName: 'k', value: Uint8Array.of(7) })).toBe('{key-name: "k", value: [7]}');
    expect(waveValue({})).toBe('{:}');
  });
});

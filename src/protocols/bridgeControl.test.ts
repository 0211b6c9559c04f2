import { describe, expect, it } from 'vitest';
import { isSendableCloseCode, parsePageFrame, spokenVersion, type ParseResult, type PageMessage } from './bridgeControl';

/** The one message of a frame that holds one. */
const parsePageMessage = (text: string): ParseResult<PageMessage> => {
  const [only, ...rest] = parsePageFrame(text);
  expect(rest).toEqual([]);
  return only!;
};

describe('parsePageFrame', () => {
  it('accepts every page message and frame kind', () => {
    const respond = {
      type: 'respond',
      client: 3,
      frames: [{ frame: 'text', text: 'hi' }, { frame: 'binary', dataBase64: 'AQID' }, { frame: 'ping', dataBase64: '' }, { frame: 'pong', dataBase64: 'AA==' }, { frame: 'close' }],
    };
    expect(parsePageMessage(JSON.stringify(respond))).toEqual({ ok: true, value: respond });
    expect(parsePageMessage('{"type":"close-client","client":1,"code":4001,"reason":"done"}')).toEqual({ ok: true, value: { type: 'close-client', client: 1, code: 4001, reason: 'done' } });
    expect(parsePageMessage('{"type":"stop"}')).toEqual({ ok: true, value: { type: 'stop' } });
    expect(parsePageMessage('{"type":"start"}')).toEqual({ ok: true, value: { type: 'start' } });
  });

  it('turns malformed input into coded errors instead of throwing', () => {
    const code = (text: string): string | undefined => {
      const parsed = parsePageMessage(text);
      return parsed.ok ? undefined : parsed.error.code;
    };
    expect(code('nope')).toBe('bad-json');
    expect(code('[]')).toBe('bad-message');
    expect(code('{"type":"dance"}')).toBe('bad-message');
    expect(code('{"type":"respond","client":0,"frames":[]}')).toBe('bad-message');
    expect(code('{"type":"respond","client":1.5,"frames":[]}')).toBe('bad-message');
    expect(code('{"type":"respond","client":1,"frames":[{"frame":"text"}]}')).toBe('bad-message');
    expect(code('{"type":"respond","client":1,"frames":[{"frame":"binary","dataBase64":"not base64!"}]}')).toBe('bad-message');
    expect(code('{"type":"respond","client":1,"frames":[{"frame":"connect"}]}')).toBe('bad-message');
    expect(code('{"type":"close-client","client":1,"code":1005}')).toBe('bad-close-code');
    expect(code(`{"type":"close-client","client":1,"code":1000,"reason":"${'é'.repeat(62)}"}`)).toBe('bad-message');
    expect(code('{"type":"close-client","client":1,"reason":"no code"}')).toBe('bad-message');
  });

  it('opens a batch into its messages, each parsed on its own', () => {
    const frame = { type: 'batch', messages: [{ type: 'stop' }, { type: 'dance' }, { type: 'batch', messages: [] }, { type: 'start' }] };
    expect(parsePageFrame(JSON.stringify(frame)).map((parsed) => (parsed.ok ? parsed.value.type : parsed.error.message))).toEqual([
      'stop',
      'unknown control message type "dance"',
      'batch: message 2 is a batch itself',
      'start',
    ]);
    expect(parsePageFrame('{"type":"batch","messages":{}}')).toEqual([{ ok: false, error: { code: 'bad-message', message: 'batch: `messages` must be an array' } }]);
  });

  it('speaks the version a page names when it can, and 1 to a page that names none', () => {
    expect([spokenVersion(null), spokenVersion('1'), spokenVersion('2'), spokenVersion('3'), spokenVersion('7'), spokenVersion('x')]).toEqual([1, 1, 2, 3, 3, 3]);
  });

  it('allows only the close codes an endpoint may send', () => {
    expect([1000, 1008, 3000, 4999].every(isSendableCloseCode)).toBe(true);
    expect([999, 1001, 1005, 1006, 1009, 2999, 5000, 3000.5].some(isSendableCloseCode)).toBe(false);
  });
});

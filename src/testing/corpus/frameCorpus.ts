import { frame, OPCODE } from './rawWebSocket';

/** One kind of bad frame a real client can send the bridge, and the close code it must get. */
export interface FrameCase {
  kind: string;
  bytes: Buffer;
  /** RFC 6455's close code (7.4.1): 1002 protocol error, 1007 invalid data, 1009 too big. */
  code: number;
}

/** The bridge's frame limit in these tests, small so an oversized frame is cheap to send. */
export const MAX_FRAME_BYTES = 1024;

const text = (value: string) => Buffer.from(value, 'utf8');
/** Bytes that are not UTF-8: a lone continuation byte, and an overlong encoding of `/`. */
const NOT_UTF8 = Buffer.from([0x68, 0x69, 0x80, 0xc0, 0xaf]);
const closePayload = (code: number, reason: Buffer = Buffer.alloc(0)) => Buffer.concat([Buffer.from([code >> 8, code & 0xff]), reason]);

/** Bridge frames, one row per kind of bad input (issue 14's list), each sent by a client of its own. */
export const FRAME_CORPUS: FrameCase[] = [
  { kind: 'oversized: one byte over the limit', bytes: frame({ opcode: OPCODE.text, payload: Buffer.alloc(MAX_FRAME_BYTES + 1, 0x78) }), code: 1009 },
  { kind: 'oversized: a header declaring a terabyte', bytes: frame({ opcode: OPCODE.binary, declaredLength: 2 ** 40 }), code: 1009 },
  { kind: 'invalid UTF-8 in a text frame', bytes: frame({ opcode: OPCODE.text, payload: NOT_UTF8 }), code: 1007 },
  { kind: 'invalid UTF-8 split across fragments', bytes: Buffer.concat([frame({ opcode: OPCODE.text, payload: NOT_UTF8.subarray(0, 3), fin: false }), frame({ opcode: OPCODE.continuation, payload: NOT_UTF8.subarray(3) })]), code: 1007 },
  { kind: 'fragmented: a continuation with nothing to continue', bytes: frame({ opcode: OPCODE.continuation, payload: text('orphan') }), code: 1002 },
  { kind: 'fragmented: a new message before the last one ended', bytes: Buffer.concat([frame({ opcode: OPCODE.text, payload: text('first'), fin: false }), frame({ opcode: OPCODE.text, payload: text('second') })]), code: 1002 },
  { kind: 'fragmented: fragments adding up to more than the limit', bytes: Buffer.concat([frame({ opcode: OPCODE.text, payload: Buffer.alloc(MAX_FRAME_BYTES, 0x78), fin: false }), frame({ opcode: OPCODE.continuation, payload: text('x') })]), code: 1009 },
  { kind: 'control: a ping longer than 125 bytes', bytes: frame({ opcode: OPCODE.ping, payload: Buffer.alloc(126, 0x70) }), code: 1002 },
  { kind: 'control: a fragmented ping', bytes: frame({ opcode: OPCODE.ping, payload: text('p'), fin: false }), code: 1002 },
  { kind: 'control: a close frame with a one-byte payload', bytes: frame({ opcode: OPCODE.close, payload: Buffer.from([0x03]) }), code: 1002 },
  { kind: 'control: a close code no one may send (1005)', bytes: frame({ opcode: OPCODE.close, payload: closePayload(1005) }), code: 1002 },
  { kind: 'control: a close reason that is not UTF-8', bytes: frame({ opcode: OPCODE.close, payload: closePayload(1000, NOT_UTF8) }), code: 1007 },
  { kind: 'an unmasked client frame', bytes: frame({ opcode: OPCODE.text, payload: text('bare'), masked: false }), code: 1002 },
  { kind: 'a reserved opcode (0x3)', bytes: frame({ opcode: 0x3, payload: text('?') }), code: 1002 },
  { kind: 'reserved bits set', bytes: frame({ opcode: OPCODE.text, payload: text('rsv'), rsv: 4 }), code: 1002 },
];

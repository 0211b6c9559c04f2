import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/**
 * Test support: a WebSocket client that writes frames byte by byte (RFC 6455, section 5), so a
 * test can send what no well-behaved library would: a bad opcode, an unmasked frame, a control
 * frame that is too long. It does the opening handshake, then hands out the server's first close
 * frame (its code and reason) and whether the server ended the connection.
 */
export class RawWebSocket {
  readonly #socket: Socket;
  #received = Buffer.alloc(0);
  #ended: Promise<void>;

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.on('data', (chunk: Buffer) => (this.#received = Buffer.concat([this.#received, chunk])));
    this.#ended = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => {});
  }

  /** Connects to `ws://127.0.0.1:<port>/` and completes the opening handshake. */
  static async open(port: number): Promise<RawWebSocket> {
    const socket = connect(port, '127.0.0.1');
    const raw = new RawWebSocket(socket);
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const key = randomBytes(16).toString('base64');
    socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    await raw.#until(() => raw.#received.includes('\r\n\r\n'), 'the handshake answer');
    const head = raw.#received.subarray(0, raw.#received.indexOf('\r\n\r\n') + 4);
    if (!head.toString('latin1').startsWith('HTTP/1.1 101')) throw new Error(`the server refused the handshake: ${head.toString('latin1').split('\r\n')[0]}`);
    raw.#received = raw.#received.subarray(head.length);
    return raw;
  }

  /** Writes raw bytes: one or more frames, or part of one. */
  write(bytes: Buffer): void {
    this.#socket.write(bytes);
  }

  /** The server's close frame (code and reason), once the server has also ended the connection. */
  async closed(): Promise<{ code: number; reason: string }> {
    await this.#ended;
    const frame = readFrames(this.#received).find((f) => f.opcode === 0x8);
    if (!frame) throw new Error('the server ended the connection without a close frame');
    return { code: frame.payload.readUInt16BE(0), reason: frame.payload.subarray(2).toString('utf8') };
  }

  async #until(done: () => boolean, what: string): Promise<void> {
    for (let waited = 0; !done(); waited += 10) {
      if (waited > 10_000) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

/** What a frame's first two bytes and extended length say, and its payload (server frames are unmasked). */
function readFrames(bytes: Buffer): Array<{ opcode: number; payload: Buffer }> {
  const frames = [];
  for (let at = 0; at + 2 <= bytes.length; ) {
    let length = bytes[at + 1]! & 0x7f;
    let start = at + 2;
    if (length === 126) [length, start] = [bytes.readUInt16BE(at + 2), at + 4];
    else if (length === 127) [length, start] = [Number(bytes.readBigUInt64BE(at + 2)), at + 10];
    frames.push({ opcode: bytes[at]! & 0x0f, payload: bytes.subarray(start, start + length) });
    at = start + length;
  }
  return frames;
}

/** The shape of one client frame, as RFC 6455 lays it out; every field may be made wrong on purpose. */
export interface FrameParts {
  opcode: number;
  payload?: Buffer;
  fin?: boolean;
  /** The RSV1-3 bits (0-7): must be 0 without an extension that gives them a meaning. */
  rsv?: number;
  /** Clients must mask every frame. */
  masked?: boolean;
  /** The length the header declares, when it should lie about the payload. */
  declaredLength?: number;
}

/** One client frame's bytes. */
export function frame({ opcode, payload = Buffer.alloc(0), fin = true, rsv = 0, masked = true, declaredLength = payload.length }: FrameParts): Buffer {
  const head = [(fin ? 0x80 : 0) | (rsv << 4) | opcode];
  const mask = masked ? 0x80 : 0;
  let length: Buffer;
  if (declaredLength < 126) length = Buffer.from([mask | declaredLength]);
  else if (declaredLength < 65536) length = Buffer.from([mask | 126, declaredLength >> 8, declaredLength & 0xff]);
  else {
    length = Buffer.alloc(9);
    length[0] = mask | 127;
    length.writeBigUInt64BE(BigInt(declaredLength), 1);
  }
  if (!masked) return Buffer.concat([Buffer.from(head), length, payload]);
  const key = randomBytes(4);
  return Buffer.concat([Buffer.from(head), length, key, Buffer.from(payload.map((byte, i) => byte ^ key[i % 4]!))]);
}

/** Opcodes (RFC 6455, 5.2). */
export const OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

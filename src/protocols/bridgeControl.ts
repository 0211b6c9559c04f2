/**
 * The control channel between the bridge server (Node) and the playground page: JSON text frames
 * on `ws://host:port/control?token=...`, binary payloads as base64.
 *
 * This file is shared with the page, so it stays framework-free, DOM-free and Node-free: types,
 * constants and a pure validator, nothing else (proxy mode's messages are in proxyControl.ts). The server never trusts the page's JSON blindly
 * (a bug in the page must not crash the server), hence `parsePageMessage`.
 */

import { parseProxyPageMessage, type ProxyPageMessage, type ProxyServerMessage } from './proxyControl.ts';

/**
 * Bumped on any incompatible change; `/probe`, `/token` and `hello` carry it so the page can
 * refuse early. 2: a control frame may carry a {@link ControlBatch} of messages (issue 10: one
 * frame per message capped the bridge near 9,000 messages a second). 3: proxy mode
 * (proxyControl.ts); a page of protocol 2 never asks for it, so it is spoken to as before.
 */
export const CONTROL_PROTOCOL_VERSION = 3;

/**
 * The versions the server speaks. A page names its own in the `version` query of `/probe` and
 * `/control` (`/token` reads it too); a page that names none is of protocol 1 (its pages did not),
 * so a tab opened before an update still attaches to a newer bridge (and the bench compares builds).
 */
export const CONTROL_PROTOCOL_VERSIONS = [1, 2, CONTROL_PROTOCOL_VERSION] as const;

/**
 * Messages, and characters of their JSON, one batch frame holds at most, either way: enough to
 * spend one frame on a turn's worth of messages, few enough that the reader handles a frame in a
 * few milliseconds, backpressure still counts, and no frame nears the sockets' payload limits.
 */
export const BATCH_MESSAGES = 512;
export const BATCH_CHARS = 256 * 1024;

/**
 * The control frame for messages already written as JSON (at most `BATCH_MESSAGES` of them): one
 * alone as it is, several as a {@link ControlBatch}, joined rather than parsed and written again.
 */
export const frameText = (texts: readonly string[]): string => (texts.length === 1 ? texts[0]! : `{"type":"batch","messages":[${texts.join(',')}]}`);

/** The query parameter by which a page names its protocol version. */
export const VERSION_QUERY = 'version';

/**
 * The version the server speaks with a page that named `asked` (the `version` query, null when
 * absent): that one when the server speaks it, 1 when absent, otherwise the server's own, which
 * such a page refuses.
 */
export function spokenVersion(asked: string | null): number {
  if (asked === null) return 1;
  const version = Number(asked);
  return (CONTROL_PROTOCOL_VERSIONS as readonly number[]).includes(version) ? version : CONTROL_PROTOCOL_VERSION;
}

/** Paths on the bridge's HTTP server. Any other path is the public WebSocket endpoint. */
export const CONTROL_PATH = '/control';
export const TOKEN_PATH = '/token';

/**
 * `GET /probe[?token=...]`, readable by any origin (CORS `*`, no secret in it): why the bridge
 * would refuse this page. A browser never sees the status of a refused request without CORS, nor
 * of a refused WebSocket, so without it "origin not allowed", "token no longer valid" and "no
 * bridge at all" would look the same.
 */
export const PROBE_PATH = '/probe';

/**
 * Body of `GET /probe`. `token` and `pageAttached` are said only to an allowed origin: a foreign
 * page learns nothing but that it is not allowed.
 */
export interface ProbeResponse {
  version: number;
  /** The request's `Origin` as the bridge saw it (null when absent). */
  origin: string | null;
  originAllowed: boolean;
  /** The `token` query checked: `missing` when none was given. */
  token?: 'ok' | 'mismatch' | 'missing';
  /** Another page holds the control channel (a second one is refused until it leaves). */
  pageAttached?: boolean;
}

/**
 * What the dev server (`vite`, `vite preview`) tells the page it serves about the bridge beside
 * it, at this name relative to the page (its own origin, so nothing is fetched from elsewhere to
 * find it). A static host has no such file, and the page then attaches only when asked.
 */
export const BRIDGE_INFO_FILE = '__theater-bridge.json';

/** Body of {@link BRIDGE_INFO_FILE}. */
export interface BridgeInfo {
  version: number;
  /** `host:port` of the bridge the dev server started (or tried to start). */
  address: string;
  /** Why it did not start (the port taken, say by `npm run bridge`), or null when it runs. */
  problem: string | null;
}

/** A close frame has 125 bytes of payload, two of them the code: a longer `close-client` reason is refused. */
export const CLOSE_REASON_BYTES = 123;

/**
 * The close code a real client gets when no playground page attached while it waited (RFC 6455
 * leaves 4000–4999 to applications). Its reason says what to do.
 */
export const NO_PAGE_CLOSE_CODE = 4000;
export const NO_PAGE_CLOSE_REASON = 'no playground page is attached to this bridge: open the playground page (it attaches by itself)';

/** Body of `GET /token` (only for an allowed Origin). */
export interface TokenResponse {
  token: string;
  version: number;
}

/**
 * The interface's `message-type` variant, structurally identical to the engine's `MessageType`
 * (so the page can pass it straight on) but declared here so this file has no imports.
 */
export type BridgeMessageType =
  | { tag: 'text' }
  | { tag: 'binary' }
  | { tag: 'connect' }
  | { tag: 'close' }
  | { tag: 'ping' }
  | { tag: 'pong' }
  | { tag: 'other'; val: string };

/**
 * The engine's `WebsocketMessage` with bytes as base64. The server only ever sends `text`
 * (with `text`), `binary`, `ping` and `pong` (with `dataBase64`, possibly empty) here: a
 * connection and a disconnection arrive as `client-open` and `client-close`, which the page turns
 * into `connect` and `close` messages for the actor.
 */
export interface BridgeMessage {
  ty: BridgeMessageType;
  text?: string;
  dataBase64?: string;
}

/**
 * Protocol 2: several messages in one control frame, to be handled in order as if each had come
 * in a frame of its own. Either side sends one when it has more than one message ready in the
 * same turn of its event loop; a batch never holds a batch, nor `hello`.
 */
export interface ControlBatch<T> {
  type: 'batch';
  messages: T[];
}

/** What one control frame from the server holds (a batch only with protocol 2 on). */
export type ServerFrame = ServerMessage | ControlBatch<ServerMessage>;

/** What one control frame from the page holds. */
export type PageFrame = PageMessage | ControlBatch<PageMessage>;

/** Server → page. */
export type ServerMessage =
  | {
      type: 'hello';
      version: number;
      /** `ws://host:port`, the public endpoint real clients connect to. */
      address: string;
      /**
       * Clients open right now. Clients that connected while no page was attached are listed here
       * and their `client-open` (and any of their queued messages) follow, in order.
       */
      clients: number[];
      /** False after a `stop` (never at the start of a control connection, which resets it). */
      accepting: boolean;
    }
  /** `path`: the URL path the client asked for (an http-framework actor serves WebSockets per path). */
  | { type: 'client-open'; client: number; path?: string }
  | { type: 'client-message'; client: number; message: BridgeMessage }
  /** Sent however the connection ended: by the client, by `close-client`, by a limit (1009). */
  | { type: 'client-close'; client: number; code: number; reason: string }
  /** The page sent something the server could not act on; nothing else happened. */
  | { type: 'error'; code: ControlErrorCode; message: string }
  | ProxyServerMessage;

export const CONTROL_ERROR_CODES = ['bad-json', 'bad-message', 'bad-close-code'] as const;
export type ControlErrorCode = (typeof CONTROL_ERROR_CODES)[number];

/** One frame to write to a real client: what Theater puts on the wire for one response message. */
export type WireFrameJson =
  | { frame: 'text'; text: string }
  | { frame: 'binary'; dataBase64: string }
  /**
   * A close frame without a status code (the client reads 1005): the `close` response message
   * carries no code, so there is none to send. Use `close-client` to choose one.
   */
  | { frame: 'close' }
  | { frame: 'ping'; dataBase64: string }
  | { frame: 'pong'; dataBase64: string };

/** Page → server. */
export type PageMessage =
  /** Frames are written to that client in the order given; frames for a closed client are dropped. */
  | { type: 'respond'; client: number; frames: WireFrameJson[] }
  /** Close with a code (1000, 1008 or 3000–4999: `isSendableCloseCode`) and reason; a plain close frame if `code` is absent. */
  | { type: 'close-client'; client: number; code?: number; reason?: string }
  /** Close every real client with 1001 and refuse new ones until `start` or a new control connection. */
  | { type: 'stop' }
  | { type: 'start' }
  | ProxyPageMessage;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: { code: ControlErrorCode; message: string } };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isClientId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const isBase64 = (value: unknown): value is string => typeof value === 'string' && value.length % 4 === 0 && BASE64.test(value);

function parseFrame(value: unknown): WireFrameJson | null {
  if (!isRecord(value)) return null;
  switch (value.frame) {
    case 'text':
      return typeof value.text === 'string' ? { frame: 'text', text: value.text } : null;
    case 'binary':
    case 'ping':
    case 'pong':
      return isBase64(value.dataBase64) ? { frame: value.frame, dataBase64: value.dataBase64 } : null;
    case 'close':
      return { frame: 'close' };
    default:
      return null;
  }
}

/**
 * A status code the page may put in a close frame: a normal end (1000), a refusal (1008, policy
 * violation: a client on a path the actor does not serve), or an application's own (3000–4999).
 * RFC 6455 §7.4 reserves 1005 and 1006, and the rest of 1001–1015 say what a server or the network
 * did, which the page never is.
 */
export const isSendableCloseCode = (code: number): boolean =>
  Number.isInteger(code) && (code === 1000 || code === 1008 || (code >= 3000 && code <= 4999));

const bad = (message: string): ParseResult<never> => ({ ok: false, error: { code: 'bad-message', message } });

/**
 * Validates one control frame from the page: its messages in order, each one parsed or why not
 * (a bad message in a batch does not cost the others). Anything malformed becomes an `error`
 * reply, not a crash.
 */
export function parsePageFrame(text: string): Array<ParseResult<PageMessage>> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return [{ ok: false, error: { code: 'bad-json', message: 'control frame is not JSON' } }];
  }
  if (!isRecord(raw) || raw.type !== 'batch') return [parsePageMessage(raw)];
  if (!Array.isArray(raw.messages)) return [bad('batch: `messages` must be an array')];
  return raw.messages.map((message: unknown, index) => (isRecord(message) && message.type === 'batch' ? bad(`batch: message ${index} is a batch itself`) : parsePageMessage(message)));
}

function parsePageMessage(raw: unknown): ParseResult<PageMessage> {
  if (!isRecord(raw)) return bad('control frame is not a JSON object');
  switch (raw.type) {
    case 'respond': {
      if (!isClientId(raw.client)) return bad('respond: `client` must be a positive integer');
      if (!Array.isArray(raw.frames)) return bad('respond: `frames` must be an array');
      const frames: WireFrameJson[] = [];
      for (const [index, candidate] of raw.frames.entries()) {
        const frame = parseFrame(candidate);
        if (frame === null) return bad(`respond: frame ${index} is not a text, binary (base64), close, ping or pong frame`);
        frames.push(frame);
      }
      return { ok: true, value: { type: 'respond', client: raw.client, frames } };
    }
    case 'close-client': {
      if (!isClientId(raw.client)) return bad('close-client: `client` must be a positive integer');
      if (raw.code !== undefined && (typeof raw.code !== 'number' || !isSendableCloseCode(raw.code)))
        return { ok: false, error: { code: 'bad-close-code', message: 'close-client: `code` must be 1000 or 3000–4999' } };
      if (raw.reason !== undefined && typeof raw.reason !== 'string') return bad('close-client: `reason` must be a string');
      if (raw.reason !== undefined && new TextEncoder().encode(raw.reason).length > CLOSE_REASON_BYTES)
        return bad(`close-client: \`reason\` is longer than ${CLOSE_REASON_BYTES} UTF-8 bytes`);
      if (raw.reason !== undefined && raw.code === undefined) return bad('close-client: a `reason` needs a `code`');
      return { ok: true, value: { type: 'close-client', client: raw.client, code: raw.code, reason: raw.reason } };
    }
    case 'stop':
      return { ok: true, value: { type: 'stop' } };
    case 'start':
      return { ok: true, value: { type: 'start' } };
    case 'proxy-start':
    case 'proxy-stop':
    case 'proxy-route': {
      const parsed = parseProxyPageMessage(raw);
      return parsed.ok ? parsed : bad(parsed.message);
    }
    default:
      return bad(`unknown control message type ${JSON.stringify(raw.type)}`);
  }
}

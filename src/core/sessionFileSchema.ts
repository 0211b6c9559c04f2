import { sha256 } from '@noble/hashes/sha2.js';
import { z } from 'zod';
import { wasiSettingsSchema, type WasiSettings } from './wasiSettings';
import { fromBase64, toBase64, toHex } from './bytes';
import { BRIDGE_DIRECTIONS, EVENT_KINDS, PROXY_ANSWERERS, type ActorEvent } from './events';
import { engineError, LIMIT_ERROR_CODES, type EngineError, NOTHING_IMPORTED } from './errors';
import { ok, type Result } from './result';
import { CONNECT_DELIVERIES, DEFAULT_DELIVERY, type ConnectDelivery } from './connectDelivery';
import { LIMIT_KEYS, type Limits } from './limits';
import type { Connection } from './connections';

/**
 * What a session file's parts look like, checked with zod as they are read (`sessionFile.ts`
 * documents the format; `sessionFileV1.ts` reads version 1). Unions of objects are discriminated
 * by their tag: the page's policy forbids eval, so zod checks without its compiled fast path, and
 * trying each member in turn made checking a million events seconds slower (issue 10). Bytes are written
 * `{"$bytes": "<base64>"}`: `withBytes`/`bytesReviver` turn them into `Uint8Array`s and back.
 */

export const SESSION_FORMAT = 'theater-playground-session';
/** The version this playground writes; it reads this one and every one before it. */
export const SESSION_VERSION = 2;

/** What is said of a session file from a newer playground. */
export const newerVersion = (version: unknown): string =>
  `This session file is version ${String(version)}; this playground reads versions 1 to ${SESSION_VERSION}: open it in the playground that wrote it, or a newer one.`;

/** A session file's content, whichever version it was written in. */
export interface SessionFile {
  component: { name: string; sha256: string; size: number; bytes?: Uint8Array };
  connections: Connection[];
  events: ActorEvent[];
  /** Every state by its SHA-256 hex, in the order they were recorded. */
  states: Map<string, Uint8Array>;
  /** The simulated server's settings when the session was exported (read back as `interface` when absent). */
  server?: { delivery: ConnectDelivery; wasi?: WasiSettings; limits?: Partial<Limits> };
}

export const componentHash = (component: Uint8Array) => toHex(sha256(component));

/** Bytes, once `bytesReviver` has read them. */
export const bytesSchema = z.instanceof(Uint8Array);
const bytes = bytesSchema;
const message = z.object({
  ty: z.discriminatedUnion('tag', [
    z.object({ tag: z.enum(['text', 'binary', 'connect', 'close', 'ping', 'pong']) }),
    z.object({ tag: z.literal('other'), val: z.string() }),
  ], { error: 'expected {"tag": "text" | "binary" | "connect" | "close" | "ping" | "pong"} or {"tag": "other", "val": a string}' }),
  data: bytes.optional(),
  text: z.string().optional(),
});
const frame = z.discriminatedUnion('frame', [
  z.object({ frame: z.literal('text'), text: z.string() }),
  z.object({ frame: z.enum(['binary', 'ping', 'pong']), data: bytes }),
  z.object({ frame: z.literal('close') }),
], { error: 'expected {"frame": "text", "text"}, {"frame": "binary" | "ping" | "pong", "data"} or {"frame": "close"}' });
const bridge = z.object({
  direction: z.enum(BRIDGE_DIRECTIONS),
  endpoint: z.string(),
  closeCode: z.number().int().optional(),
  closeReason: z.string().optional(),
  shadow: z.object({ actorSeq: z.number().int().nonnegative(), match: z.boolean(), detail: z.string().optional() }).optional(),
  proxy: z.object({ client: z.number().int().positive(), answering: z.enum(PROXY_ANSWERERS), switched: z.literal(true).optional(), actorAnswer: z.literal(true).optional(), byPlayground: z.literal(true).optional(), refused: z.literal(true).optional() }).optional(),
});
// Entries of an imported Theater chain, as written (see ChainOrigin in events.ts).
const chainOrigin = z.discriminatedUnion('format', [
  z.object({ format: z.literal('json'), entries: z.array(z.object({ eventType: z.string(), data: bytes })).min(1), readOnly: z.string().optional() }),
  z.object({ format: z.literal('text'), entries: z.array(z.object({ hash: z.string(), parent: z.string().nullable(), literal: z.string() })).min(1), readOnly: z.string() }),
], { error: 'expected {"format": "json", "entries": [{"eventType", "data"}, …]} or {"format": "text", "entries": [{"hash", "parent", "literal"}, …], "readOnly"}' });
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex reference');
const stateRef = sha256Hex.nullable();
/** One event as a session file writes it (both versions): see `ActorEvent` in events.ts. */
export const eventSchema = z.object({
  seq: z.number().int().nonnegative(),
  kind: z.enum(EVENT_KINDS),
  connectionId: z.number().int().nullable(),
  startedAt: z.number(),
  durationMs: z.number().nonnegative(),
  input: message.nullable(),
  stateBefore: stateRef,
  stateAfter: stateRef,
  outcome: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('ok') }),
    z.object({ kind: z.literal('err'), message: z.string() }),
    z.object({ kind: z.literal('trap'), message: z.string(), limit: z.enum(LIMIT_ERROR_CODES).or(z.literal('timeout')).optional() }),
    z.object({ kind: z.literal('timeout'), afterMs: z.number() }),
  ], { error: 'expected {"kind": "ok"}, {"kind": "err" | "trap", "message"} or {"kind": "timeout", "afterMs"}' }),
  // `to`: the connection an http-framework actor sent it to (wire.ts).
  responses: z.array(z.object({ message, frame: frame.nullable(), warning: z.string().optional(), to: z.number().int().optional() })),
  // `written`: a call read from a Theater chain keeps its input and output's JSON text as the chain had them (hostCalls.ts).
  hostCalls: z.array(z.object({ interface: z.string(), function: z.string(), args: z.array(z.unknown()), result: z.unknown().optional(), stubbed: z.boolean(), written: z.object({ input: z.string(), output: z.string() }).optional(), wasi: z.union([z.number().int(), z.literal('real')]).optional() })),
  shutdown: z.boolean(),
  bridge: bridge.optional(),
  chain: chainOrigin.optional(),
  // An http-framework actor's handler call (events.ts, HttpEventInfo): the connection id is a u64 in decimal.
  http: z.object({ handler: z.number().int().nonnegative().nullable(), connection: z.string().regex(/^\d{1,20}$/, 'a u64 in decimal'), path: z.string().optional(), returned: z.array(message).optional() }).optional(),
}).superRefine((e, context) => {
  // A bridge event must say what went on the wire and where; no other event may claim to be one.
  if (e.kind === 'bridge' && (!e.bridge || e.input === null || e.connectionId === null || e.connectionId >= 0))
    context.addIssue({ code: 'custom', path: ['bridge'], message: 'a bridge event needs `bridge`, an `input` frame and a connection id below zero' });
  if (e.kind !== 'bridge' && e.bridge) context.addIssue({ code: 'custom', path: ['bridge'], message: 'only a bridge event may carry `bridge`' });
  // A chain event is imported entries shown read-only: it says why, and no call of it is on record.
  if (e.kind === 'chain' && (!e.chain?.readOnly || e.input !== null || e.connectionId !== null))
    context.addIssue({ code: 'custom', path: ['chain'], message: 'a chain event needs `chain` with its entries and `readOnly`, no input and no connection' });
  if (e.kind !== 'chain' && e.chain?.readOnly !== undefined) context.addIssue({ code: 'custom', path: ['chain'], message: 'only a chain event is read-only' });
  if (e.kind === 'bridge' && e.chain) context.addIssue({ code: 'custom', path: ['chain'], message: 'a bridge event never comes from a chain' });
});


/** The component a session was recorded with; `bytes` only when the file embeds it. */
export const componentSchema = z.object({ name: z.string(), sha256: sha256Hex, size: z.number().int().nonnegative(), bytes: bytes.optional() });
export const connectionsSchema = z.array(z.object({ id: z.number().int().positive(), open: z.boolean() }));

/** Bytes in a state line: a string when they are UTF-8 text (JSON states compress far better so than as base64), else `{"$bytes"}`. */
const textOrBytes = z.union([bytes, z.string()], { error: 'expected text or {"$bytes": base64}' });

/** One line of a version 2 file's states: a keyframe (`key`) or a delta against the state on the line before (stateDelta.ts). */
export const stateLineSchema = z.union([
  z.object({ state: sha256Hex, key: textOrBytes }).strict(),
  z.object({ state: sha256Hex, prefix: z.number().int().nonnegative(), suffix: z.number().int().nonnegative(), middle: textOrBytes }).strict(),
], { error: 'a state line is {"state", "key"} (a whole state) or {"state", "prefix", "suffix", "middle"} (a delta), each field of its type and nothing else' });

// Exact: no byte order mark is taken off the front, and anything but valid UTF-8 stays bytes.
const exactUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

/** Bytes as a state line writes them: their text when they are valid UTF-8, else the bytes. */
export function textOrBytesOf(value: Uint8Array): string | Uint8Array {
  try {
    return exactUtf8.decode(value);
  } catch {
    return value;
  }
}

/** The bytes a state line's `key` or `middle` stands for. */
export const bytesOfLine = (value: string | Uint8Array): Uint8Array => (typeof value === 'string' ? encoder.encode(value) : value);

/** `JSON.stringify`'s replacer for session files: bytes as `{"$bytes": base64}`. */
export const withBytes = (_key: string, value: unknown): unknown => (value instanceof Uint8Array ? { $bytes: toBase64(value) } : value);

/**
 * `{"$bytes": base64}` anywhere in a value just parsed, replaced by its `Uint8Array` in place.
 * Bytes that are not base64 are left as they are (the schema then refuses them); `bad` learns the
 * first such key. A walk after `JSON.parse` rather than a reviver: a reviver is called for every
 * key and made parsing lines with bytes several times slower (issue 10). The same base64 text met
 * again in the value is decoded once and its bytes shared (`decoded`): an echo's input, response
 * and frame carry the same bytes, which the page shares anyway (core/history/packedEvents.ts).
 */
function reviveBytes(value: unknown, key: string, bad: { key: string }, decoded: Map<string, Uint8Array>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const revived = reviveBytes(item, String(i), bad, decoded);
      if (revived !== item) value[i] = revived;
    }
    return value;
  }
  const record = value as Record<string, unknown>;
  if ('$bytes' in record) {
    const text = record.$bytes;
    const bytes = typeof text !== 'string' ? undefined : (decoded.get(text) ?? fromBase64(text));
    if (!bytes) bad.key ||= key;
    else decoded.set(text as string, bytes);
    return bytes ?? value;
  }
  for (const name of Object.keys(record)) {
    const child = record[name];
    const revived = reviveBytes(child, name, bad, decoded);
    if (revived !== child) record[name] = revived;
  }
  return value;
}

/** Parses a text (a whole version 1 file, a line of version 2) as JSON with `{"$bytes"}` revived; `badBytes` names the first key whose bytes were not base64. */
export function parseWithBytes(text: string): { ok: true; value: unknown; badBytes: string } | { ok: false; message: string } {
  const bad = { key: '' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (thrown) {
    return { ok: false, message: (thrown as Error).message };
  }
  // Only text that has bytes in it is walked.
  return { ok: true, value: text.includes('$bytes') ? reviveBytes(value, '', bad, new Map()) : value, badBytes: bad.key };
}

/** Why a value the schema refused was no bytes: its `{"$bytes"}` at `key` (`parseWithBytes`'s `badBytes`) was not base64, which a damaged file gives. */
export const badBytesHint = (key: string): string => (key ? ` (the bytes at "${key}" are not valid base64: the file was damaged or altered)` : '');

/** Where a zod issue is, as `events[2].outcome`, after `prefix`. */
export const issuePath = (prefix: string, path: PropertyKey[]): string =>
  (prefix + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')).replace(/^\./, '') || 'the file';

/** What both versions check once a file is read whole: every state an event names is there, and an embedded component is the one named. */
export function checkReferences({ events, states, component }: SessionFile): Result<null, EngineError> {
  for (const e of events) {
    for (const ref of [e.stateBefore, e.stateAfter]) {
      if (ref !== null && !states.has(ref)) return engineError('invalid-session', `events[${e.seq}] refers to state ${ref.slice(0, 12)}…, which the file does not contain.`);
    }
  }
  if (component.bytes && componentHash(component.bytes) !== component.sha256) {
    return engineError('invalid-session', `component.bytes do not match component.sha256: the embedded component was altered. ${NOTHING_IMPORTED}: export the session again, or use an unaltered copy.`);
  }
  return ok(null);
}

/**
 * The header's `server`: how connections reached the actor and, since issue 14, how WASI's clocks
 * and random answered (core/wasiSettings.ts) and the limits it ran under (core/limits.ts; any of
 * them may be missing, and a value out of range is left to the defaults when the history is
 * adopted, `limitsFrom`). Absent: `interface` and the defaults.
 */
export const serverSchema = z
  .object({ delivery: z.enum(CONNECT_DELIVERIES), wasi: wasiSettingsSchema.optional(), limits: z.partialRecord(z.enum(LIMIT_KEYS as [keyof Limits, ...Array<keyof Limits>]), z.number()).optional() })
  .default({ delivery: DEFAULT_DELIVERY });

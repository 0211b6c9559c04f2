import { sha256 } from '@noble/hashes/sha2.js';
import { z } from 'zod';
import { fromBase64, toBase64, toHex } from './bytes';
import { isTextChain } from './chain/textChain';
import { engineError, type EngineError } from './errors';
import { CONNECT_DELIVERIES, DEFAULT_DELIVERY, type ConnectDelivery } from './connectDelivery';
import { BRIDGE_DIRECTIONS, EVENT_KINDS, type ActorEvent } from './events';
import { ok, type Result } from './result';
import type { Connection } from './connections';

/**
 * The session file: a documented, versioned JSON format for carrying a history between
 * machines and into CI. Bytes anywhere are written as `{"$bytes": "<base64>"}`.
 *
 * ```text
 * { "format": "theater-playground-session", "version": 1, "exportedAt": ISO time,
 *   "component": { "name", "sha256", "size", "bytes"?: {"$bytes"} },
 *   "connections": [{ "id", "open" }],
 *   "server"?: { "delivery": "interface" | "theater-host" },  // how connections reached the actor
 *                                       // (connectDelivery.ts); absent means "interface"
 *   "events": [ActorEvent…],            // see events.ts; state references are SHA-256 hex;
 *                                       // `kind: "bridge"` events (frames exchanged with a real
 *                                       // endpoint) carry `bridge` and a connection id below zero;
 *                                       // events imported from a Theater chain may carry `chain`:
 *                                       // {format: "json", entries: [{eventType, data}], readOnly?}
 *                                       // or {format: "text", entries: [{hash, parent, literal}], readOnly};
 *                                       // `kind: "chain"` events (read-only) always do
 *   "states": { "<sha256>": {"$bytes"} } }
 * ```
 */
export const SESSION_FORMAT = 'theater-playground-session';
export const SESSION_VERSION = 1;

export interface SessionFile {
  component: { name: string; sha256: string; size: number; bytes?: Uint8Array };
  connections: Connection[];
  events: ActorEvent[];
  states: Map<string, Uint8Array>;
  /** The simulated server's settings when the session was exported (read back as `interface` when absent). */
  server?: { delivery: ConnectDelivery };
}

const bytes = z.instanceof(Uint8Array);
const message = z.object({
  ty: z.union([
    z.object({ tag: z.enum(['text', 'binary', 'connect', 'close', 'ping', 'pong']) }),
    z.object({ tag: z.literal('other'), val: z.string() }),
  ]),
  data: bytes.optional(),
  text: z.string().optional(),
});
const frame = z.union([
  z.object({ frame: z.literal('text'), text: z.string() }),
  z.object({ frame: z.enum(['binary', 'ping', 'pong']), data: bytes }),
  z.object({ frame: z.literal('close') }),
]);
const bridge = z.object({
  direction: z.enum(BRIDGE_DIRECTIONS),
  endpoint: z.string(),
  closeCode: z.number().int().optional(),
  closeReason: z.string().optional(),
  shadow: z.object({ actorSeq: z.number().int().nonnegative(), match: z.boolean(), detail: z.string().optional() }).optional(),
});
// Entries of an imported Theater chain, as written (see ChainOrigin in events.ts).
const chainOrigin = z.union([
  z.object({ format: z.literal('json'), entries: z.array(z.object({ eventType: z.string(), data: bytes })).min(1), readOnly: z.string().optional() }),
  z.object({ format: z.literal('text'), entries: z.array(z.object({ hash: z.string(), parent: z.string().nullable(), literal: z.string() })).min(1), readOnly: z.string() }),
]);
const stateRef = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex reference').nullable();
const event = z.object({
  seq: z.number().int().nonnegative(),
  kind: z.enum(EVENT_KINDS),
  connectionId: z.number().int().nullable(),
  startedAt: z.number(),
  durationMs: z.number().nonnegative(),
  input: message.nullable(),
  stateBefore: stateRef,
  stateAfter: stateRef,
  outcome: z.union([
    z.object({ kind: z.literal('ok') }),
    z.object({ kind: z.enum(['err', 'trap']), message: z.string() }),
    z.object({ kind: z.literal('timeout'), afterMs: z.number() }),
  ]),
  responses: z.array(z.object({ message, frame: frame.nullable(), warning: z.string().optional() })),
  // `written`: a call read from a Theater chain keeps its input and output's JSON text as the chain had them (hostCalls.ts).
  hostCalls: z.array(z.object({ interface: z.string(), function: z.string(), args: z.array(z.unknown()), result: z.unknown().optional(), stubbed: z.boolean(), written: z.object({ input: z.string(), output: z.string() }).optional() })),
  shutdown: z.boolean(),
  bridge: bridge.optional(),
  chain: chainOrigin.optional(),
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
const file = z.object({
  format: z.literal(SESSION_FORMAT),
  version: z.literal(SESSION_VERSION),
  component: z.object({ name: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative(), bytes: bytes.optional() }),
  connections: z.array(z.object({ id: z.number().int().positive(), open: z.boolean() })),
  server: z.object({ delivery: z.enum(CONNECT_DELIVERIES) }).default({ delivery: DEFAULT_DELIVERY }),
  events: z.array(event),
  states: z.record(z.string(), bytes),
});

export const componentHash = (component: Uint8Array) => toHex(sha256(component));

/** Writes a session file; `includeComponent` embeds the `.wasm` so the file replays anywhere. */
export function writeSessionFile(session: SessionFile, includeComponent: boolean): string {
  const body = {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    exportedAt: new Date().toISOString(),
    component: { name: session.component.name, sha256: session.component.sha256, size: session.component.size, ...(includeComponent && session.component.bytes ? { bytes: session.component.bytes } : {}) },
    connections: session.connections,
    server: session.server ?? { delivery: DEFAULT_DELIVERY },
    events: session.events,
    states: Object.fromEntries(session.states),
  };
  return JSON.stringify(body, (_key, value: unknown) => (value instanceof Uint8Array ? { $bytes: toBase64(value) } : value));
}

const NOT_A_SESSION_BUT_A_CHAIN = 'This is a Theater event chain, not a session file: bring it in with Import chain (it becomes the history of the loaded component).';

/** Reads and checks a session file, saying exactly where and what is wrong with a bad one. */
export function readSessionFile(text: string): Result<SessionFile, EngineError> {
  let raw: unknown;
  let badBytes = '';
  try {
    raw = JSON.parse(text, (key, value: unknown) => {
      if (value && typeof value === 'object' && '$bytes' in value) {
        const decoded = typeof value.$bytes === 'string' ? fromBase64(value.$bytes) : undefined;
        if (!decoded) badBytes ||= key;
        return decoded ?? value;
      }
      return value;
    });
  } catch (thrown) {
    if (isTextChain(text)) return engineError('invalid-session', NOT_A_SESSION_BUT_A_CHAIN);
    return engineError('invalid-session', `The session file is not JSON: ${(thrown as Error).message}`);
  }
  if (raw && typeof raw === 'object' && 'format' in raw && raw.format === SESSION_FORMAT && 'version' in raw && raw.version !== SESSION_VERSION) {
    return engineError('invalid-session', `This session file is version ${String(raw.version)}; this playground reads version ${SESSION_VERSION}.`);
  }
  // A Theater chain (a JSON array of entries) given where a session goes: say which file it is and where it goes instead.
  if (Array.isArray(raw)) return engineError('invalid-session', NOT_A_SESSION_BUT_A_CHAIN);
  const parsed = file.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || 'the file';
    const hint = badBytes ? ` (the bytes at "${badBytes}" are not valid base64)` : '';
    return engineError('invalid-session', `Not a valid session file: ${where}: ${issue.message}${hint}.`);
  }
  const value = parsed.data;
  const states = new Map(Object.entries(value.states));
  for (const [ref, state] of states) {
    if (toHex(sha256(state)) !== ref) return engineError('invalid-session', `states["${ref.slice(0, 12)}…"]: the bytes do not match their SHA-256: the file was altered.`);
  }
  for (const e of value.events) {
    for (const ref of [e.stateBefore, e.stateAfter]) {
      if (ref !== null && !states.has(ref)) return engineError('invalid-session', `events[${e.seq}] refers to state ${ref.slice(0, 12)}…, which the file does not contain.`);
    }
  }
  if (value.component.bytes && componentHash(value.component.bytes) !== value.component.sha256) {
    return engineError('invalid-session', 'component.bytes do not match component.sha256: the embedded component was altered.');
  }
  return ok({ component: value.component, connections: value.connections, server: value.server, events: value.events as ActorEvent[], states });
}

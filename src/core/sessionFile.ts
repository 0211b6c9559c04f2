import { CUT_SHORT, endsEarly } from './cutShort';
import { sha256 } from '@noble/hashes/sha2.js';
import { z } from 'zod';
import { toHex } from './bytes';
import { DEFAULT_DELIVERY } from './connectDelivery';
import { engineError, type EngineError, NOTHING_IMPORTED } from './errors';
import type { ActorEvent } from './events';
import { ok, type Result } from './result';
import { applyDelta, KEYFRAME_INTERVAL, StateChainWriter } from './stateDelta';
import { badBytesHint, checkReferences, componentSchema, connectionsSchema, eventSchema, serverSchema, bytesOfLine, issuePath, newerVersion, parseWithBytes, SESSION_FORMAT, SESSION_VERSION, stateLineSchema, textOrBytesOf, withBytes, type SessionFile } from './sessionFileSchema';
import { readSessionFileV1 } from './sessionFileV1';
import { TextLines } from './textLines';

export { componentHash, SESSION_FORMAT, SESSION_VERSION, type SessionFile } from './sessionFileSchema';

/**
 * The session file: a documented, versioned format for carrying a history between machines and
 * into CI. Version 2 (issue 10) is gzip-compressed JSON Lines, one JSON value per line, so a
 * reader takes it line by line as it decompresses and never holds the whole text; states are
 * stored as deltas (stateDelta.ts). Bytes anywhere are written as `{"$bytes": "<base64>"}`.
 *
 * ```text
 * gzip(                                           // RFC 1952; `gunzip` shows the lines
 *   { "format": "theater-playground-session", "version": 2, "exportedAt": ISO time,
 *     "component": { "name", "sha256", "size", "bytes"?: {"$bytes"} },
 *     "connections": [{ "id", "open" }],
 *     "server": { "delivery": "interface" | "theater-host",   // how connections reached the actor
 *                                                             // (connectDelivery.ts)
 *                 "wasi"?: { "seed", "startMs", "real" },     // how WASI's clocks and random answered
 *                                                             // (wasiSettings.ts; absent: the defaults)
 *                 "limits"?: { "stateBytes": N, … } },        // the limits it ran under (limits.ts)
 *     "states": S, "events": E, "keyframeInterval": K }       // how many lines of each follow
 *   S lines, the distinct states in the order they were recorded, each either
 *     { "state": "<sha256>", "key": BYTES }                   // whole (a keyframe), or
 *     { "state": "<sha256>", "prefix": p, "suffix": s, "middle": BYTES }
 *                                 // the state on the line before with its bytes [p, length - s)
 *                                 // replaced by `middle`; a keyframe at least every K lines;
 *                                 // BYTES is a string when the bytes are valid UTF-8 (their
 *                                 // text, byte for byte), else {"$bytes"}
 *   E lines, one ActorEvent each (events.ts); state references are SHA-256 hex; `kind: "bridge"`
 *     events (frames exchanged with a real endpoint) carry `bridge` and a connection id below
 *     zero; events imported from a Theater chain may carry `chain`: {format: "json", entries:
 *     [{eventType, data}], readOnly?} or {format: "text", entries: [{hash, parent, literal}],
 *     readOnly}; `kind: "chain"` events (read-only) always do
 * )
 * ```
 *
 * Every state is checked against its SHA-256 once rebuilt, so a damaged delta cannot pass. Version
 * 1 (one uncompressed JSON object, `sessionFileV1.ts`) is still read.
 */
const headerV2 = z.object({
  format: z.literal(SESSION_FORMAT),
  version: z.literal(2),
  component: componentSchema,
  connections: connectionsSchema,
  server: serverSchema,
  states: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
});

/** The lines of a version 2 file, each without its `\n`. */
export function* sessionFileLines(session: SessionFile, includeComponent: boolean): Generator<string> {
  const { component } = session;
  yield JSON.stringify(
    {
      format: SESSION_FORMAT,
      version: SESSION_VERSION,
      exportedAt: new Date().toISOString(),
      component: { name: component.name, sha256: component.sha256, size: component.size, ...(includeComponent && component.bytes ? { bytes: component.bytes } : {}) },
      connections: session.connections,
      server: session.server ?? { delivery: DEFAULT_DELIVERY },
      states: session.states.size,
      events: session.events.length,
      keyframeInterval: KEYFRAME_INTERVAL,
    },
    withBytes,
  );
  const chain = new StateChainWriter();
  for (const [ref, bytes] of session.states) {
    const stored = chain.next(ref, bytes);
    const line = 'key' in stored ? { state: ref, key: textOrBytesOf(bytes) } : { state: ref, ...stored.delta, middle: textOrBytesOf(stored.delta.middle) };
    yield JSON.stringify(line, withBytes);
  }
  for (const event of session.events) yield JSON.stringify(event, withBytes);
}

/** Lines gathered per chunk handed to the compressor: fewer, larger writes compress faster. */
const CHUNK_CHARS = 1 << 16;

/** Writes a session file (version 2, gzip); `includeComponent` embeds the `.wasm` so the file replays anywhere. */
export function writeSessionFile(session: SessionFile, includeComponent: boolean): Promise<Blob> {
  const lines = sessionFileLines(session, includeComponent);
  const encoder = new TextEncoder();
  const text = new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      let chunk = '';
      for (let line = lines.next(); !line.done; line = lines.next()) {
        chunk += `${line.value}\n`;
        if (chunk.length >= CHUNK_CHARS) break;
      }
      if (chunk === '') controller.close();
      else controller.enqueue(encoder.encode(chunk));
    },
  });
  return new Response(text.pipeThrough(new CompressionStream('gzip'))).blob().then((blob) => new Blob([blob], { type: 'application/gzip' }));
}

/**
 * How many events `readSessionFile` reads, by default, between two calls of its `onEvents`: as
 * many as a long history's one message can hold without the page's deserialisation of it growing
 * worse than linear (a million in one message took it 9 s), and few enough messages that a
 * history of 100,000 crosses in one (runs that overlap the worker's reading cost more than they
 * save on two cores).
 */
export const EVENTS_PER_RUN = 100_000;

/**
 * Reads and checks a session file of any version, from its bytes as they stream in, saying
 * exactly where and what is wrong with a bad one (`invalid-session`). `input` is the file (a
 * `Blob`), its bytes, or its text. `onEvents` sees each run of `perRun` events of a version 2
 * file as soon as they are read (the worker sends them on while it reads the rest); the
 * file is still checked whole, and they count only if the answer is ok.
 */
export async function readSessionFile(input: BlobPart, onEvents?: (events: ActorEvent[]) => void, perRun = EVENTS_PER_RUN): Promise<Result<SessionFile, EngineError>> {
  const lines = new TextLines((input instanceof Blob ? input : new Blob([input])).stream());
  const iterator = lines[Symbol.asyncIterator]();
  try {
    const first = await iterator.next();
    if (first.done) return engineError('invalid-session', 'The session file is empty: choose the file the playground exported (Files → Export session).');
    const parsed = parseWithBytes(first.value);
    const header = parsed.ok ? parsed.value : undefined;
    if (isHeader(header)) return await readVersion2(header, parsed.ok ? parsed.badBytes : '', iterator, onEvents && { take: onEvents, perRun });
    // Anything else is read whole, as version 1 files always were (one line, unless written by hand).
    const rest: string[] = [];
    for (let line = await iterator.next(); !line.done; line = await iterator.next()) rest.push(line.value);
    return rest.length === 0 ? readSessionFileV1(first.value, parsed) : readSessionFileV1([first.value, ...rest].join('\n'));
  } catch (thrown) {
    return unreadable(thrown, lines.compressed);
  } finally {
    void iterator.return(undefined);
  }
}

/** What is said of a file whose bytes could not be read to the end: the platform's reason, and what to do. */
function unreadable(thrown: unknown, compressed: boolean): Result<never, EngineError> {
  const why = thrown instanceof Error ? thrown.message : String(thrown);
  if (thrown instanceof DOMException && (thrown.name === 'NotReadableError' || thrown.name === 'NotFoundError')) {
    return engineError('invalid-session', `The session file could not be read (${why}): it may have been moved or changed. Choose it again.`);
  }
  const what = compressed ? 'its compressed data is damaged or cut short' : 'it is not UTF-8 text';
  return engineError('invalid-session', `The session file could not be read: ${what} (${why}). ${NOTHING_IMPORTED}: export the session again, or use a complete copy.`);
}

/** Whether a file's first line is a header of version 2 or later (a version 1 file is one object with `version: 1`). */
const isHeader = (value: unknown): value is { format?: unknown; version?: unknown } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'version' in value && (value.version === 2 || ('format' in value && value.format === SESSION_FORMAT && value.version !== 1));

/** Reads the lines after a version 2 header, rebuilding each state from the one before. */
async function readVersion2(raw: { format?: unknown; version?: unknown }, badBytes: string, lines: AsyncIterator<string>, runs?: { take: (events: ActorEvent[]) => void; perRun: number }): Promise<Result<SessionFile, EngineError>> {
  if (raw.format === SESSION_FORMAT && raw.version !== SESSION_VERSION) return engineError('invalid-session', newerVersion(raw.version));
  const header = headerV2.safeParse(raw);
  if (!header.success) return invalid(issuePath('header', header.error.issues[0]!.path), `${header.error.issues[0]!.message}${badBytesHint(badBytes)}`);
  const { component, connections, server } = header.data;
  const counts = { states: header.data.states, events: header.data.events };
  const cutShort = (what: 'states' | 'events', read: number) =>
    engineError('invalid-session', `The session file ends after ${read.toLocaleString('en-US')} of its ${counts[what].toLocaleString('en-US')} ${what}: it was cut short. ${NOTHING_IMPORTED}: export the session again, or use a complete copy.`);

  const states = new Map<string, Uint8Array>();
  let previous: Uint8Array | undefined;
  for (let i = 0; i < counts.states; i++) {
    const line = await lines.next();
    if (line.done) return cutShort('states', i);
    const parsed = lineOf(line.value, `states[${i}]`, stateLineSchema);
    if (!parsed.ok) return parsed;
    const stored = parsed.value;
    const bytes = 'key' in stored ? bytesOfLine(stored.key) : previous && applyDelta(previous, { ...stored, middle: bytesOfLine(stored.middle) });
    if (!bytes) return invalid(`states[${i}]`, previous ? 'the delta does not fit the state before it' : 'a delta with no state before it');
    if (toHex(sha256(bytes)) !== stored.state) return invalid(`states[${i}] ("${stored.state.slice(0, 12)}…")`, 'the bytes do not match their SHA-256: the file was altered');
    states.set(stored.state, bytes);
    previous = bytes;
  }
  const events: ActorEvent[] = [];
  for (let i = 0; i < counts.events; i++) {
    const line = await lines.next();
    if (line.done) return cutShort('events', i);
    const parsed = lineOf(line.value, `events[${i}]`, eventSchema);
    if (!parsed.ok) return parsed;
    events.push(parsed.value as ActorEvent);
    if (runs && events.length % runs.perRun === 0) runs.take(events.slice(-runs.perRun));
  }
  for (let line = await lines.next(); !line.done; line = await lines.next()) {
    if (line.value.trim() !== '') return invalid('the file', `it has more lines than its header counts (${counts.states} states, ${counts.events} events): it was altered`);
  }
  const session: SessionFile = { component, connections, server, events, states };
  const references = checkReferences(session);
  return references.ok ? ok(session) : references;
}

const invalid = (where: string, what: string) => engineError('invalid-session', `Not a valid session file: ${where}: ${what}.`);

/** One line parsed and checked against `schema`; errors name the line as `where`. */
function lineOf<T>(text: string, where: string, schema: z.ZodType<T>): Result<T, EngineError> {
  const parsed = parseWithBytes(text);
  if (!parsed.ok) return endsEarly(parsed.message) ? engineError('invalid-session', `The session file ends in the middle of ${where} (${parsed.message}): ${CUT_SHORT}. ${NOTHING_IMPORTED}: export the session again, or use a complete copy.`) : invalid(where, `not JSON (${parsed.message})`);
  const checked = schema.safeParse(parsed.value);
  if (checked.success) return ok(checked.data);
  const issue = checked.error.issues[0]!;
  return invalid(issuePath(where, issue.path), `${issue.message}${badBytesHint(parsed.badBytes)}`);
}

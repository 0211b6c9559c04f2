import { CUT_SHORT, endsEarly } from './cutShort';
import { sha256 } from '@noble/hashes/sha2.js';
import { z } from 'zod';
import { toHex } from './bytes';
import { isTextChain } from './chain/textChain';
import { engineError, type EngineError, NOTHING_IMPORTED } from './errors';
import type { ActorEvent } from './events';
import { ok, type Result } from './result';
import { badBytesHint, bytesSchema, checkReferences, componentSchema, connectionsSchema, eventSchema, serverSchema, issuePath, newerVersion, parseWithBytes, SESSION_FORMAT, type SessionFile } from './sessionFileSchema';

/**
 * Version 1 of the session file, which the playground wrote before issue 10 and still reads: one
 * JSON object, every state whole and uncompressed, so it is read as one text.
 *
 * ```text
 * { "format": "theater-playground-session", "version": 1, "exportedAt": ISO time,
 *   "component": {...}, "connections": [...], "server"?: {...},   // as in version 2's header
 *   "events": [ActorEvent…],
 *   "states": { "<sha256>": {"$bytes"} } }
 * ```
 */
const fileV1 = z.object({
  format: z.literal(SESSION_FORMAT),
  version: z.literal(1),
  component: componentSchema,
  connections: connectionsSchema,
  server: serverSchema,
  events: z.array(eventSchema),
  states: z.record(z.string(), bytesSchema),
});

/** What is said of a Theater chain given where a session file goes. */
export const NOT_A_SESSION_BUT_A_CHAIN = 'This is a Theater event chain, not a session file: bring it in with Import chain (it becomes the history of the loaded component).';

/** What is said of a file that is neither kind of session file (nor a chain). */
export const NOT_A_SESSION = `This is not a session file: those are gzip-compressed JSON Lines (version 2) or JSON (version 1), as Files → Export session writes them, and this file is neither. ${NOTHING_IMPORTED}: choose the file the playground exported.`;

/** Reads a version 1 file (or whatever else was given whole as one), saying exactly where and what is wrong with a bad one. */
export function readSessionFileV1(text: string, parsed = parseWithBytes(text)): Result<SessionFile, EngineError> {
  if (!parsed.ok) {
    if (isTextChain(text)) return engineError('invalid-session', NOT_A_SESSION_BUT_A_CHAIN);
    // JSON.parse quotes the start of the text, which for a random or binary file is noise: say what the file is not instead.
    if (!/^\s*[{[]/.test(text)) return engineError('invalid-session', NOT_A_SESSION);
    if (endsEarly(parsed.message)) return engineError('invalid-session', `The session file ends in the middle of a value (${parsed.message}): ${CUT_SHORT}. ${NOTHING_IMPORTED}: export the session again, or use a complete copy.`);
    return engineError('invalid-session', `The session file is not JSON: ${parsed.message}`);
  }
  const raw = parsed.value;
  if (raw && typeof raw === 'object' && 'format' in raw && raw.format === SESSION_FORMAT && 'version' in raw && raw.version !== 1) return engineError('invalid-session', newerVersion(raw.version));
  // A Theater chain (a JSON array of entries) given where a session goes: say which file it is and where it goes instead.
  if (Array.isArray(raw)) return engineError('invalid-session', NOT_A_SESSION_BUT_A_CHAIN);
  const file = fileV1.safeParse(raw);
  if (!file.success) {
    const issue = file.error.issues[0]!;
    return engineError('invalid-session', `Not a valid session file: ${issuePath('', issue.path)}: ${issue.message}${badBytesHint(parsed.badBytes)}.`);
  }
  const value = file.data;
  const states = new Map(Object.entries(value.states));
  for (const [ref, state] of states) {
    if (toHex(sha256(state)) !== ref) return engineError('invalid-session', `states["${ref.slice(0, 12)}…"]: the bytes do not match their SHA-256: the file was altered.`);
  }
  const session: SessionFile = { component: value.component, connections: value.connections, server: value.server, events: value.events as ActorEvent[], states };
  const references = checkReferences(session);
  return references.ok ? ok(session) : references;
}
